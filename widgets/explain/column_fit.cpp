// SPDX-License-Identifier: GPL-3.0-or-later
#include "column_fit.h"

#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace flowscope {

bool isColumnEmpty(const QTableView *table, int column)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString text = model->index(row, column).data().toString();
        if (!text.isEmpty() && text != QLatin1String("-"))
            return false;
    }
    return true;
}

void fitColumnsToContent(QTableView *table, int maxWidth)
{
    const QAbstractItemModel *model = table->model();
    if (!model)
        return;
    const bool rows = model->rowCount() > 0;
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < model->columnCount(); ++column) {
        // With no rows at all, the headers say what will come.
        table->setColumnHidden(column, rows && isColumnEmpty(table, column));
        if (table->isColumnHidden(column))
            continue;
        table->resizeColumnToContents(column);
        // The header's text and its sort indicator, which resizeColumnToContents may leave short.
        const int wanted = std::max(header->sectionSize(column), header->sectionSizeHint(column));
        header->resizeSection(column, std::min(wanted, std::max(maxWidth, header->sectionSizeHint(column))));
    }
}

} // namespace flowscope
