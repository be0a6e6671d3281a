// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A timeline's series as text, one row per bucket: bucket_start (epoch
// seconds), accept, reject, nodata_enis, skipdata_enis. The CLI prints it and
// the timeline view exports it, so both write the same columns.

#include "analysis/timeline.h"

#include <ostream>

namespace flowscope {

// CSV with a header line, lines ending in CRLF (RFC 4180).
void writeTimelineCsv(std::ostream &out, const Timeline &timeline);
// A JSON array of one object per bucket.
void writeTimelineJson(std::ostream &out, const Timeline &timeline);

} // namespace flowscope
