// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds display-filter text from what an analyst points at: the term for a
// table cell or a statistics row, and the Wireshark-style combination of a
// term with the filter already typed ("Apply/Prepare as Filter", "...and
// Selected", "...or not Selected"). Every term parses with parseFilter and
// matches exactly the records that hold the value.
//
// Absent values ('-'): the language has no "is absent" test, but a test on an
// absent field is false and `not` negates it (filter_ast.h), so absence is the
// negation of a test every present value passes: `not dstport >= 0`,
// `not srcaddr in {0.0.0.0/0, ::/0}`, `not vpc-id contains ""`, and for named
// values `not (action == accept or action == reject)`.

#include "format/field_catalog.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace flowscope {

// How a term joins the current filter (Wireshark's "Selected", "...and
// Selected", "...or Selected", "...and not Selected", "...or not Selected").
enum class FilterCombine { Replace, And, Or, AndNot, OrNot };

// The term selecting `rawValue` in `field` (FlowTableModel::RawValueRole: a
// number, a text, or a null QVariant when absent). Empty when the value cannot
// be a value of the field.
QString filterTermFor(Field field, const QVariant &rawValue);

// `current` joined with `term`; parentheses only where precedence or
// readability needs them. An empty current filter gives the term (negated for
// the "not" forms).
QString combineFilter(const QString &current, const QString &term, FilterCombine how);

// `current` narrowed to the records whose span overlaps [begin, end) (epoch
// seconds): a range brushed on the timeline, as `time >= A and time < B` in
// UTC ISO 8601. A range this function appended before is replaced rather
// than stacked, so brushing again moves the window; what the analyst typed
// stays as typed.
QString narrowToTimeRange(const QString &current, qint64 begin, qint64 end);

// Statistics rows: the records a row counts. Empty when an address is not one.
QString conversationFilter(const QString &addressA, const QString &addressB);
// With the protocol and the service port (the lower of the two ports);
// nullopt when the row has none.
QString serviceConversationFilter(const QString &addressA, const QString &addressB, std::optional<int> protocol,
                                  std::optional<int> servicePort);
QString addressEndpointFilter(const QString &address);
QString interfaceEndpointFilter(const QString &interfaceId);

} // namespace flowscope
