// SPDX-License-Identifier: GPL-3.0-or-later
#include "lateral_movement_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"
#include "logged_once.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace flowscope {

namespace {

struct PairTotals {
    LoggedOnce logged; // for the finding: a flow logged at both ends counts once
    std::uint64_t records = 0; // every interface's, as are the rejects
    std::uint64_t rejects = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastEnd = INT64_MIN;
};

} // namespace

struct LateralMovementDetector::State {
    AddressIds addresses;
    std::array<bool, 65536> watched{};
    bool prepared = false; // watched follows the parameters set after construction
    std::map<std::tuple<std::uint64_t, std::uint64_t, std::uint16_t, std::uint8_t>, PairTotals> pairs;
    std::int64_t firstStart = INT64_MAX, lastStart = INT64_MIN; // of every record read
};

LateralMovementDetector::LateralMovementDetector(LateralMovementParameters parameters)
    : m_parameters(std::move(parameters))
    , m_state(std::make_unique<State>())
{
}

LateralMovementDetector::~LateralMovementDetector() = default;

std::vector<DetectorParameter> LateralMovementDetector::parameters()
{
    auto &p = m_parameters;
    return {portsParameter("ports", "administration and data ports watched", p.ports),
            countParameter("subnet-prefix", "prefix length that separates subnets", p.subnetPrefix),
            countParameter("shared-service-sources", "sources from which a destination port is a shared service",
                           p.sharedServiceSources),
            ratioParameter("learn-fraction", "share of the time span whose pairs count as established", p.learnFraction),
            flagParameter("report-established", "also report established accepted pairs", p.reportEstablished)};
}

ColumnMask LateralMovementDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::DstPort) | columnOf(Field::Protocol)
        | columnOf(Field::Action) | columnOf(Field::Bytes) | columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void LateralMovementDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::Start))
        return;
    m_state->firstStart = std::min(m_state->firstStart, flow.start);
    m_state->lastStart = std::max(m_state->lastStart, flow.start);
    if (!m_state->prepared) {
        for (const std::uint16_t port : m_parameters.ports)
            m_state->watched[port] = true;
        m_state->prepared = true;
    }
    if (!flow.has(Field::DstPort) || !m_state->watched[flow.dstPort] || !flow.has(Field::SrcAddr)
        || !flow.has(Field::DstAddr) || !flow.has(Field::Protocol) || !isInternalAddress(flow.srcAddr)
        || !isInternalAddress(flow.dstAddr)
        || sameNetwork(flow.srcAddr, flow.dstAddr, static_cast<int>(m_parameters.subnetPrefix)))
        return;
    PairTotals &t = m_state->pairs[{m_state->addresses.idOf(flow.srcAddr), m_state->addresses.idOf(flow.dstAddr),
                                    flow.dstPort, flow.protocol}];
    ++t.records;
    t.logged.add(flow.interface, 1, flow.has(Field::Bytes) ? flow.bytes : 0);
    t.rejects += flow.has(Field::Action) && flow.action == Action::Reject ? 1 : 0;
    t.firstStart = std::min(t.firstStart, flow.start);
    t.lastEnd = std::max(t.lastEnd, flow.has(Field::End) ? flow.end : flow.start);
}

std::vector<Finding> LateralMovementDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    const double span = m_state->lastStart > m_state->firstStart
        ? static_cast<double>(m_state->lastStart - m_state->firstStart) : 0.0;
    const auto learnedUntil = static_cast<std::int64_t>(static_cast<double>(m_state->firstStart)
                                                        + span * std::clamp(m_parameters.learnFraction, 0.0, 1.0));
    // Services many sources use (a domain controller's SMB, a database).
    std::map<std::tuple<std::uint64_t, std::uint16_t, std::uint8_t>, std::int64_t> sources;
    for (const auto &[key, t] : m_state->pairs)
        if (t.records > t.rejects)
            ++sources[{std::get<1>(key), std::get<2>(key), std::get<3>(key)}];
    // The flagged pairs, grouped per source, port and protocol: one finding
    // names every destination that source tried on that port.
    struct Group {
        std::vector<std::uint64_t> destinations;
        struct {
            std::uint64_t records = 0, bytes = 0, rejects = 0; // records and bytes counted once
            std::int64_t firstStart = INT64_MAX, lastEnd = INT64_MIN;
        } totals;
        std::uint64_t fresh = 0, neverAccepted = 0;
        Severity severity = Severity::Low;
    };
    std::map<std::tuple<std::uint64_t, std::uint16_t, std::uint8_t>, Group> groups;
    for (const auto &[key, t] : m_state->pairs) {
        const auto &[src, dst, port, protocol] = key;
        const bool shared = sources[{dst, port, protocol}] >= m_parameters.sharedServiceSources;
        const bool isNew = span > 0 && t.firstStart > learnedUntil && !shared;
        // An established pair with a few rejects is a configuration's trouble,
        // not an intruder; one that never got through is an attempt.
        const bool neverAccepted = t.rejects > 0 && t.rejects == t.records;
        const bool rejected = t.rejects > 0 && (isNew || neverAccepted);
        if (!isNew && !rejected && !m_parameters.reportEstablished)
            continue;
        Group &g = groups[{src, port, protocol}];
        g.destinations.push_back(dst);
        const InterfaceShare counted = t.logged.counted();
        g.totals.records += counted.records;
        g.totals.bytes += counted.bytes;
        g.totals.rejects += t.rejects;
        g.totals.firstStart = std::min(g.totals.firstStart, t.firstStart);
        g.totals.lastEnd = std::max(g.totals.lastEnd, t.lastEnd);
        g.fresh += isNew ? 1 : 0;
        g.neverAccepted += neverAccepted ? 1 : 0;
        g.severity = std::max(g.severity, isNew && rejected ? Severity::High
                                                            : (isNew || rejected ? Severity::Medium : Severity::Low));
    }
    std::vector<Finding> findings;
    for (const auto &[key, g] : groups) {
        const auto &[src, port, protocol] = key;
        Finding f;
        f.type = "lateral-movement";
        f.src = m_state->addresses.address(src);
        if (g.destinations.size() == 1)
            f.dst = m_state->addresses.address(g.destinations.front());
        f.dstPort = port;
        f.protocol = protocol;
        // The destinations it lists change with the run's records.
        f.keyDetail = f.src->toString() + " port " + std::to_string(port) + '/' + std::to_string(protocol);
        f.start = g.totals.firstStart;
        f.end = g.totals.lastEnd;
        f.records = g.totals.records;
        f.bytes = g.totals.bytes;
        f.severity = g.severity;
        std::vector<std::string> how;
        if (g.fresh)
            how.push_back(std::to_string(g.fresh) + " new");
        if (g.neverAccepted)
            how.push_back(std::to_string(g.neverAccepted) + " never accepted");
        if (g.totals.rejects)
            how.push_back(std::to_string(g.totals.rejects) + (g.totals.rejects == 1 ? " reject" : " rejects"));
        std::string howText;
        for (const std::string &h : how)
            howText += (howText.empty() ? "" : ", ") + h;
        f.title = f.src->toString() + " reached " + (f.dst ? f.dst->toString() : std::to_string(g.destinations.size()) + " hosts")
            + " on port " + std::to_string(port) + " in other subnets" + (howText.empty() ? "" : " (" + howText + ')');
        std::string set;
        for (const std::uint64_t dst : g.destinations)
            set += (set.empty() ? "" : ", ") + m_state->addresses.address(dst).toString();
        EvidenceFilter evidence;
        evidence.address("srcaddr", *f.src);
        if (f.dst)
            evidence.address("dstaddr", *f.dst);
        else
            evidence.term("dstaddr in {" + set + '}');
        f.evidenceFilter = evidence.number("dstport", port).number("protocol", protocol).joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
