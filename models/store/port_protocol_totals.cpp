// SPDX-License-Identifier: GPL-3.0-or-later
#include "port_protocol_totals.h"

#include "block_codec.h"
#include "minute_rollup.h"

#include <algorithm>
#include <vector>

namespace flowscope {

namespace {

std::uint64_t keyOf(PortProtocolKind kind, std::int64_t value, std::uint8_t action)
{
    return std::uint64_t(kind) << 40 | std::uint64_t(value + 1) << 8 | action;
}

} // namespace

void PortProtocolTotals::add(const EncodedFlow &flow, std::int64_t records)
{
    const std::uint8_t action = rollupActionCode(flow);
    const bool src = flow.has(Field::SrcPort);
    const bool dst = flow.has(Field::DstPort);
    m_totals[keyOf(PortProtocolKind::SrcPort, src ? flow.srcPort : -1, action)] += records;
    m_totals[keyOf(PortProtocolKind::DstPort, dst ? flow.dstPort : -1, action)] += records;
    m_totals[keyOf(PortProtocolKind::Protocol, flow.has(Field::Protocol) ? flow.protocol : -1, action)] += records;
    if (src && dst && flow.srcPort == flow.dstPort)
        m_totals[keyOf(PortProtocolKind::SamePort, flow.srcPort, action)] += records;
}

void PortProtocolTotals::write(sqlite3 *db, std::int64_t sign)
{
    if (m_totals.empty())
        return;
    // In key order: the upserts walk the table's B-tree once.
    std::vector<std::pair<std::uint64_t, std::int64_t>> rows(m_totals.begin(), m_totals.end());
    std::sort(rows.begin(), rows.end());
    Statement upsert(db, "INSERT INTO port_protocol_total(kind, value, action, records) VALUES(?,?,?,?)"
                         " ON CONFLICT DO UPDATE SET records = records + excluded.records");
    Statement dropEmpty(db, "DELETE FROM port_protocol_total WHERE kind = ? AND value = ? AND action = ? AND records = 0");
    for (const auto &[key, records] : rows) {
        if (records == 0)
            continue;
        const auto kind = static_cast<std::int64_t>(key >> 40);
        const std::int64_t value = static_cast<std::int64_t>((key >> 8) & 0xffffffff) - 1;
        const auto action = static_cast<std::int64_t>(key & 0xff);
        upsert.bind(1, kind);
        upsert.bind(2, value);
        upsert.bind(3, action);
        upsert.bind(4, records * sign);
        upsert.exec();
        if (records * sign < 0) {
            dropEmpty.bind(1, kind);
            dropEmpty.bind(2, value);
            dropEmpty.bind(3, action);
            dropEmpty.exec();
        }
    }
    m_totals.clear();
}

void derivePortProtocolTotals(sqlite3 *db)
{
    execSql(db, "DELETE FROM port_protocol_total");
    constexpr ColumnMask kColumns = columnOf(Field::SrcPort) | columnOf(Field::DstPort) | columnOf(Field::Protocol)
        | columnOf(Field::Action);
    PortProtocolTotals totals;
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

} // namespace flowscope
