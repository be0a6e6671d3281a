// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_rollups.h"

#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"
#include "store/summary_record.h"

#include <map>
#include <string>
#include <tuple>
#include <unordered_set>

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

FieldSet rollupFields()
{
    FieldSet fields;
    fields.set(static_cast<std::size_t>(Field::Action));
    fields.set(static_cast<std::size_t>(Field::LogStatus));
    for (const Field f : kInterfaceFields)
        fields.set(static_cast<std::size_t>(f));
    return fields;
}

namespace {

// Whether `accept` selects the records of one rollup key: a record made of
// just the key's fields stands for them all, as the filter reads no other.
class RollupKeyFilter {
public:
    RollupKeyFilter(CaseDb &caseDb, const RecordPredicate &accept)
        : m_accept(accept)
    {
        m_strings.load(caseDb.handle());
        m_interfaces.load(caseDb.handle(), m_strings);
    }

    bool selects(std::int64_t interface, std::int64_t action, std::int64_t logStatus)
    {
        if (!m_accept)
            return true;
        const std::tuple key{interface, action, logStatus};
        if (const auto known = m_verdicts.find(key); known != m_verdicts.end())
            return known->second;
        return m_verdicts[key] = m_accept(recordOfSummaryKey(m_interfaces, interface, action, logStatus));
    }

    std::string eniOf(std::int64_t interface) const
    {
        if (interface <= 0 || static_cast<std::size_t>(interface) > m_interfaces.size())
            return {};
        const std::uint32_t eni = m_interfaces.key(static_cast<std::uint32_t>(interface))[0];
        return eni != 0 ? m_strings.value(eni) : std::string();
    }

private:
    const RecordPredicate &m_accept;
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t>, bool> m_verdicts;
};

} // namespace

void gatherFromRollups(CaseDb &caseDb, const BucketGrid &grid, TimelineMetric metric, bool spread,
                       BucketSeries &series, const RecordPredicate &accept, std::set<std::string> *enis)
{
    const std::int64_t begin = grid.origin;
    const std::int64_t end = grid.startOf(grid.count);
    const bool spreading = spread && metric != TimelineMetric::Flows;
    RollupKeyFilter keys(caseDb, accept);
    // Interfaces by id while the rows go by (a row per minute and interface);
    // named once at the end.
    std::unordered_set<std::int64_t> interfaces;
    const auto note = [&](std::int64_t interface) {
        if (enis)
            interfaces.insert(interface);
    };

    // Every record and no ENI to name: the rows summed over the interfaces
    // (a case from before them has only the rows by interface).
    const bool overInterfaces = !accept && !enis
        && queryInt(caseDb.handle(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                     " AND name = 'rollup_minute_total'")
            == 1;
    // Column names come from the fixed set above, never from input.
    Statement minutes(caseDb.handle(), std::string("SELECT minute, ") + (overInterfaces ? "0" : "interface")
                                           + ", action, log_status, " + minuteColumn(metric, spreading) + " FROM "
                                           + (overInterfaces ? "rollup_minute_total" : "rollup_minute")
                                           + " WHERE minute >= ?1 AND minute < ?2");
    minutes.bind(1, begin);
    minutes.bind(2, end);
    while (minutes.step()) {
        const std::int64_t action = minutes.int64(2);
        if (!keys.selects(minutes.int64(1), action, minutes.int64(3)))
            continue;
        note(minutes.int64(1));
        if (action == 0 || action == 1)
            series.addToMinute(minutes.int64(0), static_cast<std::uint64_t>(minutes.int64(4)), action == kAccept);
    }

    if (spreading) {
        // Spans over a day put no shares in rollup_minute: they are spread here.
        Statement longSpans(caseDb.handle(), std::string("SELECT interface, action, log_status, start, last, ")
                                                 + (metric == TimelineMetric::Bytes ? "bytes" : "packets")
                                                 + " FROM rollup_long_span WHERE action IN (0, 1)"
                                                   " AND start < ?1 AND last >= ?2");
        longSpans.bind(1, end);
        longSpans.bind(2, begin);
        while (longSpans.step()) {
            if (!keys.selects(longSpans.int64(0), longSpans.int64(1), longSpans.int64(2)))
                continue;
            note(longSpans.int64(0));
            series.add(longSpans.int64(3), longSpans.int64(4), static_cast<std::uint64_t>(longSpans.int64(5)),
                       longSpans.int64(1) == kAccept);
        }
    }
    for (const std::int64_t interface : interfaces)
        if (std::string eni = keys.eniOf(interface); !eni.empty())
            enis->insert(std::move(eni));
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
