// SPDX-License-Identifier: GPL-3.0-or-later
#include "lateral_movement_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace flowscope {

namespace {

struct PairTotals {
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
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
            ratioParameter("learn-fraction", "share of the time span whose pairs count as established", p.learnFraction),
            flagParameter("report-established", "also report established accepted pairs", p.reportEstablished)};
}

ColumnMask LateralMovementDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::DstPort) | columnOf(Field::Protocol)
        | columnOf(Field::Action) | columnOf(Field::Bytes) | columnOf(Field::Start) | columnOf(Field::End);
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
    t.bytes += flow.has(Field::Bytes) ? flow.bytes : 0;
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
    std::vector<Finding> findings;
    for (const auto &[key, t] : m_state->pairs) {
        const auto &[src, dst, port, protocol] = key;
        const bool isNew = span > 0 && t.firstStart > learnedUntil;
        const bool rejected = t.rejects > 0;
        if (!isNew && !rejected && !m_parameters.reportEstablished)
            continue;
        Finding f;
        f.type = "lateral-movement";
        f.src = m_state->addresses.address(src);
        f.dst = m_state->addresses.address(dst);
        f.dstPort = port;
        f.protocol = protocol;
        f.start = t.firstStart;
        f.end = t.lastEnd;
        f.records = t.records;
        f.bytes = t.bytes;
        f.severity = isNew && rejected ? Severity::High : (isNew || rejected ? Severity::Medium : Severity::Low);
        std::string how = isNew ? "new" : "established";
        if (rejected)
            how += ", " + std::to_string(t.rejects) + (t.rejects == 1 ? " reject" : " rejects");
        f.title = f.src->toString() + " reached " + f.dst->toString() + ':' + std::to_string(port) + " in another subnet ("
            + how + ')';
        f.evidenceFilter = EvidenceFilter()
                               .address("srcaddr", *f.src)
                               .address("dstaddr", *f.dst)
                               .number("dstport", port)
                               .number("protocol", protocol)
                               .joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
