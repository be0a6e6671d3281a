// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_series.h"

namespace flowscope {

void writeTimelineCsv(std::ostream &out, const Timeline &timeline)
{
    out << "bucket_start,accept,reject,nodata_enis,skipdata_enis\r\n";
    for (const TimelineBucket &b : timeline.buckets)
        out << b.start << ',' << b.accept << ',' << b.reject << ',' << b.nodataEnis << ',' << b.skipdataEnis << "\r\n";
}

void writeTimelineJson(std::ostream &out, const Timeline &timeline)
{
    out << '[';
    for (std::size_t i = 0; i < timeline.buckets.size(); ++i) {
        const TimelineBucket &b = timeline.buckets[i];
        out << (i ? ",\n" : "\n") << "{\"bucket_start\":" << b.start << ",\"accept\":" << b.accept
            << ",\"reject\":" << b.reject << ",\"nodata_enis\":" << b.nodataEnis
            << ",\"skipdata_enis\":" << b.skipdataEnis << '}';
    }
    out << "\n]\n";
}

} // namespace flowscope
