// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats.h"
#include "flat_table.h"

#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <tuple>

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

// The bytes an address uses; those an IPv4 address leaves are zero.
void copyAddress(std::array<std::uint8_t, 16> &to, const IpAddress &a)
{
    std::memcpy(to.data(), a.bytes.data(), a.isV4() ? 4 : 16);
}

// A conversation's key as fixed words: both addresses, then with
// ConversationKey::AddressesProtocolPort the protocol and the service port,
// each with a flag for whether the record had it.
struct ConversationSlotKey {
    std::array<std::uint8_t, 16> a{}, b{};
    std::uint8_t familyA = 0, familyB = 0;
    std::uint8_t protocol = 0, hasProtocol = 0;
    std::uint8_t hasPort = 0, unused = 0;
    std::uint16_t port = 0;
};

struct AddressSlotKey {
    std::array<std::uint8_t, 16> bytes{};
    std::uint8_t family = 0;
    std::array<std::uint8_t, 7> unused{};
};

std::uint64_t orderValue(const TrafficTotals &t, StatsOrder order)
{
    switch (order) {
    case StatsOrder::Bytes: return t.bytes;
    case StatsOrder::Flows: return t.flows;
    case StatsOrder::Packets: return t.packets;
    }
    return t.bytes;
}

void addTotals(TrafficTotals &into, const TrafficTotals &from)
{
    into.flows += from.flows;
    into.packets += from.packets;
    into.bytes += from.bytes;
    into.accepts += from.accepts;
    into.rejects += from.rejects;
    if (from.firstSeen)
        into.firstSeen = std::min(into.firstSeen.value_or(*from.firstSeen), *from.firstSeen);
    if (from.lastSeen)
        into.lastSeen = std::max(into.lastSeen.value_or(*from.lastSeen), *from.lastSeen);
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

// The value the top-th largest of `totals` has: nothing below it can make
// the top, whatever breaks the ties. Nothing when every item makes it.
std::optional<std::uint64_t> cutoffValue(const std::vector<TrafficTotals> &totals, std::size_t top, StatsOrder order)
{
    if (totals.size() <= top || top == 0)
        return std::nullopt;
    std::vector<std::uint64_t> values;
    values.reserve(totals.size());
    for (const TrafficTotals &t : totals)
        values.push_back(orderValue(t, order));
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(top - 1);
    std::nth_element(values.begin(), nth, values.end(), std::greater<>());
    return *nth;
}

// Endpoints tie in the order of their names, so only those that can make the
// top are named (an address printed per record cost more than the rest of
// the scan).
template <typename Name>
std::vector<Endpoint> topNamed(std::vector<TrafficTotals> &totals, std::size_t top, StatsOrder order, Name nameOf)
{
    std::vector<Endpoint> out;
    if (top == 0)
        return out;
    const std::optional<std::uint64_t> cutoff = cutoffValue(totals, top, order);
    for (std::size_t i = 0; i < totals.size(); ++i)
        if (!cutoff || orderValue(totals[i], order) >= *cutoff)
            out.push_back({nameOf(i), totals[i]});
    keepTop(out, top, order, [](const Endpoint &x, const Endpoint &y) { return x.key < y.key; });
    return out;
}

} // namespace

std::vector<Conversation> topConversations(CaseDb &caseDb, ConversationKey key, std::size_t top, StatsOrder order,
                                           const RecordFilter &accept,
                                           const std::optional<std::vector<std::int64_t>> &blocks)
{
    FlatTable<ConversationSlotKey, Conversation> table;
    scanRecords(caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
        if (!flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr))
            return; // NODATA / SKIPDATA: no conversation
        if (accept && !accept(flow))
            return;
        const bool srcFirst = !addressLess(flow.dstAddr, flow.srcAddr);
        const IpAddress &a = srcFirst ? flow.srcAddr : flow.dstAddr;
        const IpAddress &b = srcFirst ? flow.dstAddr : flow.srcAddr;
        ConversationSlotKey slotKey;
        copyAddress(slotKey.a, a);
        copyAddress(slotKey.b, b);
        slotKey.familyA = static_cast<std::uint8_t>(a.family);
        slotKey.familyB = static_cast<std::uint8_t>(b.family);
        if (key == ConversationKey::AddressesProtocolPort) {
            if (flow.has(Field::Protocol)) {
                slotKey.protocol = flow.protocol;
                slotKey.hasProtocol = 1;
            }
            if (flow.has(Field::SrcPort) && flow.has(Field::DstPort)) {
                slotKey.port = std::min(flow.srcPort, flow.dstPort);
                slotKey.hasPort = 1;
            }
        }
        Conversation &conversation = table.findOrAdd(slotKey, [&] {
            Conversation c;
            c.a = a;
            c.b = b;
            if (slotKey.hasProtocol)
                c.protocol = slotKey.protocol;
            if (slotKey.hasPort)
                c.port = slotKey.port;
            return c;
        });
        conversation.totals.add(flow);
    });
    std::vector<Conversation> out = std::move(table.values());
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
    if (key == EndpointKey::Interface) {
        StringDictionary strings;
        InterfaceDictionary interfaces;
        strings.load(caseDb.handle());
        interfaces.load(caseDb.handle(), strings);
        // Per interface context first (a dense id), then per ENI, since
        // several contexts can share one ENI.
        std::vector<TrafficTotals> byInterface(interfaces.size() + 1);
        scanRecords(caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
            if (flow.interface == 0 || (accept && !accept(flow)))
                return;
            byInterface[flow.interface].add(flow);
        });
        std::vector<std::uint32_t> enis;
        std::vector<TrafficTotals> totals;
        std::vector<std::size_t> eniIndex(strings.size() + 1, SIZE_MAX);
        for (std::uint32_t id = 1; id <= interfaces.size(); ++id) {
            const std::uint32_t eni = interfaces.key(id)[0]; // interface-id comes first
            if (eni == 0 || byInterface[id].flows == 0)
                continue;
            if (eniIndex[eni] == SIZE_MAX) {
                eniIndex[eni] = enis.size();
                enis.push_back(eni);
                totals.emplace_back();
            }
            addTotals(totals[eniIndex[eni]], byInterface[id]);
        }
        return topNamed(totals, top, order, [&](std::size_t i) { return strings.value(enis[i]); });
    }

    FlatTable<AddressSlotKey, TrafficTotals> table;
    auto count = [&table](const IpAddress &address, const EncodedFlow &flow) {
        AddressSlotKey slotKey;
        copyAddress(slotKey.bytes, address);
        slotKey.family = static_cast<std::uint8_t>(address.family);
        table.findOrAdd(slotKey, [] { return TrafficTotals{}; }).add(flow);
    };
    scanRecords(caseDb, blocks, [&](const EncodedFlow &flow, std::int64_t) {
        if (accept && !accept(flow))
            return;
        // An address is an endpoint of every flow it sends or receives.
        if (flow.has(Field::SrcAddr))
            count(flow.srcAddr, flow);
        if (flow.has(Field::DstAddr) && !(flow.has(Field::SrcAddr) && flow.dstAddr == flow.srcAddr))
            count(flow.dstAddr, flow);
    });
    return topNamed(table.values(), top, order, [&](std::size_t i) {
        const AddressSlotKey &slotKey = table.keys()[i];
        IpAddress address;
        address.family = static_cast<IpAddress::Family>(slotKey.family);
        address.bytes = slotKey.bytes;
        return address.toString();
    });
}

} // namespace flowscope
