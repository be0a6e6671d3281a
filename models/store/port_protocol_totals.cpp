// SPDX-License-Identifier: GPL-3.0-or-later
#include "port_protocol_totals.h"

#include "block_codec.h"
#include "minute_rollup.h"

#include <algorithm>
#include <vector>

namespace flowscope {

namespace {

// Values per kind: ports 0-65535 and the absent value (-1), as value + 1;
// protocols 0-255 and the absent value.
constexpr std::size_t kPortValues = 65537;
constexpr std::size_t kProtocolValues = 257;
constexpr std::size_t kActions = 3;
constexpr std::size_t kSrcPortAt = 0;
constexpr std::size_t kDstPortAt = kSrcPortAt + kPortValues * kActions;
constexpr std::size_t kProtocolAt = kDstPortAt + kPortValues * kActions;
constexpr std::size_t kSamePortAt = kProtocolAt + kProtocolValues * kActions;
constexpr std::size_t kCounters = kSamePortAt + kPortValues * kActions;

std::size_t positionOf(std::size_t kindAt, std::int64_t value, std::uint8_t action)
{
    return kindAt + static_cast<std::size_t>(value + 1) * kActions + action;
}

} // namespace

void PortProtocolTotals::add(const EncodedFlow &flow, std::int64_t records)
{
    if (m_counts.empty())
        m_counts.assign(kCounters, 0);
    const auto count = [&](std::size_t position) {
        std::int64_t &counter = m_counts[position];
        if (counter == 0)
            m_used.push_back(static_cast<std::uint32_t>(position));
        counter += records;
    };
    const std::uint8_t action = rollupActionCode(flow);
    const bool src = flow.has(Field::SrcPort);
    const bool dst = flow.has(Field::DstPort);
    count(positionOf(kSrcPortAt, src ? flow.srcPort : -1, action));
    count(positionOf(kDstPortAt, dst ? flow.dstPort : -1, action));
    count(positionOf(kProtocolAt, flow.has(Field::Protocol) ? flow.protocol : -1, action));
    if (src && dst && flow.srcPort == flow.dstPort)
        count(positionOf(kSamePortAt, flow.srcPort, action));
}

void PortProtocolTotals::clear()
{
    for (const std::uint32_t position : m_used)
        m_counts[position] = 0;
    m_used.clear();
}

void PortProtocolTotals::write(sqlite3 *db, std::int64_t sign)
{
    if (m_used.empty())
        return;
    // In key order (the order of the counters): the upserts walk the table's B-tree once.
    std::sort(m_used.begin(), m_used.end());
    m_used.erase(std::unique(m_used.begin(), m_used.end()), m_used.end());
    Statement upsert(db, "INSERT INTO port_protocol_total(kind, value, action, records) VALUES(?,?,?,?)"
                         " ON CONFLICT DO UPDATE SET records = records + excluded.records");
    Statement dropEmpty(db, "DELETE FROM port_protocol_total WHERE kind = ? AND value = ? AND action = ? AND records = 0");
    for (const std::uint32_t position : m_used) {
        const std::int64_t records = m_counts[position];
        if (records == 0)
            continue;
        PortProtocolKind kind = PortProtocolKind::SrcPort;
        std::size_t kindAt = kSrcPortAt;
        if (position >= kSamePortAt)
            kind = PortProtocolKind::SamePort, kindAt = kSamePortAt;
        else if (position >= kProtocolAt)
            kind = PortProtocolKind::Protocol, kindAt = kProtocolAt;
        else if (position >= kDstPortAt)
            kind = PortProtocolKind::DstPort, kindAt = kDstPortAt;
        const std::size_t offset = position - kindAt;
        const auto value = static_cast<std::int64_t>(offset / kActions) - 1;
        const auto action = static_cast<std::int64_t>(offset % kActions);
        upsert.bind(1, static_cast<std::int64_t>(kind));
        upsert.bind(2, value);
        upsert.bind(3, action);
        upsert.bind(4, records * sign);
        upsert.exec();
        if (records * sign < 0) {
            dropEmpty.bind(1, static_cast<std::int64_t>(kind));
            dropEmpty.bind(2, value);
            dropEmpty.bind(3, action);
            dropEmpty.exec();
        }
    }
    clear();
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
