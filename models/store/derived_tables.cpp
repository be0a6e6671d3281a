// SPDX-License-Identifier: GPL-3.0-or-later
#include "derived_tables.h"

#include "block_codec.h"

#include <algorithm>
#include <tuple>

namespace flowscope {

namespace {

// Entries held before they are written: about 20 MB of rollups and 6 MB of
// coverage spans at most. A record adds up to 1,441 rollup entries (a span
// of a day), so the rollup is weighed after each record.
constexpr std::size_t kMaxRollupEntries = std::size_t(1) << 18;
constexpr std::size_t kMaxCoverageSpans = std::size_t(1) << 18;

} // namespace

DerivedTablesWriter::DerivedTablesWriter(sqlite3 *db)
    : m_ephemeralPorts(db)
    , m_coverageGaps(db)
    , m_upsertMinute(db, "INSERT INTO rollup_minute(minute, interface, action, log_status, flows, packets, bytes,"
                         " spread_packets, spread_bytes) VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET"
                         " flows = flows + excluded.flows, packets = packets + excluded.packets,"
                         " bytes = bytes + excluded.bytes, spread_packets = spread_packets + excluded.spread_packets,"
                         " spread_bytes = spread_bytes + excluded.spread_bytes")
    , m_insertLongSpan(db, "INSERT INTO rollup_long_span(interface, action, log_status, start, last, packets, bytes)"
                           " VALUES(?,?,?,?,?,?,?)")
{
}

void DerivedTablesWriter::addBlock(std::int64_t block, const std::vector<EncodedFlow> &rows)
{
    for (const EncodedFlow &flow : rows) {
        if (flow.has(Field::SrcPort))
            m_ephemeralPorts.add(block, flow.srcPort);
        if (flow.has(Field::DstPort))
            m_ephemeralPorts.add(block, flow.dstPort);
        m_rollup.add(flow);
        if (m_rollup.size() > kMaxRollupEntries)
            writeRollup();
        m_coverageGaps.add(flow);
    }
    if (m_coverageGaps.size() > kMaxCoverageSpans)
        m_coverageGaps.flush();
}

void DerivedTablesWriter::flush()
{
    m_ephemeralPorts.flush();
    writeRollup();
    m_coverageGaps.flush();
}

void DerivedTablesWriter::discard()
{
    m_ephemeralPorts.discard();
    m_rollup.clear();
    m_coverageGaps.discard();
}

void DerivedTablesWriter::writeRollup()
{
    // In key order: the upserts then walk the table's B-tree once.
    std::vector<std::pair<RollupKey, RollupTotals>> rows(m_rollup.totals().begin(), m_rollup.totals().end());
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.minute, a.first.interface, a.first.action, a.first.logStatus)
            < std::tie(b.first.minute, b.first.interface, b.first.action, b.first.logStatus);
    });
    Statement &s = m_upsertMinute;
    for (const auto &[key, totals] : rows) {
        s.bind(1, key.minute);
        s.bind(2, static_cast<std::int64_t>(key.interface));
        s.bind(3, key.action);
        s.bind(4, key.logStatus);
        s.bind(5, totals.flows);
        s.bind(6, totals.packets);
        s.bind(7, totals.bytes);
        s.bind(8, totals.spreadPackets);
        s.bind(9, totals.spreadBytes);
        s.exec();
    }
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

void rebuildDerivedTables(sqlite3 *db)
{
    // Rollups written before this version are dropped rather than kept:
    // they lack the spread shares, and placed records that start before
    // 1970 in the wrong minute.
    execSql(db, "DELETE FROM ephemeral_port_block; DELETE FROM rollup_minute; DELETE FROM rollup_long_span;"
                " DELETE FROM coverage_gap");
    // Block by block on this thread: the writer needs the connection between
    // two blocks, so no other thread may read from it meanwhile.
    DerivedTablesWriter writer(db);
    Statement blocks(db, "SELECT id, data FROM flow_block ORDER BY id");
    while (blocks.step())
        writer.addBlock(blocks.int64(0), decodeBlock(blocks.blob(1)));
    writer.flush();
}

} // namespace flowscope
