// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow table: one fixed-height line per record (so a view over millions
// of rows never measures them), columns sized to the first rows once, then
// as the analyst leaves them (saveHeaderState / restoreHeaderState). The
// column tooltips come from the model's headers (the AWS field and its meaning).
//
// Over a FlowTableModel it also pivots: a cell's context menu applies or
// prepares a filter on its value (Wireshark's and / or / and not / or not),
// and the header's context menu chooses the columns, whose choice and order
// (dragged sections) the model follows, so columnNames() is what to keep.
// The rows are in time order (start, then record) until a header click
// sorts them by its column (bytes and packets largest first), a second click
// turning it around; a click on Start goes back to time order.
//
// The model shows a window of the records (FlowTableModel::windowStart()):
// the view's own vertical scroll bar scrolls within it, hidden behind a
// scroll bar over every record, which moves the window where it is dragged;
// scrolling near the window's edge moves the window along, keeping the
// current record and the rows on screen.

#include "format/field_catalog.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTableView>

#include <functional>
#include <optional>

class QMenu;
class QScrollBar;

namespace flowscope {

class FlowTableModel;

class FlowTableView : public QTableView {
    Q_OBJECT
public:
    explicit FlowTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // The selected rows, visible columns in view order, with a header line.
    QString selectionAsText(bool tabSeparated) const;
    // Copies the selection to the clipboard (Ctrl+C: TSV, which spreadsheets paste into cells).
    void copySelection(bool tabSeparated);

    // Column widths (and order, which is the model's: see columnNames()).
    // Restore after setColumnNames(): widths belong to the columns saved with them.
    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray &state);

    // The shown columns as AWS field names, in view order.
    QStringList columnNames() const;
    // Shows these columns in this order (unknown names are skipped); false
    // when none is known or the model is no FlowTableModel.
    bool setColumnNames(const QStringList &names);
    void resetColumns();

    // The display filter the "...and Selected" pivots extend (none when unset).
    void setCurrentFilterProvider(std::function<QString()> provider);
    // The filter term for a cell's value; empty when there is none (no
    // FlowTableModel, a row still loading).
    QString filterTermAt(const QModelIndex &index) const;

    // The cell's context menu and the header's column chooser, owned by the
    // caller (the view shows them on a context-menu event).
    QMenu *createCellMenu(const QModelIndex &index);
    QMenu *createColumnMenu();
    // An action the cell menu ends with (e.g. Go to Time…); not owned.
    void addCellMenuAction(QAction *action);

    // The scroll bar over every record (its value is the record row at the top).
    QScrollBar *recordScrollBar() const { return m_recordBar; }

Q_SIGNALS:
    // A filter built from a cell: apply it now, or only put it in the filter bar.
    void filterRequested(const QString &expression, bool apply);
    // The shown columns or their order changed (to store in the settings).
    void columnsChanged(const QStringList &names);

protected:
    void changeEvent(QEvent *event) override;
    // Focus alone (a dock tab clicked, a dialog closed) makes no row current:
    // the record panels follow the current row, which only the analyst picks.
    void focusInEvent(QFocusEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FlowTableModel *flowModel() const;
    bool mapsOneToOne() const; // every section shown, at its model column
    QList<Field> fieldsInViewOrder() const;
    void applyColumns(const QList<Field> &fields);
    void toggleColumn(Field field, bool shown);
    void updateSortIndicator();
    void reserveRowNumbers(qint64 records);
    void updateRowHeight();
    void syncRecordBar();
    void onRecordBarMoved(int recordRow);
    void followWindowEdge();
    void moveWindowKeeping(qint64 windowStart, qint64 topRecord);
    void sizeColumnsOnce();
    void sizeColumnToRows(int logical);
    int textWidth(const QString &text) const;
    int cellWidth(const QModelIndex &index) const; // its text, and a star when starred

    void fitColumnsSoon();
    void fitColumnsToShownRows();

    bool m_columnsSized = false;
    bool m_reorderQueued = false;
    bool m_applyingColumns = false;
    QMetaObject::Connection m_firstRows;
    QMetaObject::Connection m_modelReset;
    QMetaObject::Connection m_caseLoaded;
    QMetaObject::Connection m_aboutToGrow;
    QMetaObject::Connection m_grown;
    QMetaObject::Connection m_recordRows;
    struct KeptPlace {
        int row;
        int column;
        int scroll;
        bool selected;
    };
    std::optional<KeptPlace> m_kept; // across the reset that grows the rows
    std::function<QString()> m_currentFilter;
    QList<QAction *> m_cellActions;
    QScrollBar *m_recordBar = nullptr;
    bool m_syncingBars = false;
    bool m_edgeQueued = false;
    bool m_fitQueued = false;
    bool m_sizingColumns = false;
    QSet<int> m_resizedByHand; // fields whose width the analyst set in this session
};

} // namespace flowscope
