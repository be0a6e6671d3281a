// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The enrichment of a case: the index of its newest configuration snapshot
// (the one taken last, whatever the records' times), which the filter fields,
// the detail pane and the flow table's snapshot columns read. And the note for
// a filter that finds nothing but names traffic flow logs never record, with
// what the snapshot adds (VPC blocks, endpoint and load balancer interfaces).

#include "interface_enrichment.h"
#include "query/filter_ast.h"

#include <memory>
#include <string>

namespace flowscope {
class CaseDb;
}

namespace flowscope::explain {

// Null when the case holds no snapshot (or is of a schema before snapshots).
// Throws StoreError when the case cannot be read.
std::shared_ptr<const InterfaceEnrichment> loadCaseEnrichment(CaseDb &caseDb);

// Empty when the filter names no such traffic; enrichment may be null.
std::string unloggedTrafficNoteFor(const FilterNode &filter, const InterfaceEnrichment *enrichment);

} // namespace flowscope::explain
