// SPDX-License-Identifier: GPL-3.0-or-later
#include "derived_tables.h"

#include "block_codec.h"
#include "graph_total_runs.h"
#include "stored_address.h"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <tuple>

namespace flowscope {

namespace {

template <typename T>
void sortUnique(std::vector<T> &values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

// The same for a block's IPv4 addresses (two a record, thousands a block):
// a radix sort, a byte a pass, takes about half a comparison sort's time on
// them, which had been a tenth of the gathering thread's.
void sortUnique(std::vector<std::uint32_t> &values, std::vector<std::uint32_t> &scratch)
{
    scratch.resize(values.size());
    for (unsigned shift = 0; shift < 32; shift += 8) {
        std::array<std::size_t, 257> starts{};
        for (const std::uint32_t v : values)
            ++starts[((v >> shift) & 0xff) + 1];
        for (std::size_t i = 1; i < starts.size(); ++i)
            starts[i] += starts[i - 1];
        for (const std::uint32_t v : values)
            scratch[starts[(v >> shift) & 0xff]++] = v;
        values.swap(scratch);
    }
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

} // namespace

DerivedTablesWriter::DerivedTablesWriter(sqlite3 *db, const DerivedTablesBounds &bounds, FlowBufferPool *buffers)
    : m_db(db)
    , m_bounds(bounds)
    , m_buffers(buffers)
    , m_addresses(db, kAddressPostings, bounds.postings)
    , m_ports(db, kPortPostings, bounds.postings)
    , m_interfaces(db, kInterfacePostings, bounds.postings)
    , m_ephemeralPorts(db)
    , m_coverageGaps(db)
    , m_upsertRecordTotal(db, "INSERT INTO record_total(interface, action, log_status, records) VALUES(?,?,?,?)"
                              " ON CONFLICT DO UPDATE SET records = records + excluded.records")
    , m_upsertMinute(db)
    , m_minuteTotals(db)
    , m_insertLongSpan(db, "INSERT INTO rollup_long_span(interface, action, log_status, start, last, packets, bytes)"
                           " VALUES(?,?,?,?,?,?,?)")
    , m_gatherer(kBlocksInFlight)
{
}

DerivedTablesWriter::~DerivedTablesWriter()
{
    m_gatherer.waitQuietly();
}

void DerivedTablesWriter::addBlock(std::int64_t block, std::vector<EncodedFlow> &rows)
{
    writeFull(block);
    std::optional<std::int64_t> earliestStart;
    for (const EncodedFlow &flow : rows) {
        m_rollup.add(flow);
        if (flow.has(Field::Start))
            earliestStart = std::min(earliestStart.value_or(flow.start), flow.start);
        if (m_rollup.size() > m_bounds.rollupEntries)
            writeRollup();
    }
    if (earliestStart && ++m_blocksSinceRetire >= kRollupRetireBlocks) {
        m_blocksSinceRetire = 0;
        retireRollupMinutes(*earliestStart);
    }
    auto taken = std::make_shared<std::vector<EncodedFlow>>(std::move(rows));
    rows.clear();
    m_gatherer.post([this, block, taken] {
        gather(block, *taken);
        if (m_buffers)
            m_buffers->give(std::move(*taken));
    });
}

void DerivedTablesWriter::writeFull(std::int64_t nextBlock)
{
    // The postings and port sets are written a chunk at a time: a block of
    // the next chunk writes those of the chunk before first.
    const bool nextChunk = m_chunk != -1 && portChunkOf(nextBlock) != m_chunk;
    m_chunk = portChunkOf(nextBlock);
    if (!nextChunk && !m_gatheredFull.load(std::memory_order_acquire))
        return;
    m_gatherer.wait();
    if (nextChunk || m_addresses.full() || m_ports.full() || m_interfaces.full()) {
        m_addresses.flush();
        m_ports.flush();
        m_interfaces.flush();
    }
    if (nextChunk)
        m_ephemeralPorts.flush();
    if (m_graphTotals.size() > m_bounds.graphTotals)
        m_graphTotals.write(m_db);
    if (m_coverageGaps.size() > m_bounds.coverageSpans)
        m_coverageGaps.flush();
    m_gatheredFull.store(false, std::memory_order_release);
}

void DerivedTablesWriter::gather(std::int64_t block, const std::vector<EncodedFlow> &rows)
{
    addPostings(block, rows);
    for (const EncodedFlow &flow : rows) {
        ++m_recordTotals[std::uint64_t(flow.interface) << 16 | std::uint64_t(rollupActionCode(flow)) << 8
                         | rollupLogStatusCode(flow)];
        m_portProtocolTotals.add(flow);
        m_coverageGaps.add(flow);
    }
    m_graphTotals.addBlock(rows);
    // A block adds at most a few thousand entries to each: the bounds hold
    // within the blocks in flight.
    if (m_graphTotals.size() > m_bounds.graphTotals || m_coverageGaps.size() > m_bounds.coverageSpans || m_addresses.full()
        || m_ports.full() || m_interfaces.full())
        m_gatheredFull.store(true, std::memory_order_release);
}

void DerivedTablesWriter::addPostings(std::int64_t block, const std::vector<EncodedFlow> &rows)
{
    // A block's distinct values first: sorting plain integers is cheaper
    // than a lookup per record and value. IPv4 apart from IPv6.
    std::vector<std::uint32_t> v4Addresses;
    std::vector<std::array<std::uint8_t, 16>> v6Addresses;
    std::vector<std::uint16_t> ports;
    // A bit per port from 32768 up, 4 KB.
    std::array<std::uint64_t, (65536 - kFirstEphemeralPort) / 64> ephemeralPorts{};
    std::vector<std::uint32_t> interfaces;
    v4Addresses.reserve(rows.size() * 4);
    ports.reserve(rows.size() * 2);
    interfaces.reserve(rows.size());
    const auto addAddress = [&](const IpAddress &a) {
        if (a.isV4())
            v4Addresses.push_back(a.v4());
        else
            v6Addresses.push_back(a.bytes);
    };
    const auto addPort = [&](std::uint16_t port) {
        if (port < kFirstEphemeralPort) {
            ports.push_back(port);
        } else {
            const unsigned bit = port - kFirstEphemeralPort;
            ephemeralPorts[bit / 64] |= std::uint64_t(1) << (bit % 64);
        }
    };
    for (const EncodedFlow &f : rows) {
        if (f.has(Field::SrcAddr))
            addAddress(f.srcAddr);
        if (f.has(Field::DstAddr))
            addAddress(f.dstAddr);
        // pkt addresses are nearly always the record's own: added once.
        if (f.has(Field::PktSrcAddr) && !(f.has(Field::SrcAddr) && f.pktSrcAddr == f.srcAddr))
            addAddress(f.pktSrcAddr);
        if (f.has(Field::PktDstAddr) && !(f.has(Field::DstAddr) && f.pktDstAddr == f.dstAddr))
            addAddress(f.pktDstAddr);
        if (f.has(Field::SrcPort))
            addPort(f.srcPort);
        if (f.has(Field::DstPort))
            addPort(f.dstPort);
        if (f.interface)
            interfaces.push_back(f.interface);
    }
    thread_local std::vector<std::uint32_t> scratch;
    sortUnique(v4Addresses, scratch);
    for (const std::uint32_t address : v4Addresses)
        m_addresses.add(block, storedIpv4(address));
    sortUnique(v6Addresses);
    for (const auto &address : v6Addresses)
        m_addresses.add(block, address);
    sortUnique(ports);
    for (const std::uint16_t port : ports)
        m_ports.add(block, port);
    // Each ephemeral port's set is 512 bytes of a 16 MB table: in port order,
    // once a block, they are reached in one pass instead of a cache miss each.
    for (std::size_t w = 0; w < ephemeralPorts.size(); ++w)
        for (std::uint64_t bits = ephemeralPorts[w]; bits; bits &= bits - 1)
            m_ephemeralPorts.add(block, static_cast<std::uint16_t>(kFirstEphemeralPort + w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
    sortUnique(interfaces);
    for (const std::uint32_t interface : interfaces)
        m_interfaces.add(block, interface);
}

void DerivedTablesWriter::flush()
{
    // Once every block is gathered, the gathering thread sorts and encodes
    // the postings and graph totals while this one writes the other tables.
    m_gatherer.wait();
    // Every record buffer is back and none is needed before the next file:
    // their tens of MB go to the tables written below instead.
    if (m_buffers)
        m_buffers->release();
    m_gatherer.post([this] {
        m_addresses.prepare();
        m_ports.prepare();
        m_interfaces.prepare();
        m_graphTotals.sortForWrite();
    });
    writeRollup();
    writeRecordTotals();
    m_portProtocolTotals.write(m_db);
    m_ephemeralPorts.flush();
    m_gatherer.wait();
    m_addresses.flush();
    m_ports.flush();
    m_interfaces.flush();
    m_graphTotals.writeAndMerge(m_db);
    m_coverageGaps.flush();
    m_gatheredFull.store(false, std::memory_order_release);
}

void DerivedTablesWriter::discard()
{
    m_gatherer.waitQuietly();
    m_addresses.discard();
    m_ports.discard();
    m_interfaces.discard();
    m_ephemeralPorts.discard();
    m_recordTotals.clear();
    m_portProtocolTotals.clear();
    m_graphTotals.clear();
    m_rollup.clear();
    m_coverageGaps.discard();
    m_chunk = -1;
    m_blocksSinceRetire = 0;
    m_gatheredFull.store(false, std::memory_order_release);
}

void DerivedTablesWriter::writeRecordTotals()
{
    for (const auto &[key, records] : m_recordTotals) {
        m_upsertRecordTotal.bind(1, static_cast<std::int64_t>(key >> 16));
        m_upsertRecordTotal.bind(2, static_cast<std::int64_t>((key >> 8) & 0xff));
        m_upsertRecordTotal.bind(3, static_cast<std::int64_t>(key & 0xff));
        m_upsertRecordTotal.bind(4, records);
        m_upsertRecordTotal.exec();
    }
    m_recordTotals.clear();
}

void DerivedTablesWriter::retireRollupMinutes(std::int64_t earliestStart)
{
    // Records mostly come in time order (each sort run is, and runs follow
    // the file): the minutes well before a block's earliest start are
    // likely complete, so they are written now, while the other threads
    // decode and gather, rather than at the end of the file with every
    // thread but this one idle. A record that comes later for such a minute
    // adds to its row: the upserts sum, so the table ends the same.
    constexpr std::int64_t kMarginSeconds = 15 * 60;
    if (earliestStart < std::numeric_limits<std::int64_t>::min() + kMarginSeconds)
        return;
    std::vector<std::pair<RollupKey, RollupTotals>> rows = m_rollup.takeMinutesBefore(earliestStart - kMarginSeconds);
    if (!rows.empty())
        writeRollupRows(rows);
}

void DerivedTablesWriter::writeRollupRows(std::vector<std::pair<RollupKey, RollupTotals>> &rows)
{
    // In key order: the upserts then walk the table's B-tree once.
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.minute, a.first.interface, a.first.action, a.first.logStatus)
            < std::tie(b.first.minute, b.first.interface, b.first.action, b.first.logStatus);
    });
    for (const auto &[key, totals] : rows) {
        m_upsertMinute.add(key, totals);
        m_minuteTotals.add(key, totals);
    }
    m_minuteTotals.flush();
}

void DerivedTablesWriter::writeRollup()
{
    std::vector<std::pair<RollupKey, RollupTotals>> rows(m_rollup.totals().begin(), m_rollup.totals().end());
    writeRollupRows(rows);
    for (const LongSpan &span : m_rollup.longSpans()) {
        Statement &l = m_insertLongSpan;
        l.bind(1, static_cast<std::int64_t>(span.interface));
        l.bind(2, span.action);
        l.bind(3, span.logStatus);
        l.bind(4, span.start);
        l.bind(5, span.last);
        l.bind(6, span.packets);
        l.bind(7, span.bytes);
        l.exec();
    }
    m_rollup.clear();
}

void rebuildDerivedTables(sqlite3 *db, const DerivedTablesBounds &bounds)
{
    // Rollups written before schema 3 are dropped rather than kept: they
    // lack the spread shares, and placed records that start before 1970 in
    // the wrong minute.
    execSql(db, "DELETE FROM address_block; DELETE FROM port_block; DELETE FROM interface_block; DELETE FROM record_total; DELETE FROM port_protocol_total;"
                " DELETE FROM ephemeral_port_block; DELETE FROM rollup_minute; DELETE FROM rollup_minute_total;"
                " DELETE FROM rollup_long_span;"
                " DELETE FROM coverage_gap");
    clearGraphTotalRuns(db);
    // Block by block on this thread: the writer needs the connection between
    // two blocks, so no other thread may read from it meanwhile.
    // The ids first: blocks are rewritten as they go, and a statement
    // reading a table while it changes may or may not see the changes.
    DerivedTablesWriter writer(db, bounds);
    std::vector<std::int64_t> ids;
    Statement list(db, "SELECT id FROM flow_block ORDER BY id");
    while (list.step())
        ids.push_back(list.int64(0));
    Statement read(db, "SELECT data FROM flow_block WHERE id = ?");
    Statement rewrite(db, "UPDATE flow_block SET data = ? WHERE id = ?");
    for (const std::int64_t id : ids) {
        read.bind(1, id);
        if (!read.step())
            throw StoreError("record block " + std::to_string(id) + " is missing");
        std::vector<EncodedFlow> rows = decodeBlock(read.blob(0));
        // Blocks of format 1 (up to schema 3) are written again in the
        // current format, as the upgrade to schema 4 did; those of format 2
        // read as well as format 3's and are kept, so that a file removed
        // from an older case does not rewrite every block of it.
        const bool older = blockFormatOf(read.blob(0)) == 1;
        read.reset();
        if (older) {
            const std::string data = encodeBlock(rows);
            rewrite.bindBlobStatic(1, data.data(), static_cast<int>(data.size()));
            rewrite.bind(2, id);
            rewrite.exec();
        }
        writer.addBlock(id, rows);
    }
    writer.flush();
}

} // namespace flowscope
