// SPDX-License-Identifier: GPL-3.0-or-later
#include "exfiltration_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"
#include "logged_once.h"
#include "nat_paths.h"

#include "analysis/flat_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace flowscope {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

constexpr std::uint64_t kAllDestinations = ~std::uint64_t(0);

// One window's egress: per destination, its records and bytes counted once
// (logged_once.h); over all destinations, the destinations' sums.
struct Totals {
    LoggedOnce logged; // per destination: the interfaces that logged it
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastStart = INT64_MIN;
    std::int64_t lastEnd = INT64_MIN;
    bool translated = false; // holds a NAT gateway's inside records (to the gateway, pkt-dstaddr the destination)

    void addTimes(const Totals &other)
    {
        firstStart = std::min(firstStart, other.firstStart);
        lastStart = std::max(lastStart, other.lastStart);
        lastEnd = std::max(lastEnd, other.lastEnd);
        translated = translated || other.translated;
    }
};

using WindowKey = std::tuple<std::uint64_t, std::uint64_t, std::int64_t>;

struct WindowKeyHash {
    std::size_t operator()(const WindowKey &k) const
    {
        std::uint64_t h = std::get<0>(k) * 0x9E3779B97F4A7C15ULL;
        h = (h ^ (h >> 29) ^ std::get<1>(k)) * 0xBF58476D1CE4E5B9ULL;
        h = (h ^ (h >> 31) ^ static_cast<std::uint64_t>(std::get<2>(k))) * 0x94D049BB133111EBULL;
        return h ^ (h >> 32);
    }
};

} // namespace

std::string readableSpan(std::int64_t seconds)
{
    if (seconds < 120)
        return std::to_string(seconds) + " s";
    const std::int64_t minutes = (seconds + 30) / 60;
    if (minutes < 120)
        return std::to_string(minutes) + " min";
    return std::to_string(minutes / 60) + " h" + (minutes % 60 ? ' ' + std::to_string(minutes % 60) + " min" : std::string());
}

std::string readableBytes(std::uint64_t bytes)
{
    const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000 && unit < 4) {
        value /= 1000;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

// Egress of one source to one destination in one window, as one
// interface logged it.
struct EgressKey {
    std::uint64_t src = 0;
    std::uint64_t dst = 0;
    std::int64_t window = 0;
    std::uint64_t interface = 0;
};

struct EgressEntry {
    EgressKey key;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastStart = INT64_MIN;
    std::int64_t lastEnd = INT64_MIN;
    bool translated = false;
};

struct ExfiltrationDetector::State {
    AddressIds addresses;
    NatPaths nat;
    FlatTable<EgressEntry> egress;
};

ExfiltrationDetector::ExfiltrationDetector(ExfiltrationParameters parameters)
    : m_parameters(parameters)
    , m_state(std::make_unique<State>())
{
}

ExfiltrationDetector::~ExfiltrationDetector() = default;

std::vector<DetectorParameter> ExfiltrationDetector::parameters()
{
    auto &p = m_parameters;
    return {secondsParameter("window-s", "window the egress bytes are added up over", p.windowSeconds),
            bytesParameter("min-bytes", "bytes to one external address in a window", p.minBytes),
            ratioParameter("baseline-factor", "times the source's median window of egress", p.baselineFactor),
            bytesParameter("baseline-min-bytes", "bytes a window above the baseline needs", p.baselineMinBytes),
            countParameter("baseline-min-windows", "windows with egress a source needs for a baseline",
                           p.baselineMinWindows)};
}

void ExfiltrationDetector::prepare(CaseDb &caseDb) { m_state->nat.prepare(caseDb); }

ColumnMask ExfiltrationDetector::columns() const
{
    return NatPaths::columns() | columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::Action) | columnOf(Field::Bytes)
        | columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void ExfiltrationDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr))
        return;
    // A NAT gateway's inside record counts towards the host's egress to the real destination.
    const IpAddress destination = m_state->nat.observe(flow);
    if (!flow.has(Field::Start) || !flow.has(Field::Action) || flow.action != Action::Accept
        || !isInternalAddress(flow.srcAddr) || isInternalAddress(destination))
        return;
    const std::uint64_t src = m_state->addresses.idOf(flow.srcAddr);
    const std::uint64_t dst = m_state->addresses.idOf(destination);
    const std::int64_t window = floorDiv(flow.start, std::max<std::int64_t>(1, m_parameters.windowSeconds));
    EgressEntry &e = m_state->egress.findOrAdd({src, dst, window, flow.interface});
    ++e.records;
    e.bytes += flow.has(Field::Bytes) ? flow.bytes : 0;
    e.firstStart = std::min(e.firstStart, flow.start);
    e.lastStart = std::max(e.lastStart, flow.start);
    e.lastEnd = std::max(e.lastEnd, flow.has(Field::End) ? flow.end : flow.start);
    e.translated = e.translated || !(destination == flow.dstAddr);
}

std::vector<Finding> ExfiltrationDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    const auto &p = m_parameters;
    // Per (source, destination, window) the interfaces' records, a flow
    // counted once; per (source, window) over every external destination,
    // the destinations' counts added up.
    std::unordered_map<WindowKey, Totals, WindowKeyHash> windows;
    for (std::size_t i = 0; i < m_state->egress.size(); ++i) {
        const EgressEntry &e = m_state->egress.at(i);
        Totals &t = windows[{e.key.src, e.key.dst, e.key.window}];
        t.logged.add(static_cast<std::uint32_t>(e.key.interface), e.records, e.bytes);
        t.firstStart = std::min(t.firstStart, e.firstStart);
        t.lastStart = std::max(t.lastStart, e.lastStart);
        t.lastEnd = std::max(t.lastEnd, e.lastEnd);
        t.translated = t.translated || e.translated;
    }
    std::unordered_map<WindowKey, Totals, WindowKeyHash> allDestinations;
    for (auto &[key, t] : windows) {
        const InterfaceShare counted = t.logged.counted();
        t.records = counted.records;
        t.bytes = counted.bytes;
        Totals &all = allDestinations[{std::get<0>(key), kAllDestinations, std::get<2>(key)}];
        all.records += t.records;
        all.bytes += t.bytes;
        all.addTimes(t);
    }
    windows.merge(allDestinations);
    // Each source's median window of egress, over its windows with egress.
    std::map<std::uint64_t, std::vector<std::uint64_t>> perSource;
    for (const auto &[key, totals] : windows)
        if (std::get<1>(key) == kAllDestinations)
            perSource[std::get<0>(key)].push_back(totals.bytes);
    std::map<std::uint64_t, std::uint64_t> baseline;
    for (auto &[source, sizes] : perSource) {
        if (static_cast<std::int64_t>(sizes.size()) < p.baselineMinWindows)
            continue;
        std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
        baseline[source] = sizes[sizes.size() / 2];
    }

    // Candidates first: traffic a NAT gateway translated is then reported once, at its host.
    struct Candidate {
        std::uint64_t source;
        std::optional<std::uint64_t> destination;
        std::int64_t firstWindow, lastWindow;
        Totals totals;
        std::string why;

        bool holds(std::int64_t window) const { return window >= firstWindow && window <= lastWindow; }
    };
    std::vector<Candidate> candidates;
    std::set<std::pair<std::uint64_t, std::int64_t>> reported; // (source, window) with a per-destination finding
    for (const auto &[key, totals] : windows) {
        const auto &[source, destination, window] = key;
        if (destination == kAllDestinations || totals.bytes < static_cast<std::uint64_t>(p.minBytes))
            continue;
        candidates.push_back({source, destination, window, window, totals, ""});
        reported.insert({source, window});
    }
    // An upload that goes on over consecutive windows is one finding: what
    // was sent over its whole span.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return std::tie(a.source, a.destination, a.firstWindow) < std::tie(b.source, b.destination, b.firstWindow);
    });
    std::vector<Candidate> merged;
    for (Candidate &c : candidates) {
        if (!merged.empty() && merged.back().source == c.source && merged.back().destination == c.destination
            && merged.back().lastWindow + 1 == c.firstWindow) {
            Totals &t = merged.back().totals;
            t.records += c.totals.records;
            t.bytes += c.totals.bytes;
            t.addTimes(c.totals);
            merged.back().lastWindow = c.lastWindow;
        } else {
            merged.push_back(std::move(c));
        }
    }
    candidates = std::move(merged);
    for (const auto &[key, totals] : windows) {
        const auto &[source, destination, window] = key;
        const auto base = baseline.find(source);
        if (destination != kAllDestinations || base == baseline.end() || reported.count({source, window})
            || totals.bytes < static_cast<std::uint64_t>(p.baselineMinBytes)
            || static_cast<double>(totals.bytes) < p.baselineFactor * static_cast<double>(base->second))
            continue;
        candidates.push_back({source, std::nullopt, window, window, totals,
                              ", " + std::to_string(static_cast<std::uint64_t>(static_cast<double>(totals.bytes)
                                                                               / std::max<double>(1, static_cast<double>(base->second))))
                                  + " times its median of " + readableBytes(base->second) + " per "
                                  + readableSpan(p.windowSeconds)});
    }

    NatPaths &nat = m_state->nat;
    const auto addressOf = [this](std::uint64_t id) { return m_state->addresses.address(id); };
    // A snapshot names the gateway, not its hosts: they are the internal
    // sources of egress to the same destination in the same window.
    for (const Candidate &c : candidates) {
        const IpAddress gateway = addressOf(c.source);
        if (!c.destination || !nat.isSnapshotGateway(gateway) || !nat.sendersThrough(gateway, addressOf(*c.destination)).empty())
            continue;
        for (const auto &[key, totals] : windows)
            if (std::get<1>(key) == *c.destination && c.holds(std::get<2>(key)) && std::get<0>(key) != c.source
                && !nat.isGateway(addressOf(std::get<0>(key))) && nat.sentTo(gateway, addressOf(std::get<0>(key))))
                nat.addSender(gateway, addressOf(std::get<0>(key)), addressOf(*c.destination));
        // No host's own records show the upload: the gateway's one host, if it has one.
        if (const auto hosts = nat.sendersTo(gateway);
            hosts.size() == 1 && nat.sendersThrough(gateway, addressOf(*c.destination)).empty())
            nat.addSender(gateway, hosts.front(), addressOf(*c.destination));
    }
    std::set<std::tuple<std::uint64_t, std::uint64_t, std::int64_t>> hostsFound;
    for (const Candidate &c : candidates)
        if (c.destination && !nat.isGateway(addressOf(c.source)))
            for (std::int64_t window = c.firstWindow; window <= c.lastWindow; ++window)
                hostsFound.insert({c.source, *c.destination, window});

    std::vector<Finding> findings;
    for (const Candidate &c : candidates) {
        const Totals &t = c.totals;
        Finding f;
        f.type = "exfiltration";
        f.src = addressOf(c.source);
        if (c.destination)
            f.dst = addressOf(*c.destination);
        std::string subject = f.src->toString();
        std::string path;
        if (!nat.isGateway(*f.src)) {
            if (f.dst)
                path = natPathText(nat.gatewaysOf(*f.src, *f.dst));
        } else if (!f.dst) {
            // The gateway's egress is its hosts': their own baselines judge them.
            if (nat.hasSenders(*f.src))
                continue;
            subject = "NAT gateway " + subject;
        } else {
            const IpAddress gateway = *f.src;
            const std::vector<IpAddress> senders = nat.sendersThrough(gateway, *f.dst);
            if (std::any_of(senders.begin(), senders.end(), [&](const IpAddress &sender) {
                    for (std::int64_t window = c.firstWindow; window <= c.lastWindow; ++window)
                        if (hostsFound.count({m_state->addresses.idOf(sender), *c.destination, window}))
                            return true;
                    return false;
                }))
                continue; // the host's own finding holds this traffic
            // Only the gateway's translated records show it: attributed to its one host when there is one.
            if (senders.size() == 1) {
                f.src = senders.front();
                subject = f.src->toString();
                path = natPathText({gateway}) + " (the gateway's records)";
            } else {
                std::string hosts;
                for (const IpAddress &sender : senders)
                    hosts += (hosts.empty() ? "" : ", ") + sender.toString();
                subject = "NAT gateway " + gateway.toString();
                path = hosts.empty() ? std::string(", for a host the case does not show") : ", for " + hosts;
            }
        }
        f.keyDetail = f.src->toString() + " to " + (f.dst ? f.dst->toString() : std::string("external"));
        f.start = t.firstStart;
        f.end = t.lastEnd;
        f.records = t.records;
        f.bytes = t.bytes;
        f.severity = t.bytes >= static_cast<std::uint64_t>(std::max<std::int64_t>(1, p.minBytes)) * 4 ? Severity::High
                                                                                                         : Severity::Medium;
        // What was sent over what span: a single elephant flow is one record of seconds.
        f.title = subject + " sent " + readableBytes(t.bytes) + " to "
            + (f.dst ? f.dst->toString() : std::string("external addresses")) + " in "
            + readableSpan(std::max<std::int64_t>(0, f.end - f.start)) + " ("
            + (t.records == 1 ? std::string("one flow record") : std::to_string(t.records) + " records") + ')' + c.why + path;
        // The evidence is the records counted: from the source's address
        // (the gateway's, for its own records), the gateway's inside records too.
        EvidenceFilter evidence;
        evidence.address("srcaddr", addressOf(c.source));
        const std::string internal(internalRangesFilterSet());
        if (f.dst && t.translated)
            evidence.term("dstaddr == " + f.dst->toString() + " or pkt-dstaddr == " + f.dst->toString());
        else if (f.dst)
            evidence.address("dstaddr", *f.dst);
        else if (t.translated)
            evidence.term("not dstaddr in " + internal + " or pkt-dstaddr in {0.0.0.0/0, ::/0} and not pkt-dstaddr in "
                          + internal);
        else
            evidence.term("not dstaddr in " + internal);
        evidence.term("action == accept").startsBetween(t.firstStart, t.lastStart);
        f.evidenceFilter = evidence.joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
