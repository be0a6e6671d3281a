// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a record is, as the detectors ask it: internal or external addresses,
// the same subnet, SYN without ACK, a reply rather than a request.

#include "format/ip_address.h"
#include "store/encoded_flow.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace flowscope {

// RFC 1918, carrier-grade NAT (100.64.0.0/10), IPv6 unique local
// (fc00::/7) and link-local addresses: the ranges a VPC numbers its
// interfaces from. Everything else is external.
bool isInternalAddress(const IpAddress &address);
// The same ranges as a filter's address set, for evidence filters.
std::string_view internalRangesFilterSet();

// Whether two addresses share their first `prefixBits` bits (the family's
// width at most); addresses of different families never do.
bool sameNetwork(const IpAddress &a, const IpAddress &b, int prefixBits);

inline constexpr std::uint8_t kTcp = 6;
inline constexpr std::uint8_t kTcpSyn = 0x02;
inline constexpr std::uint8_t kTcpAck = 0x10;

// A TCP record whose flags (OR-ed over the aggregation window) are SYN alone:
// the sender never acknowledged anything in that window.
bool isSynOnly(const EncodedFlow &flow);

// A record that looks like the answer of a service rather than a request:
// sent from a well-known port (below 1024) to a higher one. Heuristic: flow
// logs record no direction of a connection, and flags OR-ed over the
// aggregation window hold SYN and ACK at both ends of a connection.
bool looksLikeReply(const EncodedFlow &flow);

// One address as a 64-bit word: IPv4 by value, IPv6 by its place in a table
// of the IPv6 addresses seen (bit 32 set), so keys stay small.
class AddressIds {
public:
    std::uint64_t idOf(const IpAddress &address);
    IpAddress address(std::uint64_t id) const;

private:
    std::vector<IpAddress> m_v6;
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t index = 0; // 0: empty, else index + 1
    };
    std::vector<Slot> m_slots;
    void grow();
};

} // namespace flowscope
