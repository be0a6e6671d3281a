// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/time_buckets.h"

#include <algorithm>
#include <map>
#include <string>

namespace flowscope {

namespace {

// The inclusive last second of a record: its end, or its start when the end
// is missing or earlier.
std::int64_t lastSecond(const EncodedFlow &flow)
{
    return flow.has(Field::End) ? std::max(flow.start, flow.end) : flow.start;
}

bool selected(const CaseFilter &filter, const EncodedFlow &flow)
{
    return !filter.predicate() || filter.predicate()(flow);
}

// Bucket-aligned grid over [range.begin, range.end), or a TimelineError.
BucketGrid gridFor(const TimeRange &range, const TimelineOptions &options)
{
    BucketGrid grid{0, options.bucketSeconds, 0};
    if (range.end <= range.begin)
        return grid;
    grid.origin = grid.indexOf(range.begin) * options.bucketSeconds;
    // In long double: a garbage end far in the future must not wrap around.
    const long double buckets =
        (static_cast<long double>(range.end) - static_cast<long double>(grid.origin)) / options.bucketSeconds;
    if (buckets > static_cast<long double>(options.maxBuckets))
        throw TimelineError("a timeline of " + std::to_string(static_cast<unsigned long long>(buckets + 0.999L))
                            + " buckets of " + std::to_string(options.bucketSeconds)
                            + " seconds is over the limit of " + std::to_string(options.maxBuckets)
                            + " buckets: choose wider buckets or a shorter range");
    grid.count = static_cast<std::size_t>((range.end - grid.origin + options.bucketSeconds - 1) / options.bucketSeconds);
    return grid;
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

Timeline computeTimeline(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options)
{
    if (options.bucketSeconds < 1)
        throw TimelineError("the bucket width must be at least one second");
    Timeline timeline;
    timeline.bucketSeconds = options.bucketSeconds;

    TimeRange range;
    if (options.range) {
        range = *options.range;
    } else {
        // The selected records' extent, before any bucket is allocated.
        std::optional<TimeRange> seen;
        scanRecords(caseDb, filter.blocks(), [&](const EncodedFlow &flow, std::int64_t) {
            if (!flow.has(Field::Start) || !selected(filter, flow))
                return;
            const std::int64_t end = lastSecond(flow) + 1;
            if (!seen)
                seen = TimeRange{flow.start, end};
            seen->begin = std::min(seen->begin, flow.start);
            seen->end = std::max(seen->end, end);
        });
        range = seen.value_or(TimeRange{});
    }
    const BucketGrid grid = gridFor(range, options);

    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(caseDb.handle());
    interfaces.load(caseDb.handle(), strings);

    std::vector<std::uint64_t> accepts(grid.count), rejects(grid.count);
    // ENI name -> its NODATA spans and its SKIPDATA spans, unmerged.
    std::map<std::string, std::pair<std::vector<CoverageInterval>, std::vector<CoverageInterval>>> gaps;
    const bool spread = options.spread && options.metric != TimelineMetric::Flows;
    scanRecords(caseDb, filter.blocks(), [&](const EncodedFlow &flow, std::int64_t) {
        if (!selected(filter, flow))
            return;
        if (!flow.has(Field::Start)) {
            ++timeline.untimed;
            return;
        }
        const std::int64_t last = lastSecond(flow);
        if (flow.has(Field::LogStatus) && flow.logStatus != LogStatus::Ok && flow.interface != 0) {
            // A record without an interface-id names no ENI to shade.
            if (const std::uint32_t eni = interfaces.key(flow.interface)[0]; eni != 0) {
                auto &spans = gaps[strings.value(eni)];
                (flow.logStatus == LogStatus::NoData ? spans.first : spans.second)
                    .push_back({flow.start, last + 1, flow.logStatus});
            }
        }
        if (!flow.has(Field::Action))
            return;
        std::uint64_t value = 1;
        if (options.metric == TimelineMetric::Bytes)
            value = flow.has(Field::Bytes) ? flow.bytes : 0;
        else if (options.metric == TimelineMetric::Packets)
            value = flow.has(Field::Packets) ? flow.packets : 0;
        addToBuckets(grid, flow.start, last, value, spread, flow.action == Action::Accept ? accepts : rejects);
    });

    timeline.buckets.resize(grid.count);
    for (std::size_t i = 0; i < grid.count; ++i)
        timeline.buckets[i] = TimelineBucket{grid.startOf(i), accepts[i], rejects[i], 0, 0};

    for (auto &[eni, spans] : gaps) {
        EniCoverage coverage{eni, {}};
        mergeInto(std::move(spans.first), coverage.intervals);
        const std::size_t nodataCount = coverage.intervals.size();
        mergeInto(std::move(spans.second), coverage.intervals);
        // An ENI counts once per bucket however many of its intervals touch
        // it: merged intervals of one status are in order and disjoint, so
        // each starts counting after the last bucket the one before counted.
        std::optional<std::size_t> counted;
        for (std::size_t i = 0; i < coverage.intervals.size(); ++i) {
            if (i == nodataCount)
                counted.reset(); // SKIPDATA counts on its own
            const CoverageInterval &interval = coverage.intervals[i];
            const auto buckets = grid.covered(interval.begin, interval.end - 1);
            if (!buckets)
                continue;
            const std::size_t from = counted ? std::max(buckets->first, *counted + 1) : buckets->first;
            for (std::size_t b = from; b <= buckets->last; ++b)
                ++(interval.status == LogStatus::NoData ? timeline.buckets[b].nodataEnis : timeline.buckets[b].skipdataEnis);
            counted = std::max(counted.value_or(0), buckets->last);
        }
        std::stable_sort(coverage.intervals.begin(), coverage.intervals.end(),
                         [](const auto &a, const auto &b) { return a.begin < b.begin; });
        timeline.coverage.push_back(std::move(coverage));
    }
    return timeline;
}

} // namespace flowscope
