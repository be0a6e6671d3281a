// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "about_dialog.h"
#include "app_palette.h"
#include "app_translation.h"
#include "go_to_time_dialog.h"
#include "record_detail_view.h"
#include "case_session.h"
#include "case_status_label.h"
#include "case_summary_view.h"
#include "default_dock_layout.h"
#include "dock_toggle.h"
#include "dropped_paths.h"
#include "detect/detection_settings_dialog.h"
#include "detect/findings_view.h"
#include "explain/rejects_overview_view.h"
#include "explain/why_rejected_panel.h"
#include "empty_case_view.h"
#include "export/csv_export_controller.h"
#include "export/export_view_tracker.h"
#include "export/report_export_dialog.h"
#include "filter_bar.h"
#include "filter_controller.h"
#include "findings_in_front.h"
#include "flow_table_view.h"
#include "graph/graph_view.h"
#include "import_controller.h"
#include "ingest/file_removal_job.h"
#include "import_progress_widget.h"
#include "import_report_view.h"
#include "keyboard_on_raise.h"
#include "itemmodels/case_snapshots.h"
#include "explain/case_enrichment.h"
#include "itemmodels/case_enrichment_loader.h"
#include "query/interface_attributes.h"
#include "itemmodels/findings_model.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/import_report_model.h"
#include "itemmodels/ioc_lists_controller.h"
#include "incident/incident_case.h"
#include "incident/incident_markers.h"
#include "incident/incident_timeline_view.h"
#include "incident/ioc_hit_markers.h"
#include "incident/record_mark_actions.h"
#include "itemmodels/incident_timeline_model.h"
#include "itemmodels/record_identity.h"
#include "itemmodels/record_marks_controller.h"
#include "incident/ioc_lists_dialog.h"
#include "log_format_prompt.h"
#include "main_actions.h"
#include "recent_cases_menu.h"
#include "record_locator.h"
#include "shown_records_label.h"
#include "snapshot_list_dialog.h"
#include "snapshot_load_dialog.h"
#include "snapshot_load_report.h"
#include "timeline_view.h"
#include "traffic_stats_view.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsView>
#include <QMessageBox>
#include <QPushButton>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QDateTime>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace flowscope {

namespace {
const QString kFlowTableKey = QStringLiteral("flowTable");
const QString kFlowColumnsKey = QStringLiteral("flowTableColumns");
const QString kImportFilesKey = QStringLiteral("importFiles");
const QString kImportErrorsKey = QStringLiteral("importErrors");
const QString kKeepDuplicatesKey = QStringLiteral("keepDuplicateRecords");
constexpr int kMessageMs = 15000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new CaseSession(this))
    , m_imports(new ImportController(this))
    , m_removal(new FileRemovalJob(this))
    , m_flows(new FlowTableModel(this))
    , m_files(new ImportFilesModel(this))
    , m_errors(new ImportErrorsModel(this))
    , m_actions(new MainActions(this))
    , m_csvExport(new CsvExportController(this))
    , m_center(new QStackedWidget(this))
    , m_empty(new EmptyCaseView(m_center))
    , m_table(new FlowTableView(m_center))
    , m_summary(new CaseSummaryView(this))
    , m_report(new ImportReportView(this))
    , m_filterBar(new FilterBar(this))
    , m_filter(new FilterController(m_filterBar, this))
    , m_iocLists(new IocListsController(this))
    , m_enrichment(new CaseEnrichmentLoader(this))
{
    setWindowTitle(tr("Flowscope"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_table->setObjectName(QStringLiteral("flowTable"));
    m_table->setModel(m_flows);
    m_report->setModels(m_files, m_errors);
    m_center->addWidget(m_empty);
    m_center->addWidget(m_table);
    // The filter bar above the table, as in Wireshark.
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setIocListResolver([this](const QString &name) { return m_iocLists->hasList(name); });
    connect(m_iocLists, &IocListsController::indicatorsChanged, m_flows, &FlowTableModel::setIocHighlight);
    connect(m_iocLists, &IocListsController::huntFinished, this, [this](const incident::IocHunt &hunt) {
        m_timeline->setMarkers(QStringLiteral("ioc"), iocHitMarkers(hunt));
    });
    m_filterBar->setEnabled(false); // until a case is open
    layout->addWidget(m_filterBar);
    layout->addWidget(m_center, 1);
    setCentralWidget(central);
    m_imports->setLogFormatPrompt(logFormatDialogPrompt(this));

    createDocks();
    createStatusBar();
    connectSession();
    connectImports();
    connectActions();
    connectFilter();
    m_actions->recentCases->setCases(m_session->recentCases());
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    // Below the table, which wants the window's width: the case and the import report as tabs.
    m_summaryDock = new QDockWidget(tr("Case"), this);
    m_summaryDock->setObjectName(QStringLiteral("caseSummaryDock"));
    m_summaryDock->setWidget(m_summary);
    addDockWidget(Qt::BottomDockWidgetArea, m_summaryDock);
    m_actions->addViewToggle(m_summaryDock->toggleViewAction());
    raiseOnToggle(m_summaryDock);

    m_reportDock = new QDockWidget(tr("Import Report"), this);
    m_reportDock->setObjectName(QStringLiteral("importReportDock"));
    m_reportDock->setWidget(m_report);
    addDockWidget(Qt::BottomDockWidgetArea, m_reportDock);
    tabifyDockWidget(m_summaryDock, m_reportDock); // a tab behind the case: it reads the case when in front

    // The selected record, decoded, beside the table.
    m_details = new RecordDetailView(this);
    m_detailsDock = new QDockWidget(tr("Record"), this);
    m_detailsDock->setObjectName(QStringLiteral("recordDetailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::BottomDockWidgetArea, m_detailsDock);
    tabifyDockWidget(m_summaryDock, m_detailsDock);
    m_summaryDock->raise(); // the case first; the record once one is chosen
    m_actions->addViewToggle(m_detailsDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::Key_D));
    raiseOnToggle(m_detailsDock);
    auto showCurrent = [this] { m_details->showRecord(m_flows->recordAt(m_table->currentIndex().row())); };
    connect(m_table, &QAbstractItemView::activated, m_detailsDock, &QWidget::raise);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, showCurrent);
    connect(m_flows, &FlowTableModel::pageLoaded, this, [this, showCurrent](int first, int last) {
        const int current = m_table->currentIndex().row();
        if (current >= first && current <= last)
            showCurrent(); // its page arrived after it was selected
    });
    m_actions->addViewToggle(m_reportDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::Key_R));
    raiseOnToggle(m_reportDock);
    // The report is read when it is shown: a hidden dock reads nothing.
    connect(m_reportDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            loadImportReportIfStale();
    });
    // Conversations and endpoints of what the filter shows.
    m_stats = new TrafficStatsView(this);
    m_stats->setObjectName(QStringLiteral("statistics"));
    m_statsDock = new QDockWidget(tr("Statistics"), this);
    m_statsDock->setObjectName(QStringLiteral("statisticsDock"));
    m_statsDock->setWidget(m_stats);
    addDockWidget(Qt::BottomDockWidgetArea, m_statsDock);
    tabifyDockWidget(m_summaryDock, m_statsDock);
    m_summaryDock->raise();
    m_actions->addViewToggle(m_statsDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::Key_T));
    raiseOnToggle(m_statsDock);
    // A tab coming in front is not shown again, only moved into the window.
    connect(m_statsDock, &QDockWidget::visibilityChanged, m_stats, [this](bool visible) {
        if (visible)
            m_stats->refreshIfStale();
    });

    // When it happened, above the records: the timeline of what the filter shows.
    m_timeline = new TimelineView(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timelineDock = new QDockWidget(tr("Timeline"), this);
    m_timelineDock->setObjectName(QStringLiteral("timelineDock"));
    m_timelineDock->setWidget(m_timeline);
    addDockWidget(Qt::TopDockWidgetArea, m_timelineDock);
    m_actions->addViewToggle(m_timelineDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::Key_L));
    createExplainDocks();
    createGraphDock();
    createIncidentDock();
    raiseOnToggle(m_timelineDock);
    m_summary->showError(tr("No case open"));
}

void MainWindow::createExplainDocks()
{
    // Both explain with the case's snapshots, parsed once for the two.
    const auto snapshots = std::make_shared<CaseSnapshots>();
    // Why the selected REJECT was rejected, beside the table.
    m_whyRejected = new WhyRejectedPanel(snapshots, this);
    m_whyRejected->setObjectName(QStringLiteral("whyRejected"));
    m_whyRejectedDock = new QDockWidget(tr("Why Rejected?"), this);
    m_whyRejectedDock->setObjectName(QStringLiteral("whyRejectedDock"));
    m_whyRejectedDock->setWidget(m_whyRejected);
    addDockWidget(Qt::RightDockWidgetArea, m_whyRejectedDock);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea); // the panel's full height beside the bottom tabs
    m_actions->addViewToggle(m_whyRejectedDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::Key_E));
    raiseOnToggle(m_whyRejectedDock);
    connect(m_whyRejectedDock, &QDockWidget::visibilityChanged, m_whyRejected, [this](bool visible) {
        if (visible)
            m_whyRejected->refreshIfStale();
    });
    auto explainCurrent = [this] { m_whyRejected->showRow(m_table->currentIndex()); };
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, explainCurrent);
    connect(m_flows, &QAbstractItemModel::modelReset, this, explainCurrent); // a new filter or order: another record there
    connect(m_flows, &FlowTableModel::pageLoaded, this, [this, explainCurrent](int first, int last) {
        const int current = m_table->currentIndex().row();
        if (current >= first && current <= last)
            explainCurrent(); // its page arrived after it was selected
    });
    // A click on an evidence record goes to it in the table.
    m_locator = new RecordLocator(m_table, m_flows, this);
    connect(m_whyRejected, &WhyRejectedPanel::recordRequested, m_locator, &RecordLocator::goTo);
    connect(m_locator, &RecordLocator::notFound, this, [this](qint64 id) {
        if (const auto sought = std::exchange(m_soughtMarker, std::nullopt); sought && sought->record == id) {
            offerToShowHiddenRecord(*sought);
            return;
        }
        m_notShownMessage = tr("%1 is not among the rows the filter shows.").arg(m_whyRejected->describeRecord(id));
        statusBar()->showMessage(m_notShownMessage, kMessageMs);
    });

    // Every reject of the filter, grouped, beside the statistics.
    m_rejects = new RejectsOverviewView(snapshots, this);
    m_rejects->setObjectName(QStringLiteral("rejectsOverview"));
    m_rejectsDock = new QDockWidget(tr("Rejects"), this);
    m_rejectsDock->setObjectName(QStringLiteral("rejectsDock"));
    m_rejectsDock->setWidget(m_rejects);
    addDockWidget(Qt::BottomDockWidgetArea, m_rejectsDock);
    tabifyDockWidget(m_statsDock, m_rejectsDock);
    m_summaryDock->raise();
    m_actions->addViewToggle(m_rejectsDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    raiseOnToggle(m_rejectsDock); // Ctrl+Shift+E brings the tab forward rather than removing it
    connect(m_rejectsDock, &QDockWidget::visibilityChanged, m_rejects, [this](bool visible) {
        if (visible)
            m_rejects->refreshIfStale();
    });

    // The case's findings, beside the statistics; Investigation > Run Detections fills it.
    m_findings = new FindingsView(this);
    m_findings->setObjectName(QStringLiteral("findingsView"));
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setWidget(m_findings);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    tabifyDockWidget(m_statsDock, m_findingsDock);
    m_summaryDock->raise();
    m_actions->addViewToggle(m_findingsDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    raiseOnToggle(m_findingsDock);
    m_findingsInFront = new FindingsInFront(m_findingsDock, m_findings->model(), this);
    connect(m_actions->runDetections, &QAction::triggered, this, [this] {
        m_findingsDock->show();
        m_findingsDock->raise();
        m_findings->runDetections();
    });
    connect(m_actions->detectionSettings, &QAction::triggered, this, [this] {
        DetectionSettingsDialog dialog(this);
        dialog.exec();
    });
}

void MainWindow::createGraphDock()
{
    // Who talked to whom, a tab behind the Why Rejected? panel beside the table: drawn only in front.
    m_graph = new GraphView(this);
    m_graph->setObjectName(QStringLiteral("graph"));
    m_graphDock = new QDockWidget(tr("Graph"), this);
    m_graphDock->setObjectName(QStringLiteral("graphDock"));
    // Its row of controls is some 430 px wide: scrolled when narrower, it does not hold the Why
    // Rejected? panel tabbed with it that wide.
    auto *graphScroll = new QScrollArea(this);
    graphScroll->setWidgetResizable(true);
    graphScroll->setFrameShape(QFrame::NoFrame);
    graphScroll->setWidget(m_graph);
    m_graphDock->setWidget(graphScroll);
    addDockWidget(Qt::RightDockWidgetArea, m_graphDock);
    tabifyDockWidget(m_whyRejectedDock, m_graphDock);
    m_whyRejectedDock->raise();
    m_actions->addViewToggle(m_graphDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    raiseOnToggle(m_graphDock);
    connect(m_graphDock, &QDockWidget::visibilityChanged, m_graph, [this](bool visible) {
        if (visible)
            m_graph->refreshIfStale();
    });
    // The Graph tab chosen: 0, + and - fit and zoom at once, without a click into the graph first.
    keyboardOnRaise(m_graphDock, m_graph->graphicsView(), m_filterBar);
    connect(m_graph, &GraphView::exported, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty())
            statusBar()->showMessage(tr("Graph exported to %1").arg(path), kMessageMs);
        else
            showError(error);
    });
}

void MainWindow::createIncidentDock()
{
    // Stars, tags and notes made on the table's records, written to the case at once.
    m_marks = new RecordMarksController(this);
    m_markActions = new RecordMarkActions(m_table, m_marks, this);
    connect(m_marks, &RecordMarksController::errorOccurred, this, &MainWindow::showError);
    connect(m_marks, &RecordMarksController::marksChanged, this, [this] {
        m_filterBar->setRecordMarks(m_marks->recordMarks());
        m_incident->reload();
    });

    // The incident in time order: findings, starred and tagged records and notes, beside the findings.
    m_incident = new IncidentTimelineModel(this);
    m_incidentView = new IncidentTimelineView(m_incident, this);
    m_incidentView->setObjectName(QStringLiteral("incidentTimeline"));
    m_incidentDock = new QDockWidget(tr("Incident Timeline"), this);
    m_incidentDock->setObjectName(QStringLiteral("incidentTimelineDock"));
    m_incidentDock->setWidget(m_incidentView);
    addDockWidget(Qt::BottomDockWidgetArea, m_incidentDock);
    tabifyDockWidget(m_statsDock, m_incidentDock);
    m_summaryDock->raise();
    // With the other docks under View, and under Investigation beside what fills it.
    m_actions->addViewToggle(m_incidentDock->toggleViewAction(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_actions->addInvestigationToggle(m_incidentDock->toggleViewAction());
    raiseOnToggle(m_incidentDock);
    connect(m_incident, &IncidentTimelineModel::errorOccurred, this, &MainWindow::showError);
    connect(m_incident, &IncidentTimelineModel::entriesEdited, m_marks, &RecordMarksController::reload); // tags for the bar
    connect(m_incident, &IncidentTimelineModel::entriesEdited, this,
            [this] { m_findings->setCase(m_session->casePath()); }); // a finding's severity
    connect(m_findings->model(), &FindingsModel::finished, m_incident, &IncidentTimelineModel::reload);
    // Findings and stars on the timeline, beside the IOC hits.
    connect(m_incident, &QAbstractItemModel::modelReset, this,
            [this] { m_timeline->setMarkers(QStringLiteral("incident"), incidentMarkers(m_incident->entries())); });
    connect(m_incidentView, &IncidentTimelineView::recordRequested, m_locator, &RecordLocator::goTo);
    connect(m_incidentView, &IncidentTimelineView::filterRequested, m_filter, &FilterController::requestEvidence);
    connect(m_timeline, &TimelineView::markerActivated, this, &MainWindow::goToMarker);
}

// A marker's record, a finding's evidence, or else the marker's time in the table.
void MainWindow::goToMarker(const QString &id)
{
    const std::optional<TimelineMarker> marker = m_timeline->marker(id);
    if (!marker)
        return;
    const MarkerJump jump = markerJump(*marker, m_incident->entries());
    if (jump.record) {
        SoughtRecord sought{*jump.record, jump.time, {}};
        for (const incident::IncidentEntry &entry : m_incident->entries())
            if (entry.kind == incident::EntryKind::StarredRecord && entry.record == *jump.record) // not a note on it
                sought.summary = QString::fromStdString(entry.text);
        m_soughtMarker = sought;
        m_locator->goTo(*jump.record, jump.time);
    }
    else if (!jump.filter.isEmpty())
        m_filter->requestEvidence(jump.filter, jump.finding, jump.title); // the bar says whose evidence it shows
    else
        goToTime(jump.time);
}

void MainWindow::offerToShowHiddenRecord(const SoughtRecord &sought)
{
    RecordIdentity when;
    when.start = sought.time;
    m_notShownMessage = sought.summary.isEmpty()
        ? tr("The starred record of %1 is not among the rows the filter shows.").arg(when.startText())
        : tr("The starred record of %1 (%2) is not among the rows the filter shows.").arg(when.startText(), sought.summary);
    statusBar()->showMessage(m_notShownMessage, kMessageMs);
    auto *box = new QMessageBox(QMessageBox::Information, tr("Record Hidden by the Filter"), m_notShownMessage,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("hiddenRecordBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Clear the filter to show it in the table?"));
    QPushButton *show = box->addButton(tr("Clear the Filter and Show It"), QMessageBox::AcceptRole);
    box->addButton(tr("Keep the Filter"), QMessageBox::RejectRole);
    box->setDefaultButton(show);
    connect(show, &QPushButton::clicked, this, [this, sought] {
        m_filter->request(QString(), true);
        m_locator->goTo(sought.record, sought.time);
    });
    box->open();
}

void MainWindow::goToTime(qint64 epoch)
{
    m_goToTime = epoch;
    m_flows->findRowOfTime(epoch);
}

void MainWindow::createStatusBar()
{
    m_progress = new ImportProgressWidget(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->hide();
    m_status = new CaseStatusLabel(this);
    m_status->setObjectName(QStringLiteral("caseStatus"));
    m_shown = new ShownRecordsLabel(this);
    m_shown->setObjectName(QStringLiteral("shownRecords"));
    m_shown->setContentsMargins(0, 0, 12, 0); // apart from the case status beside it
    // Only under a filter: without one the case status already gives the total.
    connect(m_flows, &FlowTableModel::countsChanged, this, [this](qint64 shown, qint64 total, bool counting) {
        if (m_flows->filter().isEmpty())
            m_shown->clear();
        else
            m_shown->showCounts(shown, total, counting);
        showUnloggedTrafficNote(shown == 0 && !counting ? m_flows->filter() : QString());
    });
    // The order of the table when it is not time order, and how much of it is shown.
    auto *sortStatus = new QLabel(this);
    sortStatus->setObjectName(QStringLiteral("sortStatus"));
    sortStatus->setContentsMargins(0, 0, 12, 0);
    connect(m_flows, &FlowTableModel::sortStatusChanged, sortStatus, &QLabel::setText);
    statusBar()->addPermanentWidget(sortStatus);
    statusBar()->addPermanentWidget(m_shown);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_status);
    // A message's tooltip (the snapshot load's full report) goes with the message.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this] { statusBar()->setToolTip({}); });
}

// A filter on the snapshot's fields is answered by one snapshot, the one in
// force over the filter's time: the status bar says which, and how far its
// time lies from the records'.
void MainWindow::showFilterSnapshotNote(const QString &filter)
{
    const CaseSummary &summary = m_session->summary();
    if (const auto choice = explain::snapshotForFilter(*m_enrichment->enrichments(), filter.toStdString(),
                                                       summary.firstStart, summary.lastEnd))
        statusBar()->showMessage(explain::spanSnapshotNote(*choice), kMessageMs);
}

// A filter that finds nothing but names traffic flow logs never record:
// the status bar says so until the filter finds something.
void MainWindow::showUnloggedTrafficNote(const QString &emptyFilter)
{
    m_emptyFilter = emptyFilter; // said again with the snapshot when it loads later
    const std::string note = emptyFilter.isEmpty()
        ? std::string()
        : explain::unloggedTrafficNoteFor(emptyFilter.toStdString(), m_enrichment->enrichment().get());
    if (!note.empty()) {
        statusBar()->showMessage(tr("No records. %1").arg(QString::fromStdString(note)));
        m_unloggedNoteShown = true;
    } else if (m_unloggedNoteShown) {
        statusBar()->clearMessage();
        m_unloggedNoteShown = false;
    }
}

void MainWindow::applyCommandLineFilter(const QString &expression)
{
    m_pendingFilter = expression;
    if (!namesInterfaceAttributes(expression.toStdString()))
        applyPendingFilter();
}

void MainWindow::applyPendingFilter()
{
    const QString expression = std::exchange(m_pendingFilter, QString());
    if (expression.isNull())
        return;
    m_filterBar->setFilterText(expression);
    if (m_filterBar->syntax().state == FilterSyntaxState::Valid)
        m_filterBar->applyFilterText(expression);
    else
        showFilterError(tr("The filter given on the command line is not valid: %1").arg(expression), 0);
}

void MainWindow::connectSession()
{
    connect(m_session, &CaseSession::caseChanged, this, &MainWindow::onCaseChanged);
    // The case's configuration snapshots feed the filter fields (the newest's values completed), the
    // detail pane and the table's snapshot columns (the one in force at each record's time) and the note above.
    connect(m_session, &CaseSession::caseChanged, m_enrichment, &CaseEnrichmentLoader::load);
    connect(m_session, &CaseSession::snapshotsChanged, m_enrichment, &CaseEnrichmentLoader::reload);
    connect(m_enrichment, &CaseEnrichmentLoader::loaded, this, [this](const CaseEnrichmentLoader::Enrichment &enrichment) {
        m_filterBar->setInterfaceAttributes(enrichment);
        m_details->setEnrichments(m_enrichment->enrichments());
        m_flows->setEnrichments(m_enrichment->enrichments());
        applyPendingFilter();
        showUnloggedTrafficNote(m_emptyFilter);
    });
    connect(m_session, &CaseSession::summaryChanged, this, [this](const CaseSummary &summary) {
        m_summary->showSummary(QFileInfo(m_session->casePath()).fileName(), summary);
        m_status->showSummary(summary);
    });
    connect(m_session, &CaseSession::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &CaseSession::recentCasesChanged, this,
            [this] { m_actions->recentCases->setCases(m_session->recentCases()); });
    connect(m_session, &CaseSession::snapshotLoadingChanged, this, [this](bool loading) {
        m_actions->setSnapshotLoading(loading);
        if (loading)
            statusBar()->showMessage(tr("Loading the configuration snapshot…"));
    });
    // A snapshot loaded into the case changes the explanations.
    connect(m_session, &CaseSession::snapshotsChanged, m_whyRejected, &WhyRejectedPanel::snapshotsChanged);
    connect(m_session, &CaseSession::snapshotsChanged, m_rejects, &RejectsOverviewView::snapshotsChanged);
    connect(m_session, &CaseSession::snapshotsChanged, m_graph, [this] { m_graph->setCase(m_session->casePath()); }); // names and owners
    // The graph groups outside addresses per IOC list: a list added or removed regroups them.
    connect(m_iocLists, &IocListsController::added, m_graph, [this](const incident::IocAddResult &result) {
        if (result.stored)
            m_graph->setCase(m_session->casePath());
    });
    connect(m_iocLists, &IocListsController::removed, m_graph, [this](const QString &, bool done) {
        if (done)
            m_graph->setCase(m_session->casePath());
    });
    connect(m_session, &CaseSession::snapshotLoadFinished, this, [this](const explain::SnapshotImportOutcome &outcome) {
        const CaseSummary &summary = m_session->summary();
        // A few words in the status bar, the whole paragraph in its tooltip and in the dialog.
        const SnapshotLoadReport report = snapshotLoadReport(outcome, summary.firstStart, summary.lastEnd);
        statusBar()->showMessage(report.summary, kMessageMs);
        statusBar()->setToolTip(report.text);
        showSnapshotLoadReport(this, outcome, summary.firstStart, summary.lastEnd);
    });
    connect(m_flows, &FlowTableModel::errorOccurred, this, &MainWindow::showError);
    connect(m_files, &ImportFilesModel::errorOccurred, this, &MainWindow::showError);
    connect(m_errors, &ImportErrorsModel::errorOccurred, this, &MainWindow::showError);
}

void MainWindow::connectImports()
{
    connect(m_imports, &ImportController::busyChanged, this, &MainWindow::onImportingChanged);
    connect(m_imports, &ImportController::checkingStarted, m_progress, &ImportProgressWidget::showChecking);
    connect(m_imports, &ImportController::progress, m_progress, &ImportProgressWidget::showProgress);
    connect(m_imports, &ImportController::cancelling, m_progress, &ImportProgressWidget::showCancelling);
    connect(m_imports, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_imports, &ImportController::failed, this, [this](const QString &message) {
        reloadCaseViews(); // files imported before the failure stay
        showError(message);
    });
    connect(m_progress, &ImportProgressWidget::cancelRequested, m_imports, &ImportController::cancel);
    connect(m_report, &ImportReportView::removeFileRequested, this, &MainWindow::removeFile);
    connect(m_removal, &FileRemovalJob::finished, this, &MainWindow::onFileRemoved);
}

void MainWindow::removeFile(const QString &path, const QString &sha256)
{
    if (m_imports->isBusy() || !m_removal->start(m_session->casePath(), sha256))
        return;
    // Nothing else writes to the case meanwhile.
    m_actions->setImporting(true);
    m_actions->cancelImport->setEnabled(false);
    m_report->setRemovalAllowed(false);
    statusBar()->showMessage(tr("Removing %1 from %2\u2026").arg(QFileInfo(path).fileName(),
                                                               QFileInfo(m_session->casePath()).fileName()));
}

void MainWindow::onFileRemoved(const FileRemovalOutcome &outcome)
{
    m_actions->setImporting(false);
    m_report->setRemovalAllowed(true);
    if (!outcome.error.isEmpty()) {
        showError(outcome.error);
        return;
    }
    reloadCaseViews();
    const FileRemovalResult &r = outcome.result;
    // A file of over 2^31 records is not met: the count fits tr()'s plural forms.
    QString text = tr("Removed %1 from %2: %Ln record(s)", nullptr,
                      static_cast<int>(std::min<std::uint64_t>(r.file.records, std::numeric_limits<int>::max())))
                       .arg(QFileInfo(QString::fromStdString(r.file.path)).fileName(),
                            QFileInfo(outcome.casePath).fileName());
    if (r.detectionRuns > 0)
        text += tr("; stored detections dropped: run the detectors again");
    statusBar()->showMessage(text); // until the next message
}

void MainWindow::connectActions()
{
    connect(m_actions->newCase, &QAction::triggered, this, &MainWindow::newCaseDialog);
    connect(m_actions->openCase, &QAction::triggered, this, &MainWindow::openCaseDialog);
    connect(m_actions->recentCases, &RecentCasesMenu::openRequested, this, &MainWindow::openCase);
    connect(m_actions->recentCases, &RecentCasesMenu::clearRequested, m_session, &CaseSession::clearRecentCases);
    connect(m_actions->importFiles, &QAction::triggered, this, &MainWindow::importFilesDialog);
    connect(m_actions->importFolder, &QAction::triggered, this, &MainWindow::importFolderDialog);
    connect(m_actions->loadSnapshot, &QAction::triggered, this, &MainWindow::loadSnapshotDialog);
    connect(m_actions->snapshots, &QAction::triggered, this, &MainWindow::snapshotListDialog);
    connect(m_actions->iocLists, &QAction::triggered, this, &MainWindow::showIocLists);
    connect(m_actions->cancelImport, &QAction::triggered, m_imports, &ImportController::cancel);
    connect(m_actions->keepDuplicates, &QAction::toggled, this, [this](bool keep) {
        m_imports->setKeepDuplicates(keep);
        m_settings.setFlag(kKeepDuplicatesKey, keep);
    });
    // The view the analyst turned to last (a dock tab clicked leaves the focus in the flow table).
    m_exportViews = new ExportViewTracker(this);
    m_exportViews->setRecordsView(m_table);
    m_exportViews->addView(m_stats, m_statsDock);
    m_exportViews->addView(m_rejects, m_rejectsDock);
    m_exportViews->addView(m_findings, m_findingsDock);
    m_exportViews->addView(m_incidentView, m_incidentDock);
    connect(m_actions->exportViewCsv, &QAction::triggered, this, [this] {
        CurrentViewExport view = currentViewExport(m_session->casePath(), m_flows->filter(), m_exportViews->current(),
                                                   m_stats, m_rejects, m_findings, m_incidentView);
        // The records' count, once known, lets the progress bar fill.
        if (view.request.table == CsvExportRequest::Table::Flows && !m_flows->isCounting())
            view.request.expectedRows = m_flows->shownRecords();
        m_csvExport->exportView(view);
    });
    // The action names what it will write, so the analyst sees which view it follows.
    const auto nameExportAction = [this] {
        const CurrentViewExport view = currentViewExport(m_session->casePath(), m_flows->filter(), m_exportViews->current(),
                                                         m_stats, m_rejects, m_findings, m_incidentView);
        m_actions->exportViewCsv->setText(exportActionText(view.what));
    };
    connect(m_exportViews, &ExportViewTracker::changed, this, nameExportAction);
    connect(m_stats, &TrafficStatsView::computed, this, nameExportAction); // conversations or endpoints
    connect(m_actions->exportMenu, &QMenu::aboutToShow, this, nameExportAction);
    nameExportAction();
    connect(m_findings, &FindingsView::exportRequested, this, [this] {
        m_csvExport->exportView(findingsExport(m_session->casePath()));
    });
    connect(m_csvExport, &CsvExportController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kMessageMs); });
    connect(m_actions->exportReport, &QAction::triggered, this, &MainWindow::exportReportDialog);
    connect(m_session, &CaseSession::caseChanged, this, [this](const QString &casePath) {
        m_actions->exportViewCsv->setEnabled(!casePath.isEmpty());
        m_actions->exportReport->setEnabled(!casePath.isEmpty());
    });
    m_actions->exportViewCsv->setEnabled(!m_session->casePath().isEmpty());
    m_actions->exportReport->setEnabled(!m_session->casePath().isEmpty());
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_actions, &MainActions::themeRequested, this, [this](AppPalette::Theme theme) {
        if (m_palette)
            m_palette->setTheme(theme);
    });
    connect(m_actions->goToTime, &QAction::triggered, this, [this] {
        // The current record's start, or the first shown one's, whatever the columns.
        const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : m_table->rowAt(0);
        const std::optional<FlowRow> shown = m_flows->recordAt(row);
        const auto *start = shown ? std::get_if<std::int64_t>(&shown->value(Field::Start)) : nullptr;
        const CaseSummary &summary = m_session->summary();
        const QString suggestion
            = start ? QDateTime::fromSecsSinceEpoch(*start, Qt::UTC).toString(Qt::ISODate) : QString();
        const QString prompt = goToTimePrompt(summary.firstStart, summary.lastEnd);
        if (const auto epoch = askGoToTime(this, suggestion, prompt))
            goToTime(*epoch);
    });
    connect(m_flows, &FlowTableModel::rowOfTimeFound, this, [this](qint64 epoch, int row) {
        // Only Go to Time's own answer: the evidence locator asks for rows of a time too.
        if (m_goToTime != epoch)
            return;
        m_goToTime.reset();
        if (row < 0 || m_flows->rowCount() == 0)
            return;
        const QModelIndex target = m_flows->index(std::min(row, m_flows->rowCount() - 1), 0);
        m_table->scrollTo(target, QAbstractItemView::PositionAtTop);
        m_table->selectRow(target.row());
    });
    m_actions->setLanguage(configuredLanguage());
    connect(m_actions, &MainActions::languageRequested, this, [this](const QString &language) {
        setConfiguredLanguage(language);
        m_actions->setLanguage(language);
        statusBar()->showMessage(tr("The language changes when Flowscope starts again."));
    });
    connect(m_empty, &EmptyCaseView::newCaseRequested, this, &MainWindow::newCaseDialog);
    connect(m_empty, &EmptyCaseView::openCaseRequested, this, &MainWindow::openCaseDialog);
}

void MainWindow::connectFilter()
{
    // Every view that follows the filter, and every view that proposes one.
    m_filter->addFollower([this](const QString &expression) { m_flows->setFilter(expression); });
    m_filter->addFollower([this](const QString &expression) { m_stats->setFilter(expression); });
    m_filter->addFollower([this](const QString &expression) { m_timeline->setFilter(expression); });
    m_filter->addFollower([this](const QString &expression) { m_rejects->setFilter(expression); });
    m_filter->addFollower([this](const QString &expression) { m_graph->setFilter(expression); });
    m_filter->addFollower([this](const QString &expression) { m_findings->setFilter(expression); });
    connect(m_findings, &FindingsView::filterRequested, m_filter, &FilterController::requestEvidence); // at once
    // From the dock, a timeline marker or the incident timeline: the finding shown is the one selected.
    connect(m_filter, &FilterController::evidenceShown, m_findings, &FindingsView::showFinding);
    connect(m_table, &FlowTableView::filterRequested, m_filter, &FilterController::request);
    connect(m_stats, &TrafficStatsView::filterRequested, m_filter, &FilterController::request);
    connect(m_timeline, &TimelineView::filterRequested, m_filter, &FilterController::request);
    connect(m_rejects, &RejectsOverviewView::filterRequested, m_filter, &FilterController::request);
    connect(m_whyRejected, &WhyRejectedPanel::filterRequested, m_filter, &FilterController::request);
    connect(m_graph, &GraphView::filterRequested, m_filter, &FilterController::request);
    connect(m_graph, &GraphView::filterSelected, m_filter, &FilterController::show);
    m_table->setCurrentFilterProvider([this] { return m_filterBar->filterText(); });
    m_table->addCellMenuAction(m_actions->goToTime);
    connect(m_table, &FlowTableView::columnsChanged, this,
            [this](const QStringList &names) { m_settings.setList(kFlowColumnsKey, names); });
    connect(m_actions->focusFilter, &QAction::triggered, m_filterBar, &FilterBar::focusEditor);
    connect(m_filterBar, &FilterBar::filterApplied, this, &MainWindow::showFilterSnapshotNote);
    // A valid filter applied: an earlier filter's error no longer holds.
    m_filter->addFollower([this](const QString &) {
        if (!m_filterError.isEmpty() && statusBar()->currentMessage() == m_filterError)
            statusBar()->clearMessage();
        m_filterError.clear();
        // A record the old filter hid may be among the new filter's rows.
        if (!m_notShownMessage.isEmpty() && statusBar()->currentMessage() == m_notShownMessage)
            statusBar()->clearMessage();
        m_notShownMessage.clear();
    });
}

void MainWindow::showFilterError(const QString &message, int timeoutMs)
{
    m_filterError = message;
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::setAppPalette(AppPalette *palette)
{
    m_palette = palette;
    if (palette)
        m_actions->setTheme(palette->theme());
}

void MainWindow::restoreSettings()
{
    const WindowSettings::Restored restored = m_settings.restoreWindow(*this);
    m_findingsInFront->setSavedLayout(restored.layout);
    if (!restored.geometry) {
        const QRect screen = this->screen()->availableGeometry();
        resize(std::min(1400, screen.width() * 4 / 5), std::min(860, screen.height() * 4 / 5));
        m_defaultDockSizesPending = true; // the docks take sizes once shown (showEvent)
    }
    m_settings.restoreSplitter(*m_report->splitter());
    const bool keepDuplicates = m_settings.flag(kKeepDuplicatesKey, false);
    m_actions->keepDuplicates->setChecked(keepDuplicates);
    m_imports->setKeepDuplicates(keepDuplicates);
    // The columns first: the header state describes them. A state saved
    // without a column list holds the widths of the earlier default columns:
    // restored on those, the widths then follow their fields to today's defaults.
    const QStringList columns = m_settings.list(kFlowColumnsKey);
    const QByteArray headerState = m_settings.state(kFlowTableKey);
    const bool earlierDefaults = columns.isEmpty() && !headerState.isEmpty();
    if (earlierDefaults) {
        QStringList earlier;
        for (Field field : FlowTableModel::earlierDefaultColumns())
            earlier << QString::fromLatin1(fieldInfo(field).name.data(), qsizetype(fieldInfo(field).name.size()));
        m_table->setColumnNames(earlier);
    }
    else if (!columns.isEmpty())
        m_table->setColumnNames(columns);
    if (m_table->restoreHeaderState(headerState) && earlierDefaults)
        m_table->resetColumns();
    m_settings.restoreHeader(*m_report->filesTable()->horizontalHeader(), kImportFilesKey);
    m_settings.restoreHeader(*m_report->errorsTable()->horizontalHeader(), kImportErrorsKey);
}

void MainWindow::saveSettings() const
{
    m_settings.saveWindow(*this);
    m_settings.saveSplitter(*m_report->splitter());
    m_settings.setState(kFlowTableKey, m_table->saveHeaderState());
    m_settings.setList(kFlowColumnsKey, m_table->columnNames()); // the columns the header state describes
    m_settings.saveHeader(*m_report->filesTable()->horizontalHeader(), kImportFilesKey);
    m_settings.saveHeader(*m_report->errorsTable()->horizontalHeader(), kImportErrorsKey);
}

bool MainWindow::openCase(const QString &path) { return m_session->openCase(path); }

bool MainWindow::createCase(const QString &path) { return m_session->createCase(path); }

void MainWindow::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!m_session->hasCase() && !newCaseDialog())
        return;
    m_imports->importPaths(paths);
}

void MainWindow::onCaseChanged(const QString &casePath)
{
    m_imports->setCasePath(casePath);
    m_flows->setCase(casePath);
    m_filterBar->setCase(casePath);
    m_filterBar->setEnabled(!casePath.isEmpty());
    m_iocLists->setCase(casePath);
    m_actions->iocLists->setEnabled(!casePath.isEmpty());
    m_stats->setCase(casePath);
    m_timeline->setCase(casePath);
    m_whyRejected->setCase(casePath);
    m_rejects->setCase(casePath);
    m_graph->setCase(casePath);
    m_findings->setCase(casePath);
    if (!casePath.isEmpty())
        m_findingsInFront->caseOpened();
    const QString author = QString::fromStdString(incident::defaultAuthor());
    m_marks->setCase(casePath, author);
    m_incident->setCase(casePath, author);
    m_reportStale = true;
    if (casePath.isEmpty() || isDockOnScreen(m_reportDock))
        loadImportReportIfStale();
    m_center->setCurrentWidget(casePath.isEmpty() ? static_cast<QWidget *>(m_empty) : m_table);
    setWindowFilePath(casePath);
    setWindowTitle(casePath.isEmpty() ? tr("Flowscope") : tr("%1 - Flowscope").arg(QFileInfo(casePath).fileName()));
    if (casePath.isEmpty()) {
        m_summary->showError(tr("No case open"));
        m_status->showNoCase();
        m_shown->clear();
    }
}

void MainWindow::reloadCaseViews()
{
    m_session->refresh();
    m_flows->reload();
    m_filterBar->refreshCaseValues();
    m_stats->setCase(m_session->casePath()); // recomputes what it shows
    m_timeline->setCase(m_session->casePath());
    m_whyRejected->setCase(m_session->casePath());
    m_rejects->setCase(m_session->casePath());
    m_graph->setCase(m_session->casePath());
    m_findings->setCase(m_session->casePath());
    m_marks->reload(); // the incident timeline reads the new records' summaries with it
    m_reportStale = true;
    if (isDockOnScreen(m_reportDock))
        loadImportReportIfStale();
}

void MainWindow::loadImportReportIfStale()
{
    if (!m_reportStale)
        return;
    m_reportStale = false;
    m_files->setCase(m_session->casePath());
    m_errors->setCase(m_session->casePath());
}

void MainWindow::onImportingChanged(bool importing)
{
    m_actions->setImporting(importing);
    m_report->setRemovalAllowed(!importing);
    if (importing)
        m_progress->setCasePath(m_session->casePath()); // where the evidence goes, in view while it goes
    m_progress->setVisible(importing);
    m_status->setVisible(!importing);
    if (importing)
        statusBar()->clearMessage();
}

void MainWindow::onImportFinished(const ImportReport &report)
{
    if (report.files > 0 || report.failedFiles > 0 || report.errorCount > 0)
        reloadCaseViews();
    statusBar()->showMessage(ImportProgressWidget::outcomeText(report)); // until the next message
    if (report.hasRejections()) {
        m_reportDock->show();
        m_reportDock->raise();
    }
    Q_EMIT importFinished(report);
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, kMessageMs);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Flowscope"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, never blocks the caller
}

QString MainWindow::dialogFolder(const QString &purpose) const
{
    // Else near the evidence: the open case, the last case.
    QStringList fallbacks;
    if (purpose == QLatin1String("snapshots"))
        fallbacks << m_settings.folder(QStringLiteral("imports"));
    fallbacks << m_session->casePath();
    if (!m_session->recentCases().isEmpty())
        fallbacks << m_session->recentCases().constFirst();
    return m_settings.startFolder(purpose, fallbacks);
}

bool MainWindow::newCaseDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Case"), dialogFolder(QStringLiteral("cases")),
        tr("Flowscope cases (*.flowcase)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return false;
    m_settings.setFolder(QStringLiteral("cases"), QFileInfo(path).absolutePath());
    return createCase(path);
}

void MainWindow::openCaseDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Case"), dialogFolder(QStringLiteral("cases")),
                                                      tr("Flowscope cases (*.flowcase);;All files (*)"));
    // A file that is no case (/etc/passwd) leaves the folder where it was.
    if (!path.isEmpty() && openCase(path))
        m_settings.setFolder(QStringLiteral("cases"), QFileInfo(path).absolutePath());
}

void MainWindow::importFilesDialog()
{
    const QStringList paths = askImportPaths(QFileDialog::ExistingFiles);
    if (paths.isEmpty())
        return;
    m_settings.setFolder(QStringLiteral("imports"), QFileInfo(paths.constFirst()).absolutePath());
    importPaths(paths);
}

void MainWindow::importFolderDialog()
{
    const QStringList folders = askImportPaths(QFileDialog::Directory);
    if (folders.isEmpty())
        return;
    m_settings.setFolder(QStringLiteral("imports"), folders.constFirst());
    importPaths(folders);
}

// The title and the button that accepts name the case the files go into,
// so that evidence is not poured into the wrong case unawares.
QStringList MainWindow::askImportPaths(QFileDialog::FileMode mode)
{
    const QString caseName = QFileInfo(m_session->casePath()).fileName();
    const bool folder = mode == QFileDialog::Directory;
    QString title = folder ? tr("Import a Folder of Flow Logs") : tr("Import Flow-Log Files");
    if (!caseName.isEmpty())
        title = folder ? tr("Import a Folder of Flow Logs into %1").arg(caseName)
                       : tr("Import Flow-Log Files into %1").arg(caseName);
    QFileDialog dialog(this, title, dialogFolder(QStringLiteral("imports")),
                       folder ? QString() : tr("Flow logs (*.log *.log.gz *.gz *.json *.jsonl *.txt);;All files (*)"));
    dialog.setFileMode(mode);
    if (folder)
        dialog.setOption(QFileDialog::ShowDirsOnly);
    if (!caseName.isEmpty())
        dialog.setLabelText(QFileDialog::Accept, tr("Import into %1").arg(caseName));
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.selectedFiles();
}

// One dialog, kept while the window lives: a hunt's hits stay to come back to.
void MainWindow::showIocLists()
{
    if (!m_iocDialog) {
        m_iocDialog = new IocListsDialog(m_iocLists, this);
        connect(m_iocDialog, &IocListsDialog::filterRequested, this, [this](const QString &expression) {
            m_filterBar->setFilterText(expression);
            m_filterBar->applyFilterText(expression);
        });
    }
    m_iocDialog->show();
    m_iocDialog->raise();
    m_iocDialog->activateWindow();
}

// A dialog per export, on the flow table's filter: it says in the status bar how the export ended.
void MainWindow::exportReportDialog()
{
    if (!m_session->hasCase())
        return;
    auto *dialog = new ReportExportDialog(m_session->casePath(), m_flows->filter(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReportExportDialog::exportFinished, this,
            [this](bool, const QString &text) { statusBar()->showMessage(text, kMessageMs); });
    dialog->open();
}

void MainWindow::loadSnapshotDialog()
{
    if (!m_session->hasCase() && !newCaseDialog())
        return;
    QString folder = dialogFolder(QStringLiteral("snapshots"));
    const auto request = askSnapshotLoad(this, folder, QFileInfo(m_session->casePath()).fileName(),
                                         m_session->summary().firstStart, m_session->summary().lastEnd);
    m_settings.setFolder(QStringLiteral("snapshots"), folder);
    if (request)
        m_session->loadSnapshot(request->paths, request->asOf, request->label);
}

void MainWindow::snapshotListDialog()
{
    if (!m_session->hasCase())
        return;
    SnapshotListDialog dialog(m_session->casePath(), this);
    connect(&dialog, &SnapshotListDialog::removeRequested, this, [this, &dialog](qint64 id) {
        if (m_session->removeSnapshot(id)) {
            dialog.reload();
            statusBar()->showMessage(tr("Configuration snapshot %1 removed: explanations use the snapshots left.").arg(id), kMessageMs);
        }
    });
    dialog.exec();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_defaultDockSizesPending) {
        m_defaultDockSizesPending = false;
        applyDefaultDockSizes(*this, m_timelineDock, m_summaryDock, m_whyRejectedDock);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_imports->isBusy()) {
        const auto answer = QMessageBox::question(
            this, tr("Import Running"),
            tr("An import is running. Stop it and quit? The file being imported is left out; "
               "the files imported before it stay in the case."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_imports->cancel();
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_imports->isBusy() && !localPathsOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPathsOf(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop has completed: importing may ask questions (a new case, a format).
    QMetaObject::invokeMethod(this, [this, paths] { importPaths(paths); }, Qt::QueuedConnection);
}

} // namespace flowscope
