// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow table: one fixed-height line per record (so a view over millions
// of rows never measures them), columns sized to the first rows once, then
// as the analyst leaves them (saveHeaderState / restoreHeaderState). The
// column tooltips come from the model's headers (the AWS field and its meaning).

#include <QByteArray>
#include <QTableView>

namespace flowscope {

class FlowTableView : public QTableView {
    Q_OBJECT
public:
    explicit FlowTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // The selected rows, visible columns in view order, with a header line.
    QString selectionAsText(bool tabSeparated) const;
    // Copies the selection to the clipboard (Ctrl+C: TSV, which spreadsheets paste into cells).
    void copySelection(bool tabSeparated);

    // Column order, widths and hidden columns.
    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray &state);

protected:
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void updateRowHeight();
    void sizeColumnsOnce();

    bool m_columnsSized = false;
    QMetaObject::Connection m_firstRows;
};

} // namespace flowscope
