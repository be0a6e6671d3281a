// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes one imported file into the case: its provenance row, new dictionary
// entries, its records, its errors and its rollups. The caller owns the
// transaction (one per file), so a file is either wholly in the case or absent.

#include "block_codec.h"
#include "derived_tables.h"
#include "dictionaries.h"
#include "encoded_flow.h"
#include "flow_buffer_pool.h"
#include "source_file_row.h"
#include "sqlite_handle.h"

#include <optional>
#include <string>
#include <vector>

namespace flowscope {


class FlowWriter {
public:
    explicit FlowWriter(sqlite3 *db);

    bool hasFileOfSize(std::uint64_t size);
    // Path of an already imported file with this content, if any.
    std::optional<std::string> fileWithSha256(const std::string &sha256);

    std::int64_t insertFile(const SourceFileRow &row);
    void updateFile(std::int64_t fileId, const SourceFileRow &row);
    void insertStrings(const std::vector<std::pair<std::uint32_t, std::string>> &entries);
    void insertInterfaces(const std::vector<std::pair<std::uint32_t, InterfaceKey>> &entries);
    // Records of the file being written, taken over (`flows` is left
    // empty): stored a block at a time.
    void addFlows(std::int64_t fileId, std::vector<EncodedFlow> &flows);
    // Stores the last, partial block of the file, and the rest of what the
    // store derives from its records (see derived_tables.h).
    void finishFlows(std::int64_t fileId);
    // Forgets the file's pending records (its transaction was rolled back).
    void discardFlows();
    // Where the record buffers of this writer's batches come from and return
    // to (a decoder thread takes them, this writer gives them back).
    FlowBufferPool &buffers() { return m_buffers; }
    // fileId 0: the error concerns a file that was not imported.
    void insertError(std::int64_t fileId, const std::string &path, std::uint64_t line, const std::string &reason);

private:
    void writePending(std::int64_t fileId);
    void writeBlock(std::int64_t fileId, std::vector<EncodedFlow> &rows);
    void bindFile(Statement &statement, const SourceFileRow &row);

    sqlite3 *m_db;
    FlowBufferPool m_buffers; // before m_derived, whose gathering thread gives buffers back
    Statement m_insertBlock;
    // The records of the sort run being gathered, in the batches they came in.
    std::vector<std::vector<EncodedFlow>> m_pending;
    std::size_t m_pendingRecords = 0;
    std::int64_t m_nextBlock = 0;
    DerivedTablesWriter m_derived;
    Statement m_insertString;
    Statement m_insertInterface;
    Statement m_insertError;
};

} // namespace flowscope
