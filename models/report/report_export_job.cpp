// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_export_job.h"

#include "section_reads.h"

#include "tasks/work_pools.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <stdexcept>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportExportJob", text);
}

} // namespace

std::shared_ptr<const ReportSection> ReportSectionCache::find(ReportPart part) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_sections.find(part);
    return found == m_sections.end() ? nullptr : found->second;
}

void ReportSectionCache::keep(ReportPart part, std::shared_ptr<const ReportSection> section)
{
    const std::lock_guard lock(m_mutex);
    ++m_read;
    m_sections.insert_or_assign(part, std::move(section));
}

int ReportSectionCache::sectionsRead() const
{
    const std::lock_guard lock(m_mutex);
    return m_read;
}

QByteArray buildReportPdf(const ReportRequest &request, const ReportCancelled &cancelled,
                          const std::function<void(int)> &sectionsMade)
{
    const int parts = int(request.parts.size());
    SectionReads reads(request, cancelled, [&](const SectionProgress &progress) {
        if (sectionsMade && !progress.reading)
            sectionsMade(parts - progress.total + progress.done);
    });
    const ReportSections sections = reads.all();
    QByteArray pdf;
    QBuffer out(&pdf);
    out.open(QIODevice::WriteOnly);
    if (!writePdfReport(out, request.options, sections, cancelled))
        throw std::runtime_error(tr("The PDF could not be drawn").toStdString());
    return pdf;
}

ReportExportJob::ReportExportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ReportExportJob::onFinished);
    // Polled rather than signalled from the worker, as the CSV export does.
    auto *poll = new QTimer(this);
    poll->setInterval(200);
    connect(poll, &QTimer::timeout, this, [this] {
        if (m_state && m_watcher.isRunning())
            Q_EMIT progress(m_state->sections.load(), m_steps);
    });
    poll->start();
}

ReportExportJob::~ReportExportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void ReportExportJob::start(const ReportRequest &request, const QString &outPath)
{
    cancel();
    m_watcher.waitForFinished(); // an older export stops at its next section
    m_state = std::make_shared<State>();
    m_outPath = outPath;
    m_steps = int(request.parts.size()) + 1;
    Q_EMIT progress(0, m_steps);
    auto state = m_state;
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [request, state] {
        Result result;
        try {
            result.pdf = buildReportPdf(request, [state] { return state->cancelled.load(); },
                                        [state](int made) { state->sections.store(made); });
        } catch (const ReportStopped &) {
            result.cancelled = true;
        } catch (const std::exception &error) {
            if (state->cancelled.load())
                result.cancelled = true; // an interrupted statement throws too
            else
                result.error = QString::fromStdString(error.what());
        }
        return result;
    }));
}

void ReportExportJob::cancel()
{
    if (m_state)
        m_state->cancelled.store(true);
}

void ReportExportJob::onFinished()
{
    const Result result = m_watcher.result();
    ReportOutcome outcome;
    if (result.cancelled || m_state->cancelled.load()) {
        outcome.cancelled = true;
    } else if (!result.error.isEmpty()) {
        outcome.error = result.error;
    } else {
        Q_EMIT progress(m_steps, m_steps);
        QSaveFile file(m_outPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(result.pdf) != result.pdf.size() || !file.commit())
            outcome.error = m_outPath + QStringLiteral(": ") + file.errorString();
        else
            outcome.ok = true;
    }
    Q_EMIT finished(outcome);
}

} // namespace flowscope::report
