// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A key's running totals in the statistics' tables, one cache line with its
// key: millions of them are updated at random, and every byte and every line
// an update touches costs. Counts of flows, accepts and rejects are 32 bits
// with a few more bits beside them for what overflows (48 bits of flows, 40
// of accepts and rejects), packets and bytes 64.

#include "traffic_stats_ranking.h"

#include "store/encoded_flow.h"

#include <algorithm>
#include <cstdint>

namespace flowscope {

// What a record adds to its keys' totals, taken out of the record so that
// adding can wait until the key's entry is in the cache (FlatTableFeed).
struct FlowSample {
    std::uint64_t packets = 0, bytes = 0; // 0 when absent: adds nothing
    std::int64_t start = 0, end = 0;
    std::uint8_t accept = 0, reject = 0, hasStart = 0, hasEnd = 0;

    static FlowSample of(const EncodedFlow &flow)
    {
        FlowSample s;
        if (flow.has(Field::Packets))
            s.packets = flow.packets;
        if (flow.has(Field::Bytes))
            s.bytes = flow.bytes;
        if (flow.has(Field::Action))
            (flow.action == Action::Accept ? s.accept : s.reject) = 1;
        s.start = flow.start;
        s.end = flow.end;
        s.hasStart = flow.has(Field::Start);
        s.hasEnd = flow.has(Field::End);
        return s;
    }
};

template <typename Key>
struct StatsEntry {
    Key key{};
    std::uint32_t seen = 0; // bit 0: `first` holds a start, bit 1: `last` an end
    std::uint32_t flowsLow = 0, acceptsLow = 0, rejectsLow = 0;
    std::uint16_t flowsHigh = 0;
    std::uint8_t acceptsHigh = 0, rejectsHigh = 0;
    std::uint64_t packets = 0, bytes = 0;
    std::int64_t first = 0, last = 0;

    std::uint64_t flows() const { return std::uint64_t(flowsHigh) << 32 | flowsLow; }
    std::uint64_t accepts() const { return std::uint64_t(acceptsHigh) << 32 | acceptsLow; }
    std::uint64_t rejects() const { return std::uint64_t(rejectsHigh) << 32 | rejectsLow; }

    void add(const FlowSample &sample)
    {
        if (++flowsLow == 0)
            ++flowsHigh;
        if (sample.accept && ++acceptsLow == 0)
            ++acceptsHigh;
        if (sample.reject && ++rejectsLow == 0)
            ++rejectsHigh;
        packets += sample.packets;
        bytes += sample.bytes;
        if (sample.hasStart) {
            first = (seen & 1U) ? std::min(first, sample.start) : sample.start;
            seen |= 1U;
        }
        if (sample.hasEnd) {
            last = (seen & 2U) ? std::max(last, sample.end) : sample.end;
            seen |= 2U;
        }
    }

    template <typename Other>
    void add(const StatsEntry<Other> &other)
    {
        setCount(flows() + other.flows(), flowsLow, flowsHigh);
        setCount(accepts() + other.accepts(), acceptsLow, acceptsHigh);
        setCount(rejects() + other.rejects(), rejectsLow, rejectsHigh);
        packets += other.packets;
        bytes += other.bytes;
        if (other.seen & 1U)
            first = (seen & 1U) ? std::min(first, other.first) : other.first;
        if (other.seen & 2U)
            last = (seen & 2U) ? std::max(last, other.last) : other.last;
        seen |= other.seen;
    }

    StatsRank rank(StatsOrder order, SortDirection direction) const
    {
        switch (order) {
        case StatsOrder::Bytes: return countRank(bytes, direction);
        case StatsOrder::Flows: return countRank(flows(), direction);
        case StatsOrder::Packets: return countRank(packets, direction);
        case StatsOrder::Accepts: return countRank(accepts(), direction);
        case StatsOrder::Rejects: return countRank(rejects(), direction);
        case StatsOrder::FirstSeen: return timeRank(seen & 1U, first, direction);
        case StatsOrder::LastSeen: return timeRank(seen & 2U, last, direction);
        }
        return countRank(bytes, direction);
    }

    TrafficTotals totals() const
    {
        TrafficTotals t{flows(), packets, bytes, accepts(), rejects(), {}, {}};
        if (seen & 1U)
            t.firstSeen = first;
        if (seen & 2U)
            t.lastSeen = last;
        return t;
    }

private:
    template <typename High>
    static void setCount(std::uint64_t value, std::uint32_t &low, High &high)
    {
        low = static_cast<std::uint32_t>(value);
        high = static_cast<High>(value >> 32);
    }
};

} // namespace flowscope
