// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Imports files and folders into a case. Each file is one transaction: a
// failure, a cancel or a kill at any moment leaves the case as it was before
// that file. A file already in the case (same SHA-256) is skipped, and so is
// each record another file of the case already holds (see ImportOptions).
// Decoding runs on a second thread while this one writes to SQLite.

#include "import_report.h"
#include "format/log_format.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace flowscope {

class CaseDb;

struct ImportOptions {
    // The flow log's format for input without a header (CloudWatch, Firehose).
    std::optional<LogFormat> logFormat;
    // Which headerless files logFormat is for: all of them, or only those
    // whose records are not in the default format (needsLogFormat(), see
    // log_format_probe.h), so one import can mix both, as a folder often does.
    enum class LogFormatScope { EveryHeaderlessFile, FilesNeedingIt };
    LogFormatScope logFormatScope = LogFormatScope::EveryHeaderlessFile;
    // Store every record, even those other files of the case already hold
    // (see stored_duplicates.h); they are counted as duplicates otherwise.
    bool keepDuplicates = false;
    // Errors stored in the case per file; the count is always exact.
    std::size_t maxStoredErrorsPerFile = 10000;
};

class CaseImporter {
public:
    explicit CaseImporter(CaseDb &caseDb);
    ~CaseImporter();

    ImportReport run(const std::vector<std::filesystem::path> &inputs, const ImportOptions &options,
                     ImportObserver *observer = nullptr);

private:
    class Impl;
    CaseDb &m_case;
};

} // namespace flowscope
