// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_import_job.h"

#include "store/case_db.h"
#include "tasks/work_pools.h"

#include <QtConcurrent/QtConcurrentRun>

namespace flowscope::explain {

SnapshotImportJob::SnapshotImportJob(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<flowscope::explain::SnapshotImportOutcome>();
    connect(&m_watcher, &QFutureWatcher<SnapshotImportOutcome>::finished, this, [this] {
        if (!m_watcher.future().isValid() || m_watcher.future().resultCount() == 0)
            return;
        Q_EMIT finished(m_watcher.result());
    });
}

SnapshotImportJob::~SnapshotImportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

bool SnapshotImportJob::start(const QString &casePath, const QStringList &paths, std::optional<QDateTime> asOf,
                              const QString &label)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [=, cancel = m_cancel]() -> SnapshotImportOutcome {
        SnapshotImportOutcome outcome{casePath, {}, {}};
        try {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            outcome.import = importSnapshot(*caseDb, paths, asOf, label, cancel.get());
        } catch (const std::exception &error) {
            outcome.error = QString::fromLocal8Bit(error.what());
        }
        return outcome;
    }));
    return true;
}

void SnapshotImportJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace flowscope::explain
