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

} // namespace

SnapshotImport importSnapshot(CaseDb &caseDb, const QStringList &paths, std::optional<QDateTime> asOf, const QString &label)
{
    SnapshotImport result;
    std::vector<SnapshotSource> sources = readSnapshotSources(paths, result.load.messages);
    const int unreadable = static_cast<int>(result.load.messages.size());
    for (SnapshotSource &source : sources)
        source.modified = toSeconds(source.modified);
    std::vector<SnapshotMessage> messages = std::move(result.load.messages);
    result.load = loadSnapshot(sources);
    result.load.filesRefused += unreadable;
    result.load.messages.insert(result.load.messages.begin(), messages.begin(), messages.end());
    if (result.load.filesLoaded == 0 && !result.load.hasErrors()) {
        result.load.messages.push_back({SnapshotMessage::Severity::Error, paths.join(QStringLiteral(", ")), {},
                                        tr("no describe-* file (*.json or *.json.gz) found")});
        ++result.load.filesRefused;
    }
    if (result.load.hasErrors()) // all or nothing: the case is left as it was
        return result;

    result.asOf = asOf ? toSeconds(asOf->toUTC()) : result.load.snapshot.asOf();
    result.label = label.isEmpty() ? defaultLabel(paths) : label;
    ConfigSnapshotRow row;
    row.asOf = result.asOf.toSecsSinceEpoch();
    row.loadedAt = QDateTime::currentSecsSinceEpoch();
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

SnapshotTimeline loadSnapshotTimeline(CaseDb &caseDb)
{
    SnapshotTimeline timeline;
    for (const ConfigSnapshotRow &row : ConfigSnapshotRows(caseDb).list(true)) {
        SnapshotLoad load = reload(row);
        timeline.add({row.id, QDateTime::fromSecsSinceEpoch(row.asOf, Qt::UTC),
                      std::make_shared<const ConfigSnapshot>(std::move(load.snapshot))});
    }
    return timeline;
}

} // namespace flowscope::explain
