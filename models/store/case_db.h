// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One investigation case: a SQLite file (.flowcase) opened safely (WAL,
// defensive mode, untrusted schema), checked to be a case of a version this
// build understands, and migrated to the current schema.

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

namespace flowscope {

class CaseDb {
public:
    enum class Mode { ReadOnly, ReadWrite, CreateIfMissing };

    // Throws StoreError with a message naming the file when it is missing,
    // is not a case, was written by a newer Flowscope, or holds tables,
    // indexes, triggers or views Flowscope does not make (schema_check.h).
    static std::unique_ptr<CaseDb> open(const std::filesystem::path &path, Mode mode);
    ~CaseDb();
    CaseDb(const CaseDb &) = delete;
    CaseDb &operator=(const CaseDb &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::filesystem::path &path() const { return m_path; }
    bool wasCreated() const { return m_created; }
    bool isReadOnly() const { return m_readOnly; }

    // Rebuilds the record indexes if an interrupted bulk import left them out.
    void ensureIndexes();
    // Asks a running statement on this connection to stop (any thread).
    void interrupt();

private:
    CaseDb(std::filesystem::path path, sqlite3 *db, bool created, bool readOnly);
    void configure();

    std::filesystem::path m_path;
    sqlite3 *m_db;
    bool m_created;
    bool m_readOnly;
};

} // namespace flowscope
