// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The explainer's tables fit their columns to what they show: a column that
// is "-" (or empty) on every row in view is hidden, as the Component and Rule
// of rejects explained without a snapshot, or the Rule of the largest groups
// a security group denied (it shows again when a row with a value scrolls or
// sorts into view), unless the rows are sorted by it (its header keeps the
// sort arrow, and a click on it to sort must not take it away); the others
// get the width of their widest value and header, a long text column no more
// than `maxWidth` (its cells elide, the full text in the tooltip), and widen
// when a wider value scrolls or sorts into view.

#include <QObject>

#include <functional>

class QTableView;

namespace flowscope {

void fitColumnsToContent(QTableView *table, int maxWidth);

// Hides the columns empty on the rows in view (but the one sorted by) and
// shows the others again, fitting a column that comes back and widening one
// too narrow for the rows in view; true when any column changed.
bool hideColumnsEmptyInView(QTableView *table, int maxWidth);

// The rows in view: [first, last]; last < first when there are none.
struct RowSpan {
    int first = 0;
    int last = -1;
};
RowSpan rowsInView(const QTableView *table);

// True when every row of `rows` shows "-" or nothing in `column`.
bool isColumnEmpty(const QTableView *table, int column, RowSpan rows);

// Keeps a table's columns fitted as its rows in view change: a scroll or a
// sort (the model's layoutChanged, queued: the view has the new order then)
// hides or shows columns by the rows now in view, a resized viewport fits
// them all again. fitted() follows every pass, whether or not a column
// changed, so that a caller (or a test) knows the rows in view were looked at.
class ColumnFit : public QObject {
    Q_OBJECT
public:
    // `maxWidth` gives a long text column's widest (read at each pass: it may follow the font).
    // A child of `table`, which must have its model.
    ColumnFit(QTableView *table, std::function<int()> maxWidth);

    // Fits every column to the rows (new rows were computed).
    void fitAll();

Q_SIGNALS:
    // A pass over the rows [firstRow, lastRow] in view is done.
    void fitted(int firstRow, int lastRow);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followRowsInView();
    void reportFitted();

    QTableView *m_table;
    std::function<int()> m_maxWidth;
};

} // namespace flowscope
