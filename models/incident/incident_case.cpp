// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_case.h"

#include "store/block_codec.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
#include <cctype>
#include <chrono>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace flowscope::incident {

bool incidentTablesExist(CaseDb &caseDb)
{
    return queryInt(caseDb.handle(),
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'incident_record'")
        > 0;
}

void requireIncidentWritable(CaseDb &caseDb)
{
    if (caseDb.isReadOnly())
        throw StoreError("case '" + caseDb.path().string()
                         + "' is open read-only: stars, tags and notes cannot be changed in it");
    if (!incidentTablesExist(caseDb))
        throw StoreError("case '" + caseDb.path().string() + "' predates stars, tags and notes: open it for writing to upgrade it");
}

bool recordExists(CaseDb &caseDb, std::int64_t record)
{
    if (record < 0)
        return false;
    Statement statement(caseDb.handle(), "SELECT records FROM flow_block WHERE id = ?");
    statement.bind(1, record >> kBlockShift);
    if (!statement.step())
        return false;
    return (record & ((std::int64_t{1} << kBlockShift) - 1)) < statement.int64(0);
}

void requireRecord(CaseDb &caseDb, std::int64_t record)
{
    if (!recordExists(caseDb, record))
        throw StoreError("no record with id " + std::to_string(record) + " in case '" + caseDb.path().string() + "'");
}

std::string normalizedTag(std::string_view tag)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!tag.empty() && isSpace(tag.front()))
        tag.remove_prefix(1);
    while (!tag.empty() && isSpace(tag.back()))
        tag.remove_suffix(1);
    if (tag.empty())
        throw StoreError("a tag cannot be empty");
    std::string out;
    out.reserve(tag.size());
    for (const char c : tag) {
        const auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u) && c != '-' && c != '_' && c != '.' && c != ':' && c != '/')
            throw StoreError("tag '" + std::string(tag)
                             + "' holds a character other than letters, digits and - _ . : /");
        out.push_back(static_cast<char>(std::tolower(u)));
    }
    return out;
}

std::vector<std::string> normalizedTags(const std::vector<std::string> &tags)
{
    std::vector<std::string> out;
    out.reserve(tags.size());
    for (const std::string &tag : tags)
        out.push_back(normalizedTag(tag));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string defaultAuthor()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QByteArray value = qgetenv(name);
        if (!value.isEmpty())
            return value.toStdString();
    }
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(getuid()); entry && entry->pw_name && *entry->pw_name)
        return entry->pw_name;
#endif
    return "analyst";
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace flowscope::incident
