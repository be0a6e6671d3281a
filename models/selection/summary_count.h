// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Counting a filter without reading records, when what the case keeps beside
// them answers it exactly: a filter that reads only the interface context,
// the action and the log status (`action == reject`, an ENI, a VPC's
// rejects) is counted from the case's record totals (schema 4).

#include <cstdint>
#include <optional>

namespace flowscope {

class CaseDb;
class CaseFilter;

// The records `filter` matches, or nothing when the filter reads other
// fields or the case has no totals (a case of schema 3 read as it is).
std::optional<std::int64_t> countFromSummaries(CaseDb &caseDb, const CaseFilter &filter);

} // namespace flowscope
