// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_table_view.h"

#include "sort_arrow_header.h"

#include "export/delimited_text.h"
#include "format/field_description.h"
#include "pivot_filter_menu.h"
#include "reject_row_delegate.h"
#include "itemmodels/flow_table_model.h"
#include "pivot/filter_compose.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHash>
#include <QHeaderView>
#include <QHelpEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <memory>
#include <limits>
#include <utility>

namespace flowscope {

namespace {

QString awsName(Field field)
{
    const std::string_view name = fieldInfo(field).name;
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

FlowTableView::FlowTableView(QWidget *parent)
    : QTableView(parent)
{
    SortArrowHeader::install(this);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setCornerButtonEnabled(false);
    setShowGrid(false);
    setItemDelegate(new RejectRowDelegate(this)); // REJECT rows tinted
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    // The rows come in time order (the order the case's index serves): a
    // click on a header sorts by its column, again turns it around; Start
    // goes back to time order.
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sectionClicked, this, [this](int logical) {
        FlowTableModel *flows = flowModel();
        if (!flows || logical < 0 || logical >= flows->columns().size())
            return;
        const Field field = flows->columns().at(logical);
        Qt::SortOrder order = Qt::AscendingOrder;
        if (field == flows->sortField())
            order = flows->sortOrder() == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        else if (field == Field::Bytes || field == Field::Packets)
            order = Qt::DescendingOrder; // the largest flows are what an analyst looks for first
        flows->sort(logical, order);
        updateSortIndicator();
    });
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->viewport()->installEventFilter(this);
    connect(header, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(createColumnMenu());
        menu->exec(horizontalHeader()->mapToGlobal(pos));
    });
    // The model follows a dragged section, later: the header is still moving it now.
    connect(header, &QHeaderView::sectionMoved, this, [this] {
        if (m_applyingColumns || m_reorderQueued || !flowModel())
            return;
        m_reorderQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_reorderQueued = false;
            applyColumns(fieldsInViewOrder());
        });
    });
    updateRowHeight();

    // The view's own scroll bar scrolls the model's window of rows, behind
    // the scroll bar over every record that takes its place.
    m_recordBar = new QScrollBar(Qt::Vertical, this);
    m_recordBar->setObjectName(QStringLiteral("recordScrollBar"));
    addScrollBarWidget(m_recordBar, Qt::AlignTop);
    verticalScrollBar()->hide();
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &FlowTableView::syncRecordBar);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        syncRecordBar();
        if (!m_edgeQueued) {
            m_edgeQueued = true;
            QTimer::singleShot(0, this, &FlowTableView::followWindowEdge);
        }
    });
    connect(m_recordBar, &QScrollBar::valueChanged, this, &FlowTableView::onRecordBarMoved);
    // Columns widen to the rows that scroll into view, so no value is cut
    // short; a column the analyst sized keeps its width.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &FlowTableView::fitColumnsSoon);
    connect(header, &QHeaderView::sectionResized, this, [this](int logical) {
        const FlowTableModel *flows = flowModel();
        if (!m_sizingColumns && !m_applyingColumns && flows && logical < flows->columns().size()
            && (QGuiApplication::mouseButtons() & Qt::LeftButton))
            m_resizedByHand.insert(int(flows->columns().at(logical)));
    });

    auto *copy = new QAction(tr("&Copy as Tab-Separated Text"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(true); });
    addAction(copy);
}

FlowTableModel *FlowTableView::flowModel() const { return qobject_cast<FlowTableModel *>(model()); }

QString FlowTableView::selectionAsText(bool tabSeparated) const
{
    if (!model() || !selectionModel())
        return {};
    // A selection is bounded to what an analyst can mean to copy by hand.
    constexpr qsizetype kMaxRows = 100000;
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end());
    if (rows.size() > kMaxRows)
        rows.resize(kMaxRows);
    QList<int> columns;
    for (int visual = 0; visual < horizontalHeader()->count(); ++visual) {
        const int logical = horizontalHeader()->logicalIndex(visual);
        if (!horizontalHeader()->isSectionHidden(logical))
            columns << logical;
    }
    return modelRowsAsText(*model(), rows, columns, tabSeparated ? Delimiter::Tab : Delimiter::Comma);
}

void FlowTableView::copySelection(bool tabSeparated)
{
    const QString text = selectionAsText(tabSeparated);
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void FlowTableView::setCurrentFilterProvider(std::function<QString()> provider)
{
    m_currentFilter = std::move(provider);
}

QString FlowTableView::filterTermAt(const QModelIndex &index) const
{
    const FlowTableModel *flows = flowModel();
    if (!flows || !index.isValid() || index.model() != flows || index.column() >= flows->columns().size()
        || index.data(FlowTableModel::LoadingRole).toBool())
        return {};
    return filterTermFor(flows->columns().at(index.column()), index.data(FlowTableModel::RawValueRole));
}

void FlowTableView::addCellMenuAction(QAction *action)
{
    if (action && !m_cellActions.contains(action))
        m_cellActions << action;
}

QMenu *FlowTableView::createCellMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    const QString term = filterTermAt(index);
    PivotFilterMenu::addTo(menu, term, m_currentFilter,
                      [this](const QString &expression, bool apply) { Q_EMIT filterRequested(expression, apply); });
    menu->addSeparator();

    const bool loaded = index.isValid() && !index.data(FlowTableModel::LoadingRole).toBool();
    QAction *value = menu->addAction(tr("Copy &Value"));
    value->setObjectName(QStringLiteral("copyValue"));
    value->setEnabled(loaded);
    const QVariant exact = index.data(Qt::EditRole); // 127230000, not "127.2 MB"
    const QString text = exact.isValid() ? exact.toString() : index.data().toString();
    connect(value, &QAction::triggered, this, [text] { QGuiApplication::clipboard()->setText(text); });
    QAction *asFilter = menu->addAction(tr("Copy as &Filter"));
    asFilter->setObjectName(QStringLiteral("copyAsFilter"));
    asFilter->setEnabled(!term.isEmpty());
    connect(asFilter, &QAction::triggered, this, [term] { QGuiApplication::clipboard()->setText(term); });

    const bool any = selectionModel() && selectionModel()->hasSelection();
    QAction *csv = menu->addAction(tr("Copy Rows as &CSV"));
    csv->setObjectName(QStringLiteral("copyRowsCsv"));
    QAction *tsv = menu->addAction(tr("Copy Rows as &Tab-Separated Text"));
    tsv->setObjectName(QStringLiteral("copyRowsTsv"));
    csv->setEnabled(any);
    tsv->setEnabled(any);
    connect(csv, &QAction::triggered, this, [this] { copySelection(false); });
    connect(tsv, &QAction::triggered, this, [this] { copySelection(true); });

    if (!m_cellActions.isEmpty()) {
        menu->addSeparator();
        menu->addActions(m_cellActions);
    }
    return menu;
}

void FlowTableView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    std::unique_ptr<QMenu> menu(createCellMenu(index));
    menu->exec(event->globalPos());
}

QModelIndex FlowTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // Ctrl+Home and Ctrl+End go to the first and last record, not the window's.
    FlowTableModel *flows = flowModel();
    if (flows && (modifiers & Qt::ControlModifier) && flows->recordRows() > 0
        && (cursorAction == MoveHome || cursorAction == MoveEnd)) {
        const qint64 target = cursorAction == MoveHome ? 0 : flows->recordRows() - 1;
        moveWindowKeeping(target - flows->windowRows() / 2, target);
        return flows->index(int(target - flows->windowStart()), std::max(0, currentIndex().column()));
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}

// The record bar spans every record: the rows before the window, the
// window's own scroll range, and the rows after it.
void FlowTableView::syncRecordBar()
{
    const QScrollBar *inner = verticalScrollBar();
    const FlowTableModel *flows = flowModel();
    const qint64 before = flows ? flows->windowStart() : 0;
    const qint64 after = flows ? std::max<qint64>(0, flows->recordRows() - before - flows->rowCount()) : 0;
    const bool syncing = std::exchange(m_syncingBars, true);
    m_recordBar->setRange(0, int(std::min<qint64>(before + inner->maximum() + after, std::numeric_limits<int>::max())));
    m_recordBar->setPageStep(inner->pageStep());
    m_recordBar->setSingleStep(inner->singleStep());
    m_recordBar->setValue(int(before + inner->value()));
    m_syncingBars = syncing;
}

void FlowTableView::onRecordBarMoved(int recordRow)
{
    if (m_syncingBars)
        return;
    FlowTableModel *flows = flowModel();
    const qint64 inWindow = flows ? recordRow - flows->windowStart() : recordRow;
    if (!flows || (inWindow >= 0 && inWindow <= verticalScrollBar()->maximum())) {
        verticalScrollBar()->setValue(int(inWindow));
        return;
    }
    moveWindowKeeping(recordRow - flows->windowRows() / 2, recordRow);
}

// Scrolling close to the window's edge, with records beyond it, moves the
// window so that the rows on screen are in its middle.
void FlowTableView::followWindowEdge()
{
    m_edgeQueued = false;
    const FlowTableModel *flows = flowModel();
    if (!flows)
        return;
    const int top = verticalScrollBar()->value();
    const int margin = flows->windowRows() / 8;
    const bool nearStart = flows->windowStart() > 0 && top < margin;
    const bool nearEnd = flows->windowStart() + flows->rowCount() < flows->recordRows()
        && top + verticalScrollBar()->pageStep() > flows->rowCount() - margin;
    if (nearStart || nearEnd) {
        const qint64 topRecord = flows->windowStart() + top;
        moveWindowKeeping(topRecord - flows->windowRows() / 2, topRecord);
    }
}

// Moves the model's window (a reset) and puts back the current record, its
// selection and `topRecord` at the top of the view.
void FlowTableView::moveWindowKeeping(qint64 windowStart, qint64 topRecord)
{
    FlowTableModel *flows = flowModel();
    const qint64 oldStart = flows->windowStart();
    const QModelIndex current = currentIndex();
    const qint64 currentRecord = current.isValid() ? oldStart + current.row() : -1;
    const bool selected = current.isValid() && selectionModel()->isRowSelected(current.row());
    flows->setWindowStart(windowStart);
    const qint64 start = flows->windowStart();
    if (start == oldStart) {
        verticalScrollBar()->setValue(int(topRecord - start));
        return;
    }
    updateGeometries(); // the scroll range of the new window, before the delayed layout
    if (currentRecord >= start && currentRecord < start + flows->rowCount())
        selectionModel()->setCurrentIndex(flows->index(int(currentRecord - start), std::max(0, current.column())),
                                          selected ? QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows
                                                   : QItemSelectionModel::NoUpdate);
    verticalScrollBar()->setValue(int(topRecord - start));
    syncRecordBar();
}

QMenu *FlowTableView::createColumnMenu()
{
    auto *menu = new QMenu(tr("Columns"), this);
    menu->setObjectName(QStringLiteral("columnMenu"));
    menu->setToolTipsVisible(true);
    const FlowTableModel *flows = flowModel();
    const QList<Field> shown = flows ? flows->columns() : QList<Field>();
    for (const FieldInfo &info : allFields()) {
        QAction *action = menu->addAction(awsName(info.field));
        action->setObjectName(QStringLiteral("column:") + awsName(info.field));
        action->setToolTip(fieldDescription(info.field));
        action->setCheckable(true);
        action->setChecked(shown.contains(info.field));
        // The table keeps at least one column.
        action->setEnabled(flows && !(shown.size() == 1 && shown.contains(info.field)));
        const Field field = info.field;
        connect(action, &QAction::toggled, this, [this, field](bool on) { toggleColumn(field, on); });
    }
    // What the case's newest configuration snapshot says of each record's interface.
    menu->addSection(tr("From the configuration snapshot"));
    const QList<SnapshotColumn> snapshotShown = flows ? flows->snapshotColumns() : QList<SnapshotColumn>();
    for (const SnapshotColumn column : allSnapshotColumns()) {
        QAction *action = menu->addAction(snapshotColumnTitle(column));
        action->setObjectName(QStringLiteral("snapshotColumn:") + snapshotColumnKey(column));
        action->setCheckable(true);
        action->setChecked(snapshotShown.contains(column));
        action->setEnabled(flows != nullptr);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            FlowTableModel *model = flowModel();
            if (!model)
                return;
            QList<SnapshotColumn> columns = model->snapshotColumns();
            columns.removeAll(column);
            if (on)
                columns << column;
            model->setSnapshotColumns(columns);
        });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("&Reset Columns"));
    reset->setObjectName(QStringLiteral("resetColumns"));
    reset->setEnabled(flows != nullptr);
    connect(reset, &QAction::triggered, this, &FlowTableView::resetColumns);
    // The one order the index serves, either way round.
    QAction *latestFirst = menu->addAction(tr("&Latest First"));
    latestFirst->setObjectName(QStringLiteral("latestFirst"));
    latestFirst->setCheckable(true);
    latestFirst->setEnabled(flows != nullptr);
    latestFirst->setChecked(flows && flows->sortField() == Field::Start && flows->sortOrder() == Qt::DescendingOrder);
    latestFirst->setStatusTip(tr("Rows are in time order (start, then record); this turns it around"));
    connect(latestFirst, &QAction::toggled, this, [this](bool on) {
        if (FlowTableModel *model = flowModel()) {
            model->setLatestFirst(on);
            updateSortIndicator();
        }
    });
    return menu;
}

bool FlowTableView::mapsOneToOne() const
{
    const QHeaderView *header = horizontalHeader();
    for (int logical = 0; logical < header->count(); ++logical)
        if (header->visualIndex(logical) != logical || header->isSectionHidden(logical))
            return false;
    return true;
}

QList<Field> FlowTableView::fieldsInViewOrder() const
{
    QList<Field> fields;
    const FlowTableModel *flows = flowModel();
    if (!flows)
        return fields;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && logical < flows->columns().size() && !header->isSectionHidden(logical))
            fields << flows->columns().at(logical);
    }
    return fields;
}

QStringList FlowTableView::columnNames() const
{
    QStringList names;
    for (Field field : fieldsInViewOrder())
        names << awsName(field);
    return names;
}

bool FlowTableView::setColumnNames(const QStringList &names)
{
    QList<Field> fields;
    for (const QString &name : names) {
        const auto field = fieldByName(name.toStdString());
        if (field && !fields.contains(*field))
            fields << *field;
    }
    if (fields.isEmpty() || !flowModel())
        return false;
    applyColumns(fields);
    return true;
}

void FlowTableView::resetColumns() { applyColumns(FlowTableModel::defaultColumns()); }

void FlowTableView::toggleColumn(Field field, bool shown)
{
    QList<Field> fields = fieldsInViewOrder();
    if (shown && !fields.contains(field))
        fields << field;
    else if (!shown)
        fields.removeAll(field);
    applyColumns(fields);
}

// The model's columns become `fields` in this order, so the header maps
// sections one to one and its saved state stays meaningful; widths, the
// current row and the scroll position survive the model's reset.
void FlowTableView::applyColumns(const QList<Field> &fields)
{
    FlowTableModel *flows = flowModel();
    if (!flows || fields.isEmpty())
        return;
    QHeaderView *header = horizontalHeader();
    const bool unchanged = fields == flows->columns() && mapsOneToOne();
    if (!unchanged) {
        QHash<int, int> widths;
        for (int logical = 0; logical < flows->columns().size() && logical < header->count(); ++logical)
            widths.insert(int(flows->columns().at(logical)), header->sectionSize(logical));
        const int row = currentIndex().row();
        const int vertical = verticalScrollBar()->value();
        const int horizontal = horizontalScrollBar()->value();
        flows->setColumns(fields);
        // The header may keep its old moves and hidden sections across the reset: undo them.
        m_applyingColumns = true;
        for (int logical = 0; logical < fields.size(); ++logical) {
            header->showSection(logical);
            if (header->visualIndex(logical) != logical)
                header->moveSection(header->visualIndex(logical), logical);
        }
        m_applyingColumns = false;
        for (int logical = 0; logical < fields.size(); ++logical) {
            if (const auto width = widths.constFind(int(fields.at(logical))); width != widths.constEnd())
                header->resizeSection(logical, *width);
            else if (m_columnsSized)
                sizeColumnToRows(logical);
        }
        if (row >= 0 && row < flows->rowCount())
            selectionModel()->setCurrentIndex(flows->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        verticalScrollBar()->setValue(vertical);
        horizontalScrollBar()->setValue(horizontal);
    }
    updateSortIndicator();
    Q_EMIT columnsChanged(columnNames());
}

void FlowTableView::updateSortIndicator()
{
    const FlowTableModel *flows = flowModel();
    const int sorted = flows ? int(flows->columns().indexOf(flows->sortField())) : -1;
    horizontalHeader()->setSortIndicatorShown(sorted >= 0);
    horizontalHeader()->setSortIndicator(sorted, flows ? flows->sortOrder() : Qt::AscendingOrder);
}

bool FlowTableView::eventFilter(QObject *watched, QEvent *event)
{
    // A header says what a click on it does.
    if (watched == horizontalHeader()->viewport() && event->type() == QEvent::ToolTip && flowModel()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int logical = horizontalHeader()->logicalIndexAt(help->pos());
        if (logical >= 0 && logical < flowModel()->columns().size()) {
            const QString tip = model()->headerData(logical, Qt::Horizontal, Qt::ToolTipRole).toString();
            const QString click = flowModel()->columns().at(logical) == Field::Start
                ? tr("Time order: start, then record. Click to turn it around.")
                : tr("Click to sort by this column, again to turn it around; equal values stay in time order. "
                     "Over more than a million records, the top 10,000 are shown.");
            QToolTip::showText(help->globalPos(), tip + QLatin1Char('\n') + click, horizontalHeader()->viewport());
            return true;
        }
    }
    return QTableView::eventFilter(watched, event);
}

void FlowTableView::setModel(QAbstractItemModel *model)
{
    disconnect(m_firstRows);
    disconnect(m_modelReset);
    QTableView::setModel(model);
    // The first rows to arrive size the columns, unless the analyst's widths were restored.
    if (model && !m_columnsSized)
        m_firstRows = connect(model, &QAbstractItemModel::dataChanged, this, &FlowTableView::sizeColumnsOnce);
    if (model)
        connect(model, &QAbstractItemModel::dataChanged, this, &FlowTableView::fitColumnsSoon, Qt::UniqueConnection);
    if (model)
        m_modelReset = connect(model, &QAbstractItemModel::modelReset, this, &FlowTableView::updateSortIndicator);
    // The model grows by a reset (see FlowTableModel::growTo): the rows shown
    // stay, and so do the current row and the scroll position.
    disconnect(m_aboutToGrow);
    disconnect(m_grown);
    disconnect(m_caseLoaded);
    disconnect(m_recordRows);
    if (FlowTableModel *flows = flowModel()) {
        m_recordRows = connect(flows, &FlowTableModel::recordRowsChanged, this, &FlowTableView::syncRecordBar);
        m_caseLoaded = connect(flows, &FlowTableModel::caseLoaded, this, &FlowTableView::reserveRowNumbers);
        m_aboutToGrow = connect(flows, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            m_kept.reset();
            if (flowModel()->isGrowing())
                m_kept = KeptPlace{currentIndex().row(), currentIndex().column(), verticalScrollBar()->value(),
                                   selectionModel() && selectionModel()->isRowSelected(currentIndex().row())};
        });
        m_grown = connect(flows, &QAbstractItemModel::modelReset, this, [this] {
            if (!m_kept)
                return;
            const KeptPlace kept = *std::exchange(m_kept, std::nullopt);
            updateGeometries(); // the scroll range of the grown rows, before the delayed layout
            if (kept.row >= 0) {
                const QModelIndex current = this->model()->index(kept.row, std::max(0, kept.column));
                selectionModel()->setCurrentIndex(current, kept.selected ? QItemSelectionModel::ClearAndSelect
                                                                             | QItemSelectionModel::Rows
                                                                       : QItemSelectionModel::NoUpdate);
            }
            verticalScrollBar()->setValue(kept.scroll);
        });
    }
    updateSortIndicator();
}

void FlowTableView::sizeColumnsOnce()
{
    disconnect(m_firstRows);
    if (m_columnsSized)
        return;
    m_columnsSized = true;
    for (int logical = 0; logical < horizontalHeader()->count(); ++logical)
        sizeColumnToRows(logical);
}

// The width of a column's title and of its first rows' text. Not
// resizeColumnToContents(): that lays out every cell through the style and
// its delegate, a tenth of a second and more for one page on the GUI thread.
void FlowTableView::sizeColumnToRows(int logical)
{
    constexpr int kSampleRows = 32;
    if (!model())
        return;
    int width = horizontalHeader()->sectionSizeHint(logical);
    const int rows = std::min(model()->rowCount(), kSampleRows);
    for (int row = 0; row < rows; ++row)
        width = std::max(width, cellWidth(model()->index(row, logical)));
    const bool sizing = std::exchange(m_sizingColumns, true);
    horizontalHeader()->resizeSection(logical, width);
    m_sizingColumns = sizing;
}

int FlowTableView::textWidth(const QString &text) const
{
    // The delegate's margins either side of the text, and a little air.
    const int padding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1) + 6;
    return fontMetrics().horizontalAdvance(text) + padding;
}

int FlowTableView::cellWidth(const QModelIndex &index) const
{
    int width = textWidth(index.data().toString());
    // A starred row's star before the first column's text (RejectRowDelegate), a square of the font's height.
    if (index.column() == 0 && index.data(FlowTableModel::StarredRole).toBool())
        width += fontMetrics().height() + 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1);
    return width;
}

void FlowTableView::fitColumnsSoon()
{
    if (m_fitQueued)
        return;
    m_fitQueued = true;
    QTimer::singleShot(0, this, &FlowTableView::fitColumnsToShownRows);
}

// Widens each column to the text of the rows on screen, measured from the
// text (a few dozen rows), never narrowing one.
void FlowTableView::fitColumnsToShownRows()
{
    m_fitQueued = false;
    const FlowTableModel *flows = flowModel();
    if (!flows || !m_columnsSized || flows->rowCount() == 0)
        return;
    const int first = std::max(0, rowAt(0));
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = flows->rowCount() - 1;
    QHeaderView *header = horizontalHeader();
    const int lastVisual = header->logicalIndex(header->count() - 1);
    const bool syncing = std::exchange(m_sizingColumns, true);
    for (int logical = 0; logical < flows->columns().size(); ++logical) {
        if (header->isSectionHidden(logical) || (logical == lastVisual && header->stretchLastSection())
            || m_resizedByHand.contains(int(flows->columns().at(logical))))
            continue;
        int width = header->sectionSize(logical);
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = flows->index(row, logical);
            if (!index.data(FlowTableModel::LoadingRole).toBool())
                width = std::max(width, cellWidth(index));
        }
        if (width > header->sectionSize(logical))
            header->resizeSection(logical, width);
    }
    m_sizingColumns = syncing;
}

QByteArray FlowTableView::saveHeaderState() const { return horizontalHeader()->saveState(); }

bool FlowTableView::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty() || !horizontalHeader()->restoreState(state))
        return false;
    m_columnsSized = true;
    // A state saved before columns followed the view order may have moved or hidden sections.
    if (!mapsOneToOne())
        applyColumns(fieldsInViewOrder());
    updateSortIndicator();
    return true;
}

void FlowTableView::focusInEvent(QFocusEvent *event)
{
    // QAbstractItemView makes the first row current when focus arrives without a current
    // index, also when focus merely moves here because another widget was hidden.
    const bool hadCurrent = currentIndex().isValid();
    QItemSelectionModel *selection = selectionModel();
    const QSignalBlocker blocker(selection);
    QTableView::focusInEvent(event);
    if (!hadCurrent && selection && selection->currentIndex().isValid())
        selection->clearCurrentIndex();
}

void FlowTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateRowHeight();
}

// The row numbers as wide as the case's last record number: a filter or a
// sort with fewer rows would otherwise narrow them and move every column
// sideways under the analyst's pointer.
void FlowTableView::reserveRowNumbers(qint64 records)
{
    QHeaderView *rows = verticalHeader();
    const QString widest = QString::number(std::max<qint64>(records, 1));
    const int margin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, rows) + rows->fontMetrics().averageCharWidth();
    rows->setMinimumWidth(rows->fontMetrics().horizontalAdvance(widest) + margin);
}

void FlowTableView::updateRowHeight()
{
    // A line of text and a little air, whatever the font and the screen's scale.
    const int height = fontMetrics().height() + fontMetrics().height() / 3;
    verticalHeader()->setMinimumSectionSize(height);
    verticalHeader()->setDefaultSectionSize(height);
}

} // namespace flowscope
