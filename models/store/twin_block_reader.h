// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A second connection that reads a case's record blocks beside the case's
// own, for the second thread of a concurrent scan: a connection serves one
// thread at a time, and reading a block's pages (system calls and SQLite's
// page cache) was a third of a count's time, all of it on one thread.
//
// Both connections must read one snapshot of the case. Debian's SQLite is
// built without the snapshot API (SQLITE_ENABLE_SNAPSHOT), so the twin
// proves it instead: it takes its data version before the case's connection
// starts reading, and again once its own reading has started. Equal
// versions mean no commit came between the two starts, so both read the
// same snapshot; otherwise the twin is not used and the case's connection
// reads every block, as it would without a twin.

#include "block_codec.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace flowscope {

class BlockReader;
class CaseDb;

class TwinBlockReader {
public:
    // Null when the case's connection is in a transaction (its snapshot may
    // be older than the version taken here), the case is not written with
    // a write-ahead log (a writer would lock the twin out), or a second
    // connection cannot be opened. Call before the case's connection starts
    // reading the blocks.
    static std::unique_ptr<TwinBlockReader> open(CaseDb &caseDb);
    ~TwinBlockReader();
    TwinBlockReader(const TwinBlockReader &) = delete;
    TwinBlockReader &operator=(const TwinBlockReader &) = delete;

    // Block `id` as BlockReader::read gives it, true when found; nothing
    // when the twin's snapshot is not proven to be the case connection's
    // (found on the first read, or a block gone since), and from then on:
    // the caller reads the block through the case's connection.
    std::optional<bool> read(std::int64_t id, ColumnMask columns, std::string &data);

private:
    TwinBlockReader(std::unique_ptr<CaseDb> twin, std::int64_t dataVersion);

    std::unique_ptr<CaseDb> m_twin;
    std::unique_ptr<BlockReader> m_reader;
    std::int64_t m_dataVersion;
    bool m_checked = false;
    bool m_usable = true;
};

} // namespace flowscope
