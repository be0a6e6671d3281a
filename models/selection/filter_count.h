// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How many records a compiled filter matches, read the cheapest way the case
// allows: every record from the files' provenance, a filter the totals
// answer from them (summary_count.h), any other from the blocks the indexes
// choose, the predicate deciding within them. What `flowscope-cli count`
// prints and the count benchmark times.

#include <cstdint>

namespace flowscope {

class CaseDb;
class CaseFilter;

std::int64_t countMatches(CaseDb &caseDb, const CaseFilter &filter);

} // namespace flowscope
