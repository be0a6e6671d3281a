// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Rejects overview's second tab: the egress requests the display filter
// keeps that no record answers, each with what the route table of the
// snapshot in force does with its destination (no-route, route-allows,
// unknown) and the route that decided. Computed off the GUI thread as the
// reject groups are: a newer request stops the running one at its next
// check, and only the newest result is shown. filterForRow() gives the
// filter that shows a request's records (its conversation, both ends).

#include "explain/unanswered_requests.h"

#include <QAbstractTableModel>
#include "tasks/latest_result_job.h"

#include <memory>

namespace flowscope {

class CaseSnapshots;

class UnansweredRequestsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { VerdictColumn, RouteColumn, InterfaceColumn, ProtocolColumn, SourceColumn, DestinationColumn, StartColumn, ColumnCount };
    enum Role {
        VerdictRole = Qt::UserRole + 1, // QString: "no-route", "route-allows", "unknown"
        RecordIdRole,                   // qint64
    };

    explicit UnansweredRequestsModel(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent = nullptr);
    ~UnansweredRequestsModel() override;

    // Finds the unanswered requests `filter` keeps in `casePath` (all of them when empty).
    void compute(const QString &casePath, const QString &filter = {});
    // True from compute() until its result is shown; false once cancelled.
    bool isComputing() const { return m_job.isBusy() && !m_cancelled; }
    // Stops the running computation (inside SQL too) and drops a waiting
    // one: nothing more is shown for them, the rows stay those of before,
    // and cancelled() says so.
    void cancel();
    int started() const { return m_job.started(); }
    int snapshots() const { return m_snapshots; }

    // The request's conversation: its protocol, addresses and ports, whatever
    // the filter, so that the other end's records show too.
    QString filterForRow(int row) const;

    static QString verdictText(explain::RouteVerdict verdict);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void computed();
    // While computing, from the worker thread (queued): how far the newest
    // request has come, in per-mille, each value once.
    void progress(int permille);
    void cancelled();
    void errorOccurred(const QString &message);

private:
    struct Result {
        std::vector<explain::UnansweredRequest> requests;
        int snapshots = 0;
        QString error;
    };
    void show(Result result);

    std::shared_ptr<CaseSnapshots> m_caseSnapshots;
    QString m_case;
    QString m_filter;
    std::vector<explain::UnansweredRequest> m_requests;
    int m_snapshots = 0;
    LatestResultJob<Result> m_job;
    bool m_cancelled = false;
};

} // namespace flowscope
