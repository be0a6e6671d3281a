// SPDX-License-Identifier: GPL-3.0-or-later
#include "port_scan_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"

#include "analysis/flat_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace flowscope {

namespace {

// A source's records in one half window: every record it sent, for the
// finding's counts (its evidence filter selects them all).
struct SliceKey {
    std::uint64_t source = 0;
    std::int64_t slice = 0;
};

struct SliceEntry {
    SliceKey key;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastStart = INT64_MIN;
    std::int64_t lastEnd = INT64_MIN;
};

// One target (host and port) a source tried in one half window.
struct TargetKey {
    std::uint64_t source = 0;
    std::uint64_t target = 0;
    std::int64_t slice = 0;
    std::uint32_t port = 0;
    std::uint32_t unused = 0;
};

struct TargetEntry {
    TargetKey key;
    std::uint8_t outcome = 0; // kFailed | kSucceeded
};

constexpr std::uint8_t kFailed = 1, kSucceeded = 2;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

struct PortScanDetector::State {
    AddressIds addresses;
    FlatTable<SliceEntry> slices;
    FlatTable<TargetEntry> targets;
};

PortScanDetector::PortScanDetector(PortScanParameters parameters)
    : m_parameters(parameters)
    , m_state(std::make_unique<State>())
{
}

PortScanDetector::~PortScanDetector() = default;

std::vector<DetectorParameter> PortScanDetector::parameters()
{
    auto &p = m_parameters;
    return {secondsParameter("window-s", "window of a scan, hopping by half a window", p.windowSeconds),
            countParameter("min-failed-targets", "distinct failed host and port targets a scan needs in a window",
                           p.minFailedTargets),
            ratioParameter("theta0", "TRW: chance that a benign source's attempt succeeds", p.theta0),
            ratioParameter("theta1", "TRW: chance that a scanner's attempt succeeds", p.theta1),
            ratioParameter("alpha", "TRW: false positive rate", p.alpha),
            ratioParameter("beta", "TRW: detection rate", p.beta)};
}

ColumnMask PortScanDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort)
        | columnOf(Field::Protocol) | columnOf(Field::TcpFlags) | columnOf(Field::Action) | columnOf(Field::Bytes)
        | columnOf(Field::Start) | columnOf(Field::End);
}

void PortScanDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::SrcAddr) || !flow.has(Field::Start))
        return;
    const std::int64_t half = std::max<std::int64_t>(1, m_parameters.windowSeconds / 2);
    const std::int64_t slice = floorDiv(flow.start, half);
    const std::uint64_t source = m_state->addresses.idOf(flow.srcAddr);
    SliceEntry &counts = m_state->slices.findOrAdd({source, slice});
    ++counts.records;
    counts.bytes += flow.has(Field::Bytes) ? flow.bytes : 0;
    counts.firstStart = std::min(counts.firstStart, flow.start);
    counts.lastStart = std::max(counts.lastStart, flow.start);
    counts.lastEnd = std::max(counts.lastEnd, flow.has(Field::End) ? flow.end : flow.start);
    if (!flow.has(Field::DstAddr) || !flow.has(Field::Action) || looksLikeReply(flow))
        return;
    const bool failed = flow.action == Action::Reject || isSynOnly(flow);
    const std::uint32_t port = flow.has(Field::DstPort) ? flow.dstPort : 0;
    TargetEntry &target = m_state->targets.findOrAdd(
        {source, m_state->addresses.idOf(flow.dstAddr), slice, port | (flow.has(Field::Protocol) ? flow.protocol << 16 : 0U), 0});
    target.outcome |= failed ? kFailed : kSucceeded;
}

std::vector<Finding> PortScanDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    const auto &p = m_parameters;
    const double failWeight = std::log((1 - p.theta1) / std::max(1e-9, 1 - p.theta0));
    const double successWeight = std::log(p.theta1 / std::max(1e-9, p.theta0));
    const double accept = std::log(p.beta / std::max(1e-9, p.alpha));

    // Per source and half window: its targets.
    struct TargetOutcome {
        std::uint64_t target;
        std::uint32_t port;
        std::uint8_t outcome;
    };
    std::map<std::pair<std::uint64_t, std::int64_t>, std::vector<TargetOutcome>> bySlice;
    for (std::size_t i = 0; i < m_state->targets.size(); ++i) {
        const TargetEntry &e = m_state->targets.at(i);
        bySlice[{e.key.source, e.key.slice}].push_back({e.key.target, e.key.port, e.outcome});
    }
    // A window is two neighbouring half windows; it is a scan by TRW.
    std::map<std::uint64_t, std::vector<std::int64_t>> scanSlices; // source -> slices in scan windows
    for (auto it = bySlice.begin(); it != bySlice.end(); ++it) {
        const auto [source, slice] = it->first;
        std::unordered_map<std::uint64_t, std::uint8_t> outcomes; // target host and port
        auto add = [&](const std::vector<TargetOutcome> &list) {
            for (const TargetOutcome &t : list)
                outcomes[t.target * 0x1000003ULL ^ (std::uint64_t(t.port) << 40) ^ t.port] |= t.outcome;
        };
        add(it->second);
        const auto next = bySlice.find({source, slice + 1});
        if (next != bySlice.end())
            add(next->second);
        std::int64_t failures = 0, successes = 0;
        for (const auto &[target, outcome] : outcomes)
            (outcome & kSucceeded ? successes : failures) += 1;
        if (failures < p.minFailedTargets || failures * failWeight + successes * successWeight < accept)
            continue;
        auto &slices = scanSlices[source];
        slices.push_back(slice);
        if (next != bySlice.end())
            slices.push_back(slice + 1);
    }

    std::vector<Finding> findings;
    for (auto &[source, slices] : scanSlices) {
        std::sort(slices.begin(), slices.end());
        slices.erase(std::unique(slices.begin(), slices.end()), slices.end());
        for (std::size_t from = 0; from < slices.size();) {
            std::size_t to = from;
            while (to + 1 < slices.size() && slices[to + 1] == slices[to] + 1)
                ++to;
            Finding f;
            f.type = "port-scan";
            f.src = m_state->addresses.address(source);
            f.start = INT64_MAX;
            std::int64_t lastStart = INT64_MIN;
            f.end = INT64_MIN;
            std::unordered_map<std::uint64_t, int> hosts;
            std::unordered_map<std::uint32_t, int> ports;
            std::uint64_t failedTargets = 0, targets = 0;
            std::unordered_map<std::uint64_t, std::uint8_t> outcomes;
            for (std::size_t s = from; s <= to; ++s) {
                const SliceEntry &counts = m_state->slices.findOrAdd({source, slices[s]});
                f.records += counts.records;
                f.bytes += counts.bytes;
                f.start = std::min(f.start, counts.firstStart);
                lastStart = std::max(lastStart, counts.lastStart);
                f.end = std::max(f.end, counts.lastEnd);
                if (const auto it = bySlice.find({source, slices[s]}); it != bySlice.end())
                    for (const TargetOutcome &t : it->second) {
                        hosts[t.target] = 1;
                        ports[t.port & 0xFFFF] = 1;
                        outcomes[t.target * 0x1000003ULL ^ (std::uint64_t(t.port) << 40) ^ t.port] |= t.outcome;
                    }
            }
            for (const auto &[target, outcome] : outcomes) {
                ++targets;
                failedTargets += (outcome & kSucceeded) ? 0 : 1;
            }
            if (hosts.size() == 1)
                f.dst = m_state->addresses.address(hosts.begin()->first);
            if (ports.size() == 1)
                f.dstPort = static_cast<std::uint16_t>(ports.begin()->first);
            f.severity = failedTargets >= 100 ? Severity::High : Severity::Medium;
            f.title = f.src->toString() + " tried " + std::to_string(targets) + " targets (" + std::to_string(hosts.size())
                + (hosts.size() == 1 ? " host, " : " hosts, ") + std::to_string(ports.size())
                + (ports.size() == 1 ? " port), " : " ports), ") + std::to_string(failedTargets) + " failed";
            f.evidenceFilter = EvidenceFilter().address("srcaddr", *f.src).startsBetween(f.start, lastStart)
                                   .joinedTo(context.filterExpression);
            findings.push_back(std::move(f));
            from = to + 1;
        }
    }
    return findings;
}

} // namespace flowscope
