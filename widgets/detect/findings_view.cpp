// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings_view.h"

#include "detect/detection_settings.h"

#include "itemmodels/findings_model.h"
#include "sort_arrow_header.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace flowscope {

FindingsView::FindingsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
    , m_table(new QTableView(this))
    , m_run(new QPushButton(tr("Run Detections"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    SortArrowHeader::install(m_table);
    m_table->setModel(m_model);
    // Most severe first until the analyst clicks another header (the model keeps the order across reloads).
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // one line a finding; the whole title is its tooltip
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("findingsStatus"));
    m_run->setObjectName(QStringLiteral("runDetections"));
    m_cancel->setObjectName(QStringLiteral("cancelDetections"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_run);
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancel);
    bar->addWidget(m_status, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    setBusy(false);

    connect(m_run, &QPushButton::clicked, this, &FindingsView::runDetections);
    connect(m_cancel, &QPushButton::clicked, this, &FindingsView::cancel);
    connect(m_model, &FindingsModel::progress, this, [this](quint64 read, quint64 total) {
        m_progress->setValue(total ? static_cast<int>(std::min<quint64>(1000, read * 1000 / total)) : 0);
    });
    connect(m_model, &FindingsModel::finished, this, [this] {
        setBusy(false);
        fitColumns();
        showRunStatus();
        selectShown();
    });
    connect(m_model, &FindingsModel::cancelled, this, [this] {
        if (!m_model->isBusy()) {
            setBusy(false);
            m_status->setText(tr("Detections cancelled"));
        }
    });
    connect(m_model, &FindingsModel::errorOccurred, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(message);
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        QAction *exportCsv = menu.addAction(tr("Export Findings as CSV…"));
        exportCsv->setObjectName(QStringLiteral("exportFindingsCsv"));
        exportCsv->setEnabled(!m_case.isEmpty());
        connect(exportCsv, &QAction::triggered, this, &FindingsView::exportRequested);
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString evidence = index.data(FindingsModel::EvidenceFilterRole).toString();
        if (!evidence.isEmpty())
            Q_EMIT filterRequested(evidence, index.data(FindingsModel::FindingIdRole).toString(),
                                   index.siblingAtColumn(FindingsModel::TitleColumn).data().toString());
    });
}

void FindingsView::setCase(const QString &casePath)
{
    if (casePath != m_case)
        m_shown.clear();
    m_case = casePath;
    m_status->clear();
    m_status->setToolTip({});
    m_model->load(casePath);
}

void FindingsView::showRunStatus()
{
    const std::vector<StoredRun> &runs = m_model->runs();
    if (runs.empty()) {
        m_status->setText(tr("Detections have not been run on this case yet: press Run Detections to look for scans, "
                             "beacons, exfiltration, lateral movement and IOC hits."));
        m_status->setToolTip({});
        return;
    }
    // The latest run says when and over which records; every detector's settings in the tooltip.
    const StoredRun *latest = &runs.front();
    QStringList settings;
    for (const StoredRun &run : runs) {
        if (run.runAt > latest->runAt)
            latest = &run;
        settings << QStringLiteral("%1: %2").arg(QString::fromStdString(run.detector),
                                                 run.parameters.empty() ? tr("defaults")
                                                                        : QString::fromStdString(run.parameters));
    }
    const QString when = QDateTime::fromSecsSinceEpoch(latest->runAt, QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString over = latest->filter.empty() ? tr("every record")
                                                : tr("the filter %1").arg(QString::fromStdString(latest->filter));
    // %Ln: "3,717 findings", grouped as the window's record counts are.
    m_status->setText(tr("%Ln finding(s); detections last ran %1 UTC over %2.", nullptr, m_model->rowCount())
                          .arg(when, over));
    m_status->setToolTip(tr("Settings of the last run of each detector:\n%1").arg(settings.join(QLatin1Char('\n'))));
}

void FindingsView::runDetections()
{
    if (m_case.isEmpty())
        return;
    setBusy(true);
    m_progress->setValue(0);
    m_status->setText(tr("Running detections…"));
    // The thresholds changed in Detection Settings, as `--set` gives them.
    std::vector<std::pair<QString, QString>> settings;
    for (const auto &[name, value] : loadDetectorSettings())
        settings.emplace_back(QString::fromStdString(name), QString::fromStdString(value));
    m_model->run(m_case, m_filter, {}, settings);
}

void FindingsView::showFinding(const QString &id)
{
    m_shown = id;
    selectShown();
}

void FindingsView::selectShown()
{
    if (m_shown.isEmpty())
        return;
    const QModelIndexList found = m_model->match(m_model->index(0, FindingsModel::TitleColumn), FindingsModel::FindingIdRole,
                                                 m_shown, 1, Qt::MatchExactly);
    if (found.isEmpty()) { // evidence of no listed finding: none of them is what the table shows
        m_table->clearSelection();
        m_table->setCurrentIndex({});
        return;
    }
    // Scrolled down or up to it, not sideways: the columns in view stay.
    const QModelIndex row = found.front().siblingAtColumn(std::max(0, m_table->columnAt(0)));
    m_table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(row);
}

void FindingsView::cancel()
{
    m_model->cancel();
}

// Each column as wide as its values; the finding's title too, up to some
// 70 characters (the rest elided, whole in the tooltip), and the room left.
void FindingsView::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    const int charWidth = m_table->fontMetrics().averageCharWidth();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        m_table->resizeColumnToContents(column);
        const int wanted = std::max(header->sectionSize(column), header->sectionSizeHint(column));
        const int cap = column == FindingsModel::TitleColumn ? 70 * charWidth : 40 * charWidth;
        header->resizeSection(column, std::min(wanted, cap));
    }
}

void FindingsView::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
}

} // namespace flowscope
