// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the query benchmarks share: timing, medians, and the record in the
// middle of the case, whose values make filters that match on any case.

#include "store/case_db.h"
#include "store/flow_pager.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace flowscope::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point started)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

inline FlowRow middleRecord(CaseDb &caseDb)
{
    FlowPager pager(caseDb);
    return pager.rowsAt(pager.recordCount() / 2, 1).at(0);
}

// The /24 holding an IPv4 address.
inline std::string cidr24(const std::string &address) { return address.substr(0, address.rfind('.')) + ".0/24"; }

} // namespace flowscope::bench
