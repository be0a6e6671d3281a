// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_postings.h"

#include <algorithm>
#include <stdexcept>

namespace flowscope {

namespace {

std::string selectSql(const BlockPostingsTable &t)
{
    return std::string("SELECT blocks FROM ") + t.table + " WHERE " + t.keyColumn + " = ? AND chunk = ?";
}

std::string anySql(const BlockPostingsTable &t)
{
    return std::string("SELECT EXISTS(SELECT 1 FROM ") + t.table + ")";
}

std::string upsertSql(const BlockPostingsTable &t)
{
    return std::string("INSERT OR REPLACE INTO ") + t.table + "(" + t.keyColumn + ", chunk, blocks) VALUES(?, ?, ?)";
}

} // namespace

BlockPostingsWriter::BlockPostingsWriter(sqlite3 *db, const BlockPostingsTable &table, std::size_t maxPostings)
    : m_maxPostings(maxPostings)
    , m_any(db, anySql(table))
    , m_select(db, selectSql(table))
    , m_upsert(db, upsertSql(table))
{
}

void BlockPostingsWriter::enter(std::int64_t block)
{
    if (m_isPrepared) // the sets prepared were emptied: flush() must come first
        throw std::logic_error("block postings added between prepare() and flush()");
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

void BlockPostingsWriter::prepare()
{
    if (m_isPrepared)
        return;
    // In key order (integers, then blobs, as SQLite orders them): the
    // inserts then walk the table's B-tree once.
    m_prepared.clear();
    m_prepared.reserve(m_integers.size() + m_blobs.size());
    // Each set's offsets are freed once encoded: the encoding is smaller.
    const auto encode = [](Offsets &offsets) {
        std::string encoded = encodeChunkOffsets(offsets);
        Offsets().swap(offsets);
        return encoded;
    };
    for (auto &[key, offsets] : m_integers.entries())
        m_prepared.push_back({key, nullptr, encode(offsets)});
    std::sort(m_prepared.begin(), m_prepared.end(),
              [](const PreparedSet &a, const PreparedSet &b) { return a.integer < b.integer; });
    for (auto &[key, offsets] : m_blobs)
        m_prepared.push_back({0, &key, encode(offsets)});
    m_isPrepared = true;
}

void BlockPostingsWriter::write(PreparedSet &set, bool merge)
{
    if (set.blob) {
        m_select.bindBlobStatic(1, set.blob->data(), static_cast<int>(set.blob->size()));
        m_upsert.bindBlobStatic(1, set.blob->data(), static_cast<int>(set.blob->size()));
    } else {
        m_select.bind(1, set.integer);
        m_upsert.bind(1, set.integer);
    }
    m_select.bind(2, m_chunk);
    if (merge && m_select.step()) {
        // An earlier import or flush stored part of the chunk: the union is stored.
        ChunkBlocks blocks{};
        addStoredChunkBlocks(m_select.blob(0), blocks);
        addStoredChunkBlocks(set.encoded, blocks);
        set.encoded = encodeChunkBlocks(blocks);
    }
    m_select.reset();
    m_upsert.bind(2, m_chunk);
    m_upsert.bindBlobStatic(3, set.encoded.data(), static_cast<int>(set.encoded.size()));
    m_upsert.exec();
}

void BlockPostingsWriter::flush()
{
    prepare();
    // Sets stored before (by an earlier import, or an earlier flush of this
    // chunk in this transaction) are merged; a table that holds none, as in
    // a new case, needs no look-up per key.
    const bool merge = !m_prepared.empty() && m_any.step() && m_any.int64(0) != 0;
    m_any.reset();
    for (PreparedSet &set : m_prepared)
        write(set, merge);
    clear();
}

void BlockPostingsWriter::discard()
{
    clear();
    m_chunk = -1;
}

void BlockPostingsWriter::clear()
{
    // Freed, not kept for the next chunk: a chunk's keys fill these to tens
    // of MB, which the end of a file needs for the graph totals' merge.
    std::vector<PreparedSet>().swap(m_prepared);
    m_isPrepared = false;
    m_integers.release();
    m_blobs.clear();
    m_postings = 0;
}

} // namespace flowscope
