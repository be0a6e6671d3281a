// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Rejects overview, two tabs over the current filter: every REJECT
// explained and grouped by verdict, component, rule, interface and port,
// with counts; and the egress requests no record answers, with what the
// route table in force does with their destination. A line under them says
// what decided. A double-click narrows the filter to a group's rejects or
// shows a request's records (through the filter bar, as the statistics do).
// Computed off the GUI thread and only while on screen: a hidden dock, a
// dock tab behind another, or the tab not chosen computes nothing however
// the filter changes.

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QTabWidget;
class QTableView;

namespace flowscope {

class CaseSnapshots;
class ColumnFit;
class RejectGroupsModel;
class UnansweredRequestsModel;

class RejectsOverviewView : public QWidget {
    Q_OBJECT
public:
    explicit RejectsOverviewView(std::shared_ptr<CaseSnapshots> snapshots = nullptr, QWidget *parent = nullptr);

    void setCase(const QString &casePath);
    void setFilter(const QString &filterText);
    QString filter() const { return m_filter; }
    // A snapshot was loaded into the case: the verdicts change.
    void snapshotsChanged();

    RejectGroupsModel *groups() const { return m_model; }
    QTableView *table() const { return m_table; }
    UnansweredRequestsModel *unanswered() const { return m_unansweredModel; }
    QTableView *unansweredTable() const { return m_unansweredTable; }
    QTabWidget *tabs() const { return m_tabs; }
    void showUnanswered();
    // The line under the current tab.
    QString statusText() const;
    bool isOnScreen() const;
    // Computes the current tab if stale and on screen; the window calls it when the dock comes in front.
    void refreshIfStale();
    // While the current tab computes: a busy bar, the seconds spent and Cancel, which stops it
    // (its rows stay those of before) and becomes Explain, to compute it again.
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *busyBar() const { return m_busy; }
    void cancelCurrent();

Q_SIGNALS:
    void filterRequested(const QString &expression, bool apply);
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateStatus();
    // The Component column narrower when the columns overrun the view.
    void fitComponentToView();
    int longestColumn() const;
    QString groupsStatus() const;
    QString unansweredStatus() const;
    void markStale();
    bool computingCurrent() const;

    std::shared_ptr<CaseSnapshots> m_snapshots;
    QTabWidget *m_tabs;
    RejectGroupsModel *m_model;
    QTableView *m_table;
    UnansweredRequestsModel *m_unansweredModel;
    QTableView *m_unansweredTable;
    // Each table's columns hidden or shown again as the rows in view change (scrolling, sorting, resizing).
    ColumnFit *m_groupsFit;
    ColumnFit *m_unansweredFit;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QTimer *m_tick;          // the seconds spent, while computing
    QElapsedTimer m_elapsed;
    bool m_cancelledGroups = false;
    bool m_cancelledUnanswered = false;
    QString m_case;
    QString m_filter;
    QString m_error;
    QString m_unansweredError;
    QString m_notice; // what the last group double-click shows besides the group
    QString m_noticeFilter; // the filter it is about
    bool m_stale = true;
    bool m_unansweredStale = true;
};

} // namespace flowscope
