// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-minute totals (by interface, action and log status) gathered while a
// file is imported, so the timeline of a whole case never scans records.

#include "encoded_flow.h"

#include <cstdint>
#include <unordered_map>

namespace flowscope {

struct RollupKey {
    std::int64_t minute; // epoch seconds of the minute the record starts in
    std::uint32_t interface;
    std::uint8_t action;    // 0 ACCEPT, 1 REJECT, 2 absent
    std::uint8_t logStatus; // 0 OK, 1 NODATA, 2 SKIPDATA, 3 absent
    friend bool operator==(const RollupKey &, const RollupKey &) = default;
};

struct RollupTotals {
    std::int64_t flows = 0;
    std::int64_t packets = 0;
    std::int64_t bytes = 0;
};

struct RollupKeyHash {
    std::size_t operator()(const RollupKey &k) const noexcept
    {
        std::uint64_t h = static_cast<std::uint64_t>(k.minute) * 0x9E3779B97F4A7C15ULL;
        h ^= (std::uint64_t(k.interface) << 4 | std::uint64_t(k.action) << 2 | k.logStatus) + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
        return static_cast<std::size_t>(h);
    }
};

class MinuteRollup {
public:
    void add(const EncodedFlow &flow);
    const std::unordered_map<RollupKey, RollupTotals, RollupKeyHash> &totals() const { return m_totals; }
    void clear() { m_totals.clear(); }

private:
    std::unordered_map<RollupKey, RollupTotals, RollupKeyHash> m_totals;
};

} // namespace flowscope
