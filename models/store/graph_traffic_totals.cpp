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

} // namespace

FlowInitiator flowInitiator(bool hasTcpFlags, std::uint64_t tcpFlags, bool hasSrcPort, std::uint64_t srcPort,
                            bool hasDstPort, std::uint64_t dstPort)
{
    if (hasTcpFlags && (tcpFlags & kSyn)) {
        if (!(tcpFlags & kAck))
            return FlowInitiator::Source;
        if (tcpFlags == (kSyn | kAck))
            return FlowInitiator::Destination;
    }
    if (!hasSrcPort || !hasDstPort || (srcPort == 0 && dstPort == 0))
        return FlowInitiator::Unknown;
    if (dstPort < 1024 && srcPort >= 1024)
        return FlowInitiator::Source;
    if (srcPort < 1024 && dstPort >= 1024)
        return FlowInitiator::Destination;
    return FlowInitiator::Unknown;
}

FlowInitiator flowInitiator(const EncodedFlow &flow)
{
    return flowInitiator(flow.has(Field::TcpFlags), flow.tcpFlags, flow.has(Field::SrcPort), flow.srcPort,
                         flow.has(Field::DstPort), flow.dstPort);
}

bool isGraphFlow(const EncodedFlow &flow)
{
    return flow.has(Field::SrcAddr) && flow.has(Field::DstAddr) && flow.logStatus == LogStatus::Ok;
}

std::uint64_t GraphTrafficTotals::KeyHash::operator()(const Key &k) const
{
    std::uint64_t h = mixBits(std::uint64_t(k.src) << 32 | k.dst);
    h = mixBits(h ^ (std::uint64_t(k.interface) << 32 | std::uint64_t(k.direction) << 8 | std::uint64_t(k.initiator)));
    if (k.srcService != 0 || k.dstService != 0)
        h = mixBits(h ^ (std::uint64_t(k.srcService) << 32 | k.dstService));
    return h;
}

std::uint64_t GraphTrafficTotals::AddressHash::operator()(const IpAddress &a) const
{
    if (a.isV4())
        return mixBits(a.v4());
    std::uint64_t words[2];
    std::memcpy(words, a.bytes.data(), 16);
    return mixBits(mixBits(words[0]) ^ words[1] ^ 6);
}

std::uint32_t GraphTrafficTotals::idOf(const IpAddress &address)
{
    std::uint32_t &id = m_addressIds[address];
    if (id == 0) {
        m_addresses.push_back(address);
        id = static_cast<std::uint32_t>(m_addresses.size()); // 0 stands for "not numbered yet"
    }
    return id - 1;
}

void GraphTrafficTotals::add(const EncodedFlow &flow, std::int64_t sign)
{
    if (!isGraphFlow(flow))
        return;
    Key key;
    key.interface = flow.interface;
    if (flow.has(Field::FlowDirection))
        key.direction = flow.direction == FlowDirection::Egress ? LoggedDirection::Egress : LoggedDirection::Ingress;
    key.initiator = flowInitiator(flow);
    key.src = idOf(flow.srcAddr);
    key.dst = idOf(flow.dstAddr);
    key.srcService = flow.has(Field::PktSrcAwsService) ? flow.pktSrcService : 0;
    key.dstService = flow.has(Field::PktDstAwsService) ? flow.pktDstService : 0;
    GraphTrafficSums &sums = m_totals[key];
    sums.flows += sign;
    sums.packets += sign * static_cast<std::int64_t>(flow.has(Field::Packets) ? flow.packets : 0);
    sums.bytes += sign * static_cast<std::int64_t>(flow.has(Field::Bytes) ? flow.bytes : 0);
    if (flow.has(Field::Action))
        (flow.action == Action::Reject ? sums.rejects : sums.accepts) += sign;
}

void GraphTrafficTotals::clear()
{
    m_sorted = false;
    m_totals.clear();
    m_addressIds.clear();
    m_addresses.clear();
}

void GraphTrafficTotals::sortForWrite()
{
    if (m_sorted)
        return;
    // In key order, addresses as the table orders them (IPv4 before IPv6):
    // the upserts walk the table's B-tree once. Addresses are ranked once,
    // so the rows sort as integers.
    std::vector<std::uint32_t> byAddress(m_addresses.size());
    for (std::uint32_t i = 0; i < byAddress.size(); ++i)
        byAddress[i] = i;
    std::sort(byAddress.begin(), byAddress.end(), [this](std::uint32_t a, std::uint32_t b) {
        const IpAddress &x = m_addresses[a];
        const IpAddress &y = m_addresses[b];
        return std::tie(x.family, x.bytes) < std::tie(y.family, y.bytes);
    });
    std::vector<std::uint32_t> rank(m_addresses.size());
    for (std::uint32_t r = 0; r < byAddress.size(); ++r)
        rank[byAddress[r]] = r;
    auto &rows = m_totals.entries();
    std::sort(rows.begin(), rows.end(), [&rank](const auto &a, const auto &b) {
        const Key &x = a.first;
        const Key &y = b.first;
        return std::tie(x.interface, x.direction, x.initiator, rank[x.src], rank[x.dst], x.srcService, x.dstService)
            < std::tie(y.interface, y.direction, y.initiator, rank[y.src], rank[y.dst], y.srcService, y.dstService);
    });
    m_sorted = true;
}

void GraphTrafficTotals::write(sqlite3 *db)
{
    if (m_totals.empty()) {
        clear();
        return;
    }
    sortForWrite();
    const auto &rows = m_totals.entries();
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
        bindAddress(upsert, 4, m_addresses[key.src]);
        bindAddress(upsert, 5, m_addresses[key.dst]);
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
    clear();
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
