// SPDX-License-Identifier: GPL-3.0-or-later
#include "sort_arrow_header.h"

#include <QStyleOptionHeader>
#include <QTableView>

namespace flowscope {

SortArrowHeader::SortArrowHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
}

SortArrowHeader *SortArrowHeader::install(QTableView *table)
{
    auto *header = new SortArrowHeader(table);
    header->setSectionsClickable(true);
    header->setHighlightSections(true);
    table->setHorizontalHeader(header);
    return header;
}

void SortArrowHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    if (option->sortIndicator == QStyleOptionHeader::None)
        return;
    // Styles draw SortUp as ▲ and SortDown as ▼.
    option->sortIndicator = sortIndicatorOrder() == Qt::AscendingOrder ? QStyleOptionHeader::SortUp
                                                                        : QStyleOptionHeader::SortDown;
}

} // namespace flowscope
