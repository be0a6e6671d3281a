// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <iostream>

namespace flowscope::cli {

namespace {

void removeCaseFiles(const std::filesystem::path &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path.string() + suffix, ec);
}

const char *outcomeName(FileOutcome outcome)
{
    switch (outcome) {
    case FileOutcome::Imported: return "imported";
    case FileOutcome::Duplicate: return "duplicate_file";
    case FileOutcome::Failed: return "failed";
    case FileOutcome::Cancelled: return "cancelled";
    }
    return "failed";
}

void printJsonReport(const ImportReport &report)
{
    std::cout << "{\"files\":" << report.files << ",\"records\":" << report.records
              << ",\"duplicate_records\":" << report.duplicateRecords
              << ",\"skipped_duplicate_files\":" << report.skippedDuplicateFiles
              << ",\"failed_files\":" << report.failedFiles << ",\"error_count\":" << report.errorCount
              << ",\"cloudtrail_events\":" << report.cloudTrailEvents << ",\"skipped_events\":" << report.skippedEvents
              << ",\"cancelled\":" << (report.cancelled ? "true" : "false") << ",\"errors\":[";
    for (std::size_t i = 0; i < report.errors.size(); ++i) {
        const ImportIssue &issue = report.errors[i];
        std::cout << (i ? "," : "") << "{\"file\":" << jsonString(issue.file) << ",\"line\":";
        if (issue.line)
            std::cout << issue.line;
        else
            std::cout << "null";
        std::cout << ",\"reason\":" << jsonString(issue.reason) << '}';
    }
    std::cout << "],\"file_results\":[";
    for (std::size_t i = 0; i < report.fileResults.size(); ++i) {
        const FileResult &file = report.fileResults[i];
        std::cout << (i ? "," : "") << "{\"file\":" << jsonString(file.path) << ",\"status\":\""
                  << outcomeName(file.outcome) << "\",\"records\":" << file.records
                  << ",\"duplicate_records\":" << file.duplicateRecords << ",\"errors\":" << file.errors;
        if (file.delivery == "CloudTrail")
            std::cout << ",\"events\":" << file.events << ",\"duplicate_events\":" << file.duplicateEvents
                      << ",\"skipped_events\":" << file.skippedEvents;
        std::cout << '}';
    }
    std::cout << "]}\n";
}

void printTextReport(const ImportReport &report)
{
    for (const ImportIssue &issue : report.errors) {
        std::cerr << issue.file;
        if (issue.line)
            std::cerr << ':' << issue.line;
        std::cerr << ": " << issue.reason << '\n';
    }
    if (report.errorCount > report.errors.size())
        std::cerr << "... and " << report.errorCount - report.errors.size() << " more errors (stored in the case)\n";
    for (const FileResult &file : report.fileResults)
        if (file.outcome == FileOutcome::Duplicate)
            std::cout << file.path << ": already in the case (same content as " << file.duplicateOf
                      << "), skipped\n";
    std::cout << "imported " << report.records << " records from " << report.files << " files";
    if (report.duplicateRecords)
        std::cout << ", " << report.duplicateRecords << " duplicate records not stored again";
    if (report.skippedDuplicateFiles)
        std::cout << ", " << report.skippedDuplicateFiles << " duplicate files skipped";
    if (report.cloudTrailEvents || report.skippedEvents)
        std::cout << ", " << report.cloudTrailEvents << " CloudTrail network events (" << report.skippedEvents
                  << " other events skipped)";
    if (report.errorCount)
        std::cout << ", " << report.errorCount << " errors";
    std::cout << '\n';
}

} // namespace

int runImport(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"log-format"}, {"json", "keep-duplicates"});
    if (!arguments.ok() || arguments.positional().size() < 2) {
        std::cerr << "flowscope-cli import: " << (arguments.ok() ? "needs CASE and at least one PATH" : arguments.error())
                  << "\nUsage: flowscope-cli import CASE PATH... [--log-format FORMAT] [--keep-duplicates] [--json]\n";
        return ExitFatal;
    }
    ImportOptions options;
    options.keepDuplicates = arguments.flag("keep-duplicates");
    if (const auto format = arguments.value("log-format")) {
        std::string error;
        LogFormat logFormat = LogFormat::parse(*format, &error);
        if (logFormat.isEmpty()) {
            std::cerr << "flowscope-cli import: --log-format: " << error << '\n';
            return ExitFatal;
        }
        options.logFormat = std::move(logFormat);
    }
    const std::filesystem::path casePath = arguments.positional()[0];
    std::vector<std::filesystem::path> inputs(arguments.positional().begin() + 1, arguments.positional().end());
    for (const auto &input : inputs) {
        std::error_code ec;
        if (!std::filesystem::exists(std::filesystem::symlink_status(input, ec))) {
            std::cerr << "flowscope-cli import: " << input.string() << ": no such file or folder\n";
            return ExitFatal;
        }
    }

    std::unique_ptr<CaseDb> caseDb;
    try {
        caseDb = CaseDb::open(casePath, CaseDb::Mode::CreateIfMissing);
    } catch (const StoreError &error) {
        std::cerr << "flowscope-cli import: " << error.what() << '\n';
        return ExitFatal;
    }
    const bool created = caseDb->wasCreated();
    ImportReport report;
    try {
        report = CaseImporter(*caseDb).run(inputs, options);
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli import: " << casePath.string() << ": " << error.what() << '\n';
        caseDb.reset();
        if (created)
            removeCaseFiles(casePath);
        return ExitFatal;
    }
    if (arguments.flag("json"))
        printJsonReport(report);
    else
        printTextReport(report);
    return report.hasRejections() ? ExitRejected : ExitOk;
}

} // namespace flowscope::cli
