// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which view File > Export > Export <view> as CSV means: the one the analyst
// turned to last, by clicking into it or bringing its dock tab to the front,
// and still on screen; else the flow table. Not the keyboard focus alone:
// clicking a dock tab leaves the focus in the flow table, and the analyst
// looking at the reject groups would get the records.

#include <QObject>
#include <QPointer>

#include <vector>

class QAbstractItemView;
class QDockWidget;
class QWidget;

namespace flowscope {

class ExportViewTracker : public QObject {
    Q_OBJECT
public:
    explicit ExportViewTracker(QObject *parent = nullptr);

    // A view in a dock: turned to when its dock comes to the front or the focus enters it.
    void addView(QWidget *view, QDockWidget *dock);
    // The flow table: turned to when the analyst clicks a row of it.
    void setRecordsView(QAbstractItemView *table);
    // The view turned to last while it is on screen, else the flow table.
    QWidget *current() const;

Q_SIGNALS:
    // current() may have changed: the File menu renames its export after it.
    void changed();

private:
    void onFocusChanged(QWidget *now);

    std::vector<QPointer<QWidget>> m_views;
    QPointer<QWidget> m_records;
    QPointer<QWidget> m_last;
};

} // namespace flowscope
