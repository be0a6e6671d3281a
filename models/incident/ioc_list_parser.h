// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads IOC list files: plain text (one indicator a line, `#` comments and
// blank lines) or CSV with a header naming an `indicator` column and
// optionally `label`, `source` and `first_seen`. A bad line is reported with
// its file, line and reason and the good ones are kept.

#include "csv_record_reader.h"
#include "query/ioc_indicators.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace flowscope::incident {

enum class IocFileFormat { Text, Csv };

struct IocEntry {
    IocIndicator indicator;
    std::string text; // as written
    std::string label, source;
    std::optional<std::int64_t> firstSeen; // Unix epoch seconds
    std::uint64_t line = 0;
};

struct IocParseError {
    std::string file;
    std::uint64_t line = 0; // 0: the whole file
    std::string reason;
    // "bad.txt:3: reason", or "bad.txt: reason"
    std::string toString() const;
};

struct IocFileParse {
    std::string path;
    std::string sha256; // of the file's bytes as stored (compressed or not)
    IocFileFormat format = IocFileFormat::Text;
    std::vector<IocEntry> entries;
    std::vector<IocParseError> errors;
    bool unreadable = false; // the file could not be read at all (errors says why)
};

// Parses lines as `format`, or, unset, as CSV when the file name ends in
// .csv (.csv.gz) or the first line that is neither blank nor a comment is a
// header naming an `indicator` column.
IocFileParse parseIocLines(const std::string &file, const LineSource &lines,
                           std::optional<IocFileFormat> format = std::nullopt);

// Reads a file (plain or gzip-compressed) with bounded memory.
IocFileParse parseIocFile(const std::filesystem::path &path);

} // namespace flowscope::incident
