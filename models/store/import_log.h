// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case's import log, read back: every file imported (its provenance row),
// every input that could not be imported at all, and the rejected lines.
// What the import report view shows; read-only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

struct ImportedFile {
    std::string path;
    bool rejected = false; // not imported at all: `reason` says why
    std::string reason;
    std::uint64_t size = 0;
    std::string sha256;
    std::string delivery;
    std::string logFormat;
    std::uint64_t records = 0;
    std::uint64_t errors = 0;
    bool truncated = false;
    std::optional<std::int64_t> firstStart, lastEnd;
    std::int64_t importedAt = 0; // epoch seconds (for a rejected input: when it was logged)
};

struct ImportErrorEntry {
    std::string path;
    std::uint64_t line = 0; // 0: the error concerns the whole file
    std::string reason;
    std::int64_t loggedAt = 0;
};

// Imported files in import order, then the rejected inputs in log order.
std::vector<ImportedFile> importedFiles(CaseDb &caseDb);
// The first `limit` stored errors in log order (limit < 0: all of them).
std::vector<ImportErrorEntry> importErrors(CaseDb &caseDb, std::int64_t limit);
// How many errors the case stores (may be fewer than it counts: an import
// keeps at most ImportOptions::maxStoredErrorsPerFile per file).
std::uint64_t storedImportErrorCount(CaseDb &caseDb);

} // namespace flowscope
