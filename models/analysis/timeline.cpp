// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"
#include "timeline_buckets.h"
#include "timeline_scale.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"

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

// The blocks (of `candidates`, or of the case) that hold a record whose span
// touches [range.begin, range.end), or a record without a start.
std::vector<std::int64_t> blocksTouching(CaseDb &caseDb, const TimeRange &range,
                                         const std::optional<std::vector<std::int64_t>> &candidates)
{
    // A record's last second is max(start, end), so a block's is
    // max(start_max, end_max).
    Statement statement(caseDb.handle(),
                        "SELECT id FROM flow_block WHERE undated > 0 OR (start_min < ?1"
                        " AND max(start_max, coalesce(end_max, start_max)) >= ?2) ORDER BY id");
    statement.bind(1, range.end);
    statement.bind(2, range.begin);
    std::vector<std::int64_t> touching;
    while (statement.step())
        touching.push_back(statement.int64(0));
    if (!candidates)
        return touching;
    std::vector<std::int64_t> both;
    std::set_intersection(touching.begin(), touching.end(), candidates->begin(), candidates->end(),
                          std::back_inserter(both));
    return both;
}

// The extent of every dated record, read from the block index.
TimeRange caseExtent(CaseDb &caseDb)
{
    Statement statement(caseDb.handle(),
                        "SELECT min(start_min), max(max(start_max, coalesce(end_max, start_max))) FROM flow_block");
    if (!statement.step() || statement.isNull(0))
        return {};
    return {statement.int64(0), statement.int64(1) + 1};
}

// Calls `fn` for each selected record of `blocks`, polling the cancel hook.
template <typename Fn>
void scanSelected(CaseDb &caseDb, const CaseFilter &filter, const std::optional<std::vector<std::int64_t>> &blocks,
                  const TimelineOptions &options, Fn fn)
{
    std::uint32_t sinceCheck = 0;
    scanRecords(caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
        if (options.cancelled && ++sinceCheck == 4096) {
            sinceCheck = 0;
            if (options.cancelled())
                throw TimelineCancelled();
        }
        if (selected(filter, flow))
            fn(flow);
    });
    if (options.cancelled && options.cancelled())
        throw TimelineCancelled();
}

} // namespace

Timeline computeTimeline(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options)
{
    if (options.targetBuckets <= 0 && options.bucketSeconds < 1)
        throw TimelineError("the bucket width must be at least one second");
    Timeline timeline;

    TimeRange range;
    if (options.range) {
        range = *options.range;
    } else if (filter.matchesEverything()) {
        range = caseExtent(caseDb);
    } else {
        // The selected records' extent, before any bucket is allocated.
        std::optional<TimeRange> seen;
        scanSelected(caseDb, filter, filter.blocks(), options, [&](const EncodedFlow &flow) {
            if (!flow.has(Field::Start))
                return;
            const std::int64_t end = lastSecond(flow) + 1;
            if (!seen)
                seen = TimeRange{flow.start, end};
            seen->begin = std::min(seen->begin, flow.start);
            seen->end = std::max(seen->end, end);
        });
        range = seen.value_or(TimeRange{});
    }
    TimelineOptions effective = options;
    if (options.targetBuckets > 0)
        effective.bucketSeconds = autoBucketSeconds(range.end - range.begin, options.targetBuckets);
    timeline.bucketSeconds = effective.bucketSeconds;
    timeline.range = range;
    const BucketGrid grid = gridFor(range, effective);

    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(caseDb.handle());
    interfaces.load(caseDb.handle(), strings);

    std::vector<std::uint64_t> accepts(grid.count), rejects(grid.count);
    // ENI name -> its NODATA spans and its SKIPDATA spans, unmerged.
    std::map<std::string, std::pair<std::vector<CoverageInterval>, std::vector<CoverageInterval>>> gaps;
    const bool spread = options.spread && options.metric != TimelineMetric::Flows;
    const auto blocks = options.range ? std::optional(blocksTouching(caseDb, range, filter.blocks())) : filter.blocks();
    scanSelected(caseDb, filter, blocks, options, [&](const EncodedFlow &flow) {
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
