// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rows of a case's IOC lists (tables ioc_list, ioc_list_file and
// ioc_indicator, see schema.cpp): written in bulk through prepared
// statements, read back a list at a time.

#include "format/ip_address.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace flowscope {

struct IocListRow {
    std::int64_t id = 0;
    std::string name;
    std::int64_t createdAt = 0; // Unix epoch milliseconds
    std::int64_t indicators = 0;
    std::int64_t files = 0;
};

struct IocListFileRow {
    std::string path, sha256;
    std::int64_t indicators = 0, errors = 0;
    std::int64_t addedAt = 0; // Unix epoch milliseconds
};

struct IocIndicatorRow {
    IpAddress low, high;
    std::optional<std::uint16_t> port;
    std::string indicator, label, source;
    std::optional<std::int64_t> firstSeen;
    std::int64_t file = 0; // position in the list's files
    std::int64_t line = 0;
};

// False for a case of a schema before IOC lists (opened read-only).
bool hasIocListTables(sqlite3 *db);
// By name.
std::vector<IocListRow> readIocLists(sqlite3 *db);
std::optional<IocListRow> readIocList(sqlite3 *db, const std::string &name);
std::vector<IocListFileRow> readIocListFiles(sqlite3 *db, std::int64_t list);
// In position order.
void readIocIndicators(sqlite3 *db, std::int64_t list, const std::function<void(const IocIndicatorRow &)> &fn);

std::int64_t insertIocList(sqlite3 *db, const std::string &name, std::int64_t createdAt);
// The file's position in the list.
std::int64_t insertIocListFile(sqlite3 *db, std::int64_t list, const IocListFileRow &file);

// Appends indicators to a list, numbering them on from its last; one
// prepared statement for all. Run inside a transaction.
class IocIndicatorWriter {
public:
    IocIndicatorWriter(sqlite3 *db, std::int64_t list);
    ~IocIndicatorWriter();
    IocIndicatorWriter(const IocIndicatorWriter &) = delete;
    IocIndicatorWriter &operator=(const IocIndicatorWriter &) = delete;
    void add(const IocIndicatorRow &row);

private:
    struct Statements;
    std::unique_ptr<Statements> m_statements;
    std::int64_t m_list;
    std::int64_t m_next;
};

// False when the case holds no list of that name.
bool deleteIocList(sqlite3 *db, const std::string &name);

} // namespace flowscope
