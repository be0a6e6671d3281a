// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Rejects overview: every REJECT of the current filter, explained and
// grouped by verdict, component, rule, interface and port, with counts and a
// line saying what decided them. A double-click narrows the filter to a
// group's rejects (through the filter bar, as the statistics do). Computed
// off the GUI thread and only while on screen: a hidden dock, or a tab behind
// another, computes nothing however the filter changes.

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace flowscope {

class CaseSnapshots;
class RejectGroupsModel;

class RejectsOverviewView : public QWidget {
    Q_OBJECT
public:
    explicit RejectsOverviewView(std::shared_ptr<CaseSnapshots> snapshots = nullptr, QWidget *parent = nullptr);

    void setCase(const QString &casePath);
    void setFilter(const QString &filterText);
    // A snapshot was loaded into the case: the verdicts change.
    void snapshotsChanged();

    RejectGroupsModel *groups() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;
    bool isOnScreen() const;
    // Computes if stale and on screen; the window calls it when the dock comes in front.
    void refreshIfStale();

Q_SIGNALS:
    void filterRequested(const QString &expression, bool apply);
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateStatus();

    std::shared_ptr<CaseSnapshots> m_snapshots;
    RejectGroupsModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QString m_case;
    QString m_filter;
    QString m_error;
    bool m_stale = true;
};

} // namespace flowscope
