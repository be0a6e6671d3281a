// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Questions a view asks of a timeline's coverage: where is any ENI's
// evidence missing (to shade), and whose is missing in a given bucket (to
// name in a tooltip).

#include "timeline.h"

#include <string>
#include <vector>

namespace flowscope {

// The union over all ENIs of the intervals with `status` (NoData or
// SkipData): sorted, disjoint, touching intervals merged.
std::vector<CoverageInterval> coverageUnion(const Timeline &timeline, LogStatus status);

// Where the NODATA is worth shading: where some ENI reported NODATA and no
// bucket holds a record of the timeline (the traffic it shows). An ENI that
// is idle while others talk is the normal case and not shaded.
std::vector<CoverageInterval> quietIntervals(const Timeline &timeline);

// The ENIs (by name, sorted) with an interval of `status` overlapping `range`.
std::vector<std::string> enisMissingIn(const Timeline &timeline, const TimeRange &range, LogStatus status);

} // namespace flowscope
