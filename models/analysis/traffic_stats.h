// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Conversations (who talked to whom) and endpoints (per address, per ENI):
// flows, packets, bytes, accepts, rejects, first and last seen. Computed in
// one pass over the records a caller selects, so the GUI and the CLI share it.

#include "format/ip_address.h"
#include "store/encoded_flow.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

struct TrafficTotals {
    std::uint64_t flows = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::uint64_t accepts = 0;
    std::uint64_t rejects = 0;
    std::optional<std::int64_t> firstSeen, lastSeen;

    void add(const EncodedFlow &flow);
};

struct Conversation {
    IpAddress a, b; // a <= b: a conversation is the same whichever way it flows
    std::optional<std::uint8_t> protocol; // with ConversationKey::AddressesProtocolPort
    std::optional<std::uint16_t> port;    // the service port: the lower of the two
    TrafficTotals totals;
};

struct Endpoint {
    std::string key; // an address, or an ENI id
    TrafficTotals totals;
};

enum class ConversationKey { Addresses, AddressesProtocolPort };
enum class EndpointKey { Address, Interface };
enum class StatsOrder { Bytes, Flows, Packets };

// `accept` decides which records count (all when empty); `blocks` narrows the
// scan as a filter's index lookup would (all blocks when empty).
using RecordFilter = std::function<bool(const EncodedFlow &)>;

std::vector<Conversation> topConversations(CaseDb &caseDb, ConversationKey key, std::size_t top, StatsOrder order,
                                           const RecordFilter &accept = {},
                                           const std::optional<std::vector<std::int64_t>> &blocks = {});
std::vector<Endpoint> topEndpoints(CaseDb &caseDb, EndpointKey key, std::size_t top, StatsOrder order,
                                   const RecordFilter &accept = {},
                                   const std::optional<std::vector<std::int64_t>> &blocks = {});

} // namespace flowscope
