// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads stored record blocks through SQLite's incremental blob I/O, only the
// parts a decode of some columns needs (see blockRangesNeeded): the columns
// filters read most come first in a block, and those between them that the
// decode does not read are skipped, so a count of a port reads the keys and
// the port column of each block, and the sort keys a few hundred bytes.

#include "block_codec.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace flowscope {

class BlockReader {
public:
    // `keepOpen`: the blob handle stays on the last block read, which makes
    // the next read cheaper but holds a read transaction (and so a snapshot
    // of the case) until the reader is destroyed: for scans, not for
    // long-lived readers.
    BlockReader(sqlite3 *db, bool keepOpen);
    ~BlockReader();
    BlockReader(const BlockReader &) = delete;
    BlockReader &operator=(const BlockReader &) = delete;

    // Block `id` as far as decoding `columns` needs, in `data` (the bytes
    // of columns not needed may be left unread: zeros); false when there is
    // no such block. Throws StoreError on a
    // read error or a damaged block.
    bool read(std::int64_t id, ColumnMask columns, std::string &data);

    // Lets go of the blob handle now (the destructor does too): a reader
    // sharing its connection with other threads closes under their lock.
    void close();

private:
    bool readOpen(std::int64_t id, ColumnMask columns, std::string &data);

    sqlite3 *m_db;
    bool m_keepOpen;
    sqlite3_blob *m_blob = nullptr;
};

} // namespace flowscope
