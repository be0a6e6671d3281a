// SPDX-License-Identifier: GPL-3.0-or-later
#include "beaconing_detector.h"
#include "beacon_score.h"
#include "evidence_filter.h"
#include "flow_roles.h"
#include "logged_once.h"
#include "nat_paths.h"

#include "analysis/flat_table.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

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
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastEnd = INT64_MIN;
    bool translated = false; // holds a NAT gateway's inside records (to the gateway, pkt-dstaddr the destination)
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
    NatPaths nat;
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

void BeaconingDetector::prepare(CaseDb &caseDb) { m_state->nat.prepare(caseDb); }

ColumnMask BeaconingDetector::columns() const
{
    return NatPaths::columns() | columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort)
        | columnOf(Field::Protocol)
        | columnOf(Field::Bytes) | columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void BeaconingDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr) || !flow.has(Field::Start))
        return;
    // A NAT gateway's inside record counts towards the host's series to the real destination.
    const IpAddress dst = m_state->nat.observe(flow);
    if (m_parameters.externalOnly && (!isInternalAddress(flow.srcAddr) || isInternalAddress(dst)))
        return;
    const SeriesKey key{m_state->addresses.idOf(flow.srcAddr), m_state->addresses.idOf(dst),
                        flow.has(Field::DstPort) ? flow.dstPort : 0x10000U,
                        flow.has(Field::Protocol) ? 0x100U | flow.protocol : 0U};
    const std::size_t index = m_state->series.indexOf(key);
    SeriesEntry &entry = m_state->series.at(index);
    entry.translated = entry.translated || !(dst == flow.dstAddr);
    const std::uint64_t bytes = flow.has(Field::Bytes) ? flow.bytes : 0;
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

    struct Candidate {
        std::size_t series;
        Finding finding;
        std::string what; // the title after its subject: " connects to ..."
    };
    std::vector<Candidate> candidates;
    for (std::size_t series = 0; series < m_state->series.size(); ++series) {
        const std::size_t from = offsets[series], to = offsets[series + 1];
        if (static_cast<std::int64_t>(to - from) < p.minConnections)
            continue;
        // The interface that logged most of the series: its records are the
        // series, the other interfaces' the same connections again.
        LoggedOnce logged;
        for (std::size_t i = from; i < to; ++i)
            logged.add(grouped[i].interface, 1, grouped[i].bytes);
        const InterfaceShare counted = logged.counted();
        std::vector<Sample> records;
        for (std::size_t i = from; i < to; ++i)
            if (grouped[i].interface == counted.interface)
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
        f.records = counted.records;
        f.bytes = counted.bytes;
        f.periodSeconds = std::round(score->periodSeconds);
        f.severity = score->score >= 0.95 && !isInternalAddress(*f.dst) ? Severity::High : Severity::Medium;
        char scoreText[16];
        std::snprintf(scoreText, sizeof scoreText, "%.2f", score->score);
        std::string what = " connects to " + f.dst->toString()
            + (f.dstPort ? ':' + std::to_string(*f.dstPort) : std::string()) + " every "
            + std::to_string(static_cast<std::int64_t>(*f.periodSeconds)) + " s (" + std::to_string(score->connections)
            + " times, score " + scoreText + ')';
        EvidenceFilter evidence;
        evidence.address("srcaddr", *f.src);
        if (entry.translated) // the gateway's inside records too, addressed to the gateway
            evidence.term("dstaddr == " + f.dst->toString() + " or pkt-dstaddr == " + f.dst->toString());
        else
            evidence.address("dstaddr", *f.dst);
        evidence.term(f.dstPort ? "dstport == " + std::to_string(*f.dstPort) : std::string("not dstport >= 0"));
        evidence.term(f.protocol ? "protocol == " + std::to_string(*f.protocol) : std::string("not protocol >= 0"));
        f.evidenceFilter = evidence.joinedTo(context.filterExpression);
        candidates.push_back({series, std::move(f), std::move(what)});
    }

    // Traffic a NAT gateway translated: the gateway's own series (from its
    // address) is the traffic of the hosts behind it, reported at them.
    NatPaths &nat = m_state->nat;
    const auto addressOf = [this](std::uint64_t id) { return m_state->addresses.address(id); };
    const auto target = [](const SeriesKey &k) { return std::tuple(k.dst, k.port, k.protocol); };
    for (const Candidate &c : candidates) {
        // A snapshot names the gateway, not its hosts: they are the internal sources of the same calls.
        const SeriesKey &key = m_state->series.at(c.series).key;
        if (!nat.isSnapshotGateway(*c.finding.src) || !nat.sendersThrough(*c.finding.src, *c.finding.dst).empty())
            continue;
        for (std::size_t other = 0; other < m_state->series.size(); ++other) {
            const SeriesKey &k = m_state->series.at(other).key;
            if (other != c.series && target(k) == target(key) && isInternalAddress(addressOf(k.src))
                && !nat.isGateway(addressOf(k.src)) && nat.sentTo(*c.finding.src, addressOf(k.src)))
                nat.addSender(*c.finding.src, addressOf(k.src), *c.finding.dst);
        }
        // No host's own records show the calls: the gateway's one host, if it has one.
        if (const auto hosts = nat.sendersTo(*c.finding.src);
            hosts.size() == 1 && nat.sendersThrough(*c.finding.src, *c.finding.dst).empty())
            nat.addSender(*c.finding.src, hosts.front(), *c.finding.dst);
    }
    std::set<std::tuple<std::uint64_t, std::uint64_t, std::uint32_t, std::uint32_t>> hostsFound;
    for (const Candidate &c : candidates)
        if (!nat.isGateway(*c.finding.src)) {
            const SeriesKey &k = m_state->series.at(c.series).key;
            hostsFound.insert({k.src, k.dst, k.port, k.protocol});
        }
    std::vector<Finding> findings;
    for (Candidate &c : candidates) {
        Finding &f = c.finding;
        const SeriesKey &k = m_state->series.at(c.series).key;
        if (!nat.isGateway(*f.src)) {
            f.title = f.src->toString() + c.what + natPathText(nat.gatewaysOf(*f.src, *f.dst));
            findings.push_back(std::move(f));
            continue;
        }
        const IpAddress gateway = *f.src;
        const std::vector<IpAddress> senders = nat.sendersThrough(gateway, *f.dst);
        const bool hostReported = std::any_of(senders.begin(), senders.end(), [&](const IpAddress &sender) {
            return hostsFound.count({m_state->addresses.idOf(sender), k.dst, k.port, k.protocol}) > 0;
        });
        if (hostReported)
            continue; // the host's own finding holds this traffic
        // Only the gateway's translated records show it (the host's interface
        // logged no flow log, or its series scored lower): the finding gives the
        // gateway's records, attributed to its one host when there is one.
        if (senders.size() == 1) {
            f.src = senders.front();
            f.title = f.src->toString() + c.what + natPathText({gateway}) + " (the gateway's records)";
        } else {
            std::string hosts;
            for (const IpAddress &sender : senders)
                hosts += (hosts.empty() ? "" : ", ") + sender.toString();
            f.title = "NAT gateway " + gateway.toString() + c.what
                + (hosts.empty() ? std::string(", for a host the case does not show") : ", for " + hosts);
        }
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
