// SPDX-License-Identifier: GPL-3.0-or-later
#include "visibility_gap_detector.h"
#include "evidence_filter.h"

#include <algorithm>
#include <map>

namespace flowscope {

VisibilityGapDetector::VisibilityGapDetector(VisibilityGapParameters parameters)
    : m_parameters(parameters)
{
}

VisibilityGapDetector::~VisibilityGapDetector() = default;

std::vector<DetectorParameter> VisibilityGapDetector::parameters()
{
    return {secondsParameter("merge-gap-s", "NODATA/SKIPDATA records at most this far apart make one gap",
                             m_parameters.mergeGapSeconds),
            secondsParameter("min-nodata-s", "shortest NODATA-only gap reported", m_parameters.minNodataSeconds),
            flagParameter("require-overlap", "only gaps during another finding", m_parameters.requireOverlap)};
}

ColumnMask VisibilityGapDetector::columns() const
{
    return columnOf(Field::LogStatus) | columnOf(Field::InterfaceId) | columnOf(Field::Start) | columnOf(Field::End)
        | columnOf(Field::Bytes);
}

void VisibilityGapDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::LogStatus) || flow.logStatus == LogStatus::Ok || !flow.has(Field::Start))
        return;
    m_records.push_back({flow.interface, flow.logStatus == LogStatus::SkipData, flow.start,
                         flow.has(Field::End) ? flow.end : flow.start, flow.has(Field::Bytes) ? flow.bytes : 0});
}

std::vector<Finding> VisibilityGapDetector::finish(const DetectContext &context, const std::vector<Finding> &earlier)
{
    // Per ENI (several interface contexts may share one), in start order.
    std::map<std::string, std::vector<Gap>> byEni;
    for (const Gap &g : m_records)
        byEni[context.eniOf(g.interface)].push_back(g);
    m_records.clear();
    std::vector<Finding> findings;
    for (auto &[eni, records] : byEni) {
        std::sort(records.begin(), records.end(), [](const Gap &a, const Gap &b) { return a.start < b.start; });
        for (std::size_t from = 0; from < records.size();) {
            Finding f;
            f.type = "visibility-gap";
            f.start = records[from].start;
            f.end = records[from].end;
            std::int64_t lastStart = f.start;
            bool skip = false;
            std::size_t to = from;
            for (; to < records.size() && (to == from || records[to].start <= f.end + m_parameters.mergeGapSeconds); ++to) {
                f.end = std::max(f.end, records[to].end);
                lastStart = records[to].start;
                skip = skip || records[to].skip;
                ++f.records;
                f.bytes += records[to].bytes;
            }
            from = to;
            if (!skip && f.end - f.start < m_parameters.minNodataSeconds)
                continue;
            std::vector<std::string> during;
            for (const Finding &other : earlier)
                if (other.type != "visibility-gap" && other.start <= f.end && other.end >= f.start)
                    during.push_back(other.id.empty() ? other.type : other.id);
            if (m_parameters.requireOverlap && during.empty())
                continue;
            std::sort(during.begin(), during.end());
            during.erase(std::unique(during.begin(), during.end()), during.end());
            if (!eni.empty())
                f.interfaceId = eni;
            f.severity = skip || !during.empty() ? Severity::Medium : Severity::Low;
            f.title = (eni.empty() ? std::string("an interface") : eni) + " reported " + (skip ? "SKIPDATA" : "NODATA")
                + " for " + std::to_string((f.end - f.start + 59) / 60) + " min";
            if (!during.empty()) {
                f.title += " during ";
                for (std::size_t i = 0; i < during.size() && i < 3; ++i)
                    f.title += (i ? ", " : "") + during[i];
                if (during.size() > 3)
                    f.title += " and " + std::to_string(during.size() - 3) + " more";
            }
            EvidenceFilter evidence;
            if (!eni.empty())
                evidence.text("interface-id", eni);
            else
                evidence.term("not interface-id contains \"\"");
            evidence.term("log-status == nodata or log-status == skipdata").startsBetween(f.start, lastStart);
            f.evidenceFilter = evidence.joinedTo(context.filterExpression);
            findings.push_back(std::move(f));
        }
    }
    return findings;
}

} // namespace flowscope
