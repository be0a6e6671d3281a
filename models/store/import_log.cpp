// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_log.h"

#include "case_db.h"
#include "sqlite_handle.h"

namespace flowscope {

namespace {
std::optional<std::int64_t> optionalInt(const Statement &statement, int column)
{
    if (statement.isNull(column))
        return std::nullopt;
    return statement.int64(column);
}

std::uint64_t unsignedInt(const Statement &statement, int column)
{
    return static_cast<std::uint64_t>(statement.int64(column));
}
} // namespace

std::vector<ImportedFile> importedFiles(CaseDb &caseDb)
{
    std::vector<ImportedFile> files;
    sqlite3 *db = caseDb.handle();
    {
        // A case of schema 3 opened read-only has no count of duplicates: none.
        const bool countsDuplicates = queryInt(db, "SELECT count(*) FROM pragma_table_info('source_file')"
                                                   " WHERE name = 'duplicate_records'") > 0;
        Statement s(db, std::string("SELECT path, size, sha256, delivery, log_format, records, errors, truncated,"
                                    " first_start, last_end, imported_at, ")
                            + (countsDuplicates ? "duplicate_records" : "0") + " FROM source_file ORDER BY id");
        while (s.step()) {
            ImportedFile file;
            file.path = s.text(0);
            file.size = unsignedInt(s, 1);
            file.sha256 = s.text(2);
            file.delivery = s.text(3);
            file.logFormat = s.text(4);
            file.records = unsignedInt(s, 5);
            file.errors = unsignedInt(s, 6);
            file.truncated = s.int64(7) != 0;
            file.firstStart = optionalInt(s, 8);
            file.lastEnd = optionalInt(s, 9);
            file.importedAt = s.int64(10);
            file.duplicateRecords = unsignedInt(s, 11);
            files.push_back(std::move(file));
        }
    }
    Statement s(db, "SELECT path, reason, logged_at FROM import_error WHERE file_id IS NULL ORDER BY id");
    while (s.step()) {
        ImportedFile file;
        file.path = s.text(0);
        file.rejected = true;
        file.reason = s.text(1);
        file.errors = 1;
        file.importedAt = s.int64(2);
        files.push_back(std::move(file));
    }
    return files;
}

std::vector<ImportErrorEntry> importErrors(CaseDb &caseDb, std::int64_t limit)
{
    std::vector<ImportErrorEntry> errors;
    Statement s(caseDb.handle(), "SELECT path, line, reason, logged_at FROM import_error ORDER BY id LIMIT ?");
    s.bind(1, limit);
    while (s.step())
        errors.push_back({s.text(0), s.isNull(1) ? 0 : unsignedInt(s, 1), s.text(2), s.int64(3)});
    return errors;
}

std::uint64_t storedImportErrorCount(CaseDb &caseDb)
{
    return static_cast<std::uint64_t>(queryInt(caseDb.handle(), "SELECT count(*) FROM import_error"));
}

} // namespace flowscope
