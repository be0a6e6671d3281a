// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_rollups.h"

#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <string>

namespace flowscope {

namespace {

// RollupKey's action code (store/minute_rollup.h).
constexpr int kAccept = 0; // 1 is REJECT

const char *minuteColumn(TimelineMetric metric, bool spread)
{
    switch (metric) {
    case TimelineMetric::Flows: return "flows";
    case TimelineMetric::Bytes: return spread ? "spread_bytes" : "bytes";
    case TimelineMetric::Packets: return spread ? "spread_packets" : "packets";
    }
    return "flows";
}

} // namespace

bool hasTimelineRollups(CaseDb &caseDb)
{
    return queryInt(caseDb.handle(),
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                    " AND name IN ('rollup_long_span', 'coverage_gap')")
        == 2;
}

void gatherFromRollups(CaseDb &caseDb, const BucketGrid &grid, TimelineMetric metric, bool spread,
                       BucketSeries &series)
{
    const std::int64_t begin = grid.origin;
    const std::int64_t end = grid.startOf(grid.count);
    const bool spreading = spread && metric != TimelineMetric::Flows;

    // Column names come from the fixed set above, never from input.
    Statement minutes(caseDb.handle(), std::string("SELECT minute, action, sum(") + minuteColumn(metric, spreading)
                                           + ") FROM rollup_minute WHERE minute >= ?1 AND minute < ?2"
                                             " AND action IN (0, 1) GROUP BY minute, action");
    minutes.bind(1, begin);
    minutes.bind(2, end);
    while (minutes.step())
        series.addToMinute(minutes.int64(0), static_cast<std::uint64_t>(minutes.int64(2)), minutes.int64(1) == kAccept);

    if (spreading) {
        // Spans over a day put no shares in rollup_minute: they are spread here.
        Statement longSpans(caseDb.handle(), std::string("SELECT action, start, last, ")
                                                 + (metric == TimelineMetric::Bytes ? "bytes" : "packets")
                                                 + " FROM rollup_long_span WHERE action IN (0, 1)"
                                                   " AND start < ?1 AND last >= ?2");
        longSpans.bind(1, end);
        longSpans.bind(2, begin);
        while (longSpans.step())
            series.add(longSpans.int64(1), longSpans.int64(2), static_cast<std::uint64_t>(longSpans.int64(3)),
                       longSpans.int64(0) == kAccept);
    }

}

void gatherCoverage(CaseDb &caseDb, const TimeRange &span, CoverageGaps &gaps)
{
    Statement coverage(caseDb.handle(),
                       "SELECT d.value, g.log_status, g.begin, g.end FROM coverage_gap g"
                       " JOIN interface i ON i.id = g.interface JOIN dictionary d ON d.id = i.interface_id"
                       " WHERE g.begin < ?1 AND g.end > ?2");
    coverage.bind(1, span.end);
    coverage.bind(2, span.begin);
    while (coverage.step()) {
        const auto status = coverage.int64(1) == 1 ? LogStatus::NoData : LogStatus::SkipData;
        gaps.add(coverage.text(0), status, coverage.int64(2), coverage.int64(3));
    }
}

std::uint64_t undatedRecords(CaseDb &caseDb)
{
    return static_cast<std::uint64_t>(queryInt(caseDb.handle(), "SELECT sum(undated) FROM flow_block", 0));
}

} // namespace flowscope
