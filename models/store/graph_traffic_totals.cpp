// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_traffic_totals.h"

#include "block_codec.h"
#include "graph_total_runs.h"
#include "returned_memory.h"

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

GraphTrafficTotals::Key GraphTrafficTotals::keyOf(const EncodedFlow &flow)
{
    Key key;
    key.interface = flow.interface;
    if (flow.has(Field::FlowDirection))
        key.direction = flow.direction == FlowDirection::Egress ? LoggedDirection::Egress : LoggedDirection::Ingress;
    key.initiator = flowInitiator(flow);
    key.src = idOf(flow.srcAddr);
    key.dst = idOf(flow.dstAddr);
    key.srcService = flow.has(Field::PktSrcAwsService) ? flow.pktSrcService : 0;
    key.dstService = flow.has(Field::PktDstAwsService) ? flow.pktDstService : 0;
    return key;
}

void GraphTrafficTotals::addTo(GraphTrafficSums &sums, const EncodedFlow &flow, std::int64_t sign)
{
    sums.flows += sign;
    sums.packets += sign * static_cast<std::int64_t>(flow.has(Field::Packets) ? flow.packets : 0);
    sums.bytes += sign * static_cast<std::int64_t>(flow.has(Field::Bytes) ? flow.bytes : 0);
    if (flow.has(Field::Action))
        (flow.action == Action::Reject ? sums.rejects : sums.accepts) += sign;
}

void GraphTrafficTotals::add(const EncodedFlow &flow, std::int64_t sign)
{
    if (!isGraphFlow(flow))
        return;
    addTo(m_totals[keyOf(flow)], flow, sign);
}

void GraphTrafficTotals::addBlock(const std::vector<EncodedFlow> &rows)
{
    // The totals' map (2^18 entries of a cache line, their slots 4 MB) misses
    // the cache on nearly every look-up: the block's keys are made first (in
    // record order, so addresses are numbered and keys added as by add()),
    // then looked up with those a few records ahead on their way into the
    // cache.
    struct Pending {
        Key key;
        std::uint64_t hash;
        const EncodedFlow *flow;
    };
    thread_local std::vector<Pending> pending;
    pending.clear();
    for (const EncodedFlow &flow : rows) {
        if (!isGraphFlow(flow))
            continue;
        const Key key = keyOf(flow);
        pending.push_back({key, KeyHash{}(key), &flow});
    }
    constexpr std::size_t kEntryAhead = 8; // records ahead whose entry is loaded
    constexpr std::size_t kSlotAhead = 2 * kEntryAhead; // and whose slot is
    const std::size_t count = pending.size();
    for (std::size_t i = 0; i < count; ++i) {
        if (i + kSlotAhead < count)
            m_totals.prefetchSlot(pending[i + kSlotAhead].hash);
        if (i + kEntryAhead < count)
            m_totals.prefetchEntry(pending[i + kEntryAhead].hash);
        addTo(m_totals.withHash(pending[i].key, pending[i].hash), *pending[i].flow, 1);
    }
}

void GraphTrafficTotals::forget()
{
    m_sorted = false;
    m_totals.clear();
    m_addressIds.clear();
    m_addresses.clear();
}

void GraphTrafficTotals::clear()
{
    forget();
    m_firstUnmerged = 0;
}

void GraphTrafficTotals::sortForWrite()
{
    if (m_sorted)
        return;
    // Addresses are ranked once, so the rows sort as integers.
    std::vector<std::uint32_t> byAddress(m_addresses.size());
    for (std::uint32_t i = 0; i < byAddress.size(); ++i)
        byAddress[i] = i;
    std::sort(byAddress.begin(), byAddress.end(),
              [this](std::uint32_t a, std::uint32_t b) { return graphAddressLess(m_addresses[a], m_addresses[b]); });
    std::vector<std::uint32_t> rank(m_addresses.size());
    for (std::uint32_t r = 0; r < byAddress.size(); ++r)
        rank[byAddress[r]] = r;
    std::vector<IpAddress> sorted(m_addresses.size());
    for (std::uint32_t r = 0; r < byAddress.size(); ++r)
        sorted[r] = m_addresses[byAddress[r]];
    m_addresses = std::move(sorted);
    auto &rows = m_totals.entries();
    for (auto &[key, sums] : rows) {
        key.src = rank[key.src];
        key.dst = rank[key.dst];
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        const Key &x = a.first;
        const Key &y = b.first;
        return std::tie(x.interface, x.direction, x.initiator, x.src, x.dst, x.srcService, x.dstService)
            < std::tie(y.interface, y.direction, y.initiator, y.src, y.dst, y.srcService, y.dstService);
    });
    m_sorted = true;
}

void GraphTrafficTotals::write(sqlite3 *db)
{
    if (m_totals.empty()) {
        forget();
        return;
    }
    sortForWrite();
    GraphTotalRunWriter writer(db, m_addresses);
    for (const auto &[key, sums] : m_totals.entries()) {
        if (sums.flows == 0 && sums.packets == 0 && sums.bytes == 0 && sums.accepts == 0 && sums.rejects == 0)
            continue;
        GraphTotalRow row;
        row.interface = key.interface;
        row.direction = key.direction;
        row.initiator = key.initiator;
        row.src = key.src;
        row.dst = key.dst;
        row.srcService = key.srcService;
        row.dstService = key.dstService;
        row.sums = sums;
        writer.add(row);
    }
    const std::int64_t run = writer.finish();
    if (run != 0 && m_firstUnmerged == 0)
        m_firstUnmerged = run;
    forget();
}

void GraphTrafficTotals::writeAndMerge(sqlite3 *db)
{
    const std::int64_t firstUnmerged = m_firstUnmerged;
    write(db);
    if (m_firstUnmerged != 0 && firstUnmerged != 0) {
        // Runs to merge, so the file was large: the gathering arrays (tens
        // of MB at their bound) are freed and freed memory given back first,
        // so that the merge's address lists take its place rather than add
        // to the file's high-water mark.
        m_totals.release();
        m_addressIds.release();
        std::vector<IpAddress>().swap(m_addresses);
        returnFreedMemory();
    }
    if (m_firstUnmerged != 0)
        mergeGraphTotalRuns(db, m_firstUnmerged);
    m_firstUnmerged = 0;
}

void deriveGraphTrafficTotals(sqlite3 *db)
{
    // As an import gathers them: a run each time memory holds about 2^18 keys.
    constexpr std::size_t kRunKeys = std::size_t(1) << 18;
    clearGraphTotalRuns(db);
    GraphTrafficTotals totals;
    std::vector<EncodedFlow> rows;
    Statement blocks(db, "SELECT data FROM flow_block");
    while (blocks.step()) {
        decodeBlockColumns(blocks.blob(0), kColumns, rows);
        for (const EncodedFlow &flow : rows)
            totals.add(flow);
        if (totals.size() > kRunKeys)
            totals.write(db);
    }
    blocks.reset();
    totals.writeAndMerge(db);
}

bool hasGraphTrafficTotals(sqlite3 *db)
{
    return queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'graph_total_run'") > 0;
}

void readGraphTrafficTotals(sqlite3 *db, const std::function<void(const GraphTrafficKey &, const GraphTrafficSums &)> &row)
{
    GraphTotalsReader reader(db);
    GraphTotalRow stored;
    while (reader.next(stored)) {
        GraphTrafficKey key;
        key.interface = stored.interface;
        key.direction = stored.direction;
        key.initiator = stored.initiator;
        key.src = reader.addresses()[stored.src];
        key.dst = reader.addresses()[stored.dst];
        key.srcService = stored.srcService;
        key.dstService = stored.dstService;
        row(key, stored.sums);
    }
}

} // namespace flowscope
