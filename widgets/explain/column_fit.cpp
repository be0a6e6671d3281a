// SPDX-License-Identifier: GPL-3.0-or-later
#include "column_fit.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>
#include <utility>

namespace flowscope {

namespace {

void fitColumn(QTableView *table, int column, int maxWidth)
{
    QHeaderView *header = table->horizontalHeader();
    table->resizeColumnToContents(column);
    // The header's text and its sort indicator, which resizeColumnToContents may leave short.
    const int wanted = std::max(header->sectionSize(column), header->sectionSizeHint(column));
    header->resizeSection(column, std::min(wanted, std::max(maxWidth, header->sectionSizeHint(column))));
}

// The room the widest of `rows` needs in `column`, as resizeColumnToContents measures a cell.
int widthOfRows(const QTableView *table, int column, RowSpan rows)
{
    int width = 0;
    for (int row = rows.first; row <= rows.last; ++row)
        width = std::max(width, table->sizeHintForIndex(table->model()->index(row, column)).width());
    return width + (table->showGrid() ? 1 : 0);
}

bool isSortedBy(const QTableView *table, int column)
{
    return table->isSortingEnabled() && table->horizontalHeader()->sortIndicatorSection() == column;
}

} // namespace

RowSpan rowsInView(const QTableView *table)
{
    const QAbstractItemModel *model = table->model();
    const int rows = model ? model->rowCount() : 0;
    if (rows == 0)
        return {};
    const int first = std::max(0, table->rowAt(0));
    const int bottom = table->rowAt(std::max(0, table->viewport()->height() - 1));
    // Below the last row the viewport is empty: the rows in view run to the end.
    return {first, bottom < 0 ? rows - 1 : bottom};
}

bool isColumnEmpty(const QTableView *table, int column, RowSpan rows)
{
    const QAbstractItemModel *model = table->model();
    for (int row = rows.first; row <= rows.last; ++row) {
        const QString text = model->index(row, column).data().toString();
        if (!text.isEmpty() && text != QLatin1String("-"))
            return false;
    }
    return true;
}

bool hideColumnsEmptyInView(QTableView *table, int maxWidth)
{
    const QAbstractItemModel *model = table->model();
    if (!model)
        return false;
    const RowSpan rows = rowsInView(table);
    const bool anyRows = rows.last >= rows.first; // with no rows at all, the headers say what will come
    QHeaderView *header = table->horizontalHeader();
    bool changed = false;
    for (int column = 0; column < model->columnCount(); ++column) {
        const bool hide = anyRows && !isSortedBy(table, column) && isColumnEmpty(table, column, rows);
        if (hide != table->isColumnHidden(column)) {
            table->setColumnHidden(column, hide);
            if (!hide)
                fitColumn(table, column, maxWidth);
            changed = true;
        } else if (!hide && anyRows) {
            // Fitted to other rows: a wider value now in view would be elided. Never narrower while scrolling.
            const int wanted = std::min(widthOfRows(table, column, rows), std::max(maxWidth, header->sectionSizeHint(column)));
            if (wanted > header->sectionSize(column)) {
                header->resizeSection(column, wanted);
                changed = true;
            }
        }
    }
    return changed;
}

void fitColumnsToContent(QTableView *table, int maxWidth)
{
    const QAbstractItemModel *model = table->model();
    if (!model)
        return;
    hideColumnsEmptyInView(table, maxWidth);
    for (int column = 0; column < model->columnCount(); ++column)
        if (!table->isColumnHidden(column))
            fitColumn(table, column, maxWidth);
}

ColumnFit::ColumnFit(QTableView *table, std::function<int()> maxWidth)
    : QObject(table)
    , m_table(table)
    , m_maxWidth(std::move(maxWidth))
{
    connect(table->verticalScrollBar(), &QScrollBar::valueChanged, this, &ColumnFit::followRowsInView);
    // A sort brings other rows into view (the columns were fitted on computing, not hidden on it alone).
    connect(table->model(), &QAbstractItemModel::layoutChanged, this, &ColumnFit::followRowsInView, Qt::QueuedConnection);
    table->viewport()->installEventFilter(this);
}

void ColumnFit::fitAll()
{
    fitColumnsToContent(m_table, m_maxWidth());
    reportFitted();
}

void ColumnFit::followRowsInView()
{
    if (hideColumnsEmptyInView(m_table, m_maxWidth()))
        fitColumnsToContent(m_table, m_maxWidth());
    reportFitted();
}

void ColumnFit::reportFitted()
{
    const RowSpan rows = rowsInView(m_table);
    Q_EMIT fitted(rows.first, rows.last);
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitAll(); // other rows in view, and room for a column to take back
    return QObject::eventFilter(watched, event);
}

} // namespace flowscope
