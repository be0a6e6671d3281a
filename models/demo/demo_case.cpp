// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_case.h"

#include "demo_snapshot.h"
#include "detect/finding_store.h"
#include "explain/snapshot_store.h"
#include "incident/ioc_hunt_store.h"
#include "incident/ioc_list_store.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"

#include <QDateTime>
#include <QFile>

#include <fstream>

#include <sqlite3.h>

#include <map>
#include <stdexcept>

namespace flowscope {

namespace {
constexpr std::int64_t kDemoSnapshotLead = 3600; // the snapshot is taken before the records begin

// Raised whenever what the demo case holds changes (its records, snapshot, IOC
// list, CloudTrail log...): a demo case of another version is built again,
// whatever it lacks or holds.
constexpr int kDemoVersion = 3;
constexpr const char *kDemoVersionKey = "demo-version";

void storeDemoVersion(CaseDb &caseDb)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(caseDb.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)", -1, &statement, nullptr)
        != SQLITE_OK)
        throw std::runtime_error(std::string("cannot mark the demo case: ") + sqlite3_errmsg(caseDb.handle()));
    sqlite3_bind_text(statement, 1, kDemoVersionKey, -1, SQLITE_STATIC);
    sqlite3_bind_int(statement, 2, kDemoVersion);
    const int done = sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (done != SQLITE_DONE)
        throw std::runtime_error(std::string("cannot mark the demo case: ") + sqlite3_errmsg(caseDb.handle()));
}
} // namespace

int demoCaseVersion() { return kDemoVersion; }

int storedDemoVersion(const std::filesystem::path &casePath)
{
    try {
        auto caseDb = CaseDb::open(casePath, CaseDb::Mode::ReadOnly);
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(caseDb->handle(), "SELECT value FROM meta WHERE key = ?1", -1, &statement, nullptr) != SQLITE_OK)
            return 0;
        sqlite3_bind_text(statement, 1, kDemoVersionKey, -1, SQLITE_STATIC);
        const int version = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
        sqlite3_finalize(statement);
        return version;
    } catch (const std::exception &) {
        return 0; // not a case, or one this build cannot open
    }
}

namespace {

// A threat feed that names the incident's outside addresses, so a new user
// sees a hunt's hits and `@threat-feed` at once.
void addDemoIocList(CaseDb &caseDb, const std::filesystem::path &inputRoot, const DemoSummary &input)
{
    const std::filesystem::path feed = inputRoot / "threat-feed.csv";
    {
        std::ofstream out(feed);
        out << "indicator,label,source,first_seen\n"
            << input.beaconDestination << ",command and control,demo feed,\n"
            << input.scannerAddress << ",scanner,demo feed,\n"
            << "192.0.2.0/24,documentation range,demo feed,\n";
    }
    const incident::IocAddResult added = incident::addIocFiles(caseDb, "threat-feed", {feed});
    if (!added.stored || !added.errors.empty())
        throw std::logic_error("the demo's IOC list does not load: "
                               + (added.errors.empty() ? added.refusal : added.errors.front().toString()));
}

// The CloudTrail log of the incident, imported as an analyst's AWSLogs tree would be.
DemoCloudTrail addDemoCloudTrail(CaseDb &caseDb, const std::filesystem::path &inputRoot, const DemoSummary &input,
                                 const DemoOptions &options)
{
    DemoCloudTrail trail = writeDemoCloudTrail(inputRoot, input, options);
    const ImportReport report = CaseImporter(caseDb).run({inputRoot / trail.relativePath}, {});
    if (report.errorCount != 0 || report.cloudTrailEvents != static_cast<std::uint64_t>(trail.networkEvents))
        throw std::logic_error("the demo's CloudTrail log does not load: "
                               + (report.errors.empty() ? std::to_string(report.cloudTrailEvents) + " events stored"
                                                        : report.errors.front().reason));
    return trail;
}

} // namespace

std::int64_t demoSnapshotAsOf(const DemoOptions &options) { return options.startEpoch - kDemoSnapshotLead; }

std::vector<std::filesystem::path> writeDemoSnapshotFiles(const std::filesystem::path &folder, const DemoOptions &options)
{
    std::filesystem::create_directories(folder);
    const QDateTime asOf = QDateTime::fromSecsSinceEpoch(demoSnapshotAsOf(options), Qt::UTC);
    std::vector<std::filesystem::path> written;
    for (const demo::DemoSnapshotDocument &document : demo::demoSnapshotDocuments()) {
        const std::filesystem::path path = folder / document.name.toStdString();
        QFile file(QString::fromStdString(path.string()));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(document.json) != document.json.size()
            || !file.flush() // before the time is set: a later flush would set it again
            || !file.setFileTime(asOf, QFileDevice::FileModificationTime))
            throw std::runtime_error("cannot write " + path.string() + ": " + file.errorString().toStdString());
        written.push_back(path);
    }
    return written;
}

DemoCaseResult importDemoInput(CaseDb &caseDb, const std::filesystem::path &inputRoot, const DemoOptions &options)
{
    DemoCaseResult result;
    result.input = writeDemoDataset(inputRoot, options);
    // Files without a header of their own need the flow log's format string,
    // as an analyst would give it.
    std::map<std::string, std::vector<std::filesystem::path>> byFormat;
    for (const DemoFile &file : result.input.files)
        byFormat[file.logFormat].push_back(inputRoot / file.relativePath);
    for (const auto &[format, files] : byFormat) {
        ImportOptions importOptions;
        if (!format.empty()) {
            std::string error;
            importOptions.logFormat = LogFormat::parse(format, &error);
        }
        const ImportReport report = CaseImporter(caseDb).run(files, importOptions);
        result.records += report.records;
        result.errors += report.errorCount;
    }
    // Kept in the case only (the input folder holds flow logs alone): named as
    // the AWS CLI calls that print them.
    const QDateTime asOf = QDateTime::fromSecsSinceEpoch(demoSnapshotAsOf(options), Qt::UTC);
    std::vector<explain::SnapshotSource> sources;
    for (const demo::DemoSnapshotDocument &document : demo::demoSnapshotDocuments())
        sources.push_back({QStringLiteral("demo-config/") + document.name, asOf, document.json});
    const explain::SnapshotImport snapshot =
        explain::importSnapshotSources(caseDb, std::move(sources), asOf, QStringLiteral("demo estate"));
    if (!snapshot.isStored())
        throw std::logic_error("the demo's configuration snapshot does not load: "
                               + (snapshot.load.messages.empty() ? std::string() : snapshot.load.messages.front().toString().toStdString()));
    result.snapshotId = snapshot.id;
    addDemoIocList(caseDb, inputRoot, result.input);
    result.cloudTrail = addDemoCloudTrail(caseDb, inputRoot, result.input, options);
    result.investigation = investigateDemoCase(caseDb, result.input, QDateTime::currentSecsSinceEpoch());
    storeDemoVersion(caseDb);
    return result;
}

std::filesystem::path ensureDemoCase(const std::filesystem::path &folder)
{
    const std::filesystem::path casePath = folder / "demo.flowcase";
    if (std::filesystem::exists(casePath) && storedDemoVersion(casePath) == kDemoVersion)
        return casePath;
    std::filesystem::create_directories(folder);
    // Build beside the final name and rename: a half-built demo is never opened.
    const std::filesystem::path building = folder / "demo.flowcase.building";
    std::error_code ec;
    // A build killed while it wrote a new case leaves a rollback journal
    // (fresh_case_journal.h) rather than a log.
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(building.string() + suffix, ec);
    {
        auto caseDb = CaseDb::open(building, CaseDb::Mode::CreateIfMissing);
        importDemoInput(*caseDb, folder / "input");
    }
    std::filesystem::rename(building, casePath);
    return casePath;
}

} // namespace flowscope
