// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"
#include "timeline_rollups.h"
#include "timeline_series.h"
#include "timeline_scale.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/file_removal.h"
#include "store/sqlite_handle.h"
#include "store/time_buckets.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>
#include <string>

namespace flowscope {

namespace {

// Minutes gathered in one pass when a filtered timeline has no range yet:
// beyond this (years of candidate blocks) the extent is found first.
constexpr std::int64_t kMaxOnePassMinutes = 1'000'000;

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

std::uint64_t valueOf(const EncodedFlow &flow, TimelineMetric metric)
{
    switch (metric) {
    case TimelineMetric::Flows: return 1;
    case TimelineMetric::Bytes: return flow.has(Field::Bytes) ? flow.bytes : 0;
    case TimelineMetric::Packets: return flow.has(Field::Packets) ? flow.packets : 0;
    }
    return 0;
}

// Bucket-aligned grid over [range.begin, range.end), or a TimelineError.
BucketGrid gridFor(const TimeRange &range, std::int64_t width, std::size_t maxBuckets)
{
    BucketGrid grid{0, width, 0};
    if (range.end <= range.begin)
        return grid;
    grid.origin = grid.indexOf(range.begin) * width;
    // In long double: a garbage end far in the future must not wrap around.
    const long double buckets = (static_cast<long double>(range.end) - static_cast<long double>(grid.origin)) / width;
    if (buckets > static_cast<long double>(maxBuckets))
        throw TimelineError("a timeline of " + std::to_string(static_cast<unsigned long long>(buckets + 0.999L))
                            + " buckets of " + std::to_string(width) + " seconds is over the limit of "
                            + std::to_string(maxBuckets) + " buckets: choose wider buckets or a shorter range");
    grid.count = static_cast<std::size_t>((range.end - grid.origin + width - 1) / width);
    return grid;
}

std::int64_t widthFor(const TimeRange &range, const TimelineOptions &options)
{
    return options.targetBuckets > 0 ? autoBucketSeconds(range.end - range.begin, options.targetBuckets)
                                     : options.bucketSeconds;
}

// The span of the given blocks' records (all blocks when none are given),
// from the block index: dated records only.
std::optional<TimeRange> blockSpan(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks)
{
    // A record's last second is max(start, end), so a block's is
    // max(start_max, end_max).
    Statement statement(caseDb.handle(), blocks ? "SELECT start_min, max(start_max, coalesce(end_max, start_max))"
                                                  " FROM flow_block WHERE id = ?"
                                                : "SELECT min(start_min), max(max(start_max, coalesce(end_max,"
                                                  " start_max))) FROM flow_block");
    std::optional<TimeRange> span;
    const auto take = [&] {
        if (statement.isNull(0))
            return;
        const TimeRange block{statement.int64(0), statement.int64(1) + 1};
        span = span ? TimeRange{std::min(span->begin, block.begin), std::max(span->end, block.end)} : block;
    };
    if (!blocks) {
        if (statement.step())
            take();
        return span;
    }
    for (const std::int64_t id : *blocks) {
        statement.bind(1, id);
        if (statement.step())
            take();
        statement.reset();
    }
    return span;
}

// The block ids a query yields (in order), kept only if among `candidates`
// (sorted) when there are candidates.
std::vector<std::int64_t> idsAmong(Statement &statement, const std::optional<std::vector<std::int64_t>> &candidates)
{
    std::vector<std::int64_t> ids;
    while (statement.step())
        ids.push_back(statement.int64(0));
    if (!candidates)
        return ids;
    std::vector<std::int64_t> both;
    std::set_intersection(ids.begin(), ids.end(), candidates->begin(), candidates->end(), std::back_inserter(both));
    return both;
}

// The blocks (of `candidates`, or of the case) that hold a record whose span
// touches [range.begin, range.end), or a record without a start.
std::vector<std::int64_t> blocksTouching(CaseDb &caseDb, const TimeRange &range,
                                         const std::optional<std::vector<std::int64_t>> &candidates)
{
    Statement statement(caseDb.handle(),
                        "SELECT id FROM flow_block WHERE undated > 0 OR (start_min < ?1"
                        " AND max(start_max, coalesce(end_max, start_max)) >= ?2) ORDER BY id");
    statement.bind(1, range.end);
    statement.bind(2, range.begin);
    return idsAmong(statement, candidates);
}

// The blocks (of `candidates`, or of the case) holding records without a start.
std::vector<std::int64_t> blocksWithUndated(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &candidates)
{
    Statement statement(caseDb.handle(), "SELECT id FROM flow_block WHERE undated > 0 ORDER BY id");
    return idsAmong(statement, candidates);
}

// One pass over the selected records of some blocks into a series and the
// coverage gaps, noting the records' extent and those without a start.
class RecordPass {
public:
    RecordPass(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options)
        : m_caseDb(caseDb)
        , m_filter(filter)
        , m_options(options)
    {
        m_strings.load(caseDb.handle());
        m_interfaces.load(caseDb.handle(), m_strings);
    }

    // `gaps` gets the NODATA/SKIPDATA spans of every record read, selected
    // or not: see scopedCoverage. The ENIs in scope are those of selected
    // records touching `scope` (all selected records without it).
    void run(const std::optional<std::vector<std::int64_t>> &blocks, BucketSeries *series, CoverageGaps *gaps,
             const std::optional<TimeRange> &scope = std::nullopt)
    {
        const bool spreadable = m_options.metric != TimelineMetric::Flows;
        std::uint32_t sinceCheck = 0;
        scanRecords(m_caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
            if (m_options.cancelled && ++sinceCheck == 4096) {
                sinceCheck = 0;
                if (m_options.cancelled())
                    throw TimelineCancelled();
            }
            const std::uint32_t eni = flow.interface != 0 ? m_interfaces.key(flow.interface)[0] : 0;
            const bool gap = flow.has(Field::LogStatus) && flow.logStatus != LogStatus::Ok && flow.has(Field::Start);
            // A record without an interface-id names no ENI to shade.
            if (gaps && gap && eni != 0)
                gaps->add(m_strings.value(eni), flow.logStatus, flow.start, lastSecond(flow) + 1);
            if (!selected(m_filter, flow))
                return;
            if (!flow.has(Field::Start)) {
                ++untimed;
                return;
            }
            const std::int64_t last = lastSecond(flow);
            if (eni != 0 && (!scope || (flow.start < scope->end && last >= scope->begin)))
                m_selectedEnis.insert(eni);
            extent = extent ? TimeRange{std::min(extent->begin, flow.start), std::max(extent->end, last + 1)}
                            : TimeRange{flow.start, last + 1};
            if (series && flow.has(Field::Action))
                series->add(flow.start, spreadable ? last : flow.start, valueOf(flow, m_options.metric),
                            flow.action == Action::Accept);
        });
        if (m_options.cancelled && m_options.cancelled())
            throw TimelineCancelled();
    }

    // The ENIs of the selected records, by name.
    std::set<std::string> selectedEnis() const
    {
        std::set<std::string> names;
        for (const std::uint32_t eni : m_selectedEnis)
            names.insert(m_strings.value(eni));
        return names;
    }

    std::optional<TimeRange> extent;
    std::uint64_t untimed = 0;

private:
    CaseDb &m_caseDb;
    const CaseFilter &m_filter;
    const TimelineOptions &m_options;
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    std::unordered_set<std::uint32_t> m_selectedEnis;
};

// Coverage under a filter: the gaps of the ENIs the selected records came
// from, whatever the rest of the filter says. NODATA and SKIPDATA records
// carry no addresses, ports or action, so `action == reject` would select
// none of them, and a gap in the evidence would look like silence. From
// the case's own table of gaps when it has one (every block), else from the
// records the pass read.
void scopedCoverage(CaseDb &caseDb, const CaseFilter &filter, const std::set<std::string> &enis,
                    const TimeRange &span, CoverageGaps &gaps)
{
    if (hasTimelineRollups(caseDb)) {
        gaps = CoverageGaps();
        gatherCoverage(caseDb, span, gaps);
    }
    if (!filter.matchesEverything())
        gaps.keepOnly(enis);
}

bool rollupsAnswer(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options,
                   const BucketSeries &series)
{
    return options.allowRollups && series.byMinute() && (filter.fieldsRead() & ~rollupFields()).none()
        && hasTimelineRollups(caseDb);
}

Timeline assemble(const BucketGrid &grid, const TimeRange &range, const BucketSeries &series,
                  const CoverageGaps &gaps, std::uint64_t untimed)
{
    Timeline timeline;
    timeline.bucketSeconds = grid.width;
    timeline.range = range;
    timeline.buckets = series.buckets(grid);
    timeline.coverage = gaps.finish(grid, timeline.buckets, TimeRange{grid.origin, grid.startOf(grid.count)});
    timeline.untimed = untimed;
    return timeline;
}

// Every record (or the selected ones) over `range`: from the rollups when
// they can answer, otherwise from the records of the blocks that touch the
// grid (whole edge buckets, so both sources agree there too).
Timeline overRange(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options,
                   const std::optional<std::vector<std::int64_t>> &candidates, const TimeRange &range, bool ranged)
{
    const BucketGrid grid = gridFor(range, widthFor(range, options), options.maxBuckets);
    const TimeRange gridSpan{grid.origin, grid.startOf(grid.count)};
    const bool spread = options.spread && options.metric != TimelineMetric::Flows;
    BucketSeries series(grid, spread);
    CoverageGaps gaps;
    if (rollupsAnswer(caseDb, filter, options, series)) {
        std::set<std::string> enis;
        // The ENIs only narrow the coverage of a filter: none asked for without one.
        gatherFromRollups(caseDb, grid, options.metric, options.spread, series, filter.predicate(),
                          filter.matchesEverything() ? nullptr : &enis);
        scopedCoverage(caseDb, filter, enis, gridSpan, gaps);
        // Records without a start are in no rollup: only the blocks holding some are read.
        RecordPass undated(caseDb, filter, options);
        if (!filter.matchesEverything())
            undated.run(blocksWithUndated(caseDb, candidates), nullptr, nullptr);
        return assemble(grid, range, series, gaps,
                        filter.matchesEverything() ? undatedRecords(caseDb) : undated.untimed);
    }
    RecordPass pass(caseDb, filter, options);
    pass.run(ranged ? std::optional(blocksTouching(caseDb, gridSpan, candidates)) : candidates, &series, &gaps,
             gridSpan);
    scopedCoverage(caseDb, filter, pass.selectedEnis(), gridSpan, gaps);
    return assemble(grid, range, series, gaps, pass.untimed);
}

} // namespace

namespace {

std::vector<RemovedSpan> removedIn(CaseDb &caseDb, const TimeRange &range)
{
    std::vector<RemovedSpan> spans;
    for (const RemovedFile &file : removedFiles(caseDb.handle())) {
        if (!file.firstStart || !file.lastEnd)
            continue;
        const TimeRange span{std::max(*file.firstStart, range.begin), std::min(*file.lastEnd, range.end)};
        if (span.begin < span.end)
            spans.push_back({span, file.path});
    }
    return spans;
}

Timeline bucketedTimeline(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options);

} // namespace

Timeline computeTimeline(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options)
{
    Timeline timeline = bucketedTimeline(caseDb, filter, options);
    timeline.removed = removedIn(caseDb, timeline.range);
    return timeline;
}

namespace {

Timeline bucketedTimeline(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options)
{
    if (options.targetBuckets <= 0 && options.bucketSeconds < 1)
        throw TimelineError("the bucket width must be at least one second");
    if (options.range)
        return overRange(caseDb, filter, options, filter.blocks(), *options.range, true);
    if (options.caseRange) {
        const TimeRange extent = blockSpan(caseDb, std::nullopt).value_or(TimeRange{});
        const TimeWindow window = filter.timeWindow();
        TimeRange range{std::max(extent.begin, window.from.value_or(extent.begin)),
                        std::min(extent.end, window.until.value_or(extent.end))};
        if (range.end < range.begin)
            range = TimeRange{}; // the window misses the case
        Timeline timeline = overRange(caseDb, filter, options, filter.blocks(), range, true);
        timeline.caseExtent = extent;
        return timeline;
    }
    if (filter.matchesEverything())
        return overRange(caseDb, filter, options, std::nullopt, blockSpan(caseDb, std::nullopt).value_or(TimeRange{}),
                         false);

    // Filtered, no range: the extent of the selected records is not known
    // before their pass, so gather by minute over the candidate blocks' span
    // and lay the buckets over the extent found. Widths under a minute (an
    // extent of half an hour or less) take a second, narrow pass.
    const TimeRange span = blockSpan(caseDb, filter.blocks()).value_or(TimeRange{});
    const std::int64_t firstMinute = BucketGrid{0, 60, 0}.indexOf(span.begin) * 60;
    const std::int64_t minutes = (span.end - firstMinute + 59) / 60;
    if (minutes > kMaxOnePassMinutes) {
        RecordPass extentPass(caseDb, filter, options);
        extentPass.run(filter.blocks(), nullptr, nullptr);
        const TimeRange extent = extentPass.extent.value_or(TimeRange{});
        return overRange(caseDb, filter, options, blocksTouching(caseDb, extent, filter.blocks()), extent, false);
    }
    const BucketGrid byMinute{firstMinute, 60, static_cast<std::size_t>(std::max<std::int64_t>(minutes, 0))};
    BucketSeries series(byMinute, options.spread && options.metric != TimelineMetric::Flows);
    CoverageGaps gaps;
    RecordPass pass(caseDb, filter, options);
    pass.run(filter.blocks(), &series, &gaps);
    const TimeRange extent = pass.extent.value_or(TimeRange{});
    const std::int64_t width = widthFor(extent, options);
    if (width % 60 != 0)
        return overRange(caseDb, filter, options, blocksTouching(caseDb, extent, filter.blocks()), extent, false);
    const BucketGrid grid = gridFor(extent, width, options.maxBuckets);
    scopedCoverage(caseDb, filter, pass.selectedEnis(), TimeRange{grid.origin, grid.startOf(grid.count)}, gaps);
    return assemble(grid, extent, series, gaps, pass.untimed);
}

} // namespace

} // namespace flowscope
