// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A 64-bit key → 32-bit number table with open addressing (linear probing
// in one array): the graph looks up a few hundred thousand outside groups
// and edges once per summed row, and std::unordered_map's node per entry
// made those look-ups miss the cache several times each.

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace flowscope::graph {

class FlatIndex {
public:
    static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

    // The number stored for `key`, or `next` stored for it when it has none;
    // second: whether it was stored now.
    std::pair<std::uint32_t, bool> findOrInsert(std::uint64_t key, std::uint32_t next)
    {
        // Keys often come again at once (the graph's sums come in address
        // order: the edge and the /24 of the row before): no probe then.
        if (key == m_lastKey && m_lastValue != kAbsent)
            return {m_lastValue, false};
        const auto found = probe(key, next);
        m_lastKey = key;
        m_lastValue = found.first;
        return found;
    }

    // The number stored for `key`, or kAbsent.
    std::uint32_t find(std::uint64_t key) const
    {
        if (m_slots.empty())
            return kAbsent;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.value == kAbsent || slot.key == key)
                return slot.value;
        }
    }

    std::size_t size() const { return m_size; }

    // Room for `count` keys without growing on the way.
    void reserve(std::size_t count)
    {
        std::size_t slots = 1024;
        while (slots < count * 2)
            slots *= 2;
        if (slots > m_slots.size()) {
            std::vector<Slot> old = std::move(m_slots);
            m_slots.assign(slots, Slot{});
            m_size = 0;
            for (const Slot &slot : old)
                if (slot.value != kAbsent)
                    probe(slot.key, slot.value);
        }
    }

private:
    std::pair<std::uint32_t, bool> probe(std::uint64_t key, std::uint32_t next)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.value == kAbsent) {
                slot = {key, next};
                ++m_size;
                return {next, true};
            }
            if (slot.key == key)
                return {slot.value, false};
        }
    }

    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t value = kAbsent;
    };

    static std::size_t mix(std::uint64_t key)
    {
        key ^= key >> 33;
        key *= 0xFF51AFD7ED558CCDULL;
        key ^= key >> 33;
        return static_cast<std::size_t>(key);
    }

    void grow() { reserve(m_slots.empty() ? 512 : m_slots.size()); }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
    std::uint64_t m_lastKey = 0; // the key of the last findOrInsert and its number
    std::uint32_t m_lastValue = kAbsent;
};

} // namespace flowscope::graph
