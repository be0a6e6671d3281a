// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_scale.h"

#include "timeline.h"

#include <algorithm>
#include <array>

namespace flowscope {

namespace {

constexpr std::array<std::int64_t, 18> kWidths{1,   2,    5,    10,   15,    30,    60,    120,   300,
                                                600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};

} // namespace

std::span<const std::int64_t> roundBucketWidths() { return kWidths; }

std::int64_t autoBucketSeconds(std::int64_t rangeSeconds, int maxBuckets)
{
    const std::int64_t range = std::max<std::int64_t>(rangeSeconds, 1);
    const std::int64_t most = std::max(maxBuckets, 1);
    const std::int64_t floor = range > kFineBucketRangeSeconds ? 60 : 1;
    for (const std::int64_t width : kWidths) {
        // Ceiling division, without overflow for any positive range.
        if (width >= floor && range / width + (range % width != 0 ? 1 : 0) <= most)
            return width;
    }
    return kWidths.back();
}

TimeRange zoomRequestRange(const TimeRange &visible, const TimeRange &extent, std::int64_t bucketSeconds)
{
    const std::int64_t span = std::max<std::int64_t>(visible.end - visible.begin, 1);
    const std::int64_t margin = bucketSeconds % 60 == 0 ? span / 2 : span / 10;
    return {std::max(extent.begin, visible.begin - margin), std::min(extent.end, visible.end + margin)};
}

} // namespace flowscope
