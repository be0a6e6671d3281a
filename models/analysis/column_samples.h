// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What each record of a block adds to a statistic's totals (FlowSample),
// read straight from the block's columns (BlockColumns) by slot: a scan
// without a filter then never puts a record together, which cost a sixth of
// a whole-case statistic.

#include "traffic_stats_entry.h"

#include "store/block_codec.h"

#include <cstdint>

namespace flowscope {

class ColumnSamples {
public:
    // The columns a sample reads; `columns` must have been opened for them.
    static constexpr ColumnMask kColumns = columnOf(Field::Packets) | columnOf(Field::Bytes) | columnOf(Field::Action)
        | columnOf(Field::Start) | columnOf(Field::End);

    explicit ColumnSamples(BlockColumns &columns)
        : m_hasPackets(columns.presence(Field::Packets))
        , m_hasBytes(columns.presence(Field::Bytes))
        , m_hasAction(columns.presence(Field::Action))
        , m_hasStart(columns.presence(Field::Start))
        , m_hasEnd(columns.presence(Field::End))
        , m_packets(columns.integers(Field::Packets))
        , m_bytes(columns.integers(Field::Bytes))
        , m_actions(columns.integers(Field::Action))
        , m_starts(columns.integers(Field::Start))
        , m_ends(columns.integers(Field::End))
    {
    }

    // The same sample FlowSample::of gives for the record at `slot`.
    FlowSample at(std::size_t slot) const
    {
        const std::size_t word = slot / 64;
        const unsigned bit = slot % 64;
        const auto has = [&](const std::uint64_t *bits) { return ((bits[word] >> bit) & 1U) != 0; };
        FlowSample s;
        s.packets = has(m_hasPackets) ? m_packets[slot] : 0;
        s.bytes = has(m_hasBytes) ? m_bytes[slot] : 0;
        const bool hasAction = has(m_hasAction);
        const bool accept = static_cast<Action>(m_actions[slot]) == Action::Accept;
        s.accept = hasAction && accept;
        s.reject = hasAction && !accept;
        s.hasStart = has(m_hasStart);
        s.hasEnd = has(m_hasEnd);
        s.start = s.hasStart ? static_cast<std::int64_t>(m_starts[slot]) : 0;
        s.end = s.hasEnd ? static_cast<std::int64_t>(m_ends[slot]) : 0;
        return s;
    }

private:
    const std::uint64_t *m_hasPackets, *m_hasBytes, *m_hasAction, *m_hasStart, *m_hasEnd;
    const std::uint64_t *m_packets, *m_bytes, *m_actions, *m_starts, *m_ends;
};

} // namespace flowscope
