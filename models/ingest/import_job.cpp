// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_job.h"

#include "case_importer.h"
#include "store/case_db.h"

#include <QThread>

#include <chrono>
#include <filesystem>
#include <vector>

namespace flowscope {

// Forwards the importer's progress as the job's signal, coalesced.
class ImportJob::Observer : public ImportObserver {
public:
    explicit Observer(ImportJob &job)
        : m_job(job)
    {
    }

    void progress(const ImportProgress &progress) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (m_emitted && now - m_lastEmit < std::chrono::milliseconds(kProgressIntervalMs))
            return;
        m_emitted = true;
        m_lastEmit = now;
        Q_EMIT m_job.progress(progress);
    }

    bool isCancelled() const override { return m_job.m_cancel; }

private:
    ImportJob &m_job;
    bool m_emitted = false;
    std::chrono::steady_clock::time_point m_lastEmit;
};

ImportJob::ImportJob(QString casePath, QStringList paths, std::optional<LogFormat> logFormat, QObject *parent)
    : QObject(parent)
    , m_casePath(std::move(casePath))
    , m_paths(std::move(paths))
    , m_logFormat(std::move(logFormat))
{
    registerMetaTypes();
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void ImportJob::registerMetaTypes()
{
    qRegisterMetaType<flowscope::ImportProgress>();
    qRegisterMetaType<flowscope::ImportReport>();
}

bool ImportJob::isRunning() const { return m_thread && m_thread->isRunning(); }

void ImportJob::start()
{
    if (m_thread)
        return; // a job runs once
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    m_thread->setObjectName(QStringLiteral("import"));
    // QThread::finished comes from the worker: queued to this object's thread.
    connect(m_thread, &QThread::finished, this, &ImportJob::onWorkerDone, Qt::QueuedConnection);
    m_thread->start();
}

void ImportJob::run()
{
    try {
        auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
        std::vector<std::filesystem::path> inputs;
        inputs.reserve(static_cast<std::size_t>(m_paths.size()));
        for (const QString &path : m_paths)
            inputs.emplace_back(path.toStdString());
        ImportOptions options;
        options.logFormat = m_logFormat;
        options.logFormatScope = ImportOptions::LogFormatScope::FilesNeedingIt;
        options.keepDuplicates = m_keepDuplicates;
        Observer observer(*this);
        m_report = CaseImporter(*caseDb).run(inputs, options, &observer);
    } catch (const std::exception &error) {
        m_error = QString::fromLocal8Bit(error.what());
    } catch (...) {
        m_error = tr("The import stopped on an unexpected error.");
    }
}

void ImportJob::onWorkerDone()
{
    if (m_error.isEmpty())
        Q_EMIT finished(m_report);
    else
        Q_EMIT failed(m_error);
}

} // namespace flowscope
