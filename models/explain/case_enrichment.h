// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The enrichment of a case: the index of its newest configuration snapshot
// (the one taken last, whatever the records' times), which the filter fields,
// the detail pane and the flow table's snapshot columns read. And the note for
// a filter that finds nothing but names traffic flow logs never record, with
// what the snapshot adds (VPC blocks, endpoint and load balancer interfaces).

#include "interface_enrichment.h"
#include "query/filter_ast.h"
#include "query/filter_error.h"
#include "query/record_predicate.h"

#include <memory>
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

// CaseFilter::compile with the case's newest snapshot answering
// security-group, instance-name, subnet-name and vpc-name, and the case's
// stars and tags answering `starred` and `tag` (each read only when the
// filter names one of them).
std::variant<std::shared_ptr<const CaseFilter>, FilterError>
compileWithSnapshot(CaseDb &caseDb, std::string_view expression, IocMembership iocLists = {});

// Empty when the filter names no such traffic; enrichment may be null.
std::string unloggedTrafficNoteFor(const FilterNode &filter, const InterfaceEnrichment *enrichment);
// The same for a filter's text (empty when it does not parse).
std::string unloggedTrafficNoteFor(std::string_view expression, const InterfaceEnrichment *enrichment);

} // namespace flowscope::explain
