// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads a configuration snapshot into a case off the GUI thread (on the
// analysis pool, with its own connection to the case) and reports the
// outcome. One load at a time; cancel() stops it before it is stored.

#include "snapshot_store.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace flowscope::explain {

struct SnapshotImportOutcome {
    QString casePath;
    SnapshotImport import;
    QString error; // the case could not be opened or written
};

class SnapshotImportJob : public QObject {
    Q_OBJECT
public:
    explicit SnapshotImportJob(QObject *parent = nullptr);
    ~SnapshotImportJob() override; // cancels and waits

    bool isRunning() const { return m_watcher.isRunning(); }
    // False when a load is already running.
    bool start(const QString &casePath, const QStringList &paths, std::optional<QDateTime> asOf = std::nullopt,
               const QString &label = {});
    void cancel();

Q_SIGNALS:
    void finished(const flowscope::explain::SnapshotImportOutcome &outcome);

private:
    QFutureWatcher<SnapshotImportOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace flowscope::explain

Q_DECLARE_METATYPE(flowscope::explain::SnapshotImportOutcome)
