// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_export_job.h"

#include "explain/case_enrichment.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
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

// The request's sections, read from its case with its filter.
ReportSections sectionsOf(const ReportRequest &request, const ReportCancelled &cancelled,
                          const std::function<void(int)> &sectionsMade)
{
    auto caseDb = openForBackgroundReads(request.casePath.toStdString());
    const std::string expression = request.filter.toStdString();
    const auto compiled = explain::compileWithSnapshot(*caseDb, expression);
    if (const auto *invalid = std::get_if<FilterError>(&compiled))
        throw std::runtime_error(tr("The filter is not valid: %1")
                                     .arg(QString::fromStdString(renderFilterError(expression, *invalid)))
                                     .toStdString());
    const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
    // A cancel also stops the statement running inside SQLite.
    const QueryInterrupt interrupt(*caseDb, [&] { return cancelled && cancelled(); });
    ReportSections sections;
    for (const ReportPart part : request.parts) {
        auto made = caseReportSections(*caseDb, filter, {part}, cancelled);
        for (auto &section : made)
            sections.push_back(std::move(section));
        if (sectionsMade)
            sectionsMade(int(sections.size()));
    }
    if (cancelled && cancelled())
        throw ReportStopped();
    return sections;
}

} // namespace

QByteArray buildReportPdf(const ReportRequest &request, const ReportCancelled &cancelled,
                          const std::function<void(int)> &sectionsMade)
{
    const ReportSections sections = sectionsOf(request, cancelled, sectionsMade);
    QByteArray pdf;
    QBuffer out(&pdf);
    out.open(QIODevice::WriteOnly);
    if (!writePdfReport(out, request.options, sections, cancelled))
        throw std::runtime_error(tr("The PDF could not be drawn").toStdString());
    return pdf;
}

std::vector<QImage> buildReportPreview(const ReportRequest &request, int maxPages, double dotsPerInch,
                                       const ReportCancelled &cancelled)
{
    const ReportSections sections = sectionsOf(request, cancelled, {});
    return renderReportPages(request.options, sections, maxPages, dotsPerInch, cancelled);
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
