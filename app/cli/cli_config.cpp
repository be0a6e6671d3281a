// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "explain/snapshot_store.h"
#include "explain/snapshot_summary.h"
#include "explain/snapshot_timeline.h"
#include "format/record_parser.h"
#include "store/case_summary.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <QDateTime>

#include <filesystem>
#include <iostream>

namespace flowscope::cli {

namespace {

using namespace flowscope::explain;

const char *const kUsage = "Usage: flowscope-cli config CASE [PATH...] [--as-of ISO-TIME] [--label TEXT] [--format json|table]\n"
                           "       flowscope-cli config CASE --remove ID [--format json|table]\n";

std::string text(const QString &value) { return value.toStdString(); }
std::string isoTime(const QDateTime &time) { return text(time.toUTC().toString(Qt::ISODate)); }

// "2026-03-01T09:00:00Z", "2026-03-01T10:00:00+01:00"; without a zone, UTC.
std::optional<QDateTime> parseIsoTime(const std::string &value)
{
    QDateTime time = QDateTime::fromString(QString::fromStdString(value), Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

std::string jsonFiles(const std::vector<SnapshotFile> &files)
{
    std::string out = "[";
    for (std::size_t i = 0; i < files.size(); ++i) {
        const SnapshotFile &file = files[i];
        out += std::string(i ? "," : "") + "{\"path\":" + jsonString(text(file.path)) + ",\"sha256\":\"" + text(file.sha256)
            + "\",\"modified\":\"" + isoTime(file.modified) + "\",\"documents\":[";
        for (qsizetype d = 0; d < file.documents.size(); ++d)
            out += (d ? "," : "") + jsonString(text(file.documents[d]));
        out += "]}";
    }
    return out + "]";
}

std::string jsonCounts(const SnapshotCounts &counts)
{
    std::string out = "{";
    for (const auto &[name, count] : counts.named())
        out += (out.size() > 1 ? ",\"" : "\"") + text(name) + "\":" + std::to_string(count);
    return out + "}";
}

std::string jsonMessages(const std::vector<SnapshotMessage> &messages, SnapshotMessage::Severity severity)
{
    std::string out = "[";
    for (const SnapshotMessage &message : messages)
        if (message.severity == severity)
            out += (out.size() > 1 ? "," : "") + std::string("{\"file\":") + jsonString(text(message.file))
                + ",\"item\":" + jsonString(text(message.item)) + ",\"message\":" + jsonString(text(message.text)) + '}';
    return out + "]";
}

std::string jsonSnapshot(qint64 id, const QDateTime &asOf, const QDateTime &loadedAt, const QString &label)
{
    return "{\"id\":" + std::to_string(id) + ",\"as_of\":\"" + isoTime(asOf) + "\",\"loaded_at\":\"" + isoTime(loadedAt)
        + "\",\"label\":" + jsonString(text(label)) + '}';
}

void printFilesTable(const std::vector<SnapshotFile> &files)
{
    std::vector<std::vector<std::string>> rows;
    for (const SnapshotFile &file : files)
        rows.push_back({text(file.path), text(file.sha256), isoTime(file.modified), text(file.documents.join(u','))});
    writeTable(std::cout, {"file", "sha256", "modified", "documents"}, rows);
}

void printCountsTable(const SnapshotCounts &counts)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto &[name, count] : counts.named())
        rows.push_back({text(name), std::to_string(count)});
    writeTable(std::cout, {"kind", "count"}, rows);
}

void printMessages(std::ostream &out, const std::vector<SnapshotMessage> &messages, SnapshotMessage::Severity severity,
                   const char *prefix)
{
    for (const SnapshotMessage &message : messages)
        if (message.severity == severity)
            out << prefix << text(message.toString()) << '\n';
}

// How far the snapshot lies from the case's records, when far ("taken 9
// months after the case's last record: ..."), and whether its as-of is the
// files' modification time, which says when they were copied rather than
// when the configuration was described.
std::string distanceNote(CaseDb &caseDb, const SnapshotImport &imported, bool asOfGiven)
{
    if (!imported.isStored())
        return {};
    const CaseSummary summary = summarizeCase(caseDb);
    const QString note = snapshotDistanceNote(imported.asOf, summary.firstStart, summary.lastEnd);
    if (note.isEmpty())
        return {};
    return "snapshot " + std::to_string(imported.id) + " was " + text(note)
        + (asOfGiven ? std::string() : "; its as-of is the newest file modification time: give --as-of the time the describe-* output was taken, or remove it with --remove "
                                           + std::to_string(imported.id));
}

int printImport(const SnapshotImport &imported, const std::string &note, bool json)
{
    const SnapshotLoad &load = imported.load;
    const SnapshotCounts counts = countSnapshot(load.snapshot);
    if (json) {
        std::cout << "{\"stored\":" << (imported.isStored() ? "true" : "false") << ",\"snapshot\":"
                  << (imported.isStored() ? jsonSnapshot(imported.id, imported.asOf, imported.loadedAt, imported.label)
                                          : std::string("null"))
                  << ",\"files\":" << jsonFiles(load.snapshot.files) << ",\"counts\":" << jsonCounts(counts)
                  << ",\"warnings\":" << jsonMessages(load.messages, SnapshotMessage::Severity::Warning)
                  << ",\"errors\":" << jsonMessages(load.messages, SnapshotMessage::Severity::Error)
                  << ",\"note\":" << (note.empty() ? std::string("null") : jsonString(note)) << "}\n";
    } else {
        printMessages(std::cerr, load.messages, SnapshotMessage::Severity::Error, "");
        if (!imported.isStored()) {
            std::cerr << "snapshot refused: " << load.filesRefused << " of " << load.filesRefused + load.filesLoaded
                      << " files could not be loaded; the case is unchanged\n";
            return ExitRejected;
        }
        std::cout << "snapshot " << imported.id << " as of " << isoTime(imported.asOf) << " (" << text(imported.label)
                  << "): " << load.filesLoaded << " files\n";
        printFilesTable(load.snapshot.files);
        printCountsTable(counts);
        printMessages(std::cout, load.messages, SnapshotMessage::Severity::Warning, "warning: ");
        if (!note.empty())
            std::cerr << "warning: " << note << '\n';
    }
    return imported.isStored() ? ExitOk : ExitRejected;
}

void printList(CaseDb &caseDb, bool json)
{
    const std::vector<StoredSnapshot> snapshots = listSnapshots(caseDb);
    if (json)
        std::cout << "{\"snapshots\":[";
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < snapshots.size(); ++i) {
        const StoredSnapshot &s = snapshots[i];
        const SnapshotLoad load = *loadStoredSnapshot(caseDb, s.id);
        const SnapshotCounts counts = countSnapshot(load.snapshot);
        if (json) {
            std::string object = jsonSnapshot(s.id, s.asOf, s.loadedAt, s.label);
            object.pop_back();
            std::cout << (i ? "," : "") << object << ",\"files\":" << jsonFiles(s.files) << ",\"counts\":" << jsonCounts(counts)
                      << ",\"warnings\":" << jsonMessages(load.messages, SnapshotMessage::Severity::Warning) << '}';
        } else {
            rows.push_back({std::to_string(s.id), isoTime(s.asOf), isoTime(s.loadedAt), std::to_string(s.files.size()),
                            std::to_string(counts.securityGroups), std::to_string(counts.networkAcls),
                            std::to_string(counts.interfaces), std::to_string(counts.routeTables), text(s.label)});
        }
    }
    if (json)
        std::cout << "]}\n";
    else if (snapshots.empty())
        std::cout << "no configuration snapshot in the case\n";
    else
        writeTable(std::cout, {"id", "as-of", "loaded", "files", "groups", "acls", "interfaces", "route tables", "label"}, rows);
}

int printRemoved(CaseDb &caseDb, const std::string &value, bool json)
{
    std::uint64_t id = 0;
    if (!parseUnsigned(value, std::uint64_t(INT64_MAX), id) || id == 0) {
        std::cerr << "flowscope-cli config: --remove '" << value << "' is not a snapshot id (see flowscope-cli config CASE)\n";
        return ExitFatal;
    }
    const std::optional<StoredSnapshot> removed = removeSnapshot(caseDb, static_cast<qint64>(id));
    if (!removed) {
        std::cerr << "flowscope-cli config: " << caseDb.path().string() << " holds no configuration snapshot " << id
                  << " (see flowscope-cli config CASE); nothing was removed\n";
        return ExitRejected;
    }
    const std::size_t left = listSnapshots(caseDb).size();
    if (json)
        std::cout << "{\"removed\":" << jsonSnapshot(removed->id, removed->asOf, removed->loadedAt, removed->label)
                  << ",\"files\":" << removed->files.size() << ",\"snapshots_left\":" << left << "}\n";
    else
        std::cout << "removed snapshot " << removed->id << " as of " << isoTime(removed->asOf) << " (" << text(removed->label)
                  << ") and its " << removed->files.size() << " files; " << left
                  << " snapshots left: explanations use those in force at each record's time\n";
    return ExitOk;
}

} // namespace

// `config CASE [PATH...]`: loads a configuration snapshot into the case, or lists those it holds.
int runConfig(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"as-of", "format", "label", "remove"}, {});
    if (!arguments.ok() || arguments.positional().empty()) {
        std::cerr << "flowscope-cli config: " << (arguments.ok() ? "needs CASE" : arguments.error()) << '\n' << kUsage;
        return ExitFatal;
    }
    const std::string format = arguments.value("format").value_or("table");
    if (format != "json" && format != "table") {
        std::cerr << "flowscope-cli config: unknown --format '" << format << "'\n" << kUsage;
        return ExitFatal;
    }
    std::optional<QDateTime> asOf;
    if (const auto value = arguments.value("as-of")) {
        asOf = parseIsoTime(*value);
        if (!asOf) {
            std::cerr << "flowscope-cli config: --as-of '" << *value << "' is not an ISO 8601 time (2026-03-01T09:00:00Z)\n";
            return ExitFatal;
        }
    }
    const std::vector<std::string> &positional = arguments.positional();
    QStringList paths;
    for (auto it = positional.begin() + 1; it != positional.end(); ++it) {
        std::error_code ec;
        if (!std::filesystem::exists(std::filesystem::symlink_status(*it, ec))) {
            std::cerr << "flowscope-cli config: " << *it << ": no such file or folder\n";
            return ExitFatal;
        }
        paths << QString::fromStdString(*it);
    }
    const std::optional<std::string> remove = arguments.value("remove");
    if (remove && (!paths.isEmpty() || asOf || arguments.value("label"))) {
        std::cerr << "flowscope-cli config: --remove takes no PATH, --as-of or --label\n" << kUsage;
        return ExitFatal;
    }
    if (paths.isEmpty() && (asOf || arguments.value("label"))) {
        std::cerr << "flowscope-cli config: --as-of and --label need a PATH to load\n" << kUsage;
        return ExitFatal;
    }
    try {
        auto caseDb = CaseDb::open(positional[0], paths.isEmpty() && !remove ? CaseDb::Mode::ReadOnly : CaseDb::Mode::ReadWrite);
        if (remove)
            return printRemoved(*caseDb, *remove, format == "json");
        if (paths.isEmpty()) {
            printList(*caseDb, format == "json");
            return ExitOk;
        }
        const QString label = QString::fromStdString(arguments.value("label").value_or(std::string()));
        const SnapshotImport imported = importSnapshot(*caseDb, paths, asOf, label);
        return printImport(imported, distanceNote(*caseDb, imported, asOf.has_value()), format == "json");
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli config: " << error.what() << '\n';
        return ExitFatal;
    }
}

} // namespace flowscope::cli
