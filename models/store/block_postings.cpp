// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_postings.h"

#include <algorithm>

namespace flowscope {

namespace {

std::string selectSql(const BlockPostingsTable &t)
{
    return std::string("SELECT blocks FROM ") + t.table + " WHERE " + t.keyColumn + " = ? AND chunk = ?";
}

std::string upsertSql(const BlockPostingsTable &t)
{
    return std::string("INSERT OR REPLACE INTO ") + t.table + "(" + t.keyColumn + ", chunk, blocks) VALUES(?, ?, ?)";
}

} // namespace

BlockPostingsWriter::BlockPostingsWriter(sqlite3 *db, const BlockPostingsTable &table, std::size_t maxPostings)
    : m_maxPostings(maxPostings)
    , m_select(db, selectSql(table))
    , m_upsert(db, upsertSql(table))
{
}

void BlockPostingsWriter::enter(std::int64_t block)
{
    const std::int64_t chunk = portChunkOf(block);
    if (chunk != m_chunk) {
        flush();
        m_chunk = chunk;
    }
    m_offset = static_cast<std::uint16_t>(block - (chunk << kPortChunkShift));
}

void BlockPostingsWriter::note(Offsets &offsets)
{
    if (!offsets.empty() && offsets.back() == m_offset)
        return;
    offsets.push_back(m_offset);
    ++m_postings;
}

void BlockPostingsWriter::add(std::int64_t block, std::int64_t key)
{
    enter(block);
    note(m_integers[key]);
}

void BlockPostingsWriter::add(std::int64_t block, const std::array<std::uint8_t, 16> &key)
{
    enter(block);
    note(m_blobs[key]);
}

bool BlockPostingsWriter::full() const
{
    return m_postings > m_maxPostings;
}

void BlockPostingsWriter::write(Offsets &offsets)
{
    ChunkBlocks blocks{};
    if (m_select.step())
        addStoredChunkBlocks(m_select.blob(0), blocks);
    m_select.reset();
    for (const std::uint16_t offset : offsets)
        blocks[offset / 64] |= std::uint64_t(1) << (offset % 64);
    const std::string stored = encodeChunkBlocks(blocks);
    m_upsert.bind(2, m_chunk);
    m_upsert.bindBlobStatic(3, stored.data(), static_cast<int>(stored.size()));
    m_upsert.exec();
}

void BlockPostingsWriter::flush()
{
    // In key order: the inserts then walk the table's B-tree once.
    std::vector<std::pair<std::int64_t, Offsets *>> integers;
    integers.reserve(m_integers.size());
    for (auto &[key, offsets] : m_integers.entries())
        integers.emplace_back(key, &offsets);
    std::sort(integers.begin(), integers.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[key, offsets] : integers) {
        m_select.bind(1, key);
        m_select.bind(2, m_chunk);
        m_upsert.bind(1, key);
        write(*offsets);
    }
    for (auto &[key, offsets] : m_blobs) {
        m_select.bindBlobStatic(1, key.data(), static_cast<int>(key.size()));
        m_select.bind(2, m_chunk);
        m_upsert.bindBlobStatic(1, key.data(), static_cast<int>(key.size()));
        write(offsets);
    }
    clear();
}

void BlockPostingsWriter::discard()
{
    clear();
    m_chunk = -1;
}

void BlockPostingsWriter::clear()
{
    m_integers.clear();
    m_blobs.clear();
    m_postings = 0;
}

} // namespace flowscope
