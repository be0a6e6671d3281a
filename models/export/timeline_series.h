// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A timeline's series as text, one row per bucket: bucket_start (epoch
// seconds), accept, reject, nodata_enis, skipdata_enis. The CLI prints it and
// the timeline view exports it, so both write the same columns: in CSV the
// ENIs missing coverage are counted, in JSON named.

#include "analysis/timeline.h"

#include <ostream>
#include <string>
#include <vector>

namespace flowscope {

// CSV with a header line, lines ending in CRLF (RFC 4180).
void writeTimelineCsv(std::ostream &out, const Timeline &timeline);
// The same CSV as the timeline view exports it, readable on its own: a
// comment line ("# " and the text, line breaks made spaces) for each of
// `comments` (what the bars count, the filter, the case), then the columns
// with bucket_start_utc, the bucket's start in ISO 8601 UTC, after bucket_start.
void writeTimelineCsv(std::ostream &out, const Timeline &timeline, const std::vector<std::string> &comments);
// A JSON array of one object per bucket; nodata_enis and skipdata_enis are
// lists of ENI ids in name order, those the view's tooltip names.
void writeTimelineJson(std::ostream &out, const Timeline &timeline);

} // namespace flowscope
