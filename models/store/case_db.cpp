// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_db.h"

#include "schema.h"
#include "schema_check.h"
#include "sqlite_handle.h"

#include <cstring>
#include <fstream>

namespace flowscope {

namespace {

// The 16-byte header every SQLite 3 database starts with.
bool hasSqliteHeader(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

std::string quotedPath(const std::filesystem::path &path) { return "'" + path.string() + "'"; }

// A write killed while the case had a rollback journal (an import into a new
// case, fresh_case_journal.h) leaves that journal hot: SQLite rolls the
// unfinished transaction back at the next read, which a read-only connection
// cannot do. A connection that may write reads once first. A journal of a
// writer still at work is not hot and is left alone; on failure the
// read-only open that follows says what is wrong.
void rollBackHotJournal(const std::filesystem::path &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path.string() + "-journal", ec))
        return;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    }
    sqlite3_close_v2(db);
}

} // namespace

CaseDb::CaseDb(std::filesystem::path path, sqlite3 *db, bool created, bool readOnly)
    : m_path(std::move(path))
    , m_db(db)
    , m_created(created)
    , m_readOnly(readOnly)
{
}

CaseDb::~CaseDb() { sqlite3_close_v2(m_db); }

std::unique_ptr<CaseDb> CaseDb::open(const std::filesystem::path &path, Mode mode)
{
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && mode != Mode::CreateIfMissing)
        throw StoreError("case " + quotedPath(path) + " does not exist");
    if (exists) {
        if (!std::filesystem::is_regular_file(path, ec))
            throw StoreError(quotedPath(path) + " is not a case file (not a regular file)");
        if (!hasSqliteHeader(path))
            throw StoreError(quotedPath(path) + " is not a Flowscope case (not an SQLite database)");
    }

    const bool readOnly = mode == Mode::ReadOnly;
    if (readOnly)
        rollBackHotJournal(path);
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (!exists)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw StoreError("cannot open case " + quotedPath(path) + ": " + message);
    }
    std::unique_ptr<CaseDb> caseDb(new CaseDb(path, db, !exists, readOnly));
    caseDb->configure();
    return caseDb;
}

void CaseDb::configure()
{
    // Defensive: no writes to the schema through SQL; untrusted schema: no
    // functions with side effects called from views or triggers in the file.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);

    const std::int64_t applicationId = queryInt(m_db, "PRAGMA application_id");
    const std::int64_t version = queryInt(m_db, "PRAGMA user_version");
    const std::int64_t tables = queryInt(m_db, "SELECT count(*) FROM sqlite_schema");
    if (!m_created && (applicationId != kCaseApplicationId || tables == 0))
        throw StoreError(quotedPath(m_path) + " is not a Flowscope case (an SQLite database of another program)");
    if (version > currentSchemaVersion())
        throw StoreError("case " + quotedPath(m_path) + " was written by a newer Flowscope (case format "
                         + std::to_string(version) + ", this version reads up to "
                         + std::to_string(currentSchemaVersion()) + ")");
    // Before any statement could fire a trigger planted in the file.
    if (!m_created)
        checkCaseSchema(m_db, static_cast<int>(version), quotedPath(m_path));

    execSql(m_db, "PRAGMA foreign_keys = ON");
    // Readers go through record blocks once (and keep what they decoded
    // themselves): a small page cache is recycled where a large one would
    // take fresh memory for every page read. Writers keep their B-trees.
    execSql(m_db, m_readOnly ? "PRAGMA cache_size = -8192" : "PRAGMA cache_size = -65536");
    execSql(m_db, "PRAGMA temp_store = FILE");
    if (m_readOnly)
        return;
    execSql(m_db, "PRAGMA journal_mode = WAL");
    execSql(m_db, "PRAGMA synchronous = NORMAL");
    if (version < currentSchemaVersion()) {
        Transaction transaction(m_db);
        migrateSchema(m_db, static_cast<int>(version));
        transaction.commit();
    }
    ensureIndexes();
}

void CaseDb::ensureIndexes()
{
    if (m_readOnly || flowIndexesComplete(m_db))
        return;
    Transaction transaction(m_db);
    createFlowIndexes(m_db);
    transaction.commit();
}

void CaseDb::interrupt() { sqlite3_interrupt(m_db); }

} // namespace flowscope
