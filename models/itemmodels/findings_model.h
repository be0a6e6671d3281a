// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The findings of a case as a table: loaded from the case, or computed by a
// detection run off the GUI thread (on the analysis pool, with progress and
// a cancel; a newer run or load cancels the older one and only the newest
// result is shown) and stored in the case. EvidenceFilterRole gives each
// row's evidence filter, for the filter bar.

#include "detect/finding.h"
#include "detect/finding_store.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

namespace flowscope {

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, TypeColumn, StartColumn, SourceColumn, DestinationColumn, PortColumn,
                  RecordsColumn, BytesColumn, PeriodColumn, TitleColumn, ColumnCount };
    enum Role { EvidenceFilterRole = Qt::UserRole + 1, FindingIdRole };

    explicit FindingsModel(QObject *parent = nullptr);
    ~FindingsModel() override;

    // The findings stored in `casePath` (none when empty). While detections
    // run over that case, the load waits for the run instead of stopping it
    // (an edit elsewhere reloads the findings), and is done after it.
    void load(const QString &casePath);
    // Runs the detectors (`only` names them, all when empty; `settings` as
    // "detector.name" -> value) over the records `filter` selects, stores
    // the findings in the case and shows them.
    void run(const QString &casePath, const QString &filter, const QStringList &only = {},
             const std::vector<std::pair<QString, QString>> &settings = {});
    // Stops the running work; the rows shown stay.
    void cancel();
    bool isBusy() const { return m_watcher.isRunning() || m_pending; }

    const Finding &finding(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    // The stored runs of each detector, as last loaded (empty: detections
    // never ran on the case).
    const std::vector<StoredRun> &runs() const { return m_runs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // By a column's values (numbers as numbers, addresses as addresses);
    // rows alike in it stay earliest first, then most severe first.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

Q_SIGNALS:
    // From the worker thread, queued: records read of about `total`.
    void progress(quint64 read, quint64 total);
    void finished();
    void cancelled();
    void errorOccurred(const QString &message);

private:
    struct Result {
        std::vector<Finding> findings;
        std::vector<StoredRun> runs;
        QString error;
        bool cancelled = false;
    };
    struct Request {
        QString casePath, filter;
        QStringList only;
        std::vector<std::pair<QString, QString>> settings;
        bool detect = false;
    };
    void request(Request request);
    void start();
    void onFinished();
    void reloadIfAsked();
    void sortRows();

    std::vector<Finding> m_rows;
    int m_sortColumn = SeverityColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    std::vector<StoredRun> m_runs;
    QFutureWatcher<Result> m_watcher;
    std::shared_ptr<std::atomic<quint64>> m_generation;
    quint64 m_runningGeneration = 0;
    Request m_running;
    Request m_next;
    bool m_pending = false;
    bool m_reloadAfterRun = false; // a load of the running detections' case waits for them
};

} // namespace flowscope
