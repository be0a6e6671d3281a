// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The block index of addresses, ports below 32768 and interfaces (schema 4):
// per key and chunk of 4096 consecutive block ids, the set of the chunk's
// blocks holding the key, stored as ephemeral_port_index.h stores a port's
// (a trimmed bitmap or a list of gaps, whichever is smaller). Schema 3 had a
// row per (key, block): on an internet-facing VPC, about 3,000 distinct
// addresses a block of 4,096 records, so millions of B-tree inserts an
// import. The sets are gathered in memory while blocks are written and each
// is written once per import and chunk, in key order.
//
// Keys are integers (an IPv4 address biased as in stored_address.h, a port,
// an interface id) or 16-byte blobs (an IPv6 address): SQLite orders every
// integer before every blob, so a range of either family is one range scan.

#include "dense_hash_map.h"
#include "ephemeral_port_index.h"
#include "sqlite_handle.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace flowscope {

// The tables, each (key, chunk, blocks) with the key column named as here.
struct BlockPostingsTable {
    const char *table;
    const char *keyColumn;
};
constexpr BlockPostingsTable kAddressPostings{"address_block", "address"};
constexpr BlockPostingsTable kPortPostings{"port_block", "port"};
constexpr BlockPostingsTable kInterfacePostings{"interface_block", "interface"};

// Postings a writer holds before it is full: 16 MB of offsets, however many
// distinct keys a chunk's blocks hold.
constexpr std::size_t kMaxBlockPostings = std::size_t(8) << 20;

class BlockPostingsWriter {
public:
    BlockPostingsWriter(sqlite3 *db, const BlockPostingsTable &table, std::size_t maxPostings = kMaxBlockPostings);

    // Blocks come in increasing id order; a key may be added many times for
    // one block. A block of a later chunk writes the chunk before, unless
    // flush() came first: adding then touches no table.
    void add(std::int64_t block, std::int64_t key);
    void add(std::int64_t block, const std::array<std::uint8_t, 16> &key);
    // Whether what was gathered has grown past its bound and is to be flushed.
    bool full() const;
    // Puts what was gathered in key order and encodes each set as it would
    // be stored if the table held none of it yet, touching no table: another
    // thread may do this while the connection writes other tables, as long
    // as nothing is added meanwhile. flush() does it when it was not done.
    void prepare();
    // Writes what was gathered, merged into the sets already stored (an
    // earlier import may have filled the start of the same chunk).
    void flush();
    // Forgets what was gathered (its transaction was rolled back).
    void discard();

private:
    using Offsets = std::vector<std::uint16_t>; // increasing offsets in the chunk
    // A key's set, ready to store.
    struct PreparedSet {
        std::int64_t integer = 0;
        const std::array<std::uint8_t, 16> *blob = nullptr; // an IPv6 key, else the integer
        std::string encoded; // the offsets gathered, which it replaces
    };
    void enter(std::int64_t block);
    void note(Offsets &offsets);
    void write(PreparedSet &set, bool merge);
    void clear();

    std::int64_t m_chunk = -1;
    std::uint16_t m_offset = 0; // of the block being added, in its chunk
    struct KeyHash {
        std::uint64_t operator()(std::int64_t key) const { return mixBits(static_cast<std::uint64_t>(key)); }
    };
    DenseHashMap<std::int64_t, Offsets, KeyHash> m_integers;
    std::map<std::array<std::uint8_t, 16>, Offsets> m_blobs;
    std::vector<PreparedSet> m_prepared;
    bool m_isPrepared = false;
    std::size_t m_postings = 0;
    std::size_t m_maxPostings;
    Statement m_any; // whether the table holds any set
    Statement m_select;
    Statement m_upsert;
};

} // namespace flowscope
