// SPDX-License-Identifier: GPL-3.0-or-later
#include "file_removal.h"

#include "block_codec.h"
#include "block_posting_editor.h"
#include "derived_tables.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <unordered_set>

namespace flowscope {

namespace {

bool isSha256(const std::string &text)
{
    return text.size() == 64
        && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

bool isDecimal(const std::string &text)
{
    return !text.empty() && text.size() < 19
        && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

std::optional<CaseFileRef> fileWhere(sqlite3 *db, const char *condition, const auto &value)
{
    Statement s(db, std::string("SELECT id, path, sha256, records FROM source_file WHERE ") + condition);
    s.bind(1, value);
    if (!s.step())
        return std::nullopt;
    return CaseFileRef{s.int64(0), s.text(1), s.text(2), static_cast<std::uint64_t>(s.int64(3))};
}

std::uint64_t changed(sqlite3 *db, const std::string &sql, std::int64_t fileId)
{
    Statement s(db, sql);
    s.bind(1, fileId);
    s.exec();
    return static_cast<std::uint64_t>(sqlite3_changes(db));
}

// A removed file in the meta table: the key names its hash, the value holds
// "first-start<TAB>last-end<TAB>records<TAB>removed-at<TAB>path", a time
// empty when unknown (the path last: it may hold anything but a line end).
constexpr std::string_view kRemovedKey = "removed-file/";

std::string optionalNumber(const std::optional<std::int64_t> &value)
{
    return value ? std::to_string(*value) : std::string();
}

std::optional<std::int64_t> numberOr(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    try {
        return std::stoll(text);
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

void rememberRemoval(sqlite3 *db, std::int64_t fileId)
{
    Statement file(db, "SELECT sha256, first_start, last_end, records, path FROM source_file WHERE id = ?");
    file.bind(1, fileId);
    if (!file.step())
        return;
    const auto optional = [&](int column) {
        return file.isNull(column) ? std::optional<std::int64_t>() : std::optional(file.int64(column));
    };
    const std::string value = optionalNumber(optional(1)) + '\t' + optionalNumber(optional(2)) + '\t'
        + std::to_string(file.int64(3)) + '\t' + std::to_string(std::time(nullptr)) + '\t' + file.text(4);
    Statement insert(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    const std::string key = std::string(kRemovedKey) + file.text(0);
    insert.bind(1, std::string_view(key));
    insert.bind(2, std::string_view(value));
    insert.exec();
}

// Records of the file's blocks, by id (block << 12 | slot).
constexpr const char *kOfFileRecords = " >> 12 IN (SELECT id FROM flow_block WHERE file_id = ?1)";

// Interface contexts are numbered 1..N (dictionaries.h). Those only the
// removed blocks held are dropped (the filter's completion would offer them
// and the case would count their ENIs), the rest renumbered in order and
// the blocks holding a renumbered one written again; the block indexes,
// still those from before the removal, say which blocks hold which.
void compactInterfaces(sqlite3 *db)
{
    std::unordered_set<std::int64_t> remaining;
    Statement blocks(db, "SELECT id FROM flow_block");
    while (blocks.step())
        remaining.insert(blocks.int64(0));
    std::vector<std::int64_t> ids;
    Statement list(db, "SELECT id FROM interface ORDER BY id");
    while (list.step())
        ids.push_back(list.int64(0));
    BlockPostingEditor postings(db, kInterfacePostings);
    std::map<std::int64_t, std::int64_t> renumbered; // old id -> new, for the ids that move
    std::unordered_set<std::int64_t> rewrite;
    std::vector<std::int64_t> dropped;
    std::int64_t next = 1;
    for (const std::int64_t id : ids) {
        std::vector<std::int64_t> held = postings.blocksOf(id);
        std::erase_if(held, [&](std::int64_t block) { return !remaining.count(block); });
        if (held.empty()) {
            dropped.push_back(id);
            continue;
        }
        if (id != next) {
            renumbered[id] = next;
            rewrite.insert(held.begin(), held.end());
        }
        ++next;
    }
    if (dropped.empty())
        return;
    Statement read(db, "SELECT data FROM flow_block WHERE id = ?");
    Statement write(db, "UPDATE flow_block SET data = ? WHERE id = ?");
    for (const std::int64_t block : rewrite) {
        read.bind(1, block);
        if (!read.step())
            throw StoreError("record block " + std::to_string(block) + " is missing");
        std::vector<EncodedFlow> rows = decodeBlock(read.blob(0));
        read.reset();
        for (EncodedFlow &flow : rows)
            if (const auto moved = renumbered.find(flow.interface); moved != renumbered.end())
                flow.interface = static_cast<std::uint32_t>(moved->second);
        const std::string data = encodeBlock(rows); // same order: by start, then line
        write.bindBlobStatic(1, data.data(), static_cast<int>(data.size()));
        write.bind(2, block);
        write.exec();
    }
    Statement drop(db, "DELETE FROM interface WHERE id = ?");
    for (const std::int64_t id : dropped) {
        drop.bind(1, id);
        drop.exec();
    }
    // In increasing order each new id is free when its row moves there.
    Statement move(db, "UPDATE interface SET id = ? WHERE id = ?");
    for (const auto &[from, to] : renumbered) {
        move.bind(1, to);
        move.bind(2, from);
        move.exec();
    }
}

} // namespace

std::vector<RemovedFile> removedFiles(sqlite3 *db)
{
    std::vector<RemovedFile> files;
    Statement list(db, "SELECT substr(key, ?1), value FROM meta WHERE substr(key, 1, ?2) = ?3"
                       " AND substr(key, ?1) NOT IN (SELECT sha256 FROM source_file)");
    list.bind(1, static_cast<std::int64_t>(kRemovedKey.size() + 1));
    list.bind(2, static_cast<std::int64_t>(kRemovedKey.size()));
    list.bind(3, kRemovedKey);
    while (list.step()) {
        std::vector<std::string> parts;
        std::string value = list.text(1);
        for (int i = 0; i < 4; ++i) {
            const auto tab = value.find('\t');
            if (tab == std::string::npos)
                break;
            parts.push_back(value.substr(0, tab));
            value.erase(0, tab + 1);
        }
        if (parts.size() < 4)
            continue; // not written by this version: nothing to show
        RemovedFile file;
        file.sha256 = list.text(0);
        file.firstStart = numberOr(parts[0]);
        file.lastEnd = numberOr(parts[1]);
        file.records = static_cast<std::uint64_t>(numberOr(parts[2]).value_or(0));
        file.removedAt = numberOr(parts[3]).value_or(0);
        file.path = value;
        files.push_back(std::move(file));
    }
    std::sort(files.begin(), files.end(), [](const RemovedFile &a, const RemovedFile &b) {
        return std::pair(a.firstStart.value_or(0), a.path) < std::pair(b.firstStart.value_or(0), b.path);
    });
    return files;
}

std::optional<CaseFileRef> findCaseFile(sqlite3 *db, const std::string &idOrSha256)
{
    if (isSha256(idOrSha256)) {
        const std::string sha256 = lowered(idOrSha256); // stored in lower case
        return fileWhere(db, "sha256 = ?", std::string_view(sha256));
    }
    if (isDecimal(idOrSha256))
        return fileWhere(db, "id = ?", static_cast<std::int64_t>(std::stoll(idOrSha256)));
    return std::nullopt;
}

std::string fileRemovalObstacle(sqlite3 *db, const CaseFileRef &file)
{
    const std::int64_t own = [&] {
        Statement s(db, "SELECT duplicate_records FROM source_file WHERE id = ?");
        s.bind(1, file.id);
        return s.step() ? s.int64(0) : 0;
    }();
    if (own > 0)
        return std::to_string(own) + " of its records are stored as records of files imported before it"
               " (duplicates), and a richer copy may have replaced them; the case cannot tell them apart again";
    Statement later(db, "SELECT path, duplicate_records FROM source_file WHERE id > ? AND duplicate_records > 0"
                        " ORDER BY id LIMIT 1");
    later.bind(1, file.id);
    if (later.step())
        return later.text(0) + ", imported after it, had " + std::to_string(later.int64(1))
               + " duplicate records that may be stored only as records of this file";
    return {};
}

FileRemovalResult removeFileFromCase(sqlite3 *db, std::int64_t fileId)
{
    const std::optional<CaseFileRef> file = fileWhere(db, "id = ?", fileId);
    if (!file)
        throw StoreError("the case holds no imported file with id " + std::to_string(fileId));
    if (const std::string obstacle = fileRemovalObstacle(db, *file); !obstacle.empty())
        throw FileRemovalRefused(file->path + ": not removed: " + obstacle);

    FileRemovalResult result;
    result.file = *file;
    // The analyst's marks on the file's records go with them.
    result.notes = changed(db, std::string("DELETE FROM incident_note WHERE record") + kOfFileRecords, fileId);
    execSql(db, "DELETE FROM note_tag WHERE note NOT IN (SELECT id FROM incident_note)");
    result.markedRecords = changed(db, std::string("DELETE FROM incident_record WHERE record") + kOfFileRecords, fileId);
    changed(db, std::string("DELETE FROM record_tag WHERE record") + kOfFileRecords, fileId);
    result.blocks = changed(db, "DELETE FROM flow_block WHERE file_id = ?", fileId);
    result.importErrors = changed(db, "DELETE FROM import_error WHERE file_id = ?", fileId);
    rememberRemoval(db, fileId);
    changed(db, "DELETE FROM source_file WHERE id = ?", fileId);
    // Findings counted the file's records too.
    result.detectionRuns = static_cast<std::uint64_t>(queryInt(db, "SELECT count(*) FROM detection_run"));
    execSql(db, "DELETE FROM finding; DELETE FROM detection_run");
    // So did the last IOC hunt's hits (incident/ioc_hunt_store.h).
    execSql(db, "DELETE FROM ioc_hunt_hit; DELETE FROM ioc_hunt");
    compactInterfaces(db);
    rebuildDerivedTables(db);
    return result;
}

} // namespace flowscope
