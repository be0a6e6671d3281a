// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The enrichment of a case: the index of each of its configuration
// snapshots, of which the detail pane and the flow table's snapshot columns
// read the one in force at each record's time, and the filter fields the one
// in force over the filter's time (see enrichment_timeline.h). And the note for
// a filter that finds nothing but names traffic flow logs never record, with
// what the snapshot adds (VPC blocks, endpoint and load balancer interfaces).

#include "enrichment_timeline.h"
#include "interface_enrichment.h"
#include "query/filter_ast.h"
#include "query/filter_fields.h"
#include "query/filter_error.h"
#include "query/record_predicate.h"

#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <variant>

namespace flowscope {
class CaseDb;
class CaseFilter;
}

namespace flowscope::explain {

// Null when the case holds no snapshot (or is of a schema before snapshots).
// Throws StoreError when the case cannot be read.
std::shared_ptr<const InterfaceEnrichment> loadCaseEnrichment(CaseDb &caseDb);

// The same, shared by every caller while the case's newest snapshot stays
// the same (a snapshot added to the case is read at the next call): the
// views compile a filter on every change and must not parse the snapshot
// each time. Safe to call from any thread.
std::shared_ptr<const InterfaceEnrichment> sharedCaseEnrichment(CaseDb &caseDb);

// Every snapshot of the case, shared by every caller while the case's
// snapshots stay the same (each parsed and indexed once). Empty when the
// case holds none. Safe to call from any thread.
std::shared_ptr<const EnrichmentTimeline> sharedCaseEnrichments(CaseDb &caseDb);

// The span of time a filter is about: its own `time` window within the
// case's records' [first start, last end].
std::pair<qint64, qint64> filterSpan(const TimeWindow &window, std::optional<qint64> firstStart,
                                     std::optional<qint64> lastEnd);

// CaseFilter::compile with security-group, instance-name, subnet-name and
// vpc-name answered by one snapshot (read only when the filter names one of
// them): the one in force over the filter's span. `choice`, when given, is
// set to that choice (nothing when the filter names none of those fields
// or the case holds no snapshot). The case's stars and tags answer
// `starred` and `tag` (read only when the filter names them).
std::variant<std::shared_ptr<const CaseFilter>, FilterError>
compileWithSnapshot(CaseDb &caseDb, std::string_view expression, IocMembership iocLists = {},
                    std::optional<SpanSnapshotChoice> *choice = nullptr);

// The snapshot a filter's fields are answered by, as compileWithSnapshot
// chooses it, from the case's enrichments and records' time range.
std::optional<SpanSnapshotChoice> snapshotForFilter(const EnrichmentTimeline &enrichments, std::string_view expression,
                                                    std::optional<qint64> firstStart, std::optional<qint64> lastEnd);

// Empty when the filter names no such traffic; enrichment may be null.
std::string unloggedTrafficNoteFor(const FilterNode &filter, const InterfaceEnrichment *enrichment);
// The same for a filter's text (empty when it does not parse).
std::string unloggedTrafficNoteFor(std::string_view expression, const InterfaceEnrichment *enrichment);

} // namespace flowscope::explain
