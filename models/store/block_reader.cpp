// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_reader.h"

#include "sqlite_handle.h"

#include <algorithm>

namespace flowscope {

namespace {

// Enough for the column directory of any block (about 100 bytes).
constexpr int kHeadBytes = 512;

} // namespace

BlockReader::BlockReader(sqlite3 *db, bool keepOpen)
    : m_db(db)
    , m_keepOpen(keepOpen)
{
}

BlockReader::~BlockReader() { close(); }

void BlockReader::close()
{
    if (m_blob)
        sqlite3_blob_close(m_blob);
    m_blob = nullptr;
}

bool BlockReader::read(std::int64_t id, ColumnMask columns, std::string &data)
{
    const bool found = readOpen(id, columns, data);
    if (!m_keepOpen)
        close();
    return found;
}

bool BlockReader::readOpen(std::int64_t id, ColumnMask columns, std::string &data)
{
    // Moving an open handle to another row is much cheaper than opening one.
    const int opened = m_blob ? sqlite3_blob_reopen(m_blob, id)
                              : sqlite3_blob_open(m_db, "main", "flow_block", "data", id, 0, &m_blob);
    if (opened != SQLITE_OK) {
        // No such row (or no longer): the handle cannot be used again.
        close();
        if ((opened & 0xff) == SQLITE_ERROR)
            return false;
        throwSqlite(m_db, "cannot read record block " + std::to_string(id));
    }
    const int size = sqlite3_blob_bytes(m_blob);
    const int head = std::min(size, kHeadBytes);
    data.resize(static_cast<std::size_t>(head));
    if (sqlite3_blob_read(m_blob, data.data(), head, 0) != SQLITE_OK)
        throwSqlite(m_db, "cannot read record block " + std::to_string(id));
    const auto ranges = blockRangesNeeded(data, static_cast<std::size_t>(size), columns);
    if (!ranges) { // a directory longer than the head: read the whole block
        data.resize(static_cast<std::size_t>(size));
        if (size > head && sqlite3_blob_read(m_blob, data.data() + head, size - head, head) != SQLITE_OK)
            throwSqlite(m_db, "cannot read record block " + std::to_string(id));
        return true;
    }
    // Only the sections the columns need: the bytes between them (columns
    // not asked for) stay unread, and so do the pages that hold only them.
    const std::size_t needed = ranges->back().offset + ranges->back().size;
    data.resize(needed);
    for (const BlockByteRange &range : *ranges) {
        const std::size_t from = std::max(range.offset, static_cast<std::size_t>(head));
        const std::size_t to = range.offset + range.size;
        if (from < to
            && sqlite3_blob_read(m_blob, data.data() + from, static_cast<int>(to - from), static_cast<int>(from)) != SQLITE_OK)
            throwSqlite(m_db, "cannot read record block " + std::to_string(id));
    }
    return true;
}

} // namespace flowscope
