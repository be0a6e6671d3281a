// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_table_view.h"

#include <QEvent>
#include <QHeaderView>

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
