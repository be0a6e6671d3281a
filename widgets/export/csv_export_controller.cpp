// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_export_controller.h"

#include "detect/findings_view.h"
#include "dialog_folder.h"

#include "explain/rejects_overview_view.h"
#include "traffic_stats_view.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>

namespace flowscope {

namespace {
const QString kLastFolderKey = QStringLiteral("export/lastFolder");
constexpr int kProgressSteps = 1000;

bool holds(const QWidget *view, const QWidget *focus) { return view && focus && (view == focus || view->isAncestorOf(focus)); }
} // namespace

QString exportActionText(const QString &what) { return CsvExportController::tr("Export %1 as &CSV…").arg(what); }

QString exportProgressText(const QString &fileName, qint64 rows, qint64 expectedRows)
{
    const QLocale locale;
    if (expectedRows >= 0)
        return CsvExportController::tr("Exporting to %1…\n%2 of %3 rows written")
            .arg(fileName, locale.toString(rows), locale.toString(expectedRows));
    return CsvExportController::tr("Exporting to %1…\n%2 rows written").arg(fileName, locale.toString(rows));
}

QString exportDialogTitle(const QString &what) { return CsvExportController::tr("Export %1 as CSV").arg(what); }

CurrentViewExport findingsExport(const QString &casePath)
{
    CurrentViewExport view;
    view.request.casePath = casePath;
    view.request.table = CsvExportRequest::Table::Findings;
    view.suggestedName = QFileInfo(casePath).completeBaseName() + QStringLiteral("-findings.csv");
    view.what = CsvExportController::tr("Findings");
    return view;
}

CurrentViewExport incidentExport(const QString &casePath)
{
    CurrentViewExport view;
    view.request.casePath = casePath;
    view.request.table = CsvExportRequest::Table::Incident;
    view.suggestedName = QFileInfo(casePath).completeBaseName() + QStringLiteral("-incident.csv");
    view.what = CsvExportController::tr("Incident Timeline");
    return view;
}

CurrentViewExport currentViewExport(const QString &casePath, const QString &flowFilter, const QWidget *focus,
                                    const TrafficStatsView *stats, const RejectsOverviewView *rejects,
                                    const FindingsView *findings, const QWidget *incident)
{
    if (holds(findings, focus))
        return findingsExport(casePath);
    if (holds(incident, focus))
        return incidentExport(casePath);
    using Table = CsvExportRequest::Table;
    using Kind = TrafficStatsView::Kind;
    CurrentViewExport view;
    view.request.casePath = casePath;
    const QString caseName = QFileInfo(casePath).completeBaseName();
    if (holds(stats, focus)) {
        view.request.filter = stats->filter();
        switch (stats->kind()) {
        case Kind::Conversations: view.request.table = Table::Conversations; break;
        case Kind::ServiceConversations: view.request.table = Table::ServiceConversations; break;
        case Kind::AddressEndpoints: view.request.table = Table::AddressEndpoints; break;
        case Kind::InterfaceEndpoints: view.request.table = Table::InterfaceEndpoints; break;
        }
        const bool conversations = stats->kind() == Kind::Conversations || stats->kind() == Kind::ServiceConversations;
        view.suggestedName = caseName + (conversations ? QStringLiteral("-conversations.csv") : QStringLiteral("-endpoints.csv"));
        view.what = conversations ? CsvExportController::tr("Conversations") : CsvExportController::tr("Endpoints");
    } else if (holds(rejects, focus)) {
        view.request.filter = rejects->filter();
        view.request.table = Table::RejectGroups;
        view.suggestedName = caseName + QStringLiteral("-rejects.csv");
        view.what = CsvExportController::tr("Reject Groups");
    } else {
        view.request.filter = flowFilter;
        view.request.table = Table::Flows;
        view.suggestedName = caseName + QStringLiteral("-flows.csv");
        view.what = CsvExportController::tr("Flows");
    }
    return view;
}

CsvExportController::CsvExportController(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_job(new CsvExportJob(this))
{
    connect(m_job, &CsvExportJob::finished, this, &CsvExportController::onFinished);
    connect(m_job, &CsvExportJob::progress, this, [this](qint64 rows) {
        if (!m_progress)
            return;
        m_progress->setLabelText(exportProgressText(QFileInfo(m_outPath).fileName(), rows, m_expectedRows));
        if (m_expectedRows > 0) // per mille: a count past an int still fills the bar
            m_progress->setValue(int(std::min<qint64>(rows, m_expectedRows) * kProgressSteps / m_expectedRows));
    });
}

QString CsvExportController::lastFolder(const QString &casePath)
{
    return dialogStartFolder(kLastFolderKey, {casePath});
}

void CsvExportController::rememberFolder(const QString &chosen)
{
    rememberDialogFolder(kLastFolderKey, chosen);
}

void CsvExportController::exportView(const CurrentViewExport &view)
{
    CsvExportRequest request = view.request;
    const QString path = QFileDialog::getSaveFileName(m_window, exportDialogTitle(view.what),
                                                      QDir(lastFolder(request.casePath)).filePath(view.suggestedName),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberFolder(path);
    request.outPath = path;
    exportTo(request);
}

void CsvExportController::exportCurrentView(const QString &casePath, const QString &flowFilter, const QWidget *view,
                                            const TrafficStatsView *stats, const RejectsOverviewView *rejects,
                                            const FindingsView *findings, const QWidget *incident)
{
    exportView(currentViewExport(casePath, flowFilter, view, stats, rejects, findings, incident));
}

void CsvExportController::exportTo(const CsvExportRequest &request)
{
    m_outPath = request.outPath;
    if (!m_progress) {
        m_progress = new QProgressDialog(m_window);
        m_progress->setObjectName(QStringLiteral("csvExportProgress"));
        m_progress->setWindowTitle(tr("Export as CSV"));
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        connect(m_progress, &QProgressDialog::canceled, m_job, &CsvExportJob::cancel);
    }
    // A share when the count of rows is known, else a busy bar: the filter's count may still be running.
    m_expectedRows = request.expectedRows;
    m_progress->setRange(0, m_expectedRows > 0 ? kProgressSteps : 0);
    m_progress->setValue(0);
    m_progress->setLabelText(tr("Exporting to %1…").arg(QFileInfo(m_outPath).fileName()));
    m_progress->show();
    m_job->start(request);
}

void CsvExportController::onFinished(const CsvExportOutcome &outcome)
{
    if (m_progress)
        m_progress->hide();
    if (outcome.cancelled)
        Q_EMIT message(tr("Export cancelled: %1 was not written").arg(QDir::toNativeSeparators(m_outPath)));
    else if (!outcome.ok)
        Q_EMIT message(tr("Export failed: %1").arg(outcome.error));
    else
        Q_EMIT message(tr("Exported %Ln row(s) to %1", nullptr, int(std::min<qint64>(outcome.rows, INT_MAX)))
                           .arg(QDir::toNativeSeparators(m_outPath)));
}

} // namespace flowscope
