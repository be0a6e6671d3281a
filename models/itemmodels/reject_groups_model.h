// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Rejects overview: every REJECT the display filter keeps, explained and
// grouped by verdict, component, rule, interface and service port, with
// counts, largest group first. Computed off the GUI thread through its own
// background connection; a newer request (filter, case, snapshot) stops the
// running one at its next check, inside SQL statements too, and only the
// newest result is shown. filterForRow() gives the filter that narrows the
// table to a group's records.

#include "explain/reject_explainer.h"

#include <QAbstractTableModel>
#include "tasks/latest_result_job.h"

#include <memory>

namespace flowscope {

class CaseSnapshots;

class RejectGroupsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        CountColumn, // first: a narrow dock never hides the count
        VerdictColumn,
        ComponentColumn,
        RuleColumn,
        InterfaceColumn,
        ProtocolColumn,
        PortColumn,
        DetailColumn, // what a group is besides its columns: a scanning source's summary
        ColumnCount
    };
    enum Role {
        SortValueRole = Qt::UserRole + 1, // the value a column sorts by
        VerdictRole,                      // QString: "network-acl", ...
        FirstRecordRole,                  // qint64: the group's first record
    };

    explicit RejectGroupsModel(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent = nullptr);
    ~RejectGroupsModel() override;

    // Explains and groups the rejects `filter` keeps in `casePath` (all of them when empty).
    void compute(const QString &casePath, const QString &filter = {});
    // True from compute() until its result is shown; false once cancelled.
    bool isComputing() const { return m_job.isBusy() && !m_cancelled; }
    // Stops the running computation (inside SQL too) and drops a waiting
    // one: nothing more is shown for them, the rows stay those of before,
    // and cancelled() says so.
    void cancel();
    int started() const { return m_job.started(); }
    QString filter() const { return m_filter; }
    // The filter the rows shown were counted under.
    QString rowsFilter() const { return m_rowsFilter; }
    // Every REJECT counted (the sum of the counts).
    qint64 rejects() const { return m_rejects; }
    // Configuration snapshots the verdicts could use.
    int snapshots() const { return m_snapshots; }
    // The rejects a snapshot decided (the rest: the records alone, where no
    // snapshot describes the interface).
    qint64 rejectsDecidedBySnapshot() const;

    // The records of a group: `action == reject` with its interface, protocol
    // and service port (dstport for requests, srcport for replies, port when
    // it holds both), joined to the filter the rows were counted under
    // without repeating a term that filter already has.
    QString filterForRow(int row) const;
    // The rejects of other groups that filterForRow(row) shows too: the
    // filter language has no verdict, component or rule, so groups that
    // differ only there share a filter (a reject whose other port equals the
    // service port may add more).
    qint64 othersSharingFilter(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void computed();
    // While computing, from the worker thread (queued): how far the newest
    // request has come, in per-mille, each value once.
    void progress(int permille);
    void cancelled();
    void errorOccurred(const QString &message);

private:
    struct Result {
        explain::RejectGroups groups;
        int snapshots = 0;
        QString filter; // the filter the groups were counted under
        QString error;
    };
    void show(Result result);
    void applySort();

    std::shared_ptr<CaseSnapshots> m_caseSnapshots;
    QString m_case;
    QString m_filter;
    QString m_rowsFilter; // the filter the rows were counted under
    std::vector<explain::RejectGroup> m_groups;
    qint64 m_rejects = 0;
    int m_snapshots = 0;
    int m_sortColumn = CountColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    LatestResultJob<Result> m_job;
    bool m_cancelled = false;
};

} // namespace flowscope
