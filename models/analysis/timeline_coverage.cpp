// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_coverage.h"

#include <algorithm>

namespace flowscope {

std::vector<CoverageInterval> coverageUnion(const Timeline &timeline, LogStatus status)
{
    std::vector<CoverageInterval> all;
    for (const EniCoverage &eni : timeline.coverage)
        for (const CoverageInterval &interval : eni.intervals)
            if (interval.status == status)
                all.push_back(interval);
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.begin < b.begin; });
    std::vector<CoverageInterval> merged;
    for (const CoverageInterval &interval : all) {
        if (!merged.empty() && interval.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, interval.end);
        else
            merged.push_back(interval);
    }
    return merged;
}

std::vector<CoverageInterval> quietIntervals(const Timeline &timeline)
{
    std::vector<CoverageInterval> quiet;
    const std::int64_t width = timeline.bucketSeconds;
    const std::vector<CoverageInterval> noData = coverageUnion(timeline, LogStatus::NoData);
    if (width <= 0 || noData.empty())
        return quiet;
    auto interval = noData.begin();
    for (const TimelineBucket &bucket : timeline.buckets) {
        if (bucket.accept + bucket.reject > 0)
            continue;
        const std::int64_t end = bucket.start + width;
        while (interval != noData.end() && interval->end <= bucket.start)
            ++interval;
        for (auto it = interval; it != noData.end() && it->begin < end; ++it) {
            const CoverageInterval part{std::max(it->begin, bucket.start), std::min(it->end, end), LogStatus::NoData};
            if (!quiet.empty() && quiet.back().end >= part.begin)
                quiet.back().end = std::max(quiet.back().end, part.end);
            else
                quiet.push_back(part);
        }
    }
    return quiet;
}

std::vector<std::string> enisMissingIn(const Timeline &timeline, const TimeRange &range, LogStatus status)
{
    std::vector<std::string> names; // timeline.coverage is sorted by name
    for (const EniCoverage &eni : timeline.coverage) {
        const bool missing = std::any_of(eni.intervals.begin(), eni.intervals.end(), [&](const CoverageInterval &i) {
            return i.status == status && i.begin < range.end && range.begin < i.end;
        });
        if (missing)
            names.push_back(eni.eni);
    }
    return names;
}

} // namespace flowscope
