// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_importer.h"

#include "cloudtrail/cloudtrail_file.h"
#include "store/cloudtrail_event_rows.h"

#include "file_decoder.h"
#include "file_walker.h"
#include "line_reader.h"
#include "log_format_probe.h"
#include "stored_duplicates.h"
#include "store/case_db.h"
#include "store/fresh_case_journal.h"
#include "store/flow_writer.h"

#include <chrono>
#include <thread>

namespace flowscope {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t nowEpoch()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

class CaseImporter::Impl {
public:
    Impl(CaseDb &caseDb, const ImportOptions &options, ImportObserver *observer)
        : m_db(caseDb.handle())
        , m_options(options)
        , m_observer(observer)
        , m_writer(m_db)
        , m_duplicates(m_db)
        , m_started(Clock::now())
    {
        m_strings.load(m_db);
        m_interfaces.load(m_db, m_strings);
    }

    ImportReport run(const std::vector<std::filesystem::path> &inputs)
    {
        WalkResult walk = collectInputFiles(inputs);
        for (const auto &issue : walk.issues)
            recordFailure(issue.path, issue.reason);

        m_progress.fileCount = walk.files.size();
        for (const auto &file : walk.files)
            m_progress.bytesTotal += fileSize(file);

        for (std::size_t i = 0; i < walk.files.size(); ++i) {
            if (cancelled()) {
                m_report.cancelled = true;
                break;
            }
            m_progress.fileIndex = i;
            m_progress.currentFile = walk.files[i].string();
            importFile(walk.files[i]);
            m_bytesBeforeFile += fileSize(walk.files[i]);
        }
        return std::move(m_report);
    }

private:
    static std::uint64_t fileSize(const std::filesystem::path &path)
    {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        return ec ? 0 : size;
    }

    bool cancelled() const { return m_observer && m_observer->isCancelled(); }

    std::optional<LogFormat> logFormatFor(const std::filesystem::path &path) const
    {
        if (m_options.logFormat && m_options.logFormatScope == ImportOptions::LogFormatScope::FilesNeedingIt
            && !needsLogFormat(path))
            return std::nullopt;
        return m_options.logFormat;
    }

    void addReportError(const std::string &file, std::uint64_t line, const std::string &reason)
    {
        ++m_report.errorCount;
        if (m_report.errors.size() < ImportReport::kMaxReportedErrors)
            m_report.errors.push_back({file, line, reason});
    }

    // A file that could not be imported at all: said in the report and kept in
    // the case's import log, in a transaction of its own.
    void recordFailure(const std::string &path, const std::string &reason)
    {
        ++m_report.failedFiles;
        addReportError(path, 0, reason);
        FileResult result;
        result.path = path;
        result.outcome = FileOutcome::Failed;
        result.errors = 1;
        m_report.fileResults.push_back(result);
        Transaction transaction(m_db);
        m_writer.insertError(0, path, 0, reason);
        transaction.commit();
    }

    bool skipIfDuplicate(const std::filesystem::path &path, FileResult &result)
    {
        const std::uint64_t size = fileSize(path);
        if (!m_writer.hasFileOfSize(size))
            return false; // the same content has the same size: no need to hash first
        std::string error;
        const std::string sha = sha256OfFile(path, &error);
        if (sha.empty())
            return false; // the import itself will report why it cannot read the file
        const auto previous = m_writer.fileWithSha256(sha);
        if (!previous)
            return false;
        result.outcome = FileOutcome::Duplicate;
        result.sha256 = sha;
        result.duplicateOf = *previous;
        ++m_report.skippedDuplicateFiles;
        m_report.fileResults.push_back(result);
        return true;
    }

    void importFile(const std::filesystem::path &path)
    {
        FileResult result;
        result.path = path.string();
        if (cloudtrail::looksLikeCloudTrailFile(path)) {
            importCloudTrailFile(path, result);
            return;
        }
        if (skipIfDuplicate(path, result))
            return;

        Transaction transaction(m_db);
        SourceFileRow row;
        row.path = result.path;
        row.size = fileSize(path);
        row.sha256 = "pending:" + result.path; // replaced before commit
        row.importedAt = nowEpoch();
        const std::int64_t fileId = m_writer.insertFile(row);

        if (!m_options.keepDuplicates)
            m_duplicates.startFile(m_interfaces); // before the decoder may add to it
        std::uint64_t duplicates = 0;

        // Room for more than one sort run of the writer, so the decoder never waits on it.
        BoundedQueue<DecodedBatch> queue(24);
        FileDecoder decoder(path, logFormatFor(path), m_strings, m_interfaces, queue, m_writer.buffers());
        std::thread decoding([&decoder] { decoder.run(); });

        std::vector<LineIssue> issues;
        std::size_t storedErrors = 0;
        bool stopped = false;
        try {
            DecodedBatch batch;
            while (queue.pop(batch)) {
                m_writer.insertStrings(batch.strings);
                m_writer.insertInterfaces(batch.interfaces);
                // Progress counts the records read, duplicates too, so the rate stays true.
                const std::size_t read = batch.flows.size();
                if (!m_options.keepDuplicates) {
                    m_duplicates.addInterfaces(batch.interfaces);
                    duplicates += m_duplicates.removeDuplicates(batch.flows);
                }
                m_writer.addFlows(fileId, batch.flows);
                for (const auto &issue : batch.issues) {
                    if (storedErrors++ < m_options.maxStoredErrorsPerFile)
                        m_writer.insertError(fileId, result.path, issue.line, issue.reason);
                    issues.push_back(issue);
                    if (issues.size() > ImportReport::kMaxReportedErrors)
                        issues.erase(issues.begin() + ImportReport::kMaxReportedErrors, issues.end());
                }
                m_recordsInFile += read;
                m_progress.records = m_recordsReadBefore + m_recordsInFile;
                m_progress.bytesDone = m_bytesBeforeFile + batch.rawBytesRead;
                reportProgress();
                if (cancelled()) {
                    stopped = true;
                    break;
                }
            }
        } catch (...) {
            decoder.stop();
            queue.close();
            decoding.join();
            rollbackDictionaries();
            m_recordsInFile = 0;
            throw;
        }
        if (stopped) {
            decoder.stop();
            queue.close();
        }
        decoding.join();
        m_recordsInFile = 0;

        const DecodedFileSummary &summary = decoder.summary();
        if (stopped) {
            rollbackDictionaries();
            result.outcome = FileOutcome::Cancelled;
            m_report.cancelled = true;
            m_report.fileResults.push_back(result);
            return; // the transaction rolls back: the case is as before this file
        }
        if (!summary.fatalError.empty()) {
            transaction.rollback();
            rollbackDictionaries();
            recordFailure(result.path, summary.fatalError);
            return;
        }

        row.sha256 = summary.sha256;
        row.delivery = summary.delivery;
        row.logFormat = summary.logFormat;
        row.records = summary.records - duplicates;
        row.duplicateRecords = duplicates;
        row.errors = summary.issues;
        row.truncated = summary.truncated;
        row.firstStart = summary.firstStart;
        row.lastEnd = summary.lastEnd;
        row.maxDuration = summary.maxDuration;
        m_writer.finishFlows(fileId);
        m_duplicates.finishFile();
        m_writer.updateFile(fileId, row);
        transaction.commit();
        m_strings.markCommitted();
        m_interfaces.markCommitted();

        result.outcome = FileOutcome::Imported;
        result.delivery = summary.delivery;
        result.logFormat = summary.logFormat;
        result.sha256 = summary.sha256;
        result.records = row.records;
        result.duplicateRecords = duplicates;
        result.errors = summary.issues;
        ++m_report.files;
        m_report.records += row.records;
        m_report.duplicateRecords += duplicates;
        m_recordsReadBefore += summary.records;
        for (const auto &issue : issues)
            addReportError(result.path, issue.line, issue.reason);
        m_report.errorCount += summary.issues - std::min<std::uint64_t>(summary.issues, issues.size());
        m_report.fileResults.push_back(result);
    }

    // A CloudTrail file: its network events in one transaction, the others
    // counted as skipped; a bad item is reported with its place in Records
    // and the good ones kept, a file that is no CloudTrail JSON refused whole.
    void importCloudTrailFile(const std::filesystem::path &path, FileResult &result)
    {
        cloudtrail::CloudTrailFileContent content = cloudtrail::readCloudTrailFile(path);
        if (!content.fatalError.empty()) {
            recordFailure(result.path, content.fatalError);
            return;
        }
        if (const auto previous = cloudTrailFileWithSha256(m_db, content.sha256)) {
            result.outcome = FileOutcome::Duplicate;
            result.sha256 = content.sha256;
            result.duplicateOf = *previous;
            ++m_report.skippedDuplicateFiles;
            m_report.fileResults.push_back(result);
            return;
        }
        Transaction transaction(m_db);
        for (const cloudtrail::CloudTrailItemError &error : content.errors) {
            m_writer.insertError(0, result.path, static_cast<std::uint64_t>(error.item), error.reason);
            addReportError(result.path, static_cast<std::uint64_t>(error.item), error.reason);
        }
        for (const CloudTrailEventRow &event : content.events)
            ++(insertCloudTrailEvent(m_db, event) ? result.events : result.duplicateEvents);
        transaction.commit();
        result.outcome = FileOutcome::Imported;
        result.delivery = "CloudTrail";
        result.sha256 = content.sha256;
        result.skippedEvents = static_cast<std::uint64_t>(content.skipped);
        result.errors = content.errors.size();
        ++m_report.files;
        m_report.cloudTrailEvents += result.events;
        m_report.skippedEvents += result.skippedEvents;
        m_report.fileResults.push_back(result);
    }

    void rollbackDictionaries()
    {
        m_writer.discardFlows();
        m_duplicates.discardFile();
        m_strings.rollback();
        m_interfaces.rollback();
    }

    void reportProgress()
    {
        if (!m_observer)
            return;
        m_progress.seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
        m_observer->progress(m_progress);
    }

    sqlite3 *m_db;
    const ImportOptions &m_options;
    ImportObserver *m_observer;
    FlowWriter m_writer;
    StoredDuplicates m_duplicates;
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    ImportReport m_report;
    ImportProgress m_progress;
    std::uint64_t m_bytesBeforeFile = 0;
    std::uint64_t m_recordsInFile = 0;
    std::uint64_t m_recordsReadBefore = 0; // by the files imported before this one
    Clock::time_point m_started;
};

CaseImporter::CaseImporter(CaseDb &caseDb)
    : m_case(caseDb)
{
}

CaseImporter::~CaseImporter() = default;

ImportReport CaseImporter::run(const std::vector<std::filesystem::path> &inputs, const ImportOptions &options,
                               ImportObserver *observer)
{
    // A case created for this import is written once, not logged and copied
    // (see fresh_case_journal.h); before the writer prepares its statements.
    FreshCaseJournal journal(m_case);
    Impl impl(m_case, options, observer);
    return impl.run(inputs);
}

} // namespace flowscope
