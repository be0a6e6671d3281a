// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_summary.h"

#include "case_db.h"
#include "sqlite_handle.h"

namespace flowscope {

namespace {
std::vector<std::string> distinctInterfaceValues(sqlite3 *db, const char *column)
{
    std::vector<std::string> values;
    Statement statement(db, std::string("SELECT DISTINCT d.value FROM interface i JOIN dictionary d ON d.id = i.")
                                + column + " ORDER BY d.value");
    while (statement.step())
        values.push_back(statement.text(0));
    return values;
}
} // namespace

CaseSummary summarizeCase(CaseDb &caseDb)
{
    sqlite3 *db = caseDb.handle();
    CaseSummary summary;
    {
        Statement s(db, "SELECT count(*), coalesce(sum(records), 0), coalesce(sum(errors), 0), min(first_start),"
                        " max(last_end) FROM source_file");
        s.step();
        summary.files = static_cast<std::uint64_t>(s.int64(0));
        summary.records = static_cast<std::uint64_t>(s.int64(1));
        summary.errors = static_cast<std::uint64_t>(s.int64(2));
        if (!s.isNull(3))
            summary.firstStart = s.int64(3);
        if (!s.isNull(4))
            summary.lastEnd = s.int64(4);
    }
    summary.failedFiles = static_cast<std::uint64_t>(queryInt(db, "SELECT count(*) FROM import_error WHERE file_id IS NULL"));
    summary.errors += summary.failedFiles;
    {
        Statement s(db, "SELECT delivery, log_format, count(*), sum(records) FROM source_file"
                        " GROUP BY delivery, log_format ORDER BY sum(records) DESC");
        while (s.step())
            summary.formats.push_back({s.text(0), s.text(1), static_cast<std::uint64_t>(s.int64(2)),
                                       static_cast<std::uint64_t>(s.int64(3))});
    }
    summary.interfaces = static_cast<std::uint64_t>(
        queryInt(db, "SELECT count(DISTINCT interface_id) FROM interface"));
    summary.accounts = distinctInterfaceValues(db, "account_id");
    summary.regions = distinctInterfaceValues(db, "region");
    summary.schemaVersion = static_cast<int>(queryInt(db, "PRAGMA user_version"));
    return summary;
}

} // namespace flowscope
