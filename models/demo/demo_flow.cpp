// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_flow.h"

#include <algorithm>

namespace flowscope::demo {
namespace {

constexpr std::int16_t kFin = 1;
constexpr std::int16_t kSyn = 2;
constexpr std::int16_t kSynAck = 18;

// The smallest packet of the protocol (headers only), so bytes >= packets * this.
std::uint64_t minimumPacketBytes(std::uint8_t protocol, bool ipv6)
{
    const std::uint64_t ip = ipv6 ? 40 : 20;
    return ip + (protocol == 6 ? 20 : 8);
}

void fillVolume(SimRecord &record, std::uint64_t bytes, std::uint32_t packetSize, bool ipv6, std::uint64_t minPackets)
{
    const std::uint64_t size = std::max<std::uint64_t>(packetSize, 1);
    record.packets = std::max<std::uint64_t>(minPackets, (bytes + size / 2) / size);
    record.bytes = std::max(bytes, record.packets * minimumPacketBytes(record.protocol, ipv6));
}

// Packets a TCP exchange needs at least: handshake and first data on the way
// in (SYN, ACK, data) and out (SYN-ACK, data), and FIN plus ACK at the close.
std::uint64_t minimumPackets(const Connection &c, bool request, bool first, bool last)
{
    if (c.protocol != 6 || c.outcome != Outcome::Completed || (request ? c.requestFlags : c.replyFlags) >= 0)
        return 1;
    std::uint64_t packets = first ? (request ? 3 : 2) : 1;
    if (last && c.closes)
        packets += 1;
    return packets;
}

std::int16_t derivedFlags(const Connection &c, bool request, bool first, bool last)
{
    if (c.protocol != 6)
        return 0; // what AWS writes for UDP and ICMP
    if (c.outcome != Outcome::Completed)
        return request ? kSyn : kSynAck;
    std::int16_t flags = first ? (request ? kSyn : kSynAck) : 0;
    if (last && c.closes)
        flags |= kFin;
    return flags;
}

} // namespace

Leg directLeg(const Eni &eni, const SimAddress &local, const SimAddress &remote,
              std::uint16_t localPort, std::uint16_t remotePort, bool initiates,
              std::uint8_t egressPath, std::string_view remoteService)
{
    Leg leg;
    leg.eni = &eni;
    leg.local = local;
    leg.remote = remote;
    leg.pktLocal = local;
    leg.pktRemote = remote;
    leg.localPort = localPort;
    leg.remotePort = remotePort;
    leg.localInitiates = initiates;
    leg.egressPath = egressPath;
    leg.remoteService = remoteService;
    return leg;
}

void FlowEmitter::emit(const Connection &connection, std::span<const Leg> legs, std::int64_t windowEnd)
{
    const std::int64_t begin = connection.begin;
    const std::int64_t finish = std::min(begin + std::max<std::int64_t>(connection.duration, 0), windowEnd - 1);
    if (finish < begin)
        return;
    const std::int64_t span = finish - begin + 1;

    // Split the byte counts over the aggregation intervals by time spent in each.
    std::uint64_t requestLeft = connection.requestBytes;
    std::uint64_t responseLeft = connection.responseBytes;
    std::int64_t slot = begin - begin % kAggregationSeconds;
    bool first = true;
    while (slot <= finish) {
        const std::int64_t slotEnd = slot + kAggregationSeconds - 1;
        Interval interval{};
        interval.first = first;
        interval.last = slotEnd >= finish;
        // A long flow's later records start when its first packet in the interval arrives.
        interval.start = first ? begin : std::min(slot + m_random.between(0, 2), finish);
        interval.end = std::min(slotEnd, finish);
        if (interval.last) {
            interval.requestBytes = requestLeft;
            interval.responseBytes = responseLeft;
        } else {
            const auto share = static_cast<std::uint64_t>(interval.end - interval.start + 1);
            interval.requestBytes = connection.requestBytes / static_cast<std::uint64_t>(span) * share;
            interval.responseBytes = connection.responseBytes / static_cast<std::uint64_t>(span) * share;
            interval.requestBytes = std::min(interval.requestBytes, requestLeft);
            interval.responseBytes = std::min(interval.responseBytes, responseLeft);
        }
        requestLeft -= interval.requestBytes;
        responseLeft -= interval.responseBytes;
        for (const Leg &leg : legs)
            emitInterval(connection, leg, interval);
        first = false;
        slot += kAggregationSeconds;
    }
}

void FlowEmitter::emitInterval(const Connection &c, const Leg &leg, const Interval &interval)
{
    const bool responder = !leg.localInitiates;
    switch (c.outcome) {
    case Outcome::Completed:
        m_sink.add(makeRecord(c, leg, interval, true));
        m_sink.add(makeRecord(c, leg, interval, false));
        break;
    case Outcome::Rejected: {
        SimRecord request = makeRecord(c, leg, interval, true);
        if (responder) {
            request.action = Action::Reject;
            request.rejectReason = c.rejectReason;
        }
        m_sink.add(request);
        break;
    }
    case Outcome::ReplyRejected:
        m_sink.add(makeRecord(c, leg, interval, true));
        if (responder) {
            SimRecord reply = makeRecord(c, leg, interval, false);
            reply.action = Action::Reject;
            m_sink.add(reply);
        }
        break;
    case Outcome::Unanswered:
        if (!responder)
            m_sink.add(makeRecord(c, leg, interval, true));
        break;
    }
}

SimRecord FlowEmitter::makeRecord(const Connection &c, const Leg &leg, const Interval &interval, bool request) const
{
    // The request travels initiator -> responder; this interface sends it when it initiates.
    const bool outgoing = request == leg.localInitiates;
    SimRecord r;
    r.eni = leg.eni;
    r.protocol = c.protocol;
    r.start = interval.start;
    r.end = interval.end;
    r.direction = outgoing ? FlowDirection::Egress : FlowDirection::Ingress;
    r.trafficPath = outgoing ? leg.egressPath : 0;
    r.src = outgoing ? leg.local : leg.remote;
    r.dst = outgoing ? leg.remote : leg.local;
    r.pktSrc = outgoing ? leg.pktLocal : leg.pktRemote;
    r.pktDst = outgoing ? leg.pktRemote : leg.pktLocal;
    r.srcPort = outgoing ? leg.localPort : leg.remotePort;
    r.dstPort = outgoing ? leg.remotePort : leg.localPort;
    r.pktSrcService = outgoing ? leg.localService : leg.remoteService;
    r.pktDstService = outgoing ? leg.remoteService : leg.localService;
    if (c.protocol == 1 || c.protocol == 58)
        r.srcPort = r.dstPort = 0;
    const std::int16_t override = request ? c.requestFlags : c.replyFlags;
    r.tcpFlags = override >= 0 ? override : derivedFlags(c, request, interval.first, interval.last);
    fillVolume(r, request ? interval.requestBytes : interval.responseBytes,
               request ? c.requestPacketSize : c.responsePacketSize, leg.local.isV6(),
               minimumPackets(c, request, interval.first, interval.last));
    r.incident = c.incident;
    return r;
}

} // namespace flowscope::demo
