// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_store.h"

#include "store/config_snapshot_rows.h"
#include "store/sqlite_handle.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <memory>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::SnapshotStore", text); }

// Seconds are what the case keeps: a snapshot loads the same before and after storing.
QDateTime toSeconds(const QDateTime &time) { return QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), Qt::UTC); }

QString defaultLabel(const QStringList &paths)
{
    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();
    return names.join(QStringLiteral(", "));
}

std::vector<SnapshotSource> sourcesOf(const ConfigSnapshotRow &row)
{
    std::vector<SnapshotSource> sources;
    for (const ConfigSnapshotFileRow &file : row.files)
        sources.push_back({QString::fromStdString(file.path), QDateTime::fromSecsSinceEpoch(file.modified, Qt::UTC),
                           QByteArray::fromStdString(file.bytes)});
    return sources;
}

StoredSnapshot storedSnapshotOf(const ConfigSnapshotRow &row)
{
    StoredSnapshot snapshot{row.id, QDateTime::fromSecsSinceEpoch(row.asOf, Qt::UTC),
                            QDateTime::fromSecsSinceEpoch(row.loadedAt, Qt::UTC), QString::fromStdString(row.label), {}};
    for (const ConfigSnapshotFileRow &file : row.files) {
        QStringList documents;
        for (const std::string &document : file.documents)
            documents << QString::fromStdString(document);
        snapshot.files.push_back({QString::fromStdString(file.path), QString::fromStdString(file.sha256),
                                  QDateTime::fromSecsSinceEpoch(file.modified, Qt::UTC), documents});
    }
    return snapshot;
}

// A stored snapshot that no longer parses was altered after it was stored.
SnapshotLoad reload(const ConfigSnapshotRow &row)
{
    SnapshotLoad load = loadSnapshot(sourcesOf(row));
    if (load.hasErrors())
        throw StoreError(tr("the case's configuration snapshot %1 no longer loads: %2")
                             .arg(row.id)
                             .arg(load.messages.front().toString())
                             .toStdString());
    return load;
}

// Loads sources (after the messages of files that could not be read) and
// stores them unless a file was refused or the load was cancelled.
SnapshotImport storeSnapshot(CaseDb &caseDb, std::vector<SnapshotSource> sources, std::vector<SnapshotMessage> unreadable,
                             std::optional<QDateTime> asOf, const QString &label, const std::atomic<bool> *cancel)
{
    SnapshotImport result;
    const auto cancelled = [&] {
        result.cancelled = cancel && cancel->load();
        return result.cancelled;
    };
    if (cancelled())
        return result;
    for (SnapshotSource &source : sources)
        source.modified = toSeconds(source.modified);
    result.load = loadSnapshot(sources);
    result.load.filesRefused += static_cast<int>(unreadable.size());
    result.load.messages.insert(result.load.messages.begin(), unreadable.begin(), unreadable.end());
    if (result.load.hasErrors() || cancelled()) // all or nothing: the case is left as it was
        return result;

    result.asOf = asOf ? toSeconds(asOf->toUTC()) : result.load.snapshot.asOf();
    result.label = label;
    result.loadedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    ConfigSnapshotRow row;
    row.asOf = result.asOf.toSecsSinceEpoch();
    row.loadedAt = result.loadedAt.toSecsSinceEpoch();
    row.label = result.label.toStdString();
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const SnapshotFile &file = result.load.snapshot.files[i]; // every source loaded, in order
        std::vector<std::string> keys;
        for (const QString &document : file.documents)
            keys.push_back(document.toStdString());
        row.files.push_back({file.path.toStdString(), file.sha256.toStdString(), file.modified.toSecsSinceEpoch(),
                             std::move(keys), sources[i].bytes.toStdString()});
    }
    result.id = ConfigSnapshotRows(caseDb).insert(row);
    return result;
}

} // namespace

SnapshotImport importSnapshot(CaseDb &caseDb, const QStringList &paths, std::optional<QDateTime> asOf, const QString &label,
                              const std::atomic<bool> *cancel)
{
    std::vector<SnapshotMessage> unreadable;
    std::vector<SnapshotSource> sources = readSnapshotSources(paths, unreadable);
    if (sources.empty() && unreadable.empty())
        unreadable.push_back({SnapshotMessage::Severity::Error, paths.join(QStringLiteral(", ")), {},
                              tr("no describe-* file (*.json or *.json.gz) found")});
    const QString name = label.isEmpty() ? defaultLabel(paths) : label;
    return storeSnapshot(caseDb, std::move(sources), std::move(unreadable), asOf, name, cancel);
}

SnapshotImport importSnapshotSources(CaseDb &caseDb, std::vector<SnapshotSource> sources, std::optional<QDateTime> asOf,
                                     const QString &label)
{
    std::vector<SnapshotMessage> none;
    if (sources.empty())
        none.push_back({SnapshotMessage::Severity::Error, label, {}, tr("no describe-* document given")});
    return storeSnapshot(caseDb, std::move(sources), std::move(none), asOf, label, nullptr);
}

std::vector<StoredSnapshot> listSnapshots(CaseDb &caseDb)
{
    std::vector<StoredSnapshot> snapshots;
    for (const ConfigSnapshotRow &row : ConfigSnapshotRows(caseDb).list(false))
        snapshots.push_back(storedSnapshotOf(row));
    return snapshots;
}

std::optional<SnapshotLoad> loadStoredSnapshot(CaseDb &caseDb, qint64 id)
{
    for (const ConfigSnapshotRow &row : ConfigSnapshotRows(caseDb).list(true))
        if (row.id == id)
            return reload(row);
    return std::nullopt;
}

std::optional<StoredSnapshot> removeSnapshot(CaseDb &caseDb, qint64 id)
{
    for (const ConfigSnapshotRow &row : ConfigSnapshotRows(caseDb).list(false)) {
        if (row.id == id)
            return ConfigSnapshotRows(caseDb).remove(id) ? std::optional(storedSnapshotOf(row)) : std::nullopt;
    }
    return std::nullopt;
}

SnapshotTimeline loadSnapshotTimeline(CaseDb &caseDb)
{
    SnapshotTimeline timeline;
    for (const ConfigSnapshotRow &row : ConfigSnapshotRows(caseDb).list(true)) {
        SnapshotLoad load = reload(row);
        // Explanations name the stored as-of, not the files' modification times.
        load.snapshot.takenAt = QDateTime::fromSecsSinceEpoch(row.asOf, Qt::UTC);
        timeline.add({row.id, load.snapshot.takenAt, std::make_shared<const ConfigSnapshot>(std::move(load.snapshot))});
    }
    return timeline;
}

} // namespace flowscope::explain
