// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case's IOC lists: adding files to a list (created on first use), listing
// and removing lists. Adding is one transaction: a list of a million
// indicators is written through one prepared statement in seconds.

#include "ioc_list_parser.h"
#include "store/ioc_list_rows.h"

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

struct IocFileSummary {
    std::string path, sha256;
    IocFileFormat format = IocFileFormat::Text;
    std::int64_t indicators = 0; // kept from the file
    std::int64_t errors = 0;
};

struct IocAddResult {
    std::string list;
    bool created = false;
    bool stored = false;            // false: nothing written (bad name, cancelled, no file readable)
    std::string refusal;            // why nothing was written
    std::int64_t added = 0;         // indicators written
    std::int64_t duplicates = 0;    // indicators already in the list (or twice in the files), not written again
    std::vector<IocFileSummary> files;
    std::vector<IocParseError> errors; // every bad line, file and line
};

// Names as `@name` takes them: letters, digits, '_', '-', '.'; empty error when valid.
std::string iocListNameError(const std::string &name);

// Reads the files and adds their good indicators to the list `name`. A file
// that cannot be read is reported among the errors and the others are
// still added. `cancel`, when set, is polled between files and rows.
IocAddResult addIocFiles(CaseDb &caseDb, const std::string &name, const std::vector<std::filesystem::path> &paths,
                         const std::atomic_bool *cancel = nullptr);

std::vector<IocListRow> iocLists(CaseDb &caseDb);
// False when there is no such list.
bool removeIocList(CaseDb &caseDb, const std::string &name);

} // namespace flowscope::incident
