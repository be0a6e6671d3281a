// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats_view.h"

#include "sort_arrow_header.h"

#include "pivot_filter_menu.h"
#include "pivot/filter_compose.h"
#include "traffic_stats_display.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <optional>

namespace flowscope {

namespace {

std::optional<int> number(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

} // namespace

TrafficStatsView::TrafficStatsView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabBar(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    m_tabs->setObjectName(QStringLiteral("statsKind"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->addTab(tr("Conversations"));
    m_tabs->addTab(tr("Conversations by Service"));
    m_tabs->addTab(tr("Endpoints by Address"));
    m_tabs->addTab(tr("Endpoints by Interface"));
    m_tabs->setTabToolTip(0, tr("Address pairs, whichever way the traffic flowed"));
    m_tabs->setTabToolTip(1, tr("Address pairs with the protocol and the service port (the lower port)"));
    m_tabs->setTabToolTip(2, tr("Every address, with the flows it sent or received"));
    m_tabs->setTabToolTip(3, tr("Every network interface (ENI) that logged flows"));

    SortArrowHeader::install(m_table);
    m_table->setObjectName(QStringLiteral("statsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    // One text line a row, as in the flow table; rows are never measured.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_status->setObjectName(QStringLiteral("statsStatus"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_tabs);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    for (int i = 0; i < 4; ++i) {
        const Kind kind = static_cast<Kind>(i);
        m_models[i] = new TrafficStatsModel(kind, this);
        m_display[i] = new TrafficStatsDisplayModel(m_models[i], this);
        connect(m_models[i], &TrafficStatsModel::computed, this, [this, kind] { onComputed(kind); });
        connect(m_models[i], &TrafficStatsModel::errorOccurred, this, [this, kind](const QString &message) {
            if (kind == this->kind())
                m_error = message;
        });
    }
    m_table->setModel(m_display[0]);
    m_table->horizontalHeader()->setSortIndicator(m_models[0]->sortColumn(), m_models[0]->sortOrder());
    // A header click sorts through the model, which asks the core again in
    // that order (see TrafficStatsModel::sort).
    m_table->setSortingEnabled(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &TrafficStatsView::onSortRequested);
    connect(m_tabs, &QTabBar::currentChanged, this, &TrafficStatsView::showKind);
    // Rows scrolled into view may hold longer addresses or counts.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &TrafficStatsView::fitColumnsToShownRows);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString term = filterForRow(index.row());
        if (!term.isEmpty())
            Q_EMIT filterRequested(combineFilter(m_filter, term, FilterCombine::And), true);
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(createRowMenu(m_table->indexAt(pos)));
        menu->exec(m_table->viewport()->mapToGlobal(pos));
    });
    updateStatus();
}

TrafficStatsView::Kind TrafficStatsView::kind() const { return static_cast<Kind>(std::max(0, m_tabs->currentIndex())); }

void TrafficStatsView::setKind(Kind kind) { m_tabs->setCurrentIndex(slot(kind)); }

bool TrafficStatsView::isComputing() const { return m_models[slot(kind())]->isComputing(); }

TrafficStatsModel *TrafficStatsView::statsModel(Kind kind) const { return m_models[slot(kind)]; }

void TrafficStatsView::setCase(const QString &casePath)
{
    m_case = casePath;
    m_stale.fill(true);
    refreshIfStale();
}

void TrafficStatsView::setFilter(const QString &filterText)
{
    m_filter = filterText.trimmed();
    m_stale.fill(true);
    refreshIfStale();
}

void TrafficStatsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void TrafficStatsView::showKind(int index)
{
    if (index < 0)
        return;
    m_error.clear();
    m_table->setModel(m_display[index]); // the header starts again from default widths
    m_columnsSized = false;
    fitColumnsToShownRows();
    // The indicator shows the order this statistic's rows were chosen in.
    m_table->horizontalHeader()->setSortIndicator(m_models[index]->sortColumn(), m_models[index]->sortOrder());
    refreshIfStale();
    updateStatus();
}

bool TrafficStatsView::isOnScreen() const { return isVisible() && !visibleRegion().isEmpty(); }

void TrafficStatsView::refreshIfStale()
{
    // Statistics scan the whole case: only the one on screen is worth it.
    const int shown = slot(kind());
    if (!isOnScreen() || !m_stale[shown])
        return;
    m_stale[shown] = false;
    m_error.clear();
    m_models[shown]->compute(m_case, m_filter);
    updateStatus();
}

void TrafficStatsView::onSortRequested(int column)
{
    const TrafficStatsModel *model = m_models[slot(kind())];
    if (!model->orderOfColumn(column)) {
        // Key columns name rows rather than measure them: the order stays.
        m_table->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
        return;
    }
    updateStatus(); // the model is asking again
}

void TrafficStatsView::onComputed(Kind kind)
{
    const int i = slot(kind);
    if (kind != this->kind())
        return;
    if (m_models[i]->rowCount() > 0)
        fitColumnsToShownRows();
    updateStatus();
    Q_EMIT computed();
}

// Each column as wide as its title and the text of the rows on screen, so
// no address, interface, count, size or time is elided. Not
// resizeColumnsToContents(): that lays out every one of up to a thousand rows
// through the style on the GUI thread, tens of milliseconds and more.
void TrafficStatsView::fitColumnsToShownRows()
{
    constexpr int kMaxMeasuredRows = 100; // more than any screen shows
    QAbstractItemModel *model = m_table->model();
    const int rows = model->rowCount();
    if (rows == 0)
        return;
    const int first = std::max(0, m_table->rowAt(0));
    const int below = m_table->rowAt(m_table->viewport()->height() - 1);
    const int last = std::min({below < 0 ? rows - 1 : below, rows - 1, first + kMaxMeasuredRows - 1});
    const QFontMetrics metrics(m_table->font());
    // The delegate's margins either side of the text, and a little air.
    const int padding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 6;
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < model->columnCount(); ++column) {
        int width = header->sectionSizeHint(column);
        for (int row = first; row <= last; ++row)
            width = std::max(width, metrics.horizontalAdvance(model->index(row, column).data().toString()) + padding);
        if (m_columnsSized)
            width = std::max(width, header->sectionSize(column));
        header->resizeSection(column, width);
    }
    m_columnsSized = true;
}

void TrafficStatsView::updateStatus()
{
    const TrafficStatsModel *model = m_models[slot(kind())];
    if (model->isComputing())
        m_status->setText(tr("Computing…"));
    else if (!m_error.isEmpty())
        m_status->setText(tr("Could not compute: %1").arg(m_error));
    else if (m_case.isEmpty())
        m_status->setText(tr("No case open"));
    else
        m_status->setText(shownText(*model) + tr("; double-click a row to filter on it"));
}

QString TrafficStatsView::shownText(const TrafficStatsModel &model)
{
    const QLocale locale;
    const QString shown = locale.toString(model.rowCount());
    const QString total = locale.toString(model.totalRows());
    const bool ascending = model.direction() == SortDirection::Ascending;
    QString what;
    switch (model.kind()) {
    case Kind::Conversations: what = tr("conversations"); break;
    case Kind::ServiceConversations: what = tr("service conversations"); break;
    case Kind::AddressEndpoints: what = tr("addresses"); break;
    case Kind::InterfaceEndpoints: what = tr("interfaces"); break;
    }
    switch (model.order()) {
    case StatsOrder::Flows:
        return ascending ? tr("Bottom %1 of %2 %3 by flows").arg(shown, total, what)
                         : tr("Top %1 of %2 %3 by flows").arg(shown, total, what);
    case StatsOrder::Packets:
        return ascending ? tr("Bottom %1 of %2 %3 by packets").arg(shown, total, what)
                         : tr("Top %1 of %2 %3 by packets").arg(shown, total, what);
    case StatsOrder::Bytes:
        return ascending ? tr("Bottom %1 of %2 %3 by bytes").arg(shown, total, what)
                         : tr("Top %1 of %2 %3 by bytes").arg(shown, total, what);
    case StatsOrder::Accepts:
        return ascending ? tr("Bottom %1 of %2 %3 by accepts").arg(shown, total, what)
                         : tr("Top %1 of %2 %3 by accepts").arg(shown, total, what);
    case StatsOrder::Rejects:
        return ascending ? tr("Bottom %1 of %2 %3 by rejects").arg(shown, total, what)
                         : tr("Top %1 of %2 %3 by rejects").arg(shown, total, what);
    case StatsOrder::FirstSeen:
        return ascending ? tr("Earliest %1 of %2 %3 by first seen").arg(shown, total, what)
                         : tr("Latest %1 of %2 %3 by first seen").arg(shown, total, what);
    case StatsOrder::LastSeen:
        return ascending ? tr("Earliest %1 of %2 %3 by last seen").arg(shown, total, what)
                         : tr("Latest %1 of %2 %3 by last seen").arg(shown, total, what);
    }
    return {};
}

QString TrafficStatsView::filterForRow(int row) const
{
    const TrafficStatsModel *model = m_models[slot(kind())];
    if (row < 0 || row >= model->rowCount())
        return {};
    auto key = [&](int column) { return model->index(row, column).data(TrafficStatsModel::SortValueRole).toString(); };
    switch (kind()) {
    case Kind::Conversations: return conversationFilter(key(0), key(1));
    case Kind::ServiceConversations: return serviceConversationFilter(key(0), key(1), number(key(2)), number(key(3)));
    case Kind::AddressEndpoints: return addressEndpointFilter(key(0));
    case Kind::InterfaceEndpoints: return interfaceEndpointFilter(key(0));
    }
    return {};
}

QMenu *TrafficStatsView::createRowMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    const QString term = index.isValid() ? filterForRow(index.row()) : QString();
    PivotFilterMenu::addTo(menu, term, [this] { return m_filter; },
                      [this](const QString &expression, bool apply) { Q_EMIT filterRequested(expression, apply); });
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("Copy as &Filter"));
    copy->setObjectName(QStringLiteral("copyAsFilter"));
    copy->setEnabled(!term.isEmpty());
    connect(copy, &QAction::triggered, this, [term] { QGuiApplication::clipboard()->setText(term); });
    return menu;
}

} // namespace flowscope
