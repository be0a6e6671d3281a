// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hash table for aggregating millions of records into millions of groups:
// open addressing with linear probing over a power-of-two array of slots, a
// slot holding part of its key's hash beside the entry's index (so a probe
// rarely touches a key that is not the one it looks for), and the entries
// (key and running totals together, one memory access per record) in pages
// that are never moved: growing the table copies no entry, so memory is the
// entries plus 11 to 21 bytes of slots each, never twice the entries.

#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#endif

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

// hashWords of two words held in registers: a key put together field by
// field and then read back from memory as words waits for its stores to
// land (a load spanning two smaller stores is not forwarded), which cost a
// sixth of a whole-case statistic's time.
inline std::uint64_t hashTwoWords(std::uint64_t first, std::uint64_t second)
{
    std::uint64_t h = foldedMultiply(0x243F6A8885A308D3ULL ^ first, 0x9E3779B97F4A7C15ULL);
    h = foldedMultiply(h ^ second, 0x9E3779B97F4A7C15ULL);
    return foldedMultiply(h, 0xBF58476D1CE4E5B9ULL);
}

// Word `i` of a key's bytes (zero past its end), read with loads no wider
// than what is left: zeroing a word and copying a 4-byte tail over it makes
// the word's read wait until both stores land, a stall on every lookup.
template <typename Key>
[[gnu::always_inline]] inline std::uint64_t keyWord(const Key &key, std::size_t i)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(&key) + 8 * i;
    const std::size_t left = sizeof(Key) - 8 * i;
    if (left >= 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes, 8);
        return word;
    }
    std::uint64_t word = 0;
    std::size_t done = 0;
    if (left >= 4) {
        std::uint32_t half;
        std::memcpy(&half, bytes, 4);
        word = half;
        done = 4;
    }
    for (; done < left; ++done)
        word |= std::uint64_t(bytes[done]) << (8 * done);
    return word;
}

// Whether two keys hold the same bytes, compared a word at a time (a call
// to memcmp for a 12-byte key costs more than the comparison). Always
// inlined, so that a key at hand is compared where it is.
template <typename Key>
[[gnu::always_inline]] inline bool sameKey(const Key &x, const Key &y)
{
    constexpr std::size_t kWords = (sizeof(Key) + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t);
    std::uint64_t differ = 0;
    for (std::size_t i = 0; i < kWords; ++i)
        differ |= keyWord(x, i) ^ keyWord(y, i);
    return differ == 0;
}

// Zeroed memory for big tables, in 2 MiB pages where the system offers them
// (Linux's transparent huge pages on request): tables of millions of entries
// are read at random, and with 4 KiB pages nearly every access would also
// miss the address translation caches (and prefetches would be dropped), and
// every first touch of a page would fault.
class MappedMemory {
public:
    MappedMemory() = default;
    explicit MappedMemory(std::size_t bytes)
    {
        if (bytes == 0)
            return;
#if defined(__unix__) || defined(__APPLE__)
        constexpr std::size_t kHuge = std::size_t(2) << 20;
        const bool huge = bytes >= kHuge;
        m_mapped = huge ? bytes + kHuge : bytes; // room to start on a huge page's boundary
        m_base = mmap(nullptr, m_mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m_base == MAP_FAILED) {
            m_base = nullptr;
            throw std::bad_alloc();
        }
        m_data = m_base;
        if (huge) {
            const auto address = reinterpret_cast<std::uintptr_t>(m_base);
            m_data = reinterpret_cast<void *>((address + kHuge - 1) & ~(kHuge - 1));
#ifdef MADV_HUGEPAGE
            madvise(m_data, (bytes + kHuge - 1) & ~(kHuge - 1), MADV_HUGEPAGE); // a hint: fine if refused
#endif
        }
#else
        m_base = m_data = ::operator new(bytes);
        std::memset(m_data, 0, bytes);
#endif
    }
    MappedMemory(MappedMemory &&other) noexcept { swap(other); }
    MappedMemory &operator=(MappedMemory &&other) noexcept
    {
        MappedMemory(std::move(other)).swap(*this);
        return *this;
    }
    MappedMemory(const MappedMemory &) = delete;
    MappedMemory &operator=(const MappedMemory &) = delete;
    ~MappedMemory()
    {
        if (!m_base)
            return;
#if defined(__unix__) || defined(__APPLE__)
        munmap(m_base, m_mapped);
#else
        ::operator delete(m_base);
#endif
    }

    void *data() const { return m_data; }

private:
    void swap(MappedMemory &other) noexcept
    {
        std::swap(m_base, other.m_base);
        std::swap(m_data, other.m_data);
        std::swap(m_mapped, other.m_mapped);
    }

    void *m_base = nullptr;
    void *m_data = nullptr;
    std::size_t m_mapped = 0;
};

// Entry: a struct with a member `key` (trivially copyable and without
// padding, so its bytes are its value: zero what a key does not use),
// default member initializers for everything else, and nothing to destroy.
template <typename Entry>
class FlatTable {
    using Key = decltype(Entry::key);
    static_assert(std::is_trivially_copyable_v<Key> && std::has_unique_object_representations_v<Key>);
    static_assert(std::is_trivially_destructible_v<Entry>);

public:
    FlatTable() { allocateSlots(kInitialBits); }

    // The entry for `key`; a new key gets a fresh entry.
    Entry &findOrAdd(const Key &key) { return at(indexOf(key, hashOf(key))); }

    // The index of `key`'s entry, a new one at the end for a new key; `h` is
    // hashOf(key).
    std::size_t indexOf(const Key &key, std::uint64_t h)
    {
        const std::uint64_t tag = h & 0xFFFFFFFFULL;
        for (std::size_t i = h >> m_shift;; i = (i + 1) & m_mask) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0)
                return add(i, tag, key);
            if ((slot >> 32) == tag) {
                const std::size_t index = static_cast<std::size_t>(slot & 0xFFFFFFFFULL) - 1;
                if (sameKey(at(index).key, key))
                    return index;
            }
        }
    }
    std::size_t indexOf(const Key &key) { return indexOf(key, hashOf(key)); }

    // Entries in the order their keys first came.
    std::size_t size() const { return m_size; }
    Entry &at(std::size_t index) { return page(index / kPerPage)[index % kPerPage]; }
    const Entry &at(std::size_t index) const { return page(index / kPerPage)[index % kPerPage]; }

    static std::uint64_t hashOf(const Key &key)
    {
        constexpr std::size_t kWords = (sizeof(Key) + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t);
        std::uint64_t words[kWords];
        for (std::size_t i = 0; i < kWords; ++i)
            words[i] = keyWord(key, i);
        return hashWords(words, kWords);
    }

    // Asks the processor to bring in what a later lookup will read.
    void prefetchSlot(std::uint64_t h) const { __builtin_prefetch(&m_slots[h >> m_shift]); }
    // The index of the entry the first slot with h's tag points to (the
    // one a lookup of h's key will compare, nearly always), asking the
    // processor to bring it in; kNoEntry when no slot has the tag. The index
    // is returned to be used: a loop that only prefetches has no effect the
    // compiler must keep, and GCC drops it whole.
    static constexpr std::size_t kNoEntry = SIZE_MAX;
    std::size_t prefetchEntryOf(std::uint64_t h) const
    {
        const std::uint64_t tag = h & 0xFFFFFFFFULL;
        for (std::size_t i = h >> m_shift;; i = (i + 1) & m_mask) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0)
                return kNoEntry;
            if ((slot >> 32) == tag) {
                const std::size_t index = static_cast<std::size_t>(slot & 0xFFFFFFFFULL) - 1;
                __builtin_prefetch(&at(index));
                return index;
            }
        }
    }

private:
    static constexpr unsigned kInitialBits = 10;
    static constexpr std::size_t kPageBytes = std::size_t(2) << 20; // one huge page
    static constexpr std::size_t kPerPage = kPageBytes / sizeof(Entry);
    static constexpr std::size_t kMaxEntries = 0xFFFFFFFEULL; // entry index + 1 fits the slot's low half

    Entry *page(std::size_t i) const { return static_cast<Entry *>(m_pages[i].data()); }

    void allocateSlots(unsigned bits)
    {
        m_slotMemory = MappedMemory(sizeof(std::uint64_t) << bits); // zero: every slot empty
        m_slots = static_cast<std::uint64_t *>(m_slotMemory.data());
        m_slotCount = std::size_t(1) << bits;
        m_mask = m_slotCount - 1;
        m_shift = 64 - bits;
    }

    std::size_t add(std::size_t slot, std::uint64_t tag, const Key &key)
    {
        if (m_size >= kMaxEntries)
            throw std::length_error("too many groups to aggregate");
        if (m_size % kPerPage == 0)
            m_pages.emplace_back(kPageBytes);
        Entry *entry = new (&at(m_size)) Entry();
        entry->key = key;
        ++m_size;
        m_slots[slot] = tag << 32 | m_size;
        // Linear probing with hash tags stays short below three quarters full.
        if (m_size * 4 > m_slotCount * 3)
            grow();
        return m_size - 1;
    }

    void grow()
    {
        // Rebuilt from the entries, never old and new slots at once; each
        // entry's slot fetched a few entries ahead.
        const unsigned bits = 64 - m_shift + 1;
        m_slotMemory = MappedMemory();
        allocateSlots(bits);
        constexpr std::size_t kAhead = 16;
        for (std::size_t index = 0; index < m_size; ++index) {
            if (index + kAhead < m_size)
                prefetchSlot(hashOf(at(index + kAhead).key));
            const std::uint64_t h = hashOf(at(index).key);
            std::size_t i = h >> m_shift;
            while (m_slots[i] != 0)
                i = (i + 1) & m_mask;
            m_slots[i] = (h & 0xFFFFFFFFULL) << 32 | (index + 1);
        }
    }

    MappedMemory m_slotMemory;
    std::uint64_t *m_slots = nullptr; // 0: empty; else hash tag << 32 | entry index + 1
    std::size_t m_slotCount = 0;
    std::size_t m_mask = 0;
    unsigned m_shift = 64; // the top log2(slots) bits of a hash pick its first slot
    std::vector<MappedMemory> m_pages; // entries, kPerPage a page, never moved
    std::size_t m_size = 0;
};

// Adds samples to a FlatTable's entries with the memory each one reads
// fetched ahead: with millions of keys, nearly every lookup misses the
// processor's caches twice (the slot, then the entry it points to), and a
// record would wait for both. A key's slot is fetched when it comes, its
// entry a few keys later (from the slot, now at hand), and the key is looked
// up and its entry updated a few keys later again, all in the order the keys
// came. Entry::add(const Sample &) updates an entry.
template <typename Entry, typename Sample>
class FlatTableFeed {
    using Key = decltype(Entry::key);

public:
    explicit FlatTableFeed(FlatTable<Entry> &table)
        : m_table(table)
    {
    }

    void add(const Key &key, const Sample &sample) { add(key, FlatTable<Entry>::hashOf(key), sample); }
    // The same with the key's hash (FlatTable::hashOf) at hand.
    void add(const Key &key, std::uint64_t h, const Sample &sample)
    {
        m_table.prefetchSlot(h);
        Pending &pending = m_pending[m_count % kDepth];
        if (m_count >= kDepth)
            apply(pending);
        pending = {key, h, FlatTable<Entry>::kNoEntry, sample};
        // Half-way through the line: its slot has arrived; fetch its entry,
        // and keep where it is for the update.
        if (m_count >= kDepth / 2) {
            Pending &halfway = m_pending[(m_count - kDepth / 2) % kDepth];
            halfway.entry = m_table.prefetchEntryOf(halfway.hash);
        }
        ++m_count;
    }

    // Adds what is still in flight; call before reading the table.
    void finish()
    {
        for (std::size_t i = m_count > kDepth ? m_count - kDepth : 0; i < m_count; ++i)
            apply(m_pending[i % kDepth]);
        m_count = 0;
    }

private:
    static constexpr std::size_t kDepth = 64;
    struct Pending {
        Key key;
        std::uint64_t hash;
        std::size_t entry; // the entry found half-way (FlatTable::prefetchEntryOf), when it is the key's
        Sample sample;
    };

    void apply(const Pending &pending)
    {
        // The entry the hash's tag found is nearly always the key's; any
        // other (or none) and the key is looked up.
        if (pending.entry != FlatTable<Entry>::kNoEntry) {
            Entry &found = m_table.at(pending.entry);
            if (sameKey(found.key, pending.key)) {
                found.add(pending.sample);
                return;
            }
        }
        m_table.at(m_table.indexOf(pending.key, pending.hash)).add(pending.sample);
    }

    FlatTable<Entry> &m_table;
    Pending m_pending[kDepth];
    std::size_t m_count = 0;
};

} // namespace flowscope
