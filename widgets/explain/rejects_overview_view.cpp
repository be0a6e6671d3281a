// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejects_overview_view.h"

#include "itemmodels/case_snapshots.h"
#include "itemmodels/reject_groups_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace flowscope {

RejectsOverviewView::RejectsOverviewView(std::shared_ptr<CaseSnapshots> snapshots, QWidget *parent)
    : QWidget(parent)
    , m_snapshots(snapshots ? std::move(snapshots) : std::make_shared<CaseSnapshots>())
    , m_model(new RejectGroupsModel(m_snapshots, this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setObjectName(QStringLiteral("rejectGroups"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(RejectGroupsModel::CountColumn, Qt::DescendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    // One line a group, and columns fitted to the first rows only: a case of
    // millions of rejects may have a hundred thousand groups.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_status->setObjectName(QStringLiteral("rejectsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString filter = m_model->filterForRow(index.row());
        if (!filter.isEmpty())
            Q_EMIT filterRequested(filter, true);
    });
    connect(m_model, &RejectGroupsModel::computed, this, [this] {
        m_table->resizeColumnsToContents();
        updateStatus();
        Q_EMIT computed();
    });
    connect(m_model, &RejectGroupsModel::errorOccurred, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    updateStatus();
}

void RejectsOverviewView::setCase(const QString &casePath)
{
    m_case = casePath;
    m_snapshots->invalidate();
    m_stale = true;
    refreshIfStale();
}

void RejectsOverviewView::setFilter(const QString &filterText)
{
    m_filter = filterText;
    m_stale = true;
    refreshIfStale();
}

void RejectsOverviewView::snapshotsChanged()
{
    m_snapshots->invalidate();
    m_stale = true;
    refreshIfStale();
}

bool RejectsOverviewView::isOnScreen() const { return isVisible() && !visibleRegion().isEmpty(); }

void RejectsOverviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void RejectsOverviewView::refreshIfStale()
{
    // Explaining every reject reads the whole selection: only worth it on screen.
    if (!m_stale || !isOnScreen())
        return;
    m_stale = false;
    m_error.clear();
    m_model->compute(m_case, m_filter);
    updateStatus();
}

QString RejectsOverviewView::statusText() const { return m_status->text(); }

void RejectsOverviewView::updateStatus()
{
    if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (m_case.isEmpty())
        m_status->setText(tr("No case open."));
    else if (m_model->isComputing())
        m_status->setText(tr("Explaining the rejects…"));
    else {
        const QLocale locale;
        QString text = tr("%1 rejects in %2 groups").arg(locale.toString(m_model->rejects()), locale.toString(m_model->rowCount()));
        text += m_model->snapshots() > 0
            ? tr(", decided by the configuration snapshot in force at each record's time where it describes the flow.")
            : tr(", from the flow records alone (no configuration snapshot loaded).");
        text += QLatin1Char(' ') + tr("Double-click a group to filter on its rejects.");
        m_status->setText(text);
    }
}

} // namespace flowscope
