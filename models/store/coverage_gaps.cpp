// SPDX-License-Identifier: GPL-3.0-or-later
#include "coverage_gaps.h"

#include "minute_rollup.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace flowscope {

std::optional<CoverageSpan> coverageSpanOf(const EncodedFlow &flow)
{
    if (!flow.has(Field::Start) || !flow.has(Field::LogStatus) || flow.logStatus == LogStatus::Ok || flow.interface == 0)
        return std::nullopt;
    const std::int64_t last = lastSecondOf(flow);
    const std::int64_t end = last == std::numeric_limits<std::int64_t>::max() ? last : last + 1;
    return CoverageSpan{flow.interface, static_cast<std::uint8_t>(flow.logStatus), flow.start, end};
}

std::vector<CoverageSpan> mergeCoverageSpans(std::vector<CoverageSpan> spans)
{
    std::sort(spans.begin(), spans.end(), [](const CoverageSpan &a, const CoverageSpan &b) {
        return std::tie(a.interface, a.logStatus, a.begin) < std::tie(b.interface, b.logStatus, b.begin);
    });
    std::vector<CoverageSpan> merged;
    for (const CoverageSpan &span : spans) {
        if (!merged.empty() && merged.back().interface == span.interface && merged.back().logStatus == span.logStatus
            && span.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, span.end);
        else
            merged.push_back(span);
    }
    return merged;
}

CoverageGapWriter::CoverageGapWriter(sqlite3 *db)
    : m_before(db, "SELECT begin, end FROM coverage_gap WHERE interface = ?1 AND log_status = ?2 AND begin < ?3"
                   " ORDER BY begin DESC LIMIT 1")
    , m_within(db, "SELECT max(end) FROM coverage_gap WHERE interface = ? AND log_status = ? AND begin BETWEEN ? AND ?")
    , m_delete(db, "DELETE FROM coverage_gap WHERE interface = ? AND log_status = ? AND begin BETWEEN ? AND ?")
    , m_insert(db, "INSERT INTO coverage_gap(interface, log_status, begin, end) VALUES(?, ?, ?, ?)")
{
}

void CoverageGapWriter::add(const EncodedFlow &flow)
{
    if (const auto span = coverageSpanOf(flow))
        m_spans.push_back(*span);
}

void CoverageGapWriter::flush()
{
    const std::vector<CoverageSpan> merged = mergeCoverageSpans(std::move(m_spans));
    m_spans.clear();
    auto bindKey = [](Statement &statement, const CoverageSpan &span) {
        statement.bind(1, static_cast<std::int64_t>(span.interface));
        statement.bind(2, static_cast<std::int64_t>(span.logStatus));
    };
    for (CoverageSpan span : merged) {
        // Stored gaps of one interface and status neither overlap nor touch,
        // so the only ones this span can meet are the last one beginning
        // before it and those beginning within it.
        bindKey(m_before, span);
        m_before.bind(3, span.begin);
        if (m_before.step() && m_before.int64(1) >= span.begin) {
            span.begin = m_before.int64(0);
            span.end = std::max(span.end, m_before.int64(1));
        }
        m_before.reset();
        bindKey(m_within, span);
        m_within.bind(3, span.begin);
        m_within.bind(4, span.end);
        if (m_within.step() && !m_within.isNull(0))
            span.end = std::max(span.end, m_within.int64(0));
        m_within.reset();
        bindKey(m_delete, span);
        m_delete.bind(3, span.begin);
        m_delete.bind(4, span.end);
        m_delete.exec();
        bindKey(m_insert, span);
        m_insert.bind(3, span.begin);
        m_insert.bind(4, span.end);
        m_insert.exec();
    }
}

} // namespace flowscope
