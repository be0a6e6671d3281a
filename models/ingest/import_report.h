// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an import did, file by file and line by line.

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {

struct ImportIssue {
    std::string file;
    std::uint64_t line = 0; // 0: the issue concerns the whole file; a CloudTrail file's item in Records
    std::string reason;
};

enum class FileOutcome { Imported, Duplicate, Failed, Cancelled };

struct FileResult {
    std::string path;
    FileOutcome outcome = FileOutcome::Failed;
    std::string delivery;
    std::string logFormat;
    std::string sha256;
    std::uint64_t records = 0; // stored
    std::uint64_t duplicateRecords = 0; // records other files of the case already held
    std::uint64_t errors = 0;
    std::string duplicateOf; // Duplicate: the path imported before
    // CloudTrail files: the network events stored, those the case already
    // held (delivered twice), and the events that touch nothing of the network.
    std::uint64_t events = 0;
    std::uint64_t duplicateEvents = 0;
    std::uint64_t skippedEvents = 0;
};

struct ImportReport {
    std::uint64_t files = 0;   // imported
    std::uint64_t records = 0; // imported
    std::uint64_t duplicateRecords = 0; // not stored again: other files held them
    std::uint64_t skippedDuplicateFiles = 0;
    std::uint64_t failedFiles = 0;
    std::uint64_t errorCount = 0; // every rejected line and file
    std::uint64_t cloudTrailEvents = 0; // network events stored from CloudTrail files
    std::uint64_t skippedEvents = 0;    // CloudTrail events that touch nothing of the network
    bool cancelled = false;
    std::vector<ImportIssue> errors; // the first kMaxReportedErrors of them
    std::vector<FileResult> fileResults;

    static constexpr std::size_t kMaxReportedErrors = 10000;
    bool hasRejections() const { return errorCount > 0 || failedFiles > 0; }
};

struct ImportProgress {
    std::size_t fileIndex = 0; // 0-based
    std::size_t fileCount = 0;
    std::string currentFile;
    std::uint64_t bytesDone = 0;  // raw input bytes read, all files
    std::uint64_t bytesTotal = 0; // raw input bytes, all files
    std::uint64_t records = 0;    // read so far, all files (duplicates of stored records too)
    double seconds = 0;           // since the import started
};

// Receives progress from the importing thread; must be thread-safe if the
// import runs on a worker (the GUI forwards it through a queued signal).
class ImportObserver {
public:
    virtual ~ImportObserver() = default;
    virtual void progress(const ImportProgress &) {}
    virtual bool isCancelled() const { return false; }
};

} // namespace flowscope
