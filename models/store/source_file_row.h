// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The provenance of one imported file, as the case keeps it.

#include <cstdint>
#include <optional>
#include <string>

namespace flowscope {

struct SourceFileRow {
    std::string path;
    std::uint64_t size = 0;
    std::string sha256;
    std::string delivery;
    std::string logFormat;
    std::uint64_t records = 0;          // stored
    std::uint64_t duplicateRecords = 0; // read but not stored: other files held them
    std::uint64_t errors = 0;
    bool truncated = false;
    std::optional<std::int64_t> firstStart, lastEnd, maxDuration;
    std::int64_t importedAt = 0;
};

} // namespace flowscope
