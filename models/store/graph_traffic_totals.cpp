// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_traffic_totals.h"

#include "block_codec.h"
#include "stored_address.h"

#include <algorithm>
#include <cstring>
#include <tuple>
#include <vector>

namespace flowscope {

namespace {

constexpr std::uint8_t kSyn = 0x02;
constexpr std::uint8_t kAck = 0x10;

constexpr ColumnMask kColumns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort)
    | columnOf(Field::DstPort) | columnOf(Field::Action) | columnOf(Field::LogStatus) | columnOf(Field::Bytes)
    | columnOf(Field::Packets) | columnOf(Field::TcpFlags) | columnOf(Field::FlowDirection)
    | columnOf(Field::InterfaceId) | columnOf(Field::PktSrcAwsService) | columnOf(Field::PktDstAwsService);

// IPv4 as its biased integer, IPv6 as its 16 bytes, as address_block keeps them.
void bindAddress(Statement &statement, int index, const IpAddress &address)
{
    if (address.isV4())
        statement.bind(index, storedIpv4(address.v4()));
    else
        statement.bindBlobStatic(index, address.bytes.data(), 16);
}

IpAddress addressAt(const Statement &statement, int column)
{
    if (statement.columnType(column) == SQLITE_INTEGER)
        return ipv4FromStored(statement.int64(column));
    if (const auto address = ipv6FromStored(statement.blob(column)))
        return *address;
    throw StoreError("graph_traffic_total holds an address that is neither IPv4 nor IPv6");
}

bool lessKey(const GraphTrafficKey &a, const GraphTrafficKey &b)
{
    return std::tie(a.interface, a.direction, a.initiator, a.src.family, a.src.bytes, a.dst.family, a.dst.bytes,
                    a.srcService, a.dstService)
        < std::tie(b.interface, b.direction, b.initiator, b.src.family, b.src.bytes, b.dst.family, b.dst.bytes,
                   b.srcService, b.dstService);
}

} // namespace

FlowInitiator flowInitiator(const EncodedFlow &flow)
{
    if (flow.has(Field::TcpFlags) && (flow.tcpFlags & kSyn)) {
        if (!(flow.tcpFlags & kAck))
            return FlowInitiator::Source;
        if (flow.tcpFlags == (kSyn | kAck))
            return FlowInitiator::Destination;
    }
    if (!flow.has(Field::SrcPort) || !flow.has(Field::DstPort) || (flow.srcPort == 0 && flow.dstPort == 0))
        return FlowInitiator::Unknown;
    if (flow.dstPort < 1024 && flow.srcPort >= 1024)
        return FlowInitiator::Source;
    if (flow.srcPort < 1024 && flow.dstPort >= 1024)
        return FlowInitiator::Destination;
    return FlowInitiator::Unknown;
}

bool isGraphFlow(const EncodedFlow &flow)
{
    return flow.has(Field::SrcAddr) && flow.has(Field::DstAddr) && flow.logStatus == LogStatus::Ok;
}

std::size_t GraphTrafficTotals::KeyHash::operator()(const GraphTrafficKey &k) const
{
    std::uint64_t words[4];
    std::memcpy(words, k.src.bytes.data(), 16);
    std::memcpy(words + 2, k.dst.bytes.data(), 16);
    std::uint64_t h = k.interface * 0x9E3779B97F4A7C15ULL;
    for (const std::uint64_t w : words)
        h = (h ^ w ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL;
    h ^= (std::uint64_t(k.srcService) << 32 | k.dstService) * 0x94D049BB133111EBULL;
    h ^= std::uint64_t(k.direction) << 8 | std::uint64_t(k.initiator) << 4 | std::uint64_t(k.src.family) << 2
        | std::uint64_t(k.dst.family);
    return h ^ (h >> 31);
}

void GraphTrafficTotals::add(const EncodedFlow &flow, std::int64_t sign)
{
    if (!isGraphFlow(flow))
        return;
    GraphTrafficKey key;
    key.interface = flow.interface;
    if (flow.has(Field::FlowDirection))
        key.direction = flow.direction == FlowDirection::Egress ? LoggedDirection::Egress : LoggedDirection::Ingress;
    key.initiator = flowInitiator(flow);
    key.src = flow.srcAddr;
    key.dst = flow.dstAddr;
    key.srcService = flow.has(Field::PktSrcAwsService) ? flow.pktSrcService : 0;
    key.dstService = flow.has(Field::PktDstAwsService) ? flow.pktDstService : 0;
    GraphTrafficSums &sums = m_totals[key];
    sums.flows += sign;
    sums.packets += sign * static_cast<std::int64_t>(flow.has(Field::Packets) ? flow.packets : 0);
    sums.bytes += sign * static_cast<std::int64_t>(flow.has(Field::Bytes) ? flow.bytes : 0);
    if (flow.has(Field::Action))
        (flow.action == Action::Reject ? sums.rejects : sums.accepts) += sign;
}

void GraphTrafficTotals::write(sqlite3 *db)
{
    if (m_totals.empty())
        return;
    // In key order: the upserts walk the table's B-tree once.
    std::vector<std::pair<GraphTrafficKey, GraphTrafficSums>> rows(m_totals.begin(), m_totals.end());
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return lessKey(a.first, b.first); });
    Statement upsert(db, "INSERT INTO graph_traffic_total(interface, direction, initiator, src, dst, src_service, dst_service,"
                         " flows, packets, bytes, accepts, rejects) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"
                         " ON CONFLICT DO UPDATE SET flows = flows + excluded.flows, packets = packets + excluded.packets,"
                         " bytes = bytes + excluded.bytes, accepts = accepts + excluded.accepts,"
                         " rejects = rejects + excluded.rejects");
    bool shrank = false;
    for (const auto &[key, sums] : rows) {
        if (sums.flows == 0 && sums.packets == 0 && sums.bytes == 0 && sums.accepts == 0 && sums.rejects == 0)
            continue;
        upsert.bind(1, static_cast<std::int64_t>(key.interface));
        upsert.bind(2, static_cast<std::int64_t>(key.direction));
        upsert.bind(3, static_cast<std::int64_t>(key.initiator));
        bindAddress(upsert, 4, key.src);
        bindAddress(upsert, 5, key.dst);
        upsert.bind(6, static_cast<std::int64_t>(key.srcService));
        upsert.bind(7, static_cast<std::int64_t>(key.dstService));
        upsert.bind(8, sums.flows);
        upsert.bind(9, sums.packets);
        upsert.bind(10, sums.bytes);
        upsert.bind(11, sums.accepts);
        upsert.bind(12, sums.rejects);
        upsert.exec();
        shrank = shrank || sums.flows < 0;
    }
    if (shrank) // records taken away (replaced by richer copies): a key left without records goes
        execSql(db, "DELETE FROM graph_traffic_total WHERE flows = 0");
    m_totals.clear();
}

void deriveGraphTrafficTotals(sqlite3 *db)
{
    execSql(db, "DELETE FROM graph_traffic_total");
    GraphTrafficTotals totals;
    std::vector<EncodedFlow> rows;
    Statement blocks(db, "SELECT data FROM flow_block");
    while (blocks.step()) {
        decodeBlockColumns(blocks.blob(0), kColumns, rows);
        for (const EncodedFlow &flow : rows)
            totals.add(flow);
    }
    blocks.reset();
    totals.write(db);
}

bool hasGraphTrafficTotals(sqlite3 *db)
{
    return queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'graph_traffic_total'") > 0;
}

void readGraphTrafficTotals(sqlite3 *db, const std::function<void(const GraphTrafficKey &, const GraphTrafficSums &)> &row)
{
    Statement read(db, "SELECT interface, direction, initiator, src, dst, src_service, dst_service,"
                       " flows, packets, bytes, accepts, rejects FROM graph_traffic_total");
    while (read.step()) {
        GraphTrafficKey key;
        key.interface = static_cast<std::uint32_t>(read.int64(0));
        key.direction = static_cast<LoggedDirection>(read.int64(1));
        key.initiator = static_cast<FlowInitiator>(read.int64(2));
        key.src = addressAt(read, 3);
        key.dst = addressAt(read, 4);
        key.srcService = static_cast<std::uint32_t>(read.int64(5));
        key.dstService = static_cast<std::uint32_t>(read.int64(6));
        GraphTrafficSums sums;
        sums.flows = read.int64(7);
        sums.packets = read.int64(8);
        sums.bytes = read.int64(9);
        sums.accepts = read.int64(10);
        sums.rejects = read.int64(11);
        row(key, sums);
    }
}

} // namespace flowscope
