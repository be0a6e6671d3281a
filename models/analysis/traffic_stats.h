// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Conversations (who talked to whom) and endpoints (per address, per ENI):
// flows, packets, bytes, accepts, rejects, first and last seen. Computed in
// one pass over the records a caller selects, so the GUI and the CLI share it:
// every key is counted, then the first rows in the asked order are chosen,
// so a ranking by any column is the true one over all keys.

#include "format/ip_address.h"
#include "store/block_codec.h"
#include "store/encoded_flow.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
    void add(const TrafficTotals &other);
    friend bool operator==(const TrafficTotals &, const TrafficTotals &) = default;
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

// The column rows are ranked by.
enum class StatsOrder { Bytes, Flows, Packets, Accepts, Rejects, FirstSeen, LastSeen };
enum class SortDirection { Descending, Ascending };

// The name of an order as the CLI takes it ("bytes", "first-seen"), and back
// (also "first_seen", as the output's columns are named).
std::string_view statsOrderName(StatsOrder order);
std::optional<StatsOrder> parseStatsOrder(std::string_view name);
// Counts read largest first, times earliest first.
SortDirection defaultDirection(StatsOrder order);

// `accept` decides which records count (all when empty); `blocks` narrows the
// scan as a filter's index lookup would (all blocks when empty). The records
// are read and added up on two threads: `accept` must be safe to call from
// both at once (as a RecordPredicate is).
using RecordFilter = std::function<bool(const EncodedFlow &)>;

struct StatsQuery {
    std::size_t top = 20;
    StatsOrder order = StatsOrder::Bytes;
    SortDirection direction = SortDirection::Descending;
    RecordFilter accept;
    // The block columns `accept` reads (CaseFilter::columnsRead): a scan
    // decodes these and the ones its statistic adds up, no others.
    ColumnMask acceptColumns = kAllColumns;
    std::optional<std::vector<std::int64_t>> blocks;
    // Polled every thousand or so records read, from the caller's thread
    // only, with how many were read so far: true stops the scan with
    // StatsCancelled (a newer request has made this one stale).
    std::function<bool(std::uint64_t recordsRead)> cancelled;
};

// The first `top` rows in the query's order: by the order's value in its
// direction; a time that no record gave (no start, no end) after every
// other either way; equal values in key order: conversations by address A,
// address B, protocol and port (absent first), addresses in address order
// (IPv4 before IPv6), ENIs by name.
template <typename Row>
struct StatsTable {
    std::vector<Row> rows;
    std::uint64_t total = 0; // distinct keys among the counted records
};

class StatsCancelled : public std::exception {
public:
    const char *what() const noexcept override { return "statistics computation cancelled"; }
};

StatsTable<Conversation> conversationStats(CaseDb &caseDb, ConversationKey key, const StatsQuery &query);
StatsTable<Endpoint> endpointStats(CaseDb &caseDb, EndpointKey key, const StatsQuery &query);

// The first `top` rows by `order` in its default direction.
std::vector<Conversation> topConversations(CaseDb &caseDb, ConversationKey key, std::size_t top, StatsOrder order,
                                           const RecordFilter &accept = {},
                                           const std::optional<std::vector<std::int64_t>> &blocks = {});
std::vector<Endpoint> topEndpoints(CaseDb &caseDb, EndpointKey key, std::size_t top, StatsOrder order,
                                   const RecordFilter &accept = {},
                                   const std::optional<std::vector<std::int64_t>> &blocks = {});

} // namespace flowscope
