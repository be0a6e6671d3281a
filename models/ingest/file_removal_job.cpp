// SPDX-License-Identifier: GPL-3.0-or-later
#include "file_removal_job.h"

#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "tasks/work_pools.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace flowscope {

FileRemovalJob::FileRemovalJob(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<flowscope::FileRemovalOutcome>();
    connect(&m_watcher, &QFutureWatcher<FileRemovalOutcome>::finished, this, [this] {
        if (m_watcher.future().isValid() && m_watcher.future().resultCount() > 0)
            Q_EMIT finished(m_watcher.result());
    });
}

FileRemovalJob::~FileRemovalJob()
{
    cancel();
    m_watcher.waitForFinished();
}

bool FileRemovalJob::start(const QString &casePath, const QString &sha256)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [=, cancel = m_cancel]() -> FileRemovalOutcome {
        FileRemovalOutcome outcome{casePath, {}, {}};
        try {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            const std::optional<CaseFileRef> file = findCaseFile(caseDb->handle(), sha256.toStdString());
            if (!file) {
                outcome.error = QCoreApplication::translate("FileRemovalJob", "%1: no imported file has the SHA-256 %2")
                                    .arg(casePath, sha256);
                return outcome;
            }
            Transaction transaction(caseDb->handle());
            outcome.result = removeFileFromCase(caseDb->handle(), file->id);
            if (cancel->load()) {
                transaction.rollback();
                outcome.error = QCoreApplication::translate("FileRemovalJob", "Removal of %1 cancelled; the case is unchanged")
                                    .arg(QString::fromStdString(file->path));
                return outcome;
            }
            transaction.commit();
        } catch (const FileRemovalRefused &refused) {
            outcome.error = QCoreApplication::translate("FileRemovalJob", "%1; the case is unchanged")
                                .arg(QString::fromStdString(refused.what()));
        } catch (const std::exception &error) {
            outcome.error = QStringLiteral("%1: %2").arg(casePath, QString::fromLocal8Bit(error.what()));
        }
        return outcome;
    }));
    return true;
}

void FileRemovalJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace flowscope
