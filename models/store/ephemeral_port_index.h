// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The block index of ports from 32768 up (schema v3): per port and chunk of
// 4096 consecutive block ids, the set of the chunk's blocks with a record
// that has the port, as source or destination (as port_block for the lower
// ports: the two directions of a connection are logged as two records, close
// in time, so telling the sides apart would rarely leave a block out). Those
// ports are mostly ephemeral: nearly unique per flow, so each is in few
// blocks, yet together they are in every block. A (port, block) row per
// posting would cost about a row per record. Schema 4 stores the other
// block indexes in the same sets (see block_postings.h).
//
// A stored set is the smaller of two encodings, told apart by its first byte:
//   0, then a bitmap: bit b of byte i stands for block offset 8i + b, with
//      trailing zero bytes left out (for ports in many of the chunk's blocks);
//   1, then the offsets in increasing order as varints, the first as it is
//      and each next one as its distance from the one before, minus one.
// An ephemeral port is typically in a few percent of the blocks, where the
// list is about a quarter of the bitmap's size.

#include "sqlite_handle.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

constexpr std::uint16_t kFirstEphemeralPort = 32768;
constexpr int kPortChunkShift = 12;
constexpr std::int64_t kBlocksPerPortChunk = std::int64_t(1) << kPortChunkShift;

inline std::int64_t portChunkOf(std::int64_t block) { return block >> kPortChunkShift; }

// A set of block offsets within one chunk.
using ChunkBlocks = std::array<std::uint64_t, kBlocksPerPortChunk / 64>;

// The stored form of a set that is not empty.
std::string encodeChunkBlocks(const ChunkBlocks &blocks);
// The same for the set of `offsets`, which increase: as encodeChunkBlocks
// of that set, without filling a bitmap first.
std::string encodeChunkOffsets(const std::vector<std::uint16_t> &offsets);
// Adds the offsets a stored set holds to `blocks`; throws StoreError when
// `stored` is not such a set.
void addStoredChunkBlocks(std::string_view stored, ChunkBlocks &blocks);

// The number of blocks a stored set holds; throws StoreError as above.
std::int64_t countStoredChunkBlocks(std::string_view stored);

// Calls fn(block id) for each block of chunk `chunk` in `blocks`, in order.
template <typename Fn>
void forEachBlockIn(std::int64_t chunk, const ChunkBlocks &blocks, Fn &&fn)
{
    for (std::size_t w = 0; w < blocks.size(); ++w)
        for (std::uint64_t bits = blocks[w]; bits; bits &= bits - 1)
            fn((chunk << kPortChunkShift) + static_cast<std::int64_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
}

// Gathers the index while blocks are written, one chunk at a time, so its
// memory stays bounded (16 MiB at most: a set for every port)
// however many records an import brings.
class EphemeralPortIndexWriter {
public:
    explicit EphemeralPortIndexWriter(sqlite3 *db);

    // A record's port from 32768 up; lower ports are ignored. Blocks come in
    // increasing id order: a block of a later chunk writes the chunk before.
    void add(std::int64_t block, std::uint16_t port);
    // Writes what was gathered, merged into the sets already stored (an
    // earlier import may have filled the start of the same chunk).
    void flush();
    // Forgets what was gathered (its transaction was rolled back).
    void discard();

private:
    static constexpr std::size_t kSets = 65536 - kFirstEphemeralPort; // by port offset

    struct Free {
        void operator()(ChunkBlocks *p) const { std::free(p); }
    };

    std::int64_t m_chunk = -1;
    std::unique_ptr<ChunkBlocks[], Free> m_sets; // kSets of them once a port is added
    std::vector<std::uint64_t> m_touched; // a bit per set with a block in it
    Statement m_any; // whether the table holds any set
    Statement m_select;
    Statement m_upsert;
};

} // namespace flowscope
