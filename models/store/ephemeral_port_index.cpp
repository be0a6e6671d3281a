// SPDX-License-Identifier: GPL-3.0-or-later
#include "ephemeral_port_index.h"

#include <cstdlib>
#include <new>

namespace flowscope {

namespace {

constexpr char kBitmap = 0;
constexpr char kOffsetList = 1;

void appendVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

std::size_t varintSize(std::uint64_t v)
{
    std::size_t size = 1;
    for (; v >= 0x80; v >>= 7)
        ++size;
    return size;
}

// The two forms are sized first and only the smaller built: an import
// encodes a set per address, port and interface of each chunk.
std::string bitmapOf(const ChunkBlocks &blocks, std::size_t size)
{
    std::string out(size, '\0');
    out[0] = kBitmap;
    for (std::size_t i = 1; i < size; ++i)
        out[i] = static_cast<char>(blocks[(i - 1) / 8] >> (8 * ((i - 1) % 8)));
    return out;
}

template <typename ForEachOffset>
std::string offsetListOf(std::size_t size, ForEachOffset &&forEachOffset)
{
    std::string out;
    out.reserve(size);
    out.push_back(kOffsetList);
    std::int64_t previous = -1;
    forEachOffset([&](std::int64_t offset) {
        appendVarint(out, static_cast<std::uint64_t>(offset - previous - 1));
        previous = offset;
    });
    return out;
}

template <typename ForEachOffset>
std::size_t offsetListSize(ForEachOffset &&forEachOffset)
{
    std::size_t size = 1;
    std::int64_t previous = -1;
    forEachOffset([&](std::int64_t offset) {
        size += varintSize(static_cast<std::uint64_t>(offset - previous - 1));
        previous = offset;
    });
    return size;
}

// The bitmap's size: its form byte and every byte up to the last one not zero.
std::size_t bitmapSize(std::int64_t lastOffset) { return lastOffset < 0 ? 1 : 2 + static_cast<std::size_t>(lastOffset) / 8; }

[[noreturn]] void malformed() { throw StoreError("corrupt ephemeral port index (a set of blocks)"); }

} // namespace

std::string encodeChunkBlocks(const ChunkBlocks &blocks)
{
    const auto forEach = [&](auto &&fn) { forEachBlockIn(0, blocks, fn); };
    std::int64_t last = -1;
    for (std::size_t w = blocks.size(); w-- > 0;) {
        if (blocks[w]) {
            last = static_cast<std::int64_t>(w * 64 + 63 - static_cast<std::size_t>(__builtin_clzll(blocks[w])));
            break;
        }
    }
    const std::size_t list = offsetListSize(forEach);
    const std::size_t bitmap = bitmapSize(last);
    return list < bitmap ? offsetListOf(list, forEach) : bitmapOf(blocks, bitmap);
}

std::string encodeChunkOffsets(const std::vector<std::uint16_t> &offsets)
{
    const auto forEach = [&](auto &&fn) {
        for (const std::uint16_t offset : offsets)
            fn(static_cast<std::int64_t>(offset));
    };
    const std::size_t list = offsetListSize(forEach);
    const std::size_t bitmap = bitmapSize(offsets.empty() ? -1 : offsets.back());
    if (list < bitmap)
        return offsetListOf(list, forEach);
    std::string out(bitmap, '\0');
    out[0] = kBitmap;
    for (const std::uint16_t offset : offsets)
        out[1 + offset / 8] = static_cast<char>(out[1 + offset / 8] | (1 << (offset % 8)));
    return out;
}

void addStoredChunkBlocks(std::string_view stored, ChunkBlocks &blocks)
{
    if (stored.empty())
        malformed();
    const std::string_view body = stored.substr(1);
    if (stored[0] == kBitmap) {
        if (body.size() > blocks.size() * 8)
            malformed();
        for (std::size_t i = 0; i < body.size(); ++i)
            blocks[i / 8] |= std::uint64_t(static_cast<unsigned char>(body[i])) << (8 * (i % 8));
        return;
    }
    if (stored[0] != kOffsetList)
        malformed();
    std::uint64_t next = 0; // the smallest offset the next entry can name
    for (std::size_t pos = 0; pos < body.size();) {
        std::uint64_t gap = 0;
        for (int shift = 0;; shift += 7) {
            if (pos >= body.size() || shift > 14)
                malformed();
            const auto byte = static_cast<unsigned char>(body[pos++]);
            gap |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                break;
        }
        const std::uint64_t offset = next + gap;
        if (offset >= static_cast<std::uint64_t>(kBlocksPerPortChunk))
            malformed();
        blocks[offset / 64] |= std::uint64_t(1) << (offset % 64);
        next = offset + 1;
    }
}

std::int64_t countStoredChunkBlocks(std::string_view stored)
{
    ChunkBlocks blocks{};
    addStoredChunkBlocks(stored, blocks);
    std::int64_t count = 0;
    for (const std::uint64_t word : blocks)
        count += __builtin_popcountll(word);
    return count;
}

EphemeralPortIndexWriter::EphemeralPortIndexWriter(sqlite3 *db)
    : m_any(db, "SELECT EXISTS(SELECT 1 FROM ephemeral_port_block)")
    , m_select(db, "SELECT blocks FROM ephemeral_port_block WHERE port = ? AND chunk = ?")
    , m_upsert(db, "INSERT OR REPLACE INTO ephemeral_port_block(port, chunk, blocks) VALUES(?, ?, ?)")
{
}

void EphemeralPortIndexWriter::add(std::int64_t block, std::uint16_t port)
{
    if (port < kFirstEphemeralPort)
        return;
    const std::int64_t chunk = portChunkOf(block);
    if (chunk != m_chunk) {
        flush();
        m_chunk = chunk;
    }
    if (!m_sets) {
        // calloc: zero pages from the system, so the sets of ports never
        // seen take no memory.
        m_sets.reset(static_cast<ChunkBlocks *>(std::calloc(kSets, sizeof(ChunkBlocks))));
        if (!m_sets)
            throw std::bad_alloc();
        m_touched.assign(kSets / 64, 0);
    }
    const std::size_t set = port - kFirstEphemeralPort;
    const auto offset = static_cast<std::size_t>(block - (chunk << kPortChunkShift));
    m_sets[set][offset / 64] |= std::uint64_t(1) << (offset % 64);
    m_touched[set / 64] |= std::uint64_t(1) << (set % 64);
}

void EphemeralPortIndexWriter::flush()
{
    // Sets stored before are merged; a table that holds none, as in a new
    // case, needs no look-up per port.
    const bool merge = m_any.step() && m_any.int64(0) != 0;
    m_any.reset();
    for (std::size_t w = 0; w < m_touched.size(); ++w) {
        for (std::uint64_t touched = m_touched[w]; touched; touched &= touched - 1) {
            const std::size_t set = w * 64 + static_cast<std::size_t>(__builtin_ctzll(touched));
            ChunkBlocks &blocks = m_sets[set];
            const auto port = static_cast<std::int64_t>(set + kFirstEphemeralPort);
            m_select.bind(1, port);
            m_select.bind(2, m_chunk);
            if (merge && m_select.step())
                addStoredChunkBlocks(m_select.blob(0), blocks);
            m_select.reset();
            const std::string stored = encodeChunkBlocks(blocks);
            m_upsert.bind(1, port);
            m_upsert.bind(2, m_chunk);
            m_upsert.bindBlobStatic(3, stored.data(), static_cast<int>(stored.size()));
            m_upsert.exec();
            blocks.fill(0);
        }
        m_touched[w] = 0;
    }
}

void EphemeralPortIndexWriter::discard()
{
    for (std::size_t w = 0; w < m_touched.size(); ++w) {
        for (std::uint64_t touched = m_touched[w]; touched; touched &= touched - 1)
            m_sets[w * 64 + static_cast<std::size_t>(__builtin_ctzll(touched))].fill(0);
        m_touched[w] = 0;
    }
    m_chunk = -1;
}

} // namespace flowscope
