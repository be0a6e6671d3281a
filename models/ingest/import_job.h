// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An import into a case, run off the GUI thread: CaseImporter on a worker
// thread with its own connection to the case (created if missing). Progress
// comes at most about ten times a second; cancel() stops it within a batch,
// and the file being imported then leaves no trace (see CaseImporter).

#include "import_report.h"
#include "format/log_format.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace flowscope {

class ImportJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kProgressIntervalMs = 100;

    // `logFormat` is for headerless files not in the default format only
    // (ImportOptions::LogFormatScope::FilesNeedingIt).
    ImportJob(QString casePath, QStringList paths, std::optional<LogFormat> logFormat = std::nullopt,
              QObject *parent = nullptr);
    // Cancels a running import and waits for it to stop.
    ~ImportJob() override;

    // Store records other files of the case already hold (ImportOptions::keepDuplicates); before start().
    void setKeepDuplicates(bool keep) { m_keepDuplicates = keep; }
    bool keepsDuplicates() const { return m_keepDuplicates; }

    void start();
    // Thread-safe; the import stops after the batch it is writing.
    void cancel() { m_cancel = true; }
    bool isCancelRequested() const { return m_cancel; }
    bool isRunning() const;

    const QString &casePath() const { return m_casePath; }
    const QStringList &paths() const { return m_paths; }

    static void registerMetaTypes();

Q_SIGNALS:
    // Emitted on the worker thread: receivers in other threads get it queued.
    // A direct connection runs on the worker, before the importer checks for
    // a cancel, so calling cancel() from it stops the file being imported.
    void progress(const flowscope::ImportProgress &progress);
    // On the job's thread, once the worker is done.
    void finished(const flowscope::ImportReport &report);
    void failed(const QString &message);

private:
    class Observer;
    void run(); // on the worker thread
    void onWorkerDone();

    const QString m_casePath;
    const QStringList m_paths;
    const std::optional<LogFormat> m_logFormat;
    bool m_keepDuplicates = false;
    std::atomic<bool> m_cancel{false};
    QThread *m_thread = nullptr;
    // Written by the worker, read after it has finished.
    ImportReport m_report;
    QString m_error;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::ImportProgress)
Q_DECLARE_METATYPE(flowscope::ImportReport)
