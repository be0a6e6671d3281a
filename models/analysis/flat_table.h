// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hash table for aggregating millions of records into a few hundred
// thousand groups: open addressing with linear probing over a power-of-two
// array of slots, keys of a fixed size hashed as 64-bit words, and the values
// in one contiguous vector in the order their keys first came. A slot holds
// part of its key's hash beside the entry's index, so a probe rarely touches
// a key that is not the one it looks for.

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace flowscope {

// 64 bits of a 128-bit product folded together: the multiply spreads every
// input bit over the high half, the fold brings it back into all bits.
inline std::uint64_t foldedMultiply(std::uint64_t a, std::uint64_t b)
{
    __extension__ typedef unsigned __int128 Product;
    const Product p = static_cast<Product>(a) * b;
    return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
}

inline std::uint64_t hashWords(const std::uint64_t *words, std::size_t count)
{
    std::uint64_t h = 0x243F6A8885A308D3ULL;
    for (std::size_t i = 0; i < count; ++i)
        h = foldedMultiply(h ^ words[i], 0x9E3779B97F4A7C15ULL);
    return foldedMultiply(h, 0xBF58476D1CE4E5B9ULL);
}

// Key: a struct of whole 64-bit words without padding, so its bytes are its
// value (zero what a key does not use).
template <typename Key, typename Value>
class FlatTable {
    static_assert(std::is_trivially_copyable_v<Key> && std::has_unique_object_representations_v<Key>);
    static_assert(sizeof(Key) % sizeof(std::uint64_t) == 0);

public:
    FlatTable() { m_slots.assign(std::size_t(1) << kInitialBits, 0); }

    // The value for `key`; a new key gets `make()`.
    template <typename Make>
    Value &findOrAdd(const Key &key, Make &&make)
    {
        const std::uint64_t h = hashOf(key);
        const std::uint64_t tag = h & 0xFFFFFFFFULL;
        for (std::size_t i = h >> m_shift;; i = (i + 1) & mask()) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0)
                return add(i, tag, key, make);
            const std::size_t entry = static_cast<std::size_t>(slot & 0xFFFFFFFFULL) - 1;
            if ((slot >> 32) == tag && std::memcmp(&m_keys[entry], &key, sizeof(Key)) == 0)
                return m_values[entry];
        }
    }

    std::size_t size() const { return m_values.size(); }
    const std::vector<Key> &keys() const { return m_keys; }
    std::vector<Value> &values() { return m_values; }

private:
    static constexpr unsigned kInitialBits = 10;
    static constexpr std::size_t kMaxEntries = 0xFFFFFFFEULL; // entry index + 1 fits the slot's low half

    static std::uint64_t hashOf(const Key &key)
    {
        std::uint64_t words[sizeof(Key) / sizeof(std::uint64_t)];
        std::memcpy(words, &key, sizeof(Key));
        return hashWords(words, sizeof(Key) / sizeof(std::uint64_t));
    }

    std::size_t mask() const { return m_slots.size() - 1; }

    template <typename Make>
    Value &add(std::size_t slot, std::uint64_t tag, const Key &key, Make &&make)
    {
        if (m_values.size() >= kMaxEntries)
            throw std::length_error("too many groups to aggregate");
        m_keys.push_back(key);
        m_values.push_back(make());
        m_slots[slot] = tag << 32 | m_values.size();
        // Linear probing stays short below half full.
        if (m_values.size() * 2 > m_slots.size())
            grow();
        return m_values.back();
    }

    void grow()
    {
        m_slots.assign(m_slots.size() * 2, 0);
        --m_shift;
        for (std::size_t entry = 0; entry < m_keys.size(); ++entry) {
            const std::uint64_t h = hashOf(m_keys[entry]);
            std::size_t i = h >> m_shift;
            while (m_slots[i] != 0)
                i = (i + 1) & mask();
            m_slots[i] = (h & 0xFFFFFFFFULL) << 32 | (entry + 1);
        }
    }

    std::vector<std::uint64_t> m_slots; // 0: empty; else hash tag << 32 | entry index + 1
    std::vector<Key> m_keys;
    std::vector<Value> m_values;
    unsigned m_shift = 64 - kInitialBits; // the top log2(slots) bits of a hash pick its first slot
};

} // namespace flowscope
