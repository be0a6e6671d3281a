// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejects_overview_view.h"

#include "column_fit.h"
#include "sort_arrow_header.h"

#include "itemmodels/case_snapshots.h"
#include "itemmodels/reject_groups_model.h"
#include "itemmodels/unanswered_requests_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace flowscope {

namespace {

// One line a row, and columns fitted to the first rows only: a case of
// millions of rejects may have a hundred thousand groups.
void setUpTable(QTableView *table)
{
    SortArrowHeader::install(table);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    // Columns fit their values (ColumnFit): a stretched last column would leave a wide gap before its few digits.
    table->horizontalHeader()->setStretchLastSection(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setResizeContentsPrecision(200);
}

} // namespace

RejectsOverviewView::RejectsOverviewView(std::shared_ptr<CaseSnapshots> snapshots, QWidget *parent)
    : QWidget(parent)
    , m_snapshots(snapshots ? std::move(snapshots) : std::make_shared<CaseSnapshots>())
    , m_tabs(new QTabWidget(this))
    , m_model(new RejectGroupsModel(m_snapshots, this))
    , m_table(new QTableView(this))
    , m_unansweredModel(new UnansweredRequestsModel(m_snapshots, this))
    , m_unansweredTable(new QTableView(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_tick(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setObjectName(QStringLiteral("rejectGroups"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(RejectGroupsModel::CountColumn, Qt::DescendingOrder);
    m_unansweredTable->setObjectName(QStringLiteral("unansweredRequests"));
    m_unansweredTable->setModel(m_unansweredModel);
    setUpTable(m_unansweredTable);
    const auto widest = [this] { return longestColumn(); };
    m_groupsFit = new ColumnFit(m_table, widest);
    m_unansweredFit = new ColumnFit(m_unansweredTable, widest);
    connect(m_groupsFit, &ColumnFit::fitted, this, &RejectsOverviewView::fitComponentToView);
    m_tabs->setObjectName(QStringLiteral("rejectsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_table, tr("Groups"));
    m_tabs->addTab(m_unansweredTable, tr("Unanswered requests"));
    m_status->setObjectName(QStringLiteral("rejectsStatus"));
    m_status->setWordWrap(true);
    m_status->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_tabs, 1);
    // Explaining every reject of millions takes a while: say so, count the seconds, offer to stop.
    m_busy->setObjectName(QStringLiteral("rejectsBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 12);
    m_cancel->setObjectName(QStringLiteral("rejectsCancel"));
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(0, 0, 4, 0);
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancel, 0, Qt::AlignTop);
    layout->addLayout(statusRow);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &RejectsOverviewView::updateStatus);
    // The models say how far the current computation has come (permille);
    // the bar shows the current tab's, busy until its first step.
    const auto showProgress = [this](QWidget *tab, int permille) {
        if (m_tabs->currentWidget() != tab)
            return;
        m_busy->setRange(0, 1000);
        m_busy->setValue(permille);
    };
    connect(m_model, &RejectGroupsModel::progress, this,
            [this, showProgress](int permille) { showProgress(m_table, permille); });
    connect(m_unansweredModel, &UnansweredRequestsModel::progress, this,
            [this, showProgress](int permille) { showProgress(m_unansweredTable, permille); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (computingCurrent())
            return cancelCurrent();
        // Explain: compute the current tab again.
        if (m_tabs->currentWidget() == m_table) {
            m_cancelledGroups = false;
            m_stale = true;
        } else {
            m_cancelledUnanswered = false;
            m_unansweredStale = true;
        }
        refreshIfStale();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        refreshIfStale();
        updateStatus();
    });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        // Rows of an older filter while the new one is explained: their filter would replace the new one.
        if (m_model->isComputing())
            return;
        const QString filter = m_model->filterForRow(index.row());
        if (filter.isEmpty())
            return;
        // Groups that differ only in verdict, component or rule share a filter: say what it shows besides.
        const qint64 others = m_model->othersSharingFilter(index.row());
        const qint64 count = m_model->index(index.row(), RejectGroupsModel::CountColumn).data(RejectGroupsModel::SortValueRole).toLongLong();
        const QLocale locale;
        m_notice = others > 0
            ? tr("The table shows this group's %1 rejects together with %2 of other groups on the same interface, "
                 "protocol and port: verdict, component and rule are not filter fields.")
                  .arg(locale.toString(count), locale.toString(others))
            : QString();
        m_noticeFilter = filter;
        updateStatus();
        Q_EMIT filterRequested(filter, true);
    });
    connect(m_unansweredTable, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        // Rows of an older filter while the new one is computed, as for the groups.
        if (m_unansweredModel->isComputing())
            return;
        const QString filter = m_unansweredModel->filterForRow(index.row());
        if (!filter.isEmpty())
            Q_EMIT filterRequested(filter, true);
    });
    connect(m_model, &RejectGroupsModel::computed, this, [this] {
        m_table->setEnabled(true);
        m_groupsFit->fitAll();
        updateStatus();
        Q_EMIT computed();
    });
    connect(m_model, &RejectGroupsModel::errorOccurred, this, [this](const QString &message) {
        m_table->setEnabled(true);
        m_error = message;
        updateStatus();
    });
    connect(m_unansweredModel, &UnansweredRequestsModel::computed, this, [this] {
        m_unansweredTable->setEnabled(true);
        m_unansweredFit->fitAll();
        updateStatus();
        Q_EMIT computed();
    });
    connect(m_unansweredModel, &UnansweredRequestsModel::errorOccurred, this, [this](const QString &message) {
        m_unansweredTable->setEnabled(true);
        m_unansweredError = message;
        updateStatus();
    });
    updateStatus();
}

int RejectsOverviewView::longestColumn() const
{
    // A list of groups, a scan's summary (an IPv4 scan's whole): about sixty characters, the rest in
    // the tooltip; Component gives up room first when the columns overrun the view.
    return fontMetrics().averageCharWidth() * 60;
}

void RejectsOverviewView::fitComponentToView()
{
    // Component holds lists of groups, elided with the whole list in the tooltip: when
    // the columns overrun the view, it gives up room first, so a scan's Detail shows whole.
    QTableView *table = m_table;
    if (table->isColumnHidden(RejectGroupsModel::ComponentColumn))
        return;
    QHeaderView *header = table->horizontalHeader();
    const int excess = header->length() - table->viewport()->width();
    const int width = header->sectionSize(RejectGroupsModel::ComponentColumn);
    const int least = std::max(header->sectionSizeHint(RejectGroupsModel::ComponentColumn), fontMetrics().averageCharWidth() * 16);
    if (excess > 0 && width > least)
        header->resizeSection(RejectGroupsModel::ComponentColumn, std::max(least, width - excess));
}

bool RejectsOverviewView::computingCurrent() const
{
    return m_tabs->currentWidget() == m_unansweredTable ? m_unansweredModel->isComputing() : m_model->isComputing();
}

void RejectsOverviewView::cancelCurrent()
{
    if (m_tabs->currentWidget() == m_unansweredTable) {
        m_unansweredModel->cancel();
        m_cancelledUnanswered = true;
        m_unansweredTable->setEnabled(true);
    } else {
        m_model->cancel();
        m_cancelledGroups = true;
        m_table->setEnabled(true);
    }
    updateStatus();
}

void RejectsOverviewView::markStale()
{
    m_cancelledGroups = false;
    m_cancelledUnanswered = false;
    m_stale = true;
    m_unansweredStale = true;
    refreshIfStale();
}

void RejectsOverviewView::setCase(const QString &casePath)
{
    m_case = casePath;
    m_notice.clear();
    m_snapshots->invalidate();
    markStale();
}

void RejectsOverviewView::setFilter(const QString &filterText)
{
    m_filter = filterText;
    if (m_filter != m_noticeFilter)
        m_notice.clear();
    markStale();
}

void RejectsOverviewView::snapshotsChanged()
{
    m_snapshots->invalidate();
    markStale();
}

void RejectsOverviewView::showUnanswered() { m_tabs->setCurrentWidget(m_unansweredTable); }

bool RejectsOverviewView::isOnScreen() const { return isVisible() && !visibleRegion().isEmpty(); }

void RejectsOverviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void RejectsOverviewView::refreshIfStale()
{
    // Explaining every reject, or pairing every request, reads the whole selection: only worth it on screen.
    if (!isOnScreen())
        return;
    if (m_tabs->currentWidget() == m_table && m_stale) {
        m_stale = false;
        m_error.clear();
        m_model->compute(m_case, m_filter);
        m_busy->setRange(0, 0);
        m_elapsed.start();
        m_table->setEnabled(false); // the rows shown belong to the previous filter until it is done
    } else if (m_tabs->currentWidget() == m_unansweredTable && m_unansweredStale) {
        m_unansweredStale = false;
        m_unansweredError.clear();
        m_unansweredModel->compute(m_case, m_filter);
        m_busy->setRange(0, 0);
        m_elapsed.start();
        m_unansweredTable->setEnabled(false); // the rows shown belong to the previous filter until it is done
    }
    updateStatus();
}

QString RejectsOverviewView::statusText() const { return m_status->text(); }

namespace {

QString secondsText(const QElapsedTimer &elapsed)
{
    const qint64 seconds = elapsed.isValid() ? elapsed.elapsed() / 1000 : 0;
    return seconds < 1 ? QString() : QLatin1Char(' ') + RejectsOverviewView::tr("(%n s)", nullptr, int(seconds));
}

} // namespace

QString RejectsOverviewView::groupsStatus() const
{
    if (!m_error.isEmpty())
        return m_error;
    if (m_model->isComputing())
        return tr("Explaining the rejects…") + secondsText(m_elapsed);
    if (m_cancelledGroups)
        return tr("Cancelled. The groups shown, if any, are of an earlier filter: Explain computes those of this one.");
    const QLocale locale;
    const qint64 rejects = m_model->rejects();
    const int groups = m_model->rowCount();
    QString text = rejects == 1 ? tr("1 reject") : tr("%1 rejects").arg(locale.toString(rejects));
    text += groups == 1 ? tr(" in 1 group") : tr(" in %1 groups").arg(locale.toString(groups));
    const qint64 bySnapshot = m_model->rejectsDecidedBySnapshot();
    if (rejects == 0)
        text += QLatin1Char('.');
    else if (m_model->snapshots() == 0)
        text += tr(", from the flow records alone (no configuration snapshot loaded).");
    else if (bySnapshot == 0)
        text += tr(", from the flow records alone: no configuration snapshot of the case describes their interfaces.");
    else if (bySnapshot == rejects)
        text += tr(", decided by the configuration snapshot in force at each record's time.");
    else
        text += tr(", %1 decided by the configuration snapshot in force at the record's time, the rest from the flow "
                   "records alone (no snapshot describes their interfaces).")
                    .arg(locale.toString(bySnapshot));
    if (!m_notice.isEmpty())
        return text + QLatin1Char(' ') + m_notice;
    return text + QLatin1Char(' ') + tr("Double-click a group to filter on its rejects.");
}

QString RejectsOverviewView::unansweredStatus() const
{
    if (!m_unansweredError.isEmpty())
        return m_unansweredError;
    if (m_unansweredModel->isComputing())
        return tr("Looking for requests that no record answers…") + secondsText(m_elapsed);
    if (m_cancelledUnanswered)
        return tr("Cancelled. The requests shown, if any, are of an earlier filter: Explain looks for those of this one.");
    const QLocale locale;
    const int count = m_unansweredModel->rowCount();
    if (count == 0)
        return tr("Every egress request of the filter has a reply in the case (or was rejected: see Groups).");
    QString text = count == 1 ? tr("1 egress request ACCEPTed with no reply anywhere in the case")
                              : tr("%1 egress requests ACCEPTed with no reply anywhere in the case").arg(locale.toString(count));
    text += m_unansweredModel->snapshots() > 0
        ? tr(", each with what the route table of the snapshot in force does with its destination.")
        : tr(": the cause lies outside the flow logs' sight (load the route tables to see the route).");
    return text + QLatin1Char(' ') + tr("Double-click a request to show its records.");
}

void RejectsOverviewView::updateStatus()
{
    if (m_case.isEmpty())
        m_status->setText(tr("No case open."));
    else
        m_status->setText(m_tabs->currentWidget() == m_unansweredTable ? unansweredStatus() : groupsStatus());
    const bool computing = !m_case.isEmpty() && computingCurrent();
    const bool cancelled = m_tabs->currentWidget() == m_unansweredTable ? m_cancelledUnanswered : m_cancelledGroups;
    m_busy->setVisible(computing);
    m_cancel->setVisible(computing || cancelled);
    m_cancel->setText(computing ? tr("Cancel") : tr("Explain"));
    if (computing && !m_tick->isActive())
        m_tick->start();
    else if (!computing)
        m_tick->stop();
}

} // namespace flowscope
