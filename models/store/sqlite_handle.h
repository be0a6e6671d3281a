// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Thin RAII over SQLite's C API: statements, errors as exceptions, and
// transactions that roll back unless committed. Used only inside models/store.

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace flowscope {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binding: 1-based index like SQLite.
    void bindNull(int index);
    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text);   // copied (SQLITE_TRANSIENT)
    void bindStatic(int index, std::string_view text); // must outlive step()
    void bindBlobStatic(int index, const void *data, int size);
    void bindOptional(int index, bool present, std::int64_t value)
    {
        if (present)
            bind(index, value);
        else
            bindNull(index);
    }

    // Returns true while a row is available.
    bool step();
    void reset();
    void exec() { step(); reset(); }

    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    int columnType(int column) const { return sqlite3_column_type(m_stmt, column); }
    std::int64_t int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    std::string text(int column) const;
    std::string_view textView(int column) const;
    std::string_view blob(int column) const;

    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

// Runs SQL that returns no rows (may hold several statements).
void execSql(sqlite3 *db, std::string_view sql);
// A single integer from a query, or `fallback` when it yields no row or NULL.
std::int64_t queryInt(sqlite3 *db, std::string_view sql, std::int64_t fallback = 0);
[[noreturn]] void throwSqlite(sqlite3 *db, std::string_view what);

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit().
class Transaction {
public:
    explicit Transaction(sqlite3 *db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();
    void rollback();

private:
    sqlite3 *m_db;
    bool m_open = true;
};

} // namespace flowscope
