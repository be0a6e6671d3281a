// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workbench window. It wires the case session, the import controller,
// the models and the views together and computes nothing itself: the flow
// table in the middle, the case summary and the import report in docks, the
// import's progress and the case's summary in the status bar.

#include "ingest/import_report.h"
#include "window_settings.h"

#include <QFileDialog>
#include <QMainWindow>
#include <optional>

class QDockWidget;
class QStackedWidget;

namespace flowscope {

class AppPalette;
class CaseEnrichmentLoader;
class CaseSession;
class CaseStatusLabel;
class CsvExportController;
class ExportViewTracker;
class CaseSummaryView;
class EmptyCaseView;
class FilterBar;
class FindingsInFront;
class FindingsView;
class IncidentTimelineModel;
class IncidentTimelineView;
class IocListsController;
class IocListsDialog;
class FilterController;
class FileRemovalJob;
struct FileRemovalOutcome;
class FlowTableModel;
class FlowTableView;
class RecordDetailView;
class GraphView;
class ImportController;
class ImportErrorsModel;
class ImportFilesModel;
class ImportProgressWidget;
class ImportReportView;
class MainActions;
class RecordLocator;
class RecordMarkActions;
class RecordMarksController;
class RejectsOverviewView;
class ShownRecordsLabel;
class TimelineView;
class TrafficStatsView;
class WhyRejectedPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // In the default layout, a case with findings opens with them in front.
    bool openCase(const QString &path);
    bool createCase(const QString &path);
    // Imports files and folders into the open case (asking for a new case
    // when none is open). The import menu actions and drag and drop come here.
    void importPaths(const QStringList &paths);
    void showError(const QString &message);
    // View > Theme switches this palette (none: the menu does nothing).
    void setAppPalette(AppPalette *palette);

    CaseSession *session() const { return m_session; }
    ImportController *importController() const { return m_imports; }
    FlowTableModel *flowModel() const { return m_flows; }
    // `-Y FILTER`: applied when valid, else left in the bar with its error in
    // the status bar. One naming snapshot fields waits for the case's snapshot.
    void applyCommandLineFilter(const QString &expression);
    FilterBar *filterBar() const { return m_filterBar; }
    FlowTableView *flowTable() const { return m_table; }
    TrafficStatsView *statistics() const { return m_stats; }
    TimelineView *timeline() const { return m_timeline; }
    WhyRejectedPanel *whyRejected() const { return m_whyRejected; }
    RejectsOverviewView *rejectsOverview() const { return m_rejects; }
    GraphView *graph() const { return m_graph; }
    IncidentTimelineView *incidentTimeline() const { return m_incidentView; }
    RecordMarkActions *recordMarkActions() const { return m_markActions; }

Q_SIGNALS:
    void importFinished(const flowscope::ImportReport &report);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createExplainDocks();
    void createGraphDock();
    void createIncidentDock();
    void goToMarker(const QString &id);
    // A starred record's marker the filter hides: said with the record's
    // time and flow, with the offer to clear the filter and go to it.
    struct SoughtRecord {
        qint64 record = 0;
        qint64 time = 0;
        QString summary; // "tcp 10.0.1.5:51234 → 198.51.100.7:443 ACCEPT on eni-…"
    };
    void offerToShowHiddenRecord(const SoughtRecord &sought);
    void goToTime(qint64 epoch);
    void createStatusBar();
    void connectSession();
    void connectImports();
    void connectActions();
    void connectFilter();
    void restoreSettings();
    void saveSettings() const;

    void onCaseChanged(const QString &casePath);
    void showUnloggedTrafficNote(const QString &emptyFilter);
    void showFilterSnapshotNote(const QString &filter);
    void applyPendingFilter();
    void onImportFinished(const ImportReport &report);
    void onImportingChanged(bool importing);
    void removeFile(const QString &path, const QString &sha256);
    void onFileRemoved(const FileRemovalOutcome &outcome);
    void reloadCaseViews();
    void loadImportReportIfStale();

    QString dialogFolder(const QString &purpose) const;
    bool newCaseDialog();
    void openCaseDialog();
    void importFilesDialog();
    void importFolderDialog();
    QStringList askImportPaths(QFileDialog::FileMode mode);
    void loadSnapshotDialog();
    void snapshotListDialog();
    void showIocLists();
    void exportReportDialog();
    void showAbout();

    CaseSession *m_session;
    ImportController *m_imports;
    FileRemovalJob *m_removal;
    AppPalette *m_palette = nullptr;
    FlowTableModel *m_flows;
    ImportFilesModel *m_files;
    ImportErrorsModel *m_errors;
    MainActions *m_actions;
    CsvExportController *m_csvExport;
    ExportViewTracker *m_exportViews = nullptr; // which view File > Export follows
    QStackedWidget *m_center;
    EmptyCaseView *m_empty;
    FlowTableView *m_table;
    CaseSummaryView *m_summary;
    ImportReportView *m_report;
    QDockWidget *m_summaryDock = nullptr;
    QDockWidget *m_reportDock = nullptr;
    RecordDetailView *m_details = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    ImportProgressWidget *m_progress = nullptr;
    CaseStatusLabel *m_status = nullptr;
    ShownRecordsLabel *m_shown = nullptr;
    FilterBar *m_filterBar = nullptr;
    FilterController *m_filter = nullptr;
    IocListsController *m_iocLists = nullptr;
    IocListsDialog *m_iocDialog = nullptr;
    CaseEnrichmentLoader *m_enrichment = nullptr;
    bool m_unloggedNoteShown = false;
    QString m_emptyFilter; // the filter in force when it found nothing
    QString m_filterError; // the status bar's filter error, cleared by the next valid filter
    QString m_notShownMessage; // "not among the rows the filter shows", cleared by the next filter
    std::optional<SoughtRecord> m_soughtMarker; // the marker's record the table looks for
    void showFilterError(const QString &message, int timeoutMs);
    QString m_pendingFilter; // from the command line, waiting for the case's snapshot
    TrafficStatsView *m_stats = nullptr;
    TimelineView *m_timeline = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QDockWidget *m_statsDock = nullptr;
    WhyRejectedPanel *m_whyRejected = nullptr;
    QDockWidget *m_whyRejectedDock = nullptr;
    RejectsOverviewView *m_rejects = nullptr;
    FindingsView *m_findings = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    FindingsInFront *m_findingsInFront = nullptr;
    QDockWidget *m_rejectsDock = nullptr;
    RecordLocator *m_locator = nullptr;
    GraphView *m_graph = nullptr;
    QDockWidget *m_graphDock = nullptr;
    RecordMarksController *m_marks = nullptr;
    RecordMarkActions *m_markActions = nullptr;
    IncidentTimelineModel *m_incident = nullptr;
    IncidentTimelineView *m_incidentView = nullptr;
    QDockWidget *m_incidentDock = nullptr;
    std::optional<qint64> m_goToTime; // the time Go to Time asked for, until its row is found
    WindowSettings m_settings;
    bool m_reportStale = true; // the import report has not read the open case yet
    bool m_defaultDockSizesPending = false; // no layout was saved: the defaults apply on the first show
};

} // namespace flowscope
