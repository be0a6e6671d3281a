// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_count.h"

#include "case_filter.h"
#include "match_collection.h"
#include "summary_count.h"
#include "store/case_summary.h"

namespace flowscope {

std::int64_t countMatches(CaseDb &caseDb, const CaseFilter &filter)
{
    if (filter.matchesEverything())
        return static_cast<std::int64_t>(summarizeCase(caseDb).records); // from provenance: no scan
    if (const auto counted = countFromSummaries(caseDb, filter))
        return *counted; // from the record totals: no scan
    return collectMatches(caseDb, filter)->total();
}

} // namespace flowscope
