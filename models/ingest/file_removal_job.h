// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Removes one imported file from a case off the GUI thread (on the analysis
// pool, with its own connection to the case, in one transaction; see
// store/file_removal.h) and reports the outcome. One removal at a time;
// cancel() before it commits leaves the case as it was.

#include "store/file_removal.h"

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace flowscope {

struct FileRemovalOutcome {
    QString casePath;
    FileRemovalResult result;
    QString error; // empty: removed
};

class FileRemovalJob : public QObject {
    Q_OBJECT
public:
    explicit FileRemovalJob(QObject *parent = nullptr);
    ~FileRemovalJob() override; // cancels and waits

    bool isRunning() const { return m_watcher.isRunning(); }
    // The file by its SHA-256. False when a removal is already running.
    bool start(const QString &casePath, const QString &sha256);
    void cancel();

Q_SIGNALS:
    void finished(const flowscope::FileRemovalOutcome &outcome);

private:
    QFutureWatcher<FileRemovalOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::FileRemovalOutcome)
