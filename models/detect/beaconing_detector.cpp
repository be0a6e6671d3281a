// SPDX-License-Identifier: GPL-3.0-or-later
#include "beaconing_detector.h"
#include "beacon_score.h"
#include "evidence_filter.h"
#include "flow_roles.h"

#include "analysis/flat_table.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

namespace flowscope {

namespace {

struct SeriesKey {
    std::uint64_t src = 0;
    std::uint64_t dst = 0;
    std::uint32_t port = 0;     // destination port
    std::uint32_t protocol = 0; // 0x100 | protocol, 0 when absent
};

struct SeriesEntry {
    SeriesKey key;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastEnd = INT64_MIN;
};

// One record of a series, kept until the scan ends.
struct Sample {
    std::uint32_t series = 0;
    std::uint32_t interface = 0;
    std::int64_t start = 0;
    std::uint32_t duration = 0; // end - start
    std::uint32_t srcPort = 0;  // 0x10000 when absent
    std::uint64_t bytes = 0;
};

// The connections of one interface's records of a series: records of one
// source port that follow each other (the next starting at most `jitter`
// after the last ended) are one connection logged over several aggregation
// windows, with their bytes added up. RITA reports such connections as long
// connections, not as beacons.
void connectionsOf(std::vector<Sample> records, std::int64_t jitter, std::vector<std::int64_t> &starts,
                   std::vector<std::uint64_t> &sizes)
{
    std::sort(records.begin(), records.end(), [](const Sample &a, const Sample &b) {
        return std::tie(a.srcPort, a.start) < std::tie(b.srcPort, b.start);
    });
    for (std::size_t i = 0; i < records.size();) {
        std::int64_t end = records[i].start + records[i].duration;
        std::uint64_t bytes = records[i].bytes;
        std::size_t next = i + 1;
        for (; next < records.size() && records[next].srcPort == records[i].srcPort && records[i].srcPort <= 0xFFFF
               && records[next].start <= end + jitter;
             ++next) {
            end = std::max(end, records[next].start + std::int64_t(records[next].duration));
            bytes += records[next].bytes;
        }
        starts.push_back(records[i].start);
        sizes.push_back(bytes);
        i = next;
    }
}

} // namespace

struct BeaconingDetector::State {
    AddressIds addresses;
    FlatTable<SeriesEntry> series;
    std::vector<Sample> samples;
};

BeaconingDetector::BeaconingDetector(BeaconingParameters parameters)
    : m_parameters(parameters)
    , m_state(std::make_unique<State>())
{
}

BeaconingDetector::~BeaconingDetector() = default;

std::vector<DetectorParameter> BeaconingDetector::parameters()
{
    auto &p = m_parameters;
    return {countParameter("min-connections", "distinct start times a series needs", p.minConnections),
            ratioParameter("min-score", "RITA beacon score (0 to 1) a series needs", p.minScore),
            secondsParameter("jitter-s", "start time deviations counted as none (the capture window)", p.jitterSeconds),
            secondsParameter("min-period-s", "shortest median interval reported", p.minPeriodSeconds),
            flagParameter("external-only", "only series from internal to external addresses", p.externalOnly)};
}

ColumnMask BeaconingDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort)
        | columnOf(Field::Protocol)
        | columnOf(Field::Bytes) | columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void BeaconingDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr) || !flow.has(Field::Start))
        return;
    if (m_parameters.externalOnly && (!isInternalAddress(flow.srcAddr) || isInternalAddress(flow.dstAddr)))
        return;
    const SeriesKey key{m_state->addresses.idOf(flow.srcAddr), m_state->addresses.idOf(flow.dstAddr),
                        flow.has(Field::DstPort) ? flow.dstPort : 0x10000U,
                        flow.has(Field::Protocol) ? 0x100U | flow.protocol : 0U};
    const std::size_t index = m_state->series.indexOf(key);
    SeriesEntry &entry = m_state->series.at(index);
    ++entry.records;
    const std::uint64_t bytes = flow.has(Field::Bytes) ? flow.bytes : 0;
    entry.bytes += bytes;
    entry.firstStart = std::min(entry.firstStart, flow.start);
    entry.lastEnd = std::max(entry.lastEnd, flow.has(Field::End) ? flow.end : flow.start);
    const std::int64_t duration = flow.has(Field::End) ? std::clamp<std::int64_t>(flow.end - flow.start, 0, UINT32_MAX) : 0;
    m_state->samples.push_back({static_cast<std::uint32_t>(index), flow.interface, flow.start,
                                static_cast<std::uint32_t>(duration), flow.has(Field::SrcPort) ? flow.srcPort : 0x10000U,
                                bytes});
}

std::vector<Finding> BeaconingDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    const auto &p = m_parameters;
    auto &samples = m_state->samples;
    // Samples grouped by series (a counting sort: the series are dense ids).
    std::vector<std::size_t> offsets(m_state->series.size() + 1, 0);
    for (const Sample &s : samples)
        ++offsets[s.series + 1];
    for (std::size_t i = 1; i < offsets.size(); ++i)
        offsets[i] += offsets[i - 1];
    std::vector<Sample> grouped(samples.size());
    {
        std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
        for (const Sample &s : samples)
            grouped[next[s.series]++] = s;
    }
    samples.clear();
    samples.shrink_to_fit();

    std::vector<Finding> findings;
    for (std::size_t series = 0; series < m_state->series.size(); ++series) {
        const std::size_t from = offsets[series], to = offsets[series + 1];
        if (static_cast<std::int64_t>(to - from) < p.minConnections)
            continue;
        // The interface that logged most of the series.
        std::unordered_map<std::uint32_t, std::size_t> perInterface;
        for (std::size_t i = from; i < to; ++i)
            ++perInterface[grouped[i].interface];
        const std::uint32_t interface = std::max_element(perInterface.begin(), perInterface.end(), [](const auto &a, const auto &b) {
                                            return a.second < b.second || (a.second == b.second && a.first > b.first);
                                        })->first;
        std::vector<Sample> records;
        for (std::size_t i = from; i < to; ++i)
            if (grouped[i].interface == interface)
                records.push_back(grouped[i]);
        std::vector<std::int64_t> starts;
        std::vector<std::uint64_t> sizes;
        connectionsOf(std::move(records), p.jitterSeconds, starts, sizes);
        const auto score = scoreBeacon(std::move(starts), std::move(sizes), static_cast<double>(p.jitterSeconds));
        if (!score || static_cast<std::int64_t>(score->connections) < p.minConnections || score->score < p.minScore
            || score->periodSeconds < static_cast<double>(p.minPeriodSeconds))
            continue;
        const SeriesEntry &entry = m_state->series.at(series);
        Finding f;
        f.type = "beaconing";
        f.src = m_state->addresses.address(entry.key.src);
        f.dst = m_state->addresses.address(entry.key.dst);
        if (entry.key.port <= 0xFFFF)
            f.dstPort = static_cast<std::uint16_t>(entry.key.port);
        if (entry.key.protocol)
            f.protocol = static_cast<std::uint8_t>(entry.key.protocol & 0xFF);
        f.start = entry.firstStart;
        f.end = entry.lastEnd;
        f.records = entry.records;
        f.bytes = entry.bytes;
        f.periodSeconds = std::round(score->periodSeconds);
        f.severity = score->score >= 0.95 && !isInternalAddress(*f.dst) ? Severity::High : Severity::Medium;
        char scoreText[16];
        std::snprintf(scoreText, sizeof scoreText, "%.2f", score->score);
        f.title = f.src->toString() + " connects to " + f.dst->toString()
            + (f.dstPort ? ':' + std::to_string(*f.dstPort) : std::string()) + " every "
            + std::to_string(static_cast<std::int64_t>(*f.periodSeconds)) + " s (" + std::to_string(score->connections)
            + " times, score " + scoreText + ')';
        EvidenceFilter evidence;
        evidence.address("srcaddr", *f.src).address("dstaddr", *f.dst);
        evidence.term(f.dstPort ? "dstport == " + std::to_string(*f.dstPort) : std::string("not dstport >= 0"));
        evidence.term(f.protocol ? "protocol == " + std::to_string(*f.protocol) : std::string("not protocol >= 0"));
        f.evidenceFilter = evidence.joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
