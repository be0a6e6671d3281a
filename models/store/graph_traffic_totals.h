// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records summed per interface, source and destination address, AWS
// services, logged direction and initiator, kept beside the records (in
// sorted runs, see graph_total_runs.h) so that the graph of a whole case
// reads no record block. Only records with both addresses and log status OK count, as the
// graph counts them. Addresses are kept whole: who owns an address is only
// known when the graph is built (later imports and snapshots change it), and
// on an internet-facing estate grouping the outside side per /24 saves
// little (about 105,000 keys instead of 115,000 per million records).

#include "dense_hash_map.h"
#include "encoded_flow.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace flowscope {

// Which end opened the connection, as far as a record tells.
enum class FlowInitiator : std::uint8_t { Unknown = 0, Source = 1, Destination = 2 };
// Which way the logging interface saw the record (flow-direction).
enum class LoggedDirection : std::uint8_t { Unknown = 0, Ingress = 1, Egress = 2 };

// A lone SYN is the initiator's, a SYN-ACK the responder's; otherwise a
// well-known port (below 1024) against a higher one is the server's.
FlowInitiator flowInitiator(const EncodedFlow &flow);
// The same from the values (each field's presence, then its value), for a
// reader that goes a column at a time.
FlowInitiator flowInitiator(bool hasTcpFlags, std::uint64_t tcpFlags, bool hasSrcPort, std::uint64_t srcPort,
                            bool hasDstPort, std::uint64_t dstPort);
// Both addresses and log status OK: a record the graph counts.
bool isGraphFlow(const EncodedFlow &flow);

struct GraphTrafficKey {
    std::uint32_t interface = 0; // interface dictionary id, 0 when none
    LoggedDirection direction = LoggedDirection::Unknown;
    FlowInitiator initiator = FlowInitiator::Unknown;
    IpAddress src;
    IpAddress dst;
    std::uint32_t srcService = 0; // string ids, 0 when none
    std::uint32_t dstService = 0;
    friend bool operator==(const GraphTrafficKey &, const GraphTrafficKey &) = default;
};

struct GraphTrafficSums {
    std::int64_t flows = 0;
    std::int64_t packets = 0;
    std::int64_t bytes = 0;
    std::int64_t accepts = 0;
    std::int64_t rejects = 0;
};

// Gathers the sums in memory until written. Addresses are numbered as they
// come (a few tens of thousands per million records), so a key is a few
// integers and an entry one cache line.
class GraphTrafficTotals {
public:
    // Counts a record (sign -1 takes it away); records the graph does not count are left out.
    void add(const EncodedFlow &flow, std::int64_t sign = 1);
    // Counts the records of a block, as add() each in turn.
    void addBlock(const std::vector<EncodedFlow> &rows);
    // Puts what was gathered in key order, touching no table: another
    // thread may do this while the connection writes other tables. Nothing
    // may be added after it until write() or clear(); write() does it when
    // it was not done.
    void sortForWrite();
    // Stores what was gathered as a run of its own (leaving out keys whose
    // sums are all zero) and forgets it.
    void write(sqlite3 *db);
    // The same, then merges the runs written since the last merge (see
    // mergeGraphTotalRuns): at the end of a file.
    void writeAndMerge(sqlite3 *db);
    // Forgets what was gathered and the runs written (their transaction was rolled back).
    void clear();
    std::size_t size() const { return m_totals.size(); }

private:
    struct Key {
        std::uint32_t interface = 0;
        std::uint32_t src = 0; // positions in m_addresses (in address order once sorted)
        std::uint32_t dst = 0;
        std::uint32_t srcService = 0;
        std::uint32_t dstService = 0;
        LoggedDirection direction = LoggedDirection::Unknown;
        FlowInitiator initiator = FlowInitiator::Unknown;
        friend bool operator==(const Key &, const Key &) = default;
    };
    struct KeyHash {
        std::uint64_t operator()(const Key &k) const;
    };
    struct AddressHash {
        std::uint64_t operator()(const IpAddress &a) const;
    };

    std::uint32_t idOf(const IpAddress &address);
    Key keyOf(const EncodedFlow &flow);
    static void addTo(GraphTrafficSums &sums, const EncodedFlow &flow, std::int64_t sign);
    void forget();

    DenseHashMap<IpAddress, std::uint32_t, AddressHash> m_addressIds;
    std::vector<IpAddress> m_addresses;
    DenseHashMap<Key, GraphTrafficSums, KeyHash> m_totals;
    bool m_sorted = false; // m_totals' entries are in key order, its slots stale
    std::int64_t m_firstUnmerged = 0; // the first run written since the last merge, 0 for none
};

// Derives the totals from every block of the case (decoding only the
// columns it needs), inside the caller's transaction: for a case written
// before they existed.
void deriveGraphTrafficTotals(sqlite3 *db);

// Whether the case keeps the totals as this version does (a case opened
// read-only at an older schema does not).
bool hasGraphTrafficTotals(sqlite3 *db);

// Every key with its sums over the runs, in key order.
void readGraphTrafficTotals(sqlite3 *db, const std::function<void(const GraphTrafficKey &, const GraphTrafficSums &)> &row);

} // namespace flowscope
