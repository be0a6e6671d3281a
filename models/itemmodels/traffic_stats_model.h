// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Conversations or endpoints of a case as a sortable table, computed off the
// GUI thread; a newer request drops the result of an older one.

#include "analysis/traffic_stats.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <memory>

namespace flowscope {

class TrafficStatsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Kind { Conversations, ServiceConversations, AddressEndpoints, InterfaceEndpoints };
    enum Role { SortValueRole = Qt::UserRole + 1 };

    explicit TrafficStatsModel(Kind kind, QObject *parent = nullptr);
    ~TrafficStatsModel() override;

    Kind kind() const { return m_kind; }
    void setTop(int top) { m_top = top; }
    // Recomputes for `casePath` (no case when empty) over the records the
    // display filter `filter` matches (all when empty).
    void compute(const QString &casePath, const QString &filter = {});
    bool isComputing() const { return m_watcher.isRunning(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
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
        quint64 generation = 0;
        std::vector<Row> rows;
        QString error;
    };
    int keyColumns() const;
    QVariant sortValue(const Row &row, int column) const;
    void onFinished();

    const Kind m_kind;
    int m_top = 1000;
    quint64 m_generation = 0;
    std::vector<Row> m_rows;
    QFutureWatcher<Result> m_watcher;
};

} // namespace flowscope
