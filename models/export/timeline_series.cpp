// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_series.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string_view>
#include <utility>

namespace flowscope {

namespace {

void writeJsonString(std::ostream &out, std::string_view text)
{
    out << '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out << '\\' << c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out << escaped;
        } else {
            out << c;
        }
    }
    out << '"';
}

// Per bucket, the ENIs (indexes into timeline.coverage, so in name order)
// whose `status` coverage touches it: one entry per (bucket, ENI), as the
// counts count them and the view's tooltip names them.
class MissingEnis {
public:
    MissingEnis(const Timeline &timeline, LogStatus status)
    {
        const std::size_t count = timeline.buckets.size();
        if (count == 0 || timeline.bucketSeconds <= 0)
            return;
        const std::int64_t origin = timeline.buckets.front().start;
        const std::int64_t width = timeline.bucketSeconds;
        const auto bucketOf = [&](std::int64_t second) {
            const std::int64_t offset = second - origin;
            return offset / width - ((offset % width != 0 && offset < 0) ? 1 : 0);
        };
        for (std::uint32_t eni = 0; eni < timeline.coverage.size(); ++eni) {
            for (const CoverageInterval &interval : timeline.coverage[eni].intervals) {
                if (interval.status != status || interval.end <= interval.begin)
                    continue;
                const std::int64_t first = std::max<std::int64_t>(bucketOf(interval.begin), 0);
                const std::int64_t last =
                    std::min<std::int64_t>(bucketOf(interval.end - 1), static_cast<std::int64_t>(count) - 1);
                for (std::int64_t b = first; b <= last; ++b)
                    m_pairs.emplace_back(static_cast<std::size_t>(b), eni);
            }
        }
        std::sort(m_pairs.begin(), m_pairs.end());
        m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end()), m_pairs.end());
    }

    // Writes the names for `bucket`; buckets must be asked for in order.
    void write(std::ostream &out, const Timeline &timeline, std::size_t bucket)
    {
        out << '[';
        bool first = true;
        for (; m_next < m_pairs.size() && m_pairs[m_next].first <= bucket; ++m_next) {
            if (m_pairs[m_next].first < bucket)
                continue;
            if (!first)
                out << ',';
            first = false;
            writeJsonString(out, timeline.coverage[m_pairs[m_next].second].eni);
        }
        out << ']';
    }

private:
    std::vector<std::pair<std::size_t, std::uint32_t>> m_pairs;
    std::size_t m_next = 0;
};

} // namespace

void writeTimelineCsv(std::ostream &out, const Timeline &timeline)
{
    out << "bucket_start,accept,reject,nodata_enis,skipdata_enis\r\n";
    for (const TimelineBucket &b : timeline.buckets)
        out << b.start << ',' << b.accept << ',' << b.reject << ',' << b.nodataEnis << ',' << b.skipdataEnis << "\r\n";
}

void writeTimelineCsv(std::ostream &out, const Timeline &timeline, const std::vector<std::string> &comments)
{
    for (std::string comment : comments) {
        std::replace_if(comment.begin(), comment.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
        out << "# " << comment << "\r\n";
    }
    out << "bucket_start,bucket_start_utc,accept,reject,nodata_enis,skipdata_enis\r\n";
    for (const TimelineBucket &b : timeline.buckets) {
        const std::time_t start = static_cast<std::time_t>(b.start);
        std::tm utc{};
        char iso[32] = "";
        if (gmtime_r(&start, &utc))
            std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &utc);
        out << b.start << ',' << iso << ',' << b.accept << ',' << b.reject << ',' << b.nodataEnis << ','
            << b.skipdataEnis << "\r\n";
    }
}

void writeTimelineJson(std::ostream &out, const Timeline &timeline)
{
    MissingEnis nodata(timeline, LogStatus::NoData);
    MissingEnis skipdata(timeline, LogStatus::SkipData);
    out << '[';
    for (std::size_t i = 0; i < timeline.buckets.size(); ++i) {
        const TimelineBucket &b = timeline.buckets[i];
        out << (i ? ",\n" : "\n") << "{\"bucket_start\":" << b.start << ",\"accept\":" << b.accept
            << ",\"reject\":" << b.reject << ",\"nodata_enis\":";
        nodata.write(out, timeline, i);
        out << ",\"skipdata_enis\":";
        skipdata.write(out, timeline, i);
        out << '}';
    }
    out << "\n]\n";
}

} // namespace flowscope
