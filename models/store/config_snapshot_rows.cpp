// SPDX-License-Identifier: GPL-3.0-or-later
#include "config_snapshot_rows.h"

#include "case_db.h"
#include "sqlite_handle.h"

#include <zstd.h>

#include <map>

namespace flowscope {

namespace {

constexpr int kZstdLevel = 9; // small files, loaded once: spend the time on size

std::string compressed(const std::string &bytes)
{
    std::string out(ZSTD_compressBound(bytes.size()), '\0');
    const std::size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), kZstdLevel);
    if (ZSTD_isError(size))
        throw StoreError(std::string("cannot compress a configuration file: ") + ZSTD_getErrorName(size));
    out.resize(size);
    return out;
}

std::string decompressed(std::string_view data, std::int64_t size, const std::string &path)
{
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t got = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(got) || got != out.size())
        throw StoreError("the case's copy of configuration file '" + path + "' is damaged");
    return out;
}

std::string joinedLines(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : "\n") + item;
    return out;
}

std::vector<std::string> splitLines(std::string_view text)
{
    std::vector<std::string> items;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        items.emplace_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return items;
}

} // namespace

ConfigSnapshotRows::ConfigSnapshotRows(CaseDb &caseDb)
    : m_case(caseDb)
{
}

bool ConfigSnapshotRows::isAvailable() const
{
    return queryInt(m_case.handle(),
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'config_snapshot'")
        > 0;
}

std::vector<ConfigSnapshotRow> ConfigSnapshotRows::list(bool withBytes) const
{
    std::vector<ConfigSnapshotRow> snapshots;
    if (!isAvailable())
        return snapshots;
    std::map<std::int64_t, std::size_t> byId;
    Statement rows(m_case.handle(), "SELECT id, as_of, loaded_at, label FROM config_snapshot ORDER BY as_of, id");
    while (rows.step()) {
        byId[rows.int64(0)] = snapshots.size();
        snapshots.push_back({rows.int64(0), rows.int64(1), rows.int64(2), rows.text(3), {}});
    }
    Statement files(m_case.handle(), withBytes
                                         ? "SELECT snapshot, path, sha256, modified, documents, size, data"
                                           " FROM config_snapshot_file ORDER BY snapshot, position"
                                         : "SELECT snapshot, path, sha256, modified, documents"
                                           " FROM config_snapshot_file ORDER BY snapshot, position");
    while (files.step()) {
        const auto it = byId.find(files.int64(0));
        if (it == byId.end())
            continue;
        ConfigSnapshotFileRow file{files.text(1), files.text(2), files.int64(3), splitLines(files.textView(4)), {}};
        if (withBytes)
            file.bytes = decompressed(files.blob(6), files.int64(5), file.path);
        snapshots[it->second].files.push_back(std::move(file));
    }
    return snapshots;
}

std::int64_t ConfigSnapshotRows::insert(const ConfigSnapshotRow &snapshot)
{
    if (m_case.isReadOnly())
        throw StoreError("case '" + m_case.path().string() + "' is open read-only: a configuration snapshot cannot be stored in it");
    sqlite3 *db = m_case.handle();
    Transaction transaction(db);
    Statement row(db, "INSERT INTO config_snapshot(as_of, loaded_at, label) VALUES(?, ?, ?)");
    row.bind(1, snapshot.asOf);
    row.bind(2, snapshot.loadedAt);
    row.bind(3, snapshot.label);
    row.exec();
    const std::int64_t id = sqlite3_last_insert_rowid(db);
    Statement fileRow(db, "INSERT INTO config_snapshot_file(snapshot, position, path, sha256, modified, documents, size, data)"
                          " VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    std::int64_t position = 0;
    for (const ConfigSnapshotFileRow &file : snapshot.files) {
        const std::string data = compressed(file.bytes);
        fileRow.bind(1, id);
        fileRow.bind(2, position++);
        fileRow.bind(3, file.path);
        fileRow.bind(4, file.sha256);
        fileRow.bind(5, file.modified);
        fileRow.bind(6, joinedLines(file.documents));
        fileRow.bind(7, static_cast<std::int64_t>(file.bytes.size()));
        fileRow.bindBlobStatic(8, data.data(), static_cast<int>(data.size()));
        fileRow.exec();
    }
    transaction.commit();
    return id;
}

bool ConfigSnapshotRows::remove(std::int64_t id)
{
    if (m_case.isReadOnly())
        throw StoreError("case '" + m_case.path().string() + "' is open read-only: a configuration snapshot cannot be removed from it");
    if (!isAvailable())
        return false;
    sqlite3 *db = m_case.handle();
    Transaction transaction(db);
    Statement files(db, "DELETE FROM config_snapshot_file WHERE snapshot = ?");
    files.bind(1, id);
    files.exec();
    Statement row(db, "DELETE FROM config_snapshot WHERE id = ?");
    row.bind(1, id);
    row.exec();
    if (sqlite3_changes(db) == 0)
        return false; // the transaction rolls back: nothing was there
    transaction.commit();
    return true;
}

} // namespace flowscope
