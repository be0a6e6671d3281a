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

bool holds(const QWidget *view, const QWidget *focus) { return view && focus && (view == focus || view->isAncestorOf(focus)); }
} // namespace

CurrentViewExport findingsExport(const QString &casePath)
{
    CurrentViewExport view;
    view.request.casePath = casePath;
    view.request.table = CsvExportRequest::Table::Findings;
    view.suggestedName = QFileInfo(casePath).completeBaseName() + QStringLiteral("-findings.csv");
    return view;
}

CurrentViewExport incidentExport(const QString &casePath)
{
    CurrentViewExport view;
    view.request.casePath = casePath;
    view.request.table = CsvExportRequest::Table::Incident;
    view.suggestedName = QFileInfo(casePath).completeBaseName() + QStringLiteral("-incident.csv");
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
    } else if (holds(rejects, focus)) {
        view.request.filter = rejects->filter();
        view.request.table = Table::RejectGroups;
        view.suggestedName = caseName + QStringLiteral("-rejects.csv");
    } else {
        view.request.filter = flowFilter;
        view.request.table = Table::Flows;
        view.suggestedName = caseName + QStringLiteral("-flows.csv");
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
        if (m_progress)
            m_progress->setLabelText(tr("Exporting to %1…\n%2 rows written")
                                         .arg(QFileInfo(m_outPath).fileName(), QLocale().toString(rows)));
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

void CsvExportController::exportView(CsvExportRequest request, const QString &suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export as CSV"),
                                                      QDir(lastFolder(request.casePath)).filePath(suggestedName),
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
    const CurrentViewExport chosen = currentViewExport(casePath, flowFilter, view, stats, rejects, findings, incident);
    exportView(chosen.request, chosen.suggestedName);
}

void CsvExportController::exportTo(const CsvExportRequest &request)
{
    m_outPath = request.outPath;
    if (!m_progress) {
        m_progress = new QProgressDialog(m_window);
        m_progress->setObjectName(QStringLiteral("csvExportProgress"));
        m_progress->setWindowTitle(tr("Export as CSV"));
        m_progress->setRange(0, 0); // rows, not a share: the count of matches may still be unknown
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        connect(m_progress, &QProgressDialog::canceled, m_job, &CsvExportJob::cancel);
    }
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
