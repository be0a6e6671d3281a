// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Counting a filter without reading records, when what the case keeps beside
// them answers it exactly: a filter that reads only the interface context,
// the action and the log status (`action == reject`, an ENI, a VPC's
// rejects) is counted from the case's record totals (schema 4); a filter on
// one port side or the protocol, and the action (`dstport == 3306`, `srcport
// in {53, 123} and action == reject`, `protocol == 1`), or `port == N` with
// terms on the action, from the records by port and protocol.

#include <cstdint>
#include <optional>

namespace flowscope {

class CaseDb;
class CaseFilter;

// The records `filter` matches, or nothing when the filter reads other
// fields or the case has no such totals (an older case read as it is).
std::optional<std::int64_t> countFromSummaries(CaseDb &caseDb, const CaseFilter &filter);

} // namespace flowscope
