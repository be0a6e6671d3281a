// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_posting_editor.h"

#include <string>

namespace flowscope {

namespace {

std::string sql(const BlockPostingsTable &t, const char *pattern)
{
    std::string out(pattern);
    for (const auto &[marker, value] : {std::pair{std::string("$T"), std::string(t.table)},
                                        std::pair{std::string("$K"), std::string(t.keyColumn)}})
        for (std::size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at))
            out.replace(at, marker.size(), value);
    return out;
}

void bindKey(Statement &s, int index, const PostingKey &key)
{
    if (const auto *integer = std::get_if<std::int64_t>(&key))
        s.bind(index, *integer);
    else
        s.bindBlobStatic(index, std::get<std::array<std::uint8_t, 16>>(key).data(), 16);
}

bool isEmpty(const ChunkBlocks &blocks)
{
    for (const std::uint64_t word : blocks)
        if (word)
            return false;
    return true;
}

} // namespace

BlockPostingEditor::BlockPostingEditor(sqlite3 *db, const BlockPostingsTable &table)
    : m_select(db, sql(table, "SELECT blocks FROM $T WHERE $K = ? AND chunk = ?"))
    , m_selectAll(db, sql(table, "SELECT chunk, blocks FROM $T WHERE $K = ? ORDER BY chunk"))
    , m_upsert(db, sql(table, "INSERT OR REPLACE INTO $T($K, chunk, blocks) VALUES(?, ?, ?)"))
    , m_delete(db, sql(table, "DELETE FROM $T WHERE $K = ? AND chunk = ?"))
{
}

ChunkBlocks BlockPostingEditor::read(const PostingKey &key, std::int64_t chunk)
{
    ChunkBlocks blocks{};
    bindKey(m_select, 1, key);
    m_select.bind(2, chunk);
    if (m_select.step())
        addStoredChunkBlocks(m_select.blob(0), blocks);
    m_select.reset();
    return blocks;
}

bool BlockPostingEditor::holds(const PostingKey &key, std::int64_t block)
{
    const std::int64_t offset = block - (portChunkOf(block) << kPortChunkShift);
    const ChunkBlocks blocks = read(key, portChunkOf(block));
    return (blocks[static_cast<std::size_t>(offset / 64)] >> (offset % 64)) & 1U;
}

void BlockPostingEditor::set(const PostingKey &key, std::int64_t block, bool held)
{
    const std::int64_t chunk = portChunkOf(block);
    const std::int64_t offset = block - (chunk << kPortChunkShift);
    ChunkBlocks blocks = read(key, chunk);
    const std::uint64_t bit = std::uint64_t(1) << (offset % 64);
    auto &word = blocks[static_cast<std::size_t>(offset / 64)];
    word = held ? word | bit : word & ~bit;
    if (isEmpty(blocks)) {
        bindKey(m_delete, 1, key);
        m_delete.bind(2, chunk);
        m_delete.exec();
        return;
    }
    const std::string stored = encodeChunkBlocks(blocks);
    bindKey(m_upsert, 1, key);
    m_upsert.bind(2, chunk);
    m_upsert.bindBlobStatic(3, stored.data(), static_cast<int>(stored.size()));
    m_upsert.exec();
}

std::vector<std::int64_t> BlockPostingEditor::blocksOf(const PostingKey &key)
{
    std::vector<std::int64_t> out;
    bindKey(m_selectAll, 1, key);
    while (m_selectAll.step()) {
        ChunkBlocks blocks{};
        addStoredChunkBlocks(m_selectAll.blob(1), blocks);
        forEachBlockIn(m_selectAll.int64(0), blocks, [&](std::int64_t block) { out.push_back(block); });
    }
    m_selectAll.reset();
    return out;
}

} // namespace flowscope
