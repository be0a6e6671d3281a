// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_series.h"

#include <algorithm>

namespace flowscope {

namespace {

BucketGrid minuteGridOver(const BucketGrid &grid)
{
    const std::int64_t minutesPerBucket = grid.width / 60;
    return BucketGrid{grid.origin, 60, grid.count * static_cast<std::size_t>(minutesPerBucket)};
}

// Sorts and merges the spans of one status: overlapping or touching spans
// become one interval.
void mergeInto(std::vector<CoverageInterval> spans, std::vector<CoverageInterval> &out)
{
    std::sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) { return a.begin < b.begin; });
    const std::size_t firstOwn = out.size();
    for (const CoverageInterval &span : spans) {
        if (out.size() > firstOwn && span.begin <= out.back().end)
            out.back().end = std::max(out.back().end, span.end);
        else
            out.push_back(span);
    }
}

} // namespace

BucketSeries::BucketSeries(const BucketGrid &grid, bool spread)
    : m_grid(grid)
    , m_fine(grid.width % 60 == 0 ? minuteGridOver(grid) : grid)
    , m_spread(spread)
    , m_accept(m_fine.count)
    , m_reject(m_fine.count)
{
}

void BucketSeries::add(std::int64_t start, std::int64_t last, std::uint64_t value, bool accept)
{
    addToBuckets(m_fine, start, last, value, m_spread, accept ? m_accept : m_reject);
}

void BucketSeries::addToMinute(std::int64_t minute, std::uint64_t value, bool accept)
{
    const std::int64_t index = m_fine.indexOf(minute);
    if (index >= 0 && index < static_cast<std::int64_t>(m_fine.count))
        (accept ? m_accept : m_reject)[static_cast<std::size_t>(index)] += value;
}

std::vector<TimelineBucket> BucketSeries::buckets(const BucketGrid &grid) const
{
    std::vector<TimelineBucket> out(grid.count);
    for (std::size_t i = 0; i < grid.count; ++i)
        out[i].start = grid.startOf(i);
    if (m_fine.width == grid.width && m_fine.origin == grid.origin) {
        for (std::size_t i = 0; i < std::min(grid.count, m_fine.count); ++i) {
            out[i].accept = m_accept[i];
            out[i].reject = m_reject[i];
        }
        return out;
    }
    // Minutes added up into the wider buckets of `grid`.
    for (std::size_t m = 0; m < m_fine.count; ++m) {
        if (m_accept[m] == 0 && m_reject[m] == 0)
            continue;
        const std::int64_t bucket = grid.indexOf(m_fine.startOf(m));
        if (bucket < 0 || bucket >= static_cast<std::int64_t>(grid.count))
            continue;
        out[static_cast<std::size_t>(bucket)].accept += m_accept[m];
        out[static_cast<std::size_t>(bucket)].reject += m_reject[m];
    }
    return out;
}

void CoverageGaps::add(const std::string &eni, LogStatus status, std::int64_t begin, std::int64_t end)
{
    auto &spans = m_spans[eni];
    (status == LogStatus::NoData ? spans.first : spans.second).push_back({begin, end, status});
}

void CoverageGaps::keepOnly(const std::set<std::string> &enis)
{
    std::erase_if(m_spans, [&](const auto &entry) { return !enis.contains(entry.first); });
}

std::vector<EniCoverage> CoverageGaps::finish(const BucketGrid &grid, std::vector<TimelineBucket> &buckets,
                                              const std::optional<TimeRange> &within) const
{
    std::vector<EniCoverage> out;
    for (const auto &[eni, spans] : m_spans) {
        EniCoverage coverage{eni, {}};
        mergeInto(spans.first, coverage.intervals);
        const std::size_t nodataCount = coverage.intervals.size();
        mergeInto(spans.second, coverage.intervals);
        // An ENI counts once per bucket however many of its intervals touch
        // it: merged intervals of one status are in order and disjoint, so
        // each starts counting after the last bucket the one before counted.
        std::optional<std::size_t> counted;
        for (std::size_t i = 0; i < coverage.intervals.size(); ++i) {
            if (i == nodataCount)
                counted.reset(); // SKIPDATA counts on its own
            const CoverageInterval &interval = coverage.intervals[i];
            const auto covered = grid.covered(interval.begin, interval.end - 1);
            if (!covered)
                continue;
            const std::size_t from = counted ? std::max(covered->first, *counted + 1) : covered->first;
            for (std::size_t b = from; b <= covered->last && b < buckets.size(); ++b)
                ++(interval.status == LogStatus::NoData ? buckets[b].nodataEnis : buckets[b].skipdataEnis);
            counted = std::max(counted.value_or(0), covered->last);
        }
        if (within) {
            // Only what lies within, cut at its edges: the same whichever
            // records beyond it were read.
            std::erase_if(coverage.intervals, [&](const CoverageInterval &interval) {
                return interval.end <= within->begin || interval.begin >= within->end;
            });
            for (CoverageInterval &interval : coverage.intervals) {
                interval.begin = std::max(interval.begin, within->begin);
                interval.end = std::min(interval.end, within->end);
            }
        }
        std::stable_sort(coverage.intervals.begin(), coverage.intervals.end(),
                         [](const auto &a, const auto &b) { return a.begin < b.begin; });
        if (!coverage.intervals.empty())
            out.push_back(std::move(coverage));
    }
    return out;
}

} // namespace flowscope
