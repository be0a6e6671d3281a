// SPDX-License-Identifier: GPL-3.0-or-later
#include "exfiltration_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"

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

struct Totals {
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastStart = INT64_MIN;
    std::int64_t lastEnd = INT64_MIN;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> bytesByInterface; // a few interfaces at most

    void addBytes(std::uint32_t interface, std::uint64_t b)
    {
        for (auto &[known, sum] : bytesByInterface)
            if (known == interface) {
                sum += b;
                return;
            }
        bytesByInterface.emplace_back(interface, b);
    }

    std::uint64_t weighed() const
    {
        std::uint64_t most = 0;
        for (const auto &[interface, b] : bytesByInterface)
            most = std::max(most, b);
        return most;
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
};

struct ExfiltrationDetector::State {
    AddressIds addresses;
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

ColumnMask ExfiltrationDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::Action) | columnOf(Field::Bytes)
        | columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void ExfiltrationDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr) || !flow.has(Field::Start) || !flow.has(Field::Action)
        || flow.action != Action::Accept || !isInternalAddress(flow.srcAddr) || isInternalAddress(flow.dstAddr))
        return;
    const std::uint64_t src = m_state->addresses.idOf(flow.srcAddr);
    const std::uint64_t dst = m_state->addresses.idOf(flow.dstAddr);
    const std::int64_t window = floorDiv(flow.start, std::max<std::int64_t>(1, m_parameters.windowSeconds));
    EgressEntry &e = m_state->egress.findOrAdd({src, dst, window, flow.interface});
    ++e.records;
    e.bytes += flow.has(Field::Bytes) ? flow.bytes : 0;
    e.firstStart = std::min(e.firstStart, flow.start);
    e.lastStart = std::max(e.lastStart, flow.start);
    e.lastEnd = std::max(e.lastEnd, flow.has(Field::End) ? flow.end : flow.start);
}

std::vector<Finding> ExfiltrationDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    const auto &p = m_parameters;
    // Per (source, destination, window), and per (source, window) over every
    // external destination, the interfaces' records added up.
    std::unordered_map<WindowKey, Totals, WindowKeyHash> windows;
    for (std::size_t i = 0; i < m_state->egress.size(); ++i) {
        const EgressEntry &e = m_state->egress.at(i);
        for (const std::uint64_t to : {e.key.dst, kAllDestinations}) {
            Totals &t = windows[{e.key.src, to, e.key.window}];
            t.records += e.records;
            t.bytes += e.bytes;
            t.firstStart = std::min(t.firstStart, e.firstStart);
            t.lastStart = std::max(t.lastStart, e.lastStart);
            t.lastEnd = std::max(t.lastEnd, e.lastEnd);
            t.addBytes(static_cast<std::uint32_t>(e.key.interface), e.bytes);
        }
    }
    // Each source's median window of egress, over its windows with egress.
    std::map<std::uint64_t, std::vector<std::uint64_t>> perSource;
    for (const auto &[key, totals] : windows)
        if (std::get<1>(key) == kAllDestinations)
            perSource[std::get<0>(key)].push_back(totals.weighed());
    std::map<std::uint64_t, std::uint64_t> baseline;
    for (auto &[source, sizes] : perSource) {
        if (static_cast<std::int64_t>(sizes.size()) < p.baselineMinWindows)
            continue;
        std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
        baseline[source] = sizes[sizes.size() / 2];
    }

    std::vector<Finding> findings;
    std::set<std::pair<std::uint64_t, std::int64_t>> reported; // (source, window) with a per-destination finding
    auto makeFinding = [&](std::uint64_t source, std::optional<std::uint64_t> destination, const Totals &t,
                           const std::string &why) {
        Finding f;
        f.type = "exfiltration";
        f.src = m_state->addresses.address(source);
        if (destination)
            f.dst = m_state->addresses.address(*destination);
        f.keyDetail = f.src->toString() + " to " + (f.dst ? f.dst->toString() : std::string("external"));
        f.start = t.firstStart;
        f.end = t.lastEnd;
        f.records = t.records;
        f.bytes = t.bytes;
        f.severity = t.weighed() >= static_cast<std::uint64_t>(std::max<std::int64_t>(1, p.minBytes)) * 4 ? Severity::High
                                                                                                         : Severity::Medium;
        f.title = f.src->toString() + " sent " + readableBytes(t.weighed()) + " to "
            + (f.dst ? f.dst->toString() : std::string("external addresses")) + " in "
            + std::to_string(p.windowSeconds / 60) + " min" + why;
        EvidenceFilter evidence;
        evidence.address("srcaddr", *f.src);
        if (f.dst)
            evidence.address("dstaddr", *f.dst);
        else
            evidence.term("not dstaddr in " + std::string(internalRangesFilterSet()));
        evidence.term("action == accept").startsBetween(t.firstStart, t.lastStart);
        f.evidenceFilter = evidence.joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    };
    for (const auto &[key, totals] : windows) {
        const auto &[source, destination, window] = key;
        if (destination == kAllDestinations || totals.weighed() < static_cast<std::uint64_t>(p.minBytes))
            continue;
        makeFinding(source, destination, totals, "");
        reported.insert({source, window});
    }
    for (const auto &[key, totals] : windows) {
        const auto &[source, destination, window] = key;
        const auto base = baseline.find(source);
        if (destination != kAllDestinations || base == baseline.end() || reported.count({source, window})
            || totals.weighed() < static_cast<std::uint64_t>(p.baselineMinBytes)
            || static_cast<double>(totals.weighed()) < p.baselineFactor * static_cast<double>(base->second))
            continue;
        makeFinding(source, std::nullopt, totals,
                    ", " + std::to_string(static_cast<std::uint64_t>(static_cast<double>(totals.weighed())
                                                                     / std::max<double>(1, static_cast<double>(base->second))))
                        + " times its median of " + readableBytes(base->second));
    }
    return findings;
}

} // namespace flowscope
