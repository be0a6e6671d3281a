// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hash map for the totals an import gathers per record: entries kept
// together in one array (in insertion order), found through a table of
// (hash tag, entry position) slots probed linearly. A lookup touches one
// small slot and, nearly always, only the entry it is after: a node-based
// std::unordered_map follows a bucket, then nodes scattered over the heap,
// which on 10M records of an internet-facing estate was a third of the
// writing thread's time. Only insertion and lookup: totals never remove a key.
// `Hash` must mix well (its 64 bits pick the slot and form the tag).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace flowscope {

template <typename Key, typename Value, typename Hash>
class DenseHashMap {
public:
    using Entry = std::pair<Key, Value>;

    // The value of `key`, a value-initialised one added when absent.
    Value &operator[](const Key &key) { return withHash(key, Hash{}(key)); }

    // The same, for a key hashed ahead (h is Hash{}(key)) to be prefetched.
    Value &withHash(const Key &key, std::uint64_t h)
    {
        if ((m_entries.size() + 1) * 2 > m_slots.size())
            grow();
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.position == 0) {
                m_entries.emplace_back(key, Value{});
                slot = Slot{tag, static_cast<std::uint32_t>(m_entries.size())};
                return m_entries.back().second;
            }
            if (slot.tag == tag) {
                Entry &entry = m_entries[slot.position - 1];
                if (entry.first == key)
                    return entry.second;
            }
        }
    }

    // Hints for a look-up of hash h a few keys ahead: first its slot is
    // loaded into the cache, then (once the slot is there) the entry it
    // holds. A pass over many keys then overlaps their cache misses, two a
    // key in a map of tens of MB, instead of waiting for each in turn.
    void prefetchSlot(std::uint64_t h) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[static_cast<std::size_t>(h) & (m_slots.size() - 1)]);
    }
    void prefetchEntry(std::uint64_t h) const
    {
        if (m_slots.empty())
            return;
        const Slot &slot = m_slots[static_cast<std::size_t>(h) & (m_slots.size() - 1)];
        if (slot.position != 0 && slot.tag == static_cast<std::uint32_t>(h >> 32))
            __builtin_prefetch(&m_entries[slot.position - 1]);
    }

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    // Forgets every entry; the memory stays for the next ones.
    void clear()
    {
        m_entries.clear();
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
    }
    // Forgets every entry and frees the memory, for a map that may not fill
    // again soon (its high-water arrays are tens of MB).
    void release()
    {
        std::vector<Entry>().swap(m_entries);
        std::vector<Slot>().swap(m_slots);
    }

    // In insertion order; a caller may sort them (the map is then to be cleared).
    std::vector<Entry> &entries() { return m_entries; }
    const std::vector<Entry> &entries() const { return m_entries; }
    auto begin() const { return m_entries.begin(); }
    auto end() const { return m_entries.end(); }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t position = 0; // in m_entries, plus one; 0 when the slot is free
    };

    void grow()
    {
        std::vector<Slot> slots(m_slots.empty() ? 64 : m_slots.size() * 2);
        const std::size_t mask = slots.size() - 1;
        for (std::size_t p = 0; p < m_entries.size(); ++p) {
            const std::uint64_t h = Hash{}(m_entries[p].first);
            std::size_t i = static_cast<std::size_t>(h) & mask;
            while (slots[i].position != 0)
                i = (i + 1) & mask;
            slots[i] = Slot{static_cast<std::uint32_t>(h >> 32), static_cast<std::uint32_t>(p + 1)};
        }
        m_slots.swap(slots);
    }

    std::vector<Slot> m_slots; // a power of two of them, at most half in use
    std::vector<Entry> m_entries;
};

// A 64-bit finaliser (splitmix64's): every input bit moves every output bit.
inline std::uint64_t mixBits(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace flowscope
