// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads and edits one key's set of blocks in a block postings table (see
// block_postings.h), for the rare change of a block already stored: a richer
// copy of a record replacing the stored one (see record_replacement.h). An
// import adds through BlockPostingsWriter, which gathers sets in memory.

#include "block_postings.h"

#include <array>
#include <cstdint>
#include <variant>
#include <vector>

namespace flowscope {

// An integer key (biased IPv4, port, interface id) or a 16-byte IPv6 address.
using PostingKey = std::variant<std::int64_t, std::array<std::uint8_t, 16>>;

class BlockPostingEditor {
public:
    BlockPostingEditor(sqlite3 *db, const BlockPostingsTable &table);

    bool holds(const PostingKey &key, std::int64_t block);
    // Adds `block` to the key's set, or takes it out (an empty set is deleted).
    void set(const PostingKey &key, std::int64_t block, bool held);
    // Every block of the key's set, in increasing order.
    std::vector<std::int64_t> blocksOf(const PostingKey &key);

private:
    ChunkBlocks read(const PostingKey &key, std::int64_t chunk);

    Statement m_select;
    Statement m_selectAll;
    Statement m_upsert;
    Statement m_delete;
};

} // namespace flowscope
