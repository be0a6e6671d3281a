// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a report lays out table cells: columns as wide as their content asks
// (the widest unbreakable token at least, their whole lines when there is
// room) and lines broken at spaces, never inside a token. An interface id,
// an address or a hash stays on one line. A token wider than its column (a
// long path or file name, a filter, an ARN) breaks after its separators
// ("/", ":", "_", "=", ...); a piece still too wide after a hyphen or
// dot, then between characters, as a last resort, so that nothing runs
// into the next column.
//
// The functions measure through `measure`, the width of a text in the
// report's points, so they lay out for the PDF and its preview alike.

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace flowscope::report {

using MeasureText = std::function<double(const QString &)>;

// What a column's cells ask for.
struct ColumnExtent {
    double token = 0; // the widest token: below this a token breaks
    double piece = 0;    // the widest piece between separators: below this a piece breaks after hyphens and dots
    double fragment = 0; // the widest piece between those too: below this it breaks between characters
    double line = 0;     // the widest line unbroken: more is of no use
};

// The extent of one cell (its lines are those the text holds).
ColumnExtent measureCell(const QString &text, const MeasureText &measure);
// The wider of two extents, field by field.
ColumnExtent widest(const ColumnExtent &a, const ColumnExtent &b);

// Widths for columns of these extents in `available` points (padding
// included in the extents), summing to `available`. Every column gets its
// widest token when they all fit; otherwise the columns whose tokens have
// separators give way to their pieces first, then to their fragments (a
// hash, without any, stays whole); when even those do not fit, the narrow
// columns keep theirs and the wide ones share the rest alike.
// What remains goes to the
// columns whose lines would break, in proportion to what they lack, and
// past that in proportion to their lines.
std::vector<double> columnWidths(const std::vector<ColumnExtent> &columns, double available);

// The lines `text` takes in `width` points.
QStringList wrapCell(const QString &text, double width, const MeasureText &measure);

} // namespace flowscope::report
