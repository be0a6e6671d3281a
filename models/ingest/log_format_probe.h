// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether input needs the flow log's format string before it can be read:
// a file without a header line whose records do not have the default
// format's 14 fields. Looks at the first record that looks like one
// (flow_record_shape.h) among the first few lines (of any delivery: plain or
// gzip text, CloudWatch exports, JSON), so it is cheap; text with none asks
// for nothing, as no format string would read it.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace flowscope {

struct LogFormatProbe {
    bool needsFormat = false;
    std::string firstRecord; // the first record's text (empty when the file has none)
    std::size_t fields = 0;  // its number of fields
};

LogFormatProbe probeLogFormat(const std::filesystem::path &file);
inline bool needsLogFormat(const std::filesystem::path &file) { return probeLogFormat(file).needsFormat; }

// Over the files and folders an analyst gives (walked like an import).
struct LogFormatNeed {
    std::size_t files = 0;      // files that need a format string
    std::size_t filesSeen = 0;  // every file looked at
    std::string exampleFile;    // the first of them
    LogFormatProbe example;     // and what it starts with
    bool cancelled = false;
};

// `cancelled` is asked between files (may be empty).
LogFormatNeed findLogFormatNeed(const std::vector<std::filesystem::path> &inputs,
                                const std::function<bool()> &cancelled = {});

} // namespace flowscope
