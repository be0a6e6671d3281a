// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A REJECT record beside its counterparts, from the records alone: the
// reverse 5-tuple on the same interface (request and reply) and the same
// conversation at the other end's interface, within the aggregation windows.
// Request is told from reply by tcp-flags (SYN, SYN-ACK), then well-known
// against ephemeral ports, then which record came first.

#include "format/flow_record.h"
#include "format/ip_address.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace flowscope::explain {

// Records are aggregated over at most 10 minutes: a counterpart further off
// than this belongs to another connection.
constexpr std::int64_t kPairingSlackSeconds = 600;

// What pairing needs of a stored record (about 80 bytes: a million rejects
// and their counterparts fit in memory).
struct PairingFlow {
    std::int64_t id = 0;
    std::uint64_t conversation = 0; // conversationHash(), kept to sort by
    std::int64_t endSoFar = 0;      // the latest end of its conversation's records up to it (prepareConversations)
    std::int64_t start = 0;
    std::int64_t end = 0;
    flowscope::IpAddress src;
    flowscope::IpAddress dst;
    std::uint32_t interface = 0; // InterfaceDictionary id
    std::uint32_t subnet = 0;    // StringDictionary id of subnet-id, 0 when not logged
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint8_t protocol = 0;
    std::uint8_t tcpFlags = 0;
    bool hasTcpFlags = false;
    bool hasDirection = false;
    bool hasStart = false;
    flowscope::FlowDirection direction = flowscope::FlowDirection::Ingress;
    flowscope::Action action = flowscope::Action::Accept;
    bool blockPublicAccess = false; // reject-reason BPA
    bool packetAddressesDiffer = false;
    bool chosen = false; // one of the records a conversation scan was asked for (conversation_scan.h)
};

// Both directions of one conversation hash alike: the pairing groups records by it.
std::uint64_t conversationHash(const PairingFlow &flow);
std::uint64_t conversationHash(const flowscope::IpAddress &src, std::uint16_t srcPort, const flowscope::IpAddress &dst,
                               std::uint16_t dstPort, std::uint8_t protocol);
// Orders records by conversation, then start: a conversation is then one
// range, in time order, as pairRecord wants it.
bool conversationOrder(const PairingFlow &a, const PairingFlow &b);
// Sets each record's conversation hash, sorts them in conversationOrder and
// notes endSoFar, so that pairing finds a record's time neighbours by
// binary search however long its conversation.
void prepareConversations(std::vector<PairingFlow> &flows);
bool sameTuple(const PairingFlow &a, const PairingFlow &b);
bool reverseTuple(const PairingFlow &a, const PairingFlow &b);

struct PairedRecord {
    const PairingFlow *flow = nullptr;
    bool splitWindow = false; // outside the rejected record's own window
};

struct Pairing {
    bool isReply = false;
    bool roleKnown = false;      // from flags or the counterpart's time, not ports alone
    bool roleFromFlags = false;
    bool egress = false;         // the rejected record left its interface
    bool directionKnown = false;
    std::optional<PairedRecord> request; // same interface, reverse tuple: the request this replies to
    std::optional<PairedRecord> reply;   // same interface, reverse tuple: the reply to this request
    std::optional<PairedRecord> peerSame;    // other interface, same tuple
    std::optional<PairedRecord> peerReverse; // other interface, reverse tuple
};

// Seconds between two records' windows, 0 when they overlap or either has no start.
std::int64_t gapBetween(const PairingFlow &a, const PairingFlow &b);
// Whether `a`, `gapA` seconds off, is a nearer counterpart than `b`: the
// smaller gap, then an ACCEPT before another action, then the earlier record
// (start, then id). pairRecord keeps the nearest of each kind.
bool nearerCounterpart(const PairingFlow &a, std::int64_t gapA, const PairingFlow &b, std::int64_t gapB);

// Request or reply: by the record's tcp-flags (SYN-ACK a reply, SYN a
// request), then the flags of the nearest reverse record on its interface,
// then which of the two came first, then the ports (the well-known or
// lower port is the server's).
struct RoleGuess {
    bool isReply = false;
    bool roleKnown = false; // not from the ports alone
    bool fromFlags = false;
};
RoleGuess roleOf(const PairingFlow &record, const PairingFlow *sameInterfaceReverse);

// `conversation`: records of the rejected one's conversation (it may be
// among them), as prepareConversations leaves them.
Pairing pairRecord(const PairingFlow &rejected, std::span<const PairingFlow> conversation);

// The server's port of a flow seen as a request (dstport) or reply (srcport).
int servicePortOf(const PairingFlow &flow, bool isReply);

} // namespace flowscope::explain
