// SPDX-License-Identifier: GPL-3.0-or-later
#include "port_scan_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"
#include "logged_once.h"

#include "analysis/flat_table.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <tuple>
#include <unordered_set>

namespace flowscope {

namespace {

// A source in one window.
struct WindowKey {
    std::uint64_t source = 0;
    std::int64_t window = 0;
};

struct WindowEntry {
    WindowKey key;
    // The times of the source's failed requests (its evidence filter selects them).
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastStart = INT64_MIN;
    std::int64_t lastEnd = INT64_MIN;
};

// One target (host, and protocol and port) a source tried in one window.
struct TargetKey {
    std::uint64_t source = 0;
    std::uint64_t target = 0;
    std::int64_t window = 0;
    std::uint32_t port = 0; // protocol << 16 | port
    std::uint32_t interface = 0; // 0 in the targets; the logging one in otherInterfaces
};

// Every target in the table failed (successes go to the sketch below). Its
// records and bytes are those the first interface that logged it saw;
// another interface's go to a table of their own (keyed with the
// interface), rare but for traffic inside the estate, so that a request
// logged at both ends counts once (logged_once.h).
struct TargetEntry {
    TargetKey key;
    std::uint32_t interface = 0;
    std::uint32_t records = 0; // saturates; the rest then goes to the other table
    std::uint64_t bytes = 0;
};

struct OtherInterfaceEntry {
    TargetKey key;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
};


// Successful requests per source and window, counted in a count-min sketch:
// nearly every record is one, and a sketch costs two counters a record
// where a table of every busy source's windows would grow to millions of
// entries. Collisions only add successes, which makes a scan less likely.
class SuccessSketch {
public:
    void add(std::uint64_t source, std::int64_t window)
    {
        const std::uint64_t h = hashOf(source, window);
        for (std::uint16_t *counter : {&m_rows[0][h & kMask], &m_rows[1][(h >> 32) & kMask]})
            *counter += *counter < UINT16_MAX ? 1 : 0; // saturates: a window past 65,535 successes is no scan
    }
    std::uint64_t count(std::uint64_t source, std::int64_t window) const
    {
        const std::uint64_t h = hashOf(source, window);
        return std::min(m_rows[0][h & kMask], m_rows[1][(h >> 32) & kMask]);
    }

private:
    static constexpr std::size_t kBits = 20; // two rows of 2 MiB: they stay in the processor's cache
    static constexpr std::uint64_t kMask = (std::uint64_t(1) << kBits) - 1;
    static std::uint64_t hashOf(std::uint64_t source, std::int64_t window)
    {
        std::uint64_t h = (source + 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
        h = (h ^ (h >> 31) ^ static_cast<std::uint64_t>(window)) * 0x94D049BB133111EBULL;
        return h ^ (h >> 29);
    }
    std::vector<std::vector<std::uint16_t>> m_rows{std::vector<std::uint16_t>(kMask + 1),
                                                   std::vector<std::uint16_t>(kMask + 1)};
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

struct WindowKeyHash {
    std::size_t operator()(const std::pair<std::uint64_t, std::int64_t> &k) const
    {
        return std::hash<std::uint64_t>()(k.first * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(k.second));
    }
};

} // namespace

struct PortScanDetector::State {
    AddressIds addresses;
    FlatTable<WindowEntry> windows;
    FlatTable<TargetEntry> targets;
    FlatTable<OtherInterfaceEntry> otherInterfaces;
    SuccessSketch successes;
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
    return {secondsParameter("window-s", "window a scan is judged in", p.windowSeconds),
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
        | columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void PortScanDetector::observe(const EncodedFlow &flow)
{
    // Requests only: a reply from a service port answers someone else's
    // attempt. The evidence filter spells out the same tests.
    if (!flow.has(Field::SrcAddr) || !flow.has(Field::Start) || looksLikeReply(flow))
        return;
    const bool failed = (flow.has(Field::Action) && flow.action == Action::Reject) || isSynOnly(flow);
    State &s = *m_state;
    const std::int64_t window = floorDiv(flow.start, std::max<std::int64_t>(1, m_parameters.windowSeconds));
    const std::uint64_t source = s.addresses.idOf(flow.srcAddr);
    if (!failed) {
        if (flow.has(Field::Action) && flow.has(Field::DstAddr))
            s.successes.add(source, window);
        return;
    }
    WindowEntry &w = s.windows.findOrAdd({source, window});
    w.firstStart = std::min(w.firstStart, flow.start);
    w.lastStart = std::max(w.lastStart, flow.start);
    w.lastEnd = std::max(w.lastEnd, flow.has(Field::End) ? flow.end : flow.start);
    const std::uint32_t port = (flow.has(Field::DstPort) ? flow.dstPort : 0U)
        | (flow.has(Field::Protocol) ? std::uint32_t(flow.protocol) << 16 : 0U);
    const std::uint64_t host = flow.has(Field::DstAddr) ? s.addresses.idOf(flow.dstAddr) : 0;
    TargetEntry &target = s.targets.findOrAdd({source, host, window, port, 0});
    const std::uint64_t bytes = flow.has(Field::Bytes) ? flow.bytes : 0;
    if (target.records == 0 || (target.interface == flow.interface && target.records < UINT32_MAX)) {
        target.interface = flow.interface;
        ++target.records;
        target.bytes += bytes;
    } else {
        OtherInterfaceEntry &other = s.otherInterfaces.findOrAdd({source, host, window, port, flow.interface});
        ++other.records;
        other.bytes += bytes;
    }
}

std::vector<Finding> PortScanDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    const auto &p = m_parameters;
    const double failWeight = std::log((1 - p.theta1) / std::max(1e-9, 1 - p.theta0));
    const double successWeight = std::log(p.theta1 / std::max(1e-9, p.theta0));
    const double accept = std::log(p.beta / std::max(1e-9, p.alpha));

    // Failed targets per window, one pass over the targets.
    struct Outcomes {
        std::uint64_t failed = 0;
    };
    std::unordered_map<std::pair<std::uint64_t, std::int64_t>, Outcomes, WindowKeyHash> outcomes;
    for (std::size_t i = 0; i < m_state->targets.size(); ++i) {
        const TargetEntry &t = m_state->targets.at(i);
        Outcomes &o = outcomes[{t.key.source, t.key.window}];
        ++o.failed;
    }
    // TRW over each window's targets: a scan when the likelihood of
    // "scanner" reaches beta / alpha.
    std::vector<std::pair<std::uint64_t, std::int64_t>> scans;
    for (const auto &[key, o] : outcomes) {
        const double successes = static_cast<double>(m_state->successes.count(key.first, key.second));
        if (static_cast<std::int64_t>(o.failed) >= p.minFailedTargets
            && static_cast<double>(o.failed) * failWeight + successes * successWeight >= accept)
            scans.push_back(key);
    }
    std::sort(scans.begin(), scans.end());
    const std::unordered_set<std::pair<std::uint64_t, std::int64_t>, WindowKeyHash> scanSet(scans.begin(), scans.end());
    // The hosts and ports each scan window tried.
    std::unordered_map<std::pair<std::uint64_t, std::int64_t>, std::vector<const TargetEntry *>, WindowKeyHash> tried;
    for (std::size_t i = 0; i < m_state->targets.size(); ++i) {
        const TargetEntry &t = m_state->targets.at(i);
        if (scanSet.count({t.key.source, t.key.window}))
            tried[{t.key.source, t.key.window}].push_back(&t);
    }
    // The failed requests of each scan window, a request counted once: per
    // host, the records of the interface that logged most of them. Nearly
    // always one interface logged all of a host's: then they are added up
    // as they are, without a tally per host.
    std::unordered_map<std::pair<std::uint64_t, std::int64_t>, std::vector<const OtherInterfaceEntry *>, WindowKeyHash> others;
    for (std::size_t i = 0; i < m_state->otherInterfaces.size(); ++i) {
        const OtherInterfaceEntry &other = m_state->otherInterfaces.at(i);
        if (scanSet.count({other.key.source, other.key.window}))
            others[{other.key.source, other.key.window}].push_back(&other);
    }
    const auto countedOnce = [&](const std::pair<std::uint64_t, std::int64_t> &scan) {
        InterfaceShare sum;
        std::vector<const TargetEntry *> &targets = tried[scan];
        std::sort(targets.begin(), targets.end(), [](const TargetEntry *a, const TargetEntry *b) {
            return std::tie(a->key.target, a->interface) < std::tie(b->key.target, b->interface);
        });
        const auto other = others.find(scan);
        for (std::size_t from = 0; from < targets.size();) {
            std::size_t to = from + 1;
            while (to < targets.size() && targets[to]->key.target == targets[from]->key.target)
                ++to;
            const std::uint64_t host = targets[from]->key.target;
            const bool oneInterface = targets[to - 1]->interface == targets[from]->interface;
            const bool elsewhere = other != others.end()
                && std::any_of(other->second.begin(), other->second.end(),
                               [&](const OtherInterfaceEntry *e) { return e->key.target == host; });
            LoggedOnce logged;
            for (std::size_t i = from; i < to; ++i) {
                if (oneInterface && !elsewhere) {
                    sum.records += targets[i]->records;
                    sum.bytes += targets[i]->bytes;
                } else {
                    logged.add(targets[i]->interface, targets[i]->records, targets[i]->bytes);
                }
            }
            if (elsewhere)
                for (const OtherInterfaceEntry *e : other->second)
                    if (e->key.target == host)
                        logged.add(e->key.interface, e->records, e->bytes);
            sum.records += logged.counted().records;
            sum.bytes += logged.counted().bytes;
            from = to;
        }
        return sum;
    };

    std::vector<Finding> findings;
    for (std::size_t from = 0; from < scans.size();) {
        // Consecutive scan windows of one source make one finding.
        std::size_t to = from;
        while (to + 1 < scans.size() && scans[to + 1].first == scans[from].first && scans[to + 1].second == scans[to].second + 1)
            ++to;
        Finding f;
        f.type = "port-scan";
        f.src = m_state->addresses.address(scans[from].first);
        f.keyDetail = "scan by " + f.src->toString(); // its targets change with the run's thresholds
        f.start = INT64_MAX;
        f.end = INT64_MIN;
        std::int64_t lastStart = INT64_MIN;
        std::unordered_set<std::uint64_t> hosts;
        std::unordered_set<std::uint32_t> ports;
        std::uint64_t targets = 0, failedTargets = 0;
        for (std::size_t s = from; s <= to; ++s) {
            const WindowEntry &w = m_state->windows.findOrAdd({scans[s].first, scans[s].second});
            const InterfaceShare counted = countedOnce(scans[s]);
            f.records += counted.records;
            f.bytes += counted.bytes;
            f.start = std::min(f.start, w.firstStart);
            lastStart = std::max(lastStart, w.lastStart);
            f.end = std::max(f.end, w.lastEnd);
            for (const TargetEntry *t : tried[scans[s]]) {
                hosts.insert(t->key.target);
                ports.insert(t->key.port & 0xFFFF);
                ++targets;
                ++failedTargets;
            }
        }
        if (hosts.size() == 1)
            f.dst = m_state->addresses.address(*hosts.begin());
        if (ports.size() == 1)
            f.dstPort = static_cast<std::uint16_t>(*ports.begin());
        // Internet background scanning is constant; a scan from inside is not.
        f.severity = isInternalAddress(*f.src) ? Severity::High : (failedTargets >= 100 ? Severity::Medium : Severity::Low);
        f.title = f.src->toString() + " probed " + std::to_string(failedTargets) + " targets that failed ("
            + std::to_string(hosts.size()) + (hosts.size() == 1 ? " host, " : " hosts, ") + std::to_string(ports.size())
            + (ports.size() == 1 ? " port)" : " ports)");
        f.evidenceFilter = EvidenceFilter()
                               .address("srcaddr", *f.src)
                               .startsBetween(f.start, lastStart)
                               .term("action == reject or protocol == tcp and tcp-flags == 2")
                               .term("not (srcport < 1024 and dstport >= 1024)")
                               .joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
        from = to + 1;
    }
    return findings;
}

} // namespace flowscope
