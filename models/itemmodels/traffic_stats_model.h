// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Conversations or endpoints of a case as a table, computed off the GUI
// thread. Sorting by a totals column asks the core again in that order, so
// the rows are always the true first ones among every key, never a re-sort
// of rows chosen by another column. One computation runs at a time: a newer
// request (filter, case or order) cancels the running scan at its next poll,
// or inside the SQL statement it is in (the filter's index look-ups, a block
// read), and only the newest result is shown. Each computation reads through
// its own background connection, which caches little (see
// openForBackgroundReads).

#include "analysis/traffic_stats.h"

#include <QAbstractTableModel>
#include "tasks/latest_result_job.h"

#include <functional>
#include <memory>
#include <optional>

namespace flowscope {

class CaseDb;

class TrafficStatsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Kind { Conversations, ServiceConversations, AddressEndpoints, InterfaceEndpoints };
    enum Role { SortValueRole = Qt::UserRole + 1 };

    explicit TrafficStatsModel(Kind kind, QObject *parent = nullptr);
    ~TrafficStatsModel() override;

    Kind kind() const { return m_kind; }
    void setTop(int top) { m_top = top; }
    int top() const { return m_top; }
    // Recomputes for `casePath` (no case when empty) over the records the
    // display filter `filter` matches (all when empty).
    void compute(const QString &casePath, const QString &filter = {});
    bool isComputing() const { return m_job.isBusy(); }
    // Computations started so far (tests: a statistic nobody sees computes nothing).
    int started() const { return m_job.started(); }

    // The order the rows are chosen and shown in (bytes, largest first,
    // until sort() says otherwise), as the core takes it and as a column.
    StatsOrder order() const { return m_order; }
    SortDirection direction() const { return m_direction; }
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;
    // The order a column ranks by; nothing for key columns (addresses,
    // protocol, port, interface), which identify rows rather than measure them.
    std::optional<StatsOrder> orderOfColumn(int column) const;
    // Distinct keys among the counted records, of which rowCount() are shown.
    quint64 totalRows() const { return m_total; }

    // Called on the worker thread each time the running scan asks whether it
    // is still wanted, with the scan's number (1 for the first compute or
    // sort, counting up) and the records it has read (tests use it to hold a
    // computation in flight and to tell a superseded scan's polls apart).
    void setScanCheckpoint(std::function<void(quint64 scan, quint64 recordsRead)> checkpoint);
    // Called on the worker thread with the connection a computation reads,
    // once it is open and before the filter is compiled (tests check its
    // cache and run statements on it while the computation is superseded).
    void setConnectionHook(std::function<void(CaseDb &caseDb)> hook);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // On a totals column, asks again for the first rows in that order; on a
    // key column, nothing.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void computed();
    void errorOccurred(const QString &message);

private:
    struct Row {
        QStringList keys;
        TrafficTotals totals;
    };
    struct Result {
        std::vector<Row> rows;
        quint64 total = 0;
        QString error;
    };
    int keyColumns() const;
    QVariant sortValue(const Row &row, int column) const;
    void request();
    void show(Result result);

    const Kind m_kind;
    int m_top = 1000;
    StatsOrder m_order = StatsOrder::Bytes;
    SortDirection m_direction = SortDirection::Descending;
    bool m_requested = false; // compute() was called: sort() recomputes
    QString m_case;
    QString m_filter;
    std::vector<Row> m_rows;
    quint64 m_total = 0;
    std::shared_ptr<const std::function<void(quint64, quint64)>> m_checkpoint;
    quint64 m_scans = 0; // requests made, numbering the scans for the checkpoint
    std::shared_ptr<const std::function<void(CaseDb &)>> m_connectionHook;
    LatestResultJob<Result> m_job;
};

} // namespace flowscope
