// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats.h"

#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"

#include <algorithm>
#include <cstring>
#include <tuple>
#include <unordered_map>

namespace flowscope {

void TrafficTotals::add(const EncodedFlow &flow)
{
    ++flows;
    if (flow.has(Field::Packets))
        packets += flow.packets;
    if (flow.has(Field::Bytes))
        bytes += flow.bytes;
    if (flow.has(Field::Action))
        (flow.action == Action::Accept ? accepts : rejects) += 1;
    if (flow.has(Field::Start))
        firstSeen = std::min(firstSeen.value_or(flow.start), flow.start);
    if (flow.has(Field::End))
        lastSeen = std::max(lastSeen.value_or(flow.end), flow.end);
}

namespace {

// Addresses compare by family, then bytes: a total order for keys and sorting.
bool addressLess(const IpAddress &x, const IpAddress &y)
{
    if (x.family != y.family)
        return x.family < y.family;
    return std::memcmp(x.bytes.data(), y.bytes.data(), x.isV4() ? 4 : 16) < 0;
}

// A packed, hashable key: family+address twice, protocol, port.
using RawKey = std::string;

void appendAddress(RawKey &key, const IpAddress &a)
{
    key.push_back(static_cast<char>(a.family));
    key.append(reinterpret_cast<const char *>(a.bytes.data()), a.isV4() ? 4 : 16);
}

std::uint64_t orderValue(const TrafficTotals &t, StatsOrder order)
{
    switch (order) {
    case StatsOrder::Bytes: return t.bytes;
    case StatsOrder::Flows: return t.flows;
    case StatsOrder::Packets: return t.packets;
    }
    return t.bytes;
}

// Largest first; ties in a fixed order (`before`) so output is reproducible.
template <typename T, typename Before>
void keepTop(std::vector<T> &items, std::size_t top, StatsOrder order, Before before)
{
    auto larger = [order, before](const T &x, const T &y) {
        const auto vx = orderValue(x.totals, order);
        const auto vy = orderValue(y.totals, order);
        return vx != vy ? vx > vy : before(x, y);
    };
    if (items.size() > top) {
        std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(top), items.end(), larger);
        items.resize(top);
    }
    std::sort(items.begin(), items.end(), larger);
}

} // namespace

std::vector<Conversation> topConversations(CaseDb &caseDb, ConversationKey key, std::size_t top, StatsOrder order,
                                           const RecordFilter &accept,
                                           const std::optional<std::vector<std::int64_t>> &blocks)
{
    std::unordered_map<RawKey, Conversation> table;
    RawKey raw;
    scanRecords(caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
        if (!flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr))
            return; // NODATA / SKIPDATA: no conversation
        if (accept && !accept(flow))
            return;
        const bool srcFirst = !addressLess(flow.dstAddr, flow.srcAddr);
        const IpAddress &a = srcFirst ? flow.srcAddr : flow.dstAddr;
        const IpAddress &b = srcFirst ? flow.dstAddr : flow.srcAddr;
        raw.clear();
        appendAddress(raw, a);
        appendAddress(raw, b);
        std::optional<std::uint8_t> protocol;
        std::optional<std::uint16_t> port;
        if (key == ConversationKey::AddressesProtocolPort) {
            if (flow.has(Field::Protocol))
                protocol = flow.protocol;
            if (flow.has(Field::SrcPort) && flow.has(Field::DstPort))
                port = std::min(flow.srcPort, flow.dstPort);
            raw.push_back(protocol ? static_cast<char>(*protocol) : '\xff');
            raw.append(port ? std::to_string(*port) : std::string("-"));
        }
        auto [it, inserted] = table.try_emplace(raw);
        if (inserted) {
            it->second.a = a;
            it->second.b = b;
            it->second.protocol = protocol;
            it->second.port = port;
        }
        it->second.totals.add(flow);
    });
    std::vector<Conversation> out;
    out.reserve(table.size());
    for (auto &[k, conversation] : table)
        out.push_back(std::move(conversation));
    keepTop(out, top, order, [](const Conversation &x, const Conversation &y) {
        if (!(x.a == y.a))
            return addressLess(x.a, y.a);
        if (!(x.b == y.b))
            return addressLess(x.b, y.b);
        return std::tie(x.protocol, x.port) < std::tie(y.protocol, y.port);
    });
    return out;
}

std::vector<Endpoint> topEndpoints(CaseDb &caseDb, EndpointKey key, std::size_t top, StatsOrder order,
                                   const RecordFilter &accept,
                                   const std::optional<std::vector<std::int64_t>> &blocks)
{
    std::unordered_map<std::string, TrafficTotals> table;
    StringDictionary strings;
    InterfaceDictionary interfaces;
    if (key == EndpointKey::Interface) {
        strings.load(caseDb.handle());
        interfaces.load(caseDb.handle(), strings);
    }
    scanRecords(caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
        if (accept && !accept(flow))
            return;
        if (key == EndpointKey::Interface) {
            if (flow.interface == 0)
                return;
            const std::uint32_t eni = interfaces.key(flow.interface)[0]; // interface-id comes first
            if (eni != 0)
                table[strings.value(eni)].add(flow);
            return;
        }
        // An address is an endpoint of every flow it sends or receives.
        if (flow.has(Field::SrcAddr))
            table[flow.srcAddr.toString()].add(flow);
        if (flow.has(Field::DstAddr) && !(flow.has(Field::SrcAddr) && flow.dstAddr == flow.srcAddr))
            table[flow.dstAddr.toString()].add(flow);
    });
    std::vector<Endpoint> out;
    out.reserve(table.size());
    for (auto &[name, totals] : table)
        out.push_back({name, totals});
    keepTop(out, top, order, [](const Endpoint &x, const Endpoint &y) { return x.key < y.key; });
    return out;
}

} // namespace flowscope
