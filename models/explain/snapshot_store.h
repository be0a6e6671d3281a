// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Configuration snapshots kept in a case. A snapshot is stored with its files'
// bytes, so the case alone loads it again with the same parser, and an
// explanation is the same on every machine. A snapshot loads whole or not at
// all: one refused file (malformed, truncated, an unknown key ...) refuses it,
// and the case is left as it was; references the snapshot cannot resolve load
// with a warning.

#include "config_snapshot.h"
#include "snapshot_loader.h"
#include "snapshot_timeline.h"

#include <QDateTime>
#include <QStringList>

#include <atomic>
#include <optional>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::explain {

struct SnapshotImport {
    qint64 id = 0; // the case's snapshot id; 0 when refused
    QDateTime asOf;
    QDateTime loadedAt;
    QString label;
    SnapshotLoad load; // what was read, with every message
    bool cancelled = false; // stopped before anything was stored
    bool isStored() const { return id != 0; }
};

// Loads the describe-* files and folders of paths and stores them as one
// snapshot taken at asOf (by default the newest file modification time).
// Throws StoreError when the case cannot be written. A cancel (from another
// thread) is heeded until the snapshot is written.
SnapshotImport importSnapshot(CaseDb &caseDb, const QStringList &paths, std::optional<QDateTime> asOf = std::nullopt,
                              const QString &label = {}, const std::atomic<bool> *cancel = nullptr);

// The same from files already read (a generated snapshot, as the demo's):
// asOf by default the newest of their modification times.
SnapshotImport importSnapshotSources(CaseDb &caseDb, std::vector<SnapshotSource> sources,
                                     std::optional<QDateTime> asOf = std::nullopt, const QString &label = {});

struct StoredSnapshot {
    qint64 id = 0;
    QDateTime asOf;
    QDateTime loadedAt;
    QString label;
    std::vector<SnapshotFile> files;
};

// The case's snapshots, oldest as-of first; none for a case of an older schema.
std::vector<StoredSnapshot> listSnapshots(CaseDb &caseDb);
// One stored snapshot parsed again, with the warnings it loaded with.
std::optional<SnapshotLoad> loadStoredSnapshot(CaseDb &caseDb, qint64 id);
// Removes a stored snapshot and its files in one transaction: what was
// removed, or nullopt when the case holds no snapshot of that id. Throws
// StoreError when the case cannot be written.
std::optional<StoredSnapshot> removeSnapshot(CaseDb &caseDb, qint64 id);
// Every stored snapshot parsed again, to choose the one in force at a record's time.
SnapshotTimeline loadSnapshotTimeline(CaseDb &caseDb);

} // namespace flowscope::explain
