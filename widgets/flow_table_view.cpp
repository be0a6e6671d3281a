// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_table_view.h"

#include "export/delimited_text.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace flowscope {

FlowTableView::FlowTableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setCornerButtonEnabled(false);
    setShowGrid(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setStretchLastSection(true);
    updateRowHeight();

    auto *copy = new QAction(tr("&Copy as Tab-Separated Text"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(true); });
    addAction(copy);
}

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

void FlowTableView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool any = selectionModel() && selectionModel()->hasSelection();
    QAction *csv = menu.addAction(tr("Copy Rows as &CSV"));
    QAction *tsv = menu.addAction(tr("Copy Rows as &Tab-Separated Text"));
    csv->setEnabled(any);
    tsv->setEnabled(any);
    connect(csv, &QAction::triggered, this, [this] { copySelection(false); });
    connect(tsv, &QAction::triggered, this, [this] { copySelection(true); });
    menu.exec(event->globalPos());
}

void FlowTableView::setModel(QAbstractItemModel *model)
{
    disconnect(m_firstRows);
    QTableView::setModel(model);
    // The first rows to arrive size the columns, unless the analyst's widths were restored.
    if (model && !m_columnsSized)
        m_firstRows = connect(model, &QAbstractItemModel::dataChanged, this, &FlowTableView::sizeColumnsOnce);
}

void FlowTableView::sizeColumnsOnce()
{
    disconnect(m_firstRows);
    if (m_columnsSized)
        return;
    m_columnsSized = true;
    resizeColumnsToContents();
}

QByteArray FlowTableView::saveHeaderState() const { return horizontalHeader()->saveState(); }

bool FlowTableView::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty() || !horizontalHeader()->restoreState(state))
        return false;
    m_columnsSized = true;
    return true;
}

void FlowTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateRowHeight();
}

void FlowTableView::updateRowHeight()
{
    // A line of text and a little air, whatever the font and the screen's scale.
    const int height = fontMetrics().height() + fontMetrics().height() / 3;
    verticalHeader()->setMinimumSectionSize(height);
    verticalHeader()->setDefaultSectionSize(height);
}

} // namespace flowscope
