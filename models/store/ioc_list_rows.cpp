// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_list_rows.h"

#include "sqlite_handle.h"
#include "stored_address.h"

namespace flowscope {

namespace {

void bindAddress(Statement &statement, int index, const IpAddress &address)
{
    if (address.isV4())
        statement.bind(index, storedIpv4(address.v4()));
    else
        statement.bindBlobStatic(index, address.bytes.data(), 16);
}

IpAddress addressAt(const Statement &statement, int column)
{
    if (statement.isNull(column))
        return {};
    const std::string_view blob = statement.blob(column);
    if (blob.size() == 16)
        return *ipv6FromStored(blob);
    return ipv4FromStored(statement.int64(column));
}

constexpr const char *kListColumns
    = "SELECT l.id, l.name, l.created_at,"
      " (SELECT count(*) FROM ioc_indicator i WHERE i.list = l.id),"
      " (SELECT count(*) FROM ioc_list_file f WHERE f.list = l.id) FROM ioc_list l";

IocListRow listRow(const Statement &s) { return {s.int64(0), s.text(1), s.int64(2), s.int64(3), s.int64(4)}; }

} // namespace

bool hasIocListTables(sqlite3 *db)
{
    return queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'ioc_indicator'") > 0;
}

std::vector<IocListRow> readIocLists(sqlite3 *db)
{
    std::vector<IocListRow> lists;
    if (!hasIocListTables(db))
        return lists;
    Statement statement(db, (std::string(kListColumns) + " ORDER BY l.name").c_str());
    while (statement.step())
        lists.push_back(listRow(statement));
    return lists;
}

std::optional<IocListRow> readIocList(sqlite3 *db, const std::string &name)
{
    if (!hasIocListTables(db))
        return std::nullopt;
    Statement statement(db, (std::string(kListColumns) + " WHERE l.name = ?").c_str());
    statement.bind(1, std::string_view(name));
    if (!statement.step())
        return std::nullopt;
    return listRow(statement);
}

std::vector<IocListFileRow> readIocListFiles(sqlite3 *db, std::int64_t list)
{
    std::vector<IocListFileRow> files;
    Statement statement(db, "SELECT path, sha256, indicators, errors, added_at FROM ioc_list_file WHERE list = ?"
                            " ORDER BY position");
    statement.bind(1, list);
    while (statement.step())
        files.push_back({statement.text(0), statement.text(1), statement.int64(2), statement.int64(3), statement.int64(4)});
    return files;
}

void readIocIndicators(sqlite3 *db, std::int64_t list, const std::function<void(const IocIndicatorRow &)> &fn)
{
    Statement statement(db, "SELECT low, high, port, indicator, label, source, first_seen, file, line"
                            " FROM ioc_indicator WHERE list = ? ORDER BY position");
    statement.bind(1, list);
    IocIndicatorRow row;
    while (statement.step()) {
        row.low = addressAt(statement, 0);
        row.high = addressAt(statement, 1);
        row.port = statement.isNull(2) ? std::nullopt : std::optional<std::uint16_t>(static_cast<std::uint16_t>(statement.int64(2)));
        row.indicator = statement.text(3);
        row.label = statement.text(4);
        row.source = statement.text(5);
        row.firstSeen = statement.isNull(6) ? std::nullopt : std::optional<std::int64_t>(statement.int64(6));
        row.file = statement.int64(7);
        row.line = statement.int64(8);
        fn(row);
    }
}

std::int64_t insertIocList(sqlite3 *db, const std::string &name, std::int64_t createdAt)
{
    Statement statement(db, "INSERT INTO ioc_list(name, created_at) VALUES(?, ?)");
    statement.bind(1, std::string_view(name));
    statement.bind(2, createdAt);
    statement.exec();
    return queryInt(db, "SELECT last_insert_rowid()");
}

std::int64_t insertIocListFile(sqlite3 *db, std::int64_t list, const IocListFileRow &file)
{
    Statement next(db, "SELECT coalesce(max(position) + 1, 0) FROM ioc_list_file WHERE list = ?");
    next.bind(1, list);
    next.step();
    const std::int64_t position = next.int64(0);
    Statement statement(db, "INSERT INTO ioc_list_file(list, position, path, sha256, indicators, errors, added_at)"
                            " VALUES(?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, list);
    statement.bind(2, position);
    statement.bind(3, std::string_view(file.path));
    statement.bind(4, std::string_view(file.sha256));
    statement.bind(5, file.indicators);
    statement.bind(6, file.errors);
    statement.bind(7, file.addedAt);
    statement.exec();
    return position;
}

struct IocIndicatorWriter::Statements {
    explicit Statements(sqlite3 *db)
        : insert(db, "INSERT INTO ioc_indicator(list, position, low, high, port, indicator, label, source, first_seen,"
                     " file, line) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    {
    }
    Statement insert;
};

IocIndicatorWriter::IocIndicatorWriter(sqlite3 *db, std::int64_t list)
    : m_statements(std::make_unique<Statements>(db))
    , m_list(list)
{
    Statement next(db, "SELECT coalesce(max(position) + 1, 0) FROM ioc_indicator WHERE list = ?");
    next.bind(1, list);
    next.step();
    m_next = next.int64(0);
}

IocIndicatorWriter::~IocIndicatorWriter() = default;

void IocIndicatorWriter::add(const IocIndicatorRow &row)
{
    Statement &s = m_statements->insert;
    s.bind(1, m_list);
    s.bind(2, m_next++);
    bindAddress(s, 3, row.low);
    bindAddress(s, 4, row.high);
    s.bindOptional(5, row.port.has_value(), row.port.value_or(0));
    s.bindStatic(6, row.indicator);
    s.bindStatic(7, row.label);
    s.bindStatic(8, row.source);
    s.bindOptional(9, row.firstSeen.has_value(), row.firstSeen.value_or(0));
    s.bind(10, row.file);
    s.bind(11, row.line);
    s.exec();
}

bool deleteIocList(sqlite3 *db, const std::string &name)
{
    const auto list = readIocList(db, name);
    if (!list)
        return false;
    for (const char *sql : {"DELETE FROM ioc_indicator WHERE list = ?", "DELETE FROM ioc_list_file WHERE list = ?",
                            "DELETE FROM ioc_list WHERE id = ?"}) {
        Statement statement(db, sql);
        statement.bind(1, list->id);
        statement.exec();
    }
    return true;
}

} // namespace flowscope
