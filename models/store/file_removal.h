// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Takes one imported file back out of a case (evidence poured into the wrong
// case): its records, its blocks and their index entries, its import errors,
// the stars, tags and notes of its records, and everything derived from the
// records, in the caller's transaction. The case afterwards holds what a case
// that never imported the file holds (record ids aside: blocks keep theirs).
//
// Blocks are per file: the writer cuts a file's records into blocks of its
// own (flow_writer.h), so the file's blocks are dropped whole, never
// rewritten. The derived tables (block indexes, rollups, totals, coverage
// gaps, graph totals) are rebuilt from the remaining blocks: a sum cannot be
// taken apart again where a record was counted in a share of a minute. The
// stored detections are dropped (a finding counts records of every file the
// run read): detectors have to run again.
//
// The case remembers what was removed (in its meta table, so the schema stays
// as it is): the file's path, hash, records and time span, so that the
// timeline can mark the hole the removal left rather than show silence. A
// file imported again fills its hole and is no longer listed.
//
// Refused when the file shares records with other files of the case: its
// duplicates stand as records of another file (possibly replaced in place by
// its richer copies, see record_replacement.h), or a file imported later had
// duplicates that may stand only as this file's records. Neither can be
// undone from the case alone.

#include "sqlite_handle.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowscope {

struct CaseFileRef {
    std::int64_t id = 0;
    std::string path;
    std::string sha256;
    std::uint64_t records = 0;
};

struct FileRemovalResult {
    CaseFileRef file;
    std::uint64_t blocks = 0;
    std::uint64_t importErrors = 0;
    std::uint64_t markedRecords = 0; // starred or tagged
    std::uint64_t notes = 0;
    std::uint64_t detectionRuns = 0;
};

class FileRemovalRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The imported file by its id (decimal) or its SHA-256 (64 hex digits, any
// case); nullopt when the case holds no such file.
std::optional<CaseFileRef> findCaseFile(sqlite3 *db, const std::string &idOrSha256);
// Why the file cannot be removed exactly (empty: it can).
std::string fileRemovalObstacle(sqlite3 *db, const CaseFileRef &file);
struct RemovedFile {
    std::string path;
    std::string sha256;
    std::uint64_t records = 0;
    std::optional<std::int64_t> firstStart, lastEnd; // none when no record had a time
    std::int64_t removedAt = 0;
};

// The files removed from the case and not imported again, by first start.
std::vector<RemovedFile> removedFiles(sqlite3 *db);

// Removes the file inside the caller's transaction. Throws
// FileRemovalRefused with fileRemovalObstacle()'s reason, StoreError when
// the file is not in the case.
FileRemovalResult removeFileFromCase(sqlite3 *db, std::int64_t fileId);

} // namespace flowscope
