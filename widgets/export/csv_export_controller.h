// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export > Export <view> as CSV (and the Findings view's Export
// Findings as CSV): asks where (a save dialog starting in
// the folder of the last export), then runs the export off the GUI thread
// with a progress dialog whose Cancel stops it and leaves no file. Says how
// it ended through message(), for the status bar.

#include "export/csv_export_job.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace flowscope {

class FindingsView;
class RejectsOverviewView;
class TrafficStatsView;

// What "the current view" is: the statistic shown when `view` is (or holds)
// the Statistics view, the reject groups for the Rejects view, the case's
// findings for the Findings view, its incident timeline for the Incident
// Timeline view, else the records of the flow table's filter. `view` is the
// one the analyst turned to (ExportViewTracker). Also the file name to offer.
struct CurrentViewExport {
    CsvExportRequest request;
    QString suggestedName;
    QString what; // what the file will hold, for the menu and the dialog: "Flows", "Findings"…
};
// The File > Export action's text and the save dialog's title for `what`.
QString exportActionText(const QString &what);
QString exportDialogTitle(const QString &what);
CurrentViewExport currentViewExport(const QString &casePath, const QString &flowFilter, const QWidget *view,
                                    const TrafficStatsView *stats, const RejectsOverviewView *rejects,
                                    const FindingsView *findings = nullptr, const QWidget *incident = nullptr);
// Every finding of the case (the Findings view's own Export).
CurrentViewExport findingsExport(const QString &casePath);
// The case's incident timeline: findings, stars, tags and notes.
CurrentViewExport incidentExport(const QString &casePath);

// The progress dialog's text: "N of M rows written" when `expectedRows` is known (>= 0), else "N rows written".
QString exportProgressText(const QString &fileName, qint64 rows, qint64 expectedRows);

class CsvExportController : public QObject {
    Q_OBJECT
public:
    explicit CsvExportController(QWidget *window);

    // `request` without its outPath; the dialog offers `view.suggestedName` and names `view.what`.
    void exportView(const CurrentViewExport &view);
    // The view the analyst turned to (see currentViewExport), through the dialog.
    void exportCurrentView(const QString &casePath, const QString &flowFilter, const QWidget *view,
                           const TrafficStatsView *stats, const RejectsOverviewView *rejects,
                           const FindingsView *findings = nullptr, const QWidget *incident = nullptr);
    // The same without the dialog.
    void exportTo(const CsvExportRequest &request);

    CsvExportJob *job() const { return m_job; }
    QProgressDialog *progressDialog() const { return m_progress; }
    // The folder the save dialog starts in: the last export's, else the
    // case's, else home (dialog_folder.h). The report's dialog shares it.
    static QString lastFolder(const QString &casePath = {});
    // Keeps the folder of a file chosen for an export as the next dialogs' start.
    static void rememberFolder(const QString &chosen);

Q_SIGNALS:
    void message(const QString &text);

private:
    void onFinished(const CsvExportOutcome &outcome);

    QPointer<QWidget> m_window;
    CsvExportJob *m_job;
    QProgressDialog *m_progress = nullptr;
    QString m_outPath;
    qint64 m_expectedRows = -1;
};

} // namespace flowscope
