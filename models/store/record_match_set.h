// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which records of a case a filter kept: a bitmap of slots per block that
// holds any match. 512 bytes a block (4096 records), so the whole answer for
// tens of millions of records stays a few megabytes, and the pager can find
// the n-th match in time order with the same binary search it uses for the
// whole case.

#include "block_codec.h"

#include <array>
#include <cstdint>
#include <unordered_map>

namespace flowscope {

class RecordMatchSet {
public:
    struct Block {
        std::array<std::uint64_t, kBlockCapacity / 64> bits{};
        std::int64_t count = 0;
        // Matches among slots [0, slot).
        std::int64_t countBelow(std::size_t slot) const;
        bool contains(std::size_t slot) const { return (bits[slot / 64] >> (slot % 64)) & 1U; }
    };

    void add(std::int64_t recordId);
    // Adds a whole block's matches at once (a scan collects them per block).
    void addBlock(std::int64_t blockId, const Block &block);
    bool contains(std::int64_t recordId) const;
    const Block *block(std::int64_t blockId) const;
    std::int64_t total() const { return m_total; }

private:
    std::unordered_map<std::int64_t, Block> m_blocks;
    std::int64_t m_total = 0;
};

} // namespace flowscope
