// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bucket width a timeline uses when it follows the zoom: a round width
// (1 s, 2 s, 5 s ... 1 day) giving about as many bars as the plot has room
// for. Widths under a minute are kept for views of ten minutes or less:
// from a minute up, a whole case's timeline comes from the per-minute
// rollups instead of the records, so zooming stays fast at any case size.

#include <cstdint>
#include <span>

namespace flowscope {

// The round widths, in seconds, smallest first.
std::span<const std::int64_t> roundBucketWidths();

// The smallest round width that splits `rangeSeconds` into at most
// `maxBuckets` buckets (one day when none does), and at least a minute when
// the range is over kFineBucketRangeSeconds.
inline constexpr std::int64_t kFineBucketRangeSeconds = 10 * 60;
std::int64_t autoBucketSeconds(std::int64_t rangeSeconds, int maxBuckets);

struct TimeRange;

// What a zoomed view asks for: the range in view plus a margin either side
// (within `extent`), so a short pan shows bars at once. Half a view when the
// buckets are whole minutes (read from rollups, so the margin is free); a
// tenth otherwise, as those buckets are counted from the records.
TimeRange zoomRequestRange(const TimeRange &visible, const TimeRange &extent, std::int64_t bucketSeconds);

} // namespace flowscope
