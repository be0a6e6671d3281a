// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case's import log, read back: every file imported (its provenance row),
// every input that could not be imported at all, and the rejected lines.
// What the import report view shows; read-only.

#include "source_file_row.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

struct ImportedFile : SourceFileRow {
    bool rejected = false; // not imported at all: `reason` says why, importedAt when it was logged
    std::string reason;
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
