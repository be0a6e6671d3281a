// SPDX-License-Identifier: GPL-3.0-or-later
#include "saved_filters.h"

#include "case_db.h"
#include "sqlite_handle.h"

#include <chrono>

namespace flowscope {

namespace {

std::string_view trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

} // namespace

SavedFilters::SavedFilters(CaseDb &caseDb)
    : m_case(caseDb)
{
}

bool SavedFilters::isAvailable() const
{
    return queryInt(m_case.handle(),
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'saved_filter'")
        > 0;
}

std::vector<SavedFilter> SavedFilters::list() const
{
    std::vector<SavedFilter> filters;
    if (!isAvailable())
        return filters;
    Statement statement(m_case.handle(),
                        "SELECT name, expression, created_at FROM saved_filter ORDER BY name COLLATE NOCASE, name");
    while (statement.step())
        filters.push_back({statement.text(0), statement.text(1), statement.int64(2)});
    return filters;
}

void SavedFilters::requireWritable() const
{
    if (m_case.isReadOnly())
        throw StoreError("case '" + m_case.path().string() + "' is open read-only: filters cannot be saved in it");
}

void SavedFilters::save(std::string_view name, std::string_view expression)
{
    const std::string_view key = trimmed(name);
    if (key.empty())
        throw StoreError("a saved filter needs a name");
    requireWritable();
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    Statement statement(m_case.handle(),
                        "INSERT INTO saved_filter(name, expression, created_at) VALUES(?, ?, ?)"
                        " ON CONFLICT(name) DO UPDATE SET expression = excluded.expression,"
                        " created_at = excluded.created_at");
    statement.bind(1, key);
    statement.bind(2, expression);
    statement.bind(3, static_cast<std::int64_t>(now));
    statement.exec();
}

bool SavedFilters::remove(std::string_view name)
{
    requireWritable();
    Statement statement(m_case.handle(), "DELETE FROM saved_filter WHERE name = ?");
    statement.bind(1, trimmed(name));
    statement.exec();
    return sqlite3_changes(m_case.handle()) > 0;
}

} // namespace flowscope
