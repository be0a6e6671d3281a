// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a case holds, at a glance: read from provenance and dictionaries, so it
// is instant whatever the number of records.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

struct FormatCount {
    std::string delivery;
    std::string logFormat;
    std::uint64_t files = 0;
    std::uint64_t records = 0;
};

struct CaseSummary {
    std::uint64_t records = 0;
    std::uint64_t files = 0;
    std::uint64_t failedFiles = 0;
    std::uint64_t errors = 0; // rejected lines and files
    std::optional<std::int64_t> firstStart, lastEnd;
    std::vector<FormatCount> formats;
    std::uint64_t interfaces = 0; // distinct ENIs
    std::vector<std::string> accounts;
    std::vector<std::string> regions;
    int schemaVersion = 0;
};

CaseSummary summarizeCase(CaseDb &caseDb);

} // namespace flowscope
