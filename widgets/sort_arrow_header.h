// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table header whose sort arrow points the way the rows go: up (▲) for
// an ascending sort, down (▼) for a descending one, as file managers and
// spreadsheets draw it. QHeaderView hands the style the opposite
// (SortDown for ascending), so a descending sort by bytes showed ▲.
// Every sortable table of the window uses it.

#include <QHeaderView>

class QTableView;

namespace flowscope {

class SortArrowHeader : public QHeaderView {
    Q_OBJECT
public:
    explicit SortArrowHeader(QWidget *parent = nullptr);

    // Gives the table one, clickable and highlighting as QTableView's own;
    // call before the header is set up.
    static SortArrowHeader *install(QTableView *table);

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
};

} // namespace flowscope
