// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_pairing.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace flowscope::explain {

namespace {

constexpr std::uint8_t kSyn = 2;
constexpr std::uint8_t kSynAck = 16; // logged only as part of SYN-ACK (18)
constexpr int kEphemeralFloor = 32768;

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

std::uint64_t endpointHash(const flowscope::IpAddress &address, std::uint16_t port)
{
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    std::memcpy(&low, address.bytes.data(), 8);
    std::memcpy(&high, address.bytes.data() + 8, 8);
    return mix(mix(mix(static_cast<std::uint64_t>(address.family), low), high), port);
}

bool isPrivate(const flowscope::IpAddress &a)
{
    if (a.isV4()) {
        const std::uint32_t v = a.v4();
        return (v >> 24) == 10 || (v >> 20) == (172u << 4 | 1u) || (v >> 16) == (192u << 8 | 168u)
            || (v >> 22) == (100u << 2 | 1u); // 100.64.0.0/10, shared address space
    }
    return (a.bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
}

// The nearest record the test keeps, within the slack; an ACCEPT before a
// REJECT at the same distance.
std::optional<PairedRecord> nearest(const PairingFlow &rejected, std::span<const PairingFlow> conversation,
                                    const std::function<bool(const PairingFlow &)> &keep)
{
    const PairingFlow *best = nullptr;
    std::int64_t bestGap = 0;
    for (const PairingFlow &flow : conversation) {
        if (rejected.hasStart && flow.start > rejected.end + kPairingSlackSeconds)
            break; // in time order: the rest start later still
        if (flow.id == rejected.id || !keep(flow))
            continue;
        const std::int64_t gap = gapBetween(rejected, flow);
        if (gap > kPairingSlackSeconds)
            continue;
        if (!best || nearerCounterpart(flow, gap, *best, bestGap)) {
            best = &flow;
            bestGap = gap;
        }
    }
    if (!best)
        return std::nullopt;
    return PairedRecord{best, bestGap > 0};
}

// Request or reply from the ports alone: the well-known or lower port is the server's.
bool replyByPorts(const PairingFlow &flow)
{
    const int src = flow.srcPort;
    const int dst = flow.dstPort;
    if ((src < 1024) != (dst < 1024))
        return src < 1024;
    if ((src >= kEphemeralFloor) != (dst >= kEphemeralFloor))
        return dst >= kEphemeralFloor;
    return src < dst;
}

} // namespace

std::int64_t gapBetween(const PairingFlow &a, const PairingFlow &b)
{
    if (!a.hasStart || !b.hasStart)
        return 0;
    if (b.end < a.start)
        return a.start - b.end;
    if (b.start > a.end)
        return b.start - a.end;
    return 0;
}

bool nearerCounterpart(const PairingFlow &a, std::int64_t gapA, const PairingFlow &b, std::int64_t gapB)
{
    if (gapA != gapB)
        return gapA < gapB;
    const bool acceptA = a.action == flowscope::Action::Accept;
    const bool acceptB = b.action == flowscope::Action::Accept;
    if (acceptA != acceptB)
        return acceptA;
    return a.start != b.start ? a.start < b.start : a.id < b.id;
}

RoleGuess roleOf(const PairingFlow &record, const PairingFlow *sameInterfaceReverse)
{
    RoleGuess out;
    const PairingFlow *reverse = sameInterfaceReverse;
    const bool tcpFlags = record.protocol == 6 && record.hasTcpFlags;
    if (tcpFlags && (record.tcpFlags & kSynAck)) {
        out.isReply = true;
        out.roleKnown = out.fromFlags = true;
    } else if (tcpFlags && (record.tcpFlags & kSyn)) {
        out.isReply = false;
        out.roleKnown = out.fromFlags = true;
    } else if (reverse && reverse->protocol == 6 && reverse->hasTcpFlags && (reverse->tcpFlags & (kSyn | kSynAck))) {
        out.isReply = !(reverse->tcpFlags & kSynAck); // the other one carried the SYN
        out.roleKnown = true;
    } else if (reverse && record.hasStart && reverse->start != record.start) {
        out.isReply = reverse->start < record.start;
        out.roleKnown = true;
    } else {
        out.isReply = replyByPorts(record);
    }
    return out;
}

std::uint64_t conversationHash(const flowscope::IpAddress &src, std::uint16_t srcPort, const flowscope::IpAddress &dst,
                               std::uint16_t dstPort, std::uint8_t protocol)
{
    const std::uint64_t a = endpointHash(src, srcPort);
    const std::uint64_t b = endpointHash(dst, dstPort);
    return mix(mix(std::min(a, b), std::max(a, b)), protocol);
}

std::uint64_t conversationHash(const PairingFlow &flow)
{
    return conversationHash(flow.src, flow.srcPort, flow.dst, flow.dstPort, flow.protocol);
}

void prepareConversations(std::vector<PairingFlow> &flows)
{
    for (PairingFlow &flow : flows)
        flow.conversation = conversationHash(flow);
    std::sort(flows.begin(), flows.end(), conversationOrder);
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const bool continues = i > 0 && flows[i - 1].conversation == flows[i].conversation;
        flows[i].endSoFar = continues ? std::max(flows[i - 1].endSoFar, flows[i].end) : flows[i].end;
    }
}

bool conversationOrder(const PairingFlow &a, const PairingFlow &b)
{
    if (a.conversation != b.conversation)
        return a.conversation < b.conversation;
    if (a.start != b.start)
        return a.start < b.start;
    return a.id < b.id;
}

bool sameTuple(const PairingFlow &a, const PairingFlow &b)
{
    return a.protocol == b.protocol && a.src == b.src && a.dst == b.dst && a.srcPort == b.srcPort && a.dstPort == b.dstPort;
}

bool reverseTuple(const PairingFlow &a, const PairingFlow &b)
{
    return a.protocol == b.protocol && a.src == b.dst && a.dst == b.src && a.srcPort == b.dstPort && a.dstPort == b.srcPort;
}

int servicePortOf(const PairingFlow &flow, bool isReply)
{
    return isReply ? flow.srcPort : flow.dstPort;
}

Pairing pairRecord(const PairingFlow &rejected, std::span<const PairingFlow> whole)
{
    // Records starting long before may still last into the slack: skip
    // those before the first whose conversation reached it (endSoFar).
    std::span<const PairingFlow> conversation = whole;
    if (rejected.hasStart) {
        const std::int64_t earliest = rejected.start - kPairingSlackSeconds;
        const auto first = std::lower_bound(whole.begin(), whole.end(), earliest,
                                            [](const PairingFlow &flow, std::int64_t t) { return flow.endSoFar < t; });
        conversation = whole.subspan(static_cast<std::size_t>(first - whole.begin()));
    }
    Pairing out;
    if (rejected.hasDirection) {
        out.egress = rejected.direction == flowscope::FlowDirection::Egress;
        out.directionKnown = true;
    } else if (isPrivate(rejected.src) != isPrivate(rejected.dst)) {
        out.egress = isPrivate(rejected.src); // the interface's own address is the private one
        out.directionKnown = true;
    }

    const auto sameInterfaceReverse = nearest(rejected, conversation, [&](const PairingFlow &f) {
        return f.interface == rejected.interface && reverseTuple(rejected, f);
    });
    const RoleGuess role = roleOf(rejected, sameInterfaceReverse ? sameInterfaceReverse->flow : nullptr);
    out.isReply = role.isReply;
    out.roleKnown = role.roleKnown;
    out.roleFromFlags = role.fromFlags;
    if (out.isReply)
        out.request = sameInterfaceReverse;
    else
        out.reply = sameInterfaceReverse;
    out.peerSame = nearest(rejected, conversation, [&](const PairingFlow &f) {
        return f.interface != rejected.interface && sameTuple(rejected, f);
    });
    out.peerReverse = nearest(rejected, conversation, [&](const PairingFlow &f) {
        return f.interface != rejected.interface && reverseTuple(rejected, f);
    });
    return out;
}

} // namespace flowscope::explain
