// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small table that adds up a run of records by key before their totals go
// to a statistic's big table. Flow logs repeat their conversations: 4,096
// records of a block hold about a thousand, so the big table (millions of
// keys, far from the processor's caches) is updated once a key a run rather
// than once a record, and the run's own table stays in the cache.

#include "flat_table.h"

#include <array>
#include <cstdint>
#include <vector>

namespace flowscope {

// Entry as for FlatTable; Entry::add(const Sample &) adds a record.
template <typename Entry>
class GatheringStatsTable {
    using Key = decltype(Entry::key);

public:
    static constexpr std::size_t kCapacity = 2048; // keys gathered before they are handed on (128 KiB)
    static constexpr std::size_t kSlots = 2 * kCapacity;

    // Adds `sample` to the entry of `key`, whose hash is `h`
    // (FlatTable::hashOf). When the table is full, its entries are first
    // handed to drain's `hand`.
    // Inlined: it is the inner loop of a scan, once a record.
    template <typename Sample, typename Hand>
    [[gnu::always_inline]] void add(const Key &key, std::uint64_t h, const Sample &sample, Hand &&hand)
    {
        // A slot holds 16 bits of its key's hash beside the entry's index,
        // so a probe rarely reads an entry that is not the one it looks for.
        const auto tag = static_cast<std::uint32_t>(h >> 48) << 16;
        std::size_t i = h & (kSlots - 1);
        for (; m_slots[i] != 0; i = (i + 1) & (kSlots - 1)) {
            if ((m_slots[i] & 0xFFFF0000U) != tag)
                continue;
            Entry &entry = m_entries[(m_slots[i] & 0xFFFFU) - 1U].entry;
            if (sameKey(entry.key, key)) {
                entry.add(sample);
                return;
            }
        }
        if (m_size == kCapacity) {
            drain(hand);
            i = h & (kSlots - 1); // every slot is free again
        }
        Entry &entry = m_entries[m_size].entry;
        entry = Entry();
        entry.key = key;
        entry.add(sample);
        m_hashes[m_size] = h;
        m_slots[i] = tag | static_cast<std::uint32_t>(++m_size);
    }

    // Calls hand(key, hash, entry) for every key gathered, then empties the table.
    template <typename Hand>
    void drain(Hand &&hand)
    {
        for (std::size_t k = 0; k < m_size; ++k)
            hand(m_entries[k].entry.key, m_hashes[k], m_entries[k].entry);
        m_slots.fill(0);
        m_size = 0;
    }

private:
    static_assert(kCapacity < 65536, "entry indexes + 1 are 16 bits");
    // An entry on cache lines of its own.
    struct alignas(64) Gathered {
        Entry entry;
    };

    std::array<std::uint32_t, kSlots> m_slots{}; // 0: empty; else hash tag << 16 | entry index + 1
    std::vector<Gathered> m_entries = std::vector<Gathered>(kCapacity);
    std::vector<std::uint64_t> m_hashes = std::vector<std::uint64_t>(kCapacity);
    std::size_t m_size = 0;
};

} // namespace flowscope
