// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_controller.h"

#include "tasks/work_pools.h"

#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>
#include <vector>

namespace flowscope {

ImportController::ImportController(QObject *parent)
    : QObject(parent)
{
    ImportJob::registerMetaTypes();
    connect(&m_check, &QFutureWatcher<LogFormatNeed>::finished, this, &ImportController::onChecked);
}

ImportController::~ImportController()
{
    if (m_checkCancelled)
        *m_checkCancelled = true;
    m_check.waitForFinished();
    delete m_job; // cancels and waits
}

void ImportController::importPaths(const QStringList &paths)
{
    if (m_busy) {
        Q_EMIT failed(tr("An import is already running: wait for it to finish or cancel it."));
        return;
    }
    if (m_casePath.isEmpty()) {
        Q_EMIT failed(tr("Open or create a case before importing."));
        return;
    }
    if (paths.isEmpty())
        return;
    m_paths = paths;
    setBusy(true);
    Q_EMIT checkingStarted();
    std::vector<std::filesystem::path> inputs;
    for (const QString &path : paths)
        inputs.emplace_back(path.toStdString());
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_checkCancelled = cancelled;
    m_check.setFuture(QtConcurrent::run(lookupPool(), [inputs = std::move(inputs), cancelled] {
        return findLogFormatNeed(inputs, [cancelled] { return cancelled->load(); });
    }));
}

void ImportController::cancel()
{
    if (!m_busy)
        return;
    if (m_checkCancelled)
        *m_checkCancelled = true;
    if (m_job)
        m_job->cancel();
    Q_EMIT cancelling();
}

void ImportController::onChecked()
{
    const LogFormatNeed need = m_check.result();
    m_checkCancelled.reset();
    if (need.cancelled) {
        finishCancelled();
        return;
    }
    std::optional<LogFormat> logFormat;
    if (need.files > 0 && !askLogFormat(need, logFormat)) {
        finishCancelled();
        return;
    }
    startJob(std::move(logFormat));
}

bool ImportController::askLogFormat(const LogFormatNeed &need, std::optional<LogFormat> &logFormat)
{
    if (!m_prompt)
        return true;
    LogFormatRequest request;
    request.files = static_cast<int>(need.files);
    request.exampleFile = QString::fromStdString(need.exampleFile);
    request.exampleRecord = QString::fromStdString(need.example.firstRecord);
    request.exampleFields = static_cast<int>(need.example.fields);
    request.history = m_history.formats();
    const std::optional<QString> answer = m_prompt(request);
    if (!answer)
        return false;
    std::string error;
    LogFormat format = LogFormat::parse(answer->toStdString(), &error);
    if (format.isEmpty()) {
        Q_EMIT failed(tr("Not a flow-log format string: %1").arg(QString::fromStdString(error)));
        setBusy(false);
        return false;
    }
    m_history.remember(*answer);
    logFormat = std::move(format);
    return true;
}

void ImportController::startJob(std::optional<LogFormat> logFormat)
{
    auto *job = new ImportJob(m_casePath, m_paths, std::move(logFormat), this);
    m_job = job;
    job->setKeepDuplicates(m_keepDuplicates);
    connect(job, &ImportJob::progress, this, &ImportController::progress);
    connect(job, &ImportJob::finished, this, [this, job](const ImportReport &report) {
        job->deleteLater();
        setBusy(false);
        Q_EMIT finished(report);
    });
    connect(job, &ImportJob::failed, this, [this, job](const QString &message) {
        job->deleteLater();
        setBusy(false);
        Q_EMIT failed(message);
    });
    job->start();
}

void ImportController::finishCancelled()
{
    if (!m_busy)
        return; // a failure said why already
    setBusy(false);
    ImportReport report;
    report.cancelled = true;
    Q_EMIT finished(report);
}

void ImportController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace flowscope
