// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow table: every record of a case in time order, loaded lazily a page
// at a time on a worker thread (a bounded cache of pages, stale pages dropped
// by a generation token), so scrolling through tens of millions of records
// stays smooth. Columns are AWS fields; times show in UTC with the local time
// as a tooltip. A display filter narrows the rows to its matches, still in
// time order, or in the order of any column: the sort runs on the analysis
// pool (a newer filter or sort cancels it), orders every match up to a
// million and otherwise keeps the first 10,000 rows of the order, which
// sortStatus() says.
//
// The rows a view sees are a window of at most kWindowRows of the shown
// records (row 0 is record row windowStart()): a view's header keeps state
// per row, and ten million of them cost a third of a second on the GUI thread
// whenever the rows are reset. A view scrolls the window over the records
// with a scroll bar of its own (FlowTableView); recordRows() is the whole.

#include "format/field_catalog.h"
#include "selection/record_sort.h"
#include "snapshot_columns.h"
#include "store/flow_reader.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace flowscope {

class FlowPageLoader;
class IocIndicatorSet;
struct FlowPage;

class FlowTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        LoadingRole = Qt::UserRole + 1, // bool: the row's page is still loading
        RecordIdRole,                   // qint64: the record's stable id
        RawValueRole,                   // the value: qint64, QString or null QVariant when absent
        FileRole,                       // QString: the file the record came from
        LineRole,                       // qint64: its line in that file
        RejectedRole,                   // bool: the record's action is REJECT (views tint the row)
        IocHitRole,                     // bool: the record matches the case's IOC lists (views tint the row)
        ActionRole,                     // QString: ACCEPT or REJECT; null when the record has none (NODATA, SKIPDATA)
        LogStatusRole,                  // QString: OK, NODATA or SKIPDATA; null when not logged
        StarredRole,                    // bool: the analyst starred the record (views draw a star)
    };
    static constexpr int kPageSize = 256;

    explicit FlowTableModel(QObject *parent = nullptr);
    ~FlowTableModel() override;

    // Opens the case read-only (no case when empty). Rows appear as pages load.
    void setCase(const QString &casePath);
    QString casePath() const { return m_casePath; }
    // The indicators whose records IocHitRole marks (none when null).
    void setIocHighlight(std::shared_ptr<const IocIndicatorSet> indicators);
    // The records StarredRole marks (the case's stars, by record id).
    void setStarredRecords(const QSet<qint64> &records);

    // Re-reads the case (after an import): recounts and reloads visible pages.
    void reload();

    // Shows only the records `expression` matches (all when empty). The
    // first page comes first; countsChanged() follows with the full count.
    void setFilter(const QString &expression);
    QString filter() const { return m_filter; }
    // Over a million rows, the first page's rows come first and the rest
    // a moment after that page has arrived (see growSoonTo).
    static constexpr qint64 kRowsAtOnce = 1'000'000;
    static constexpr qint64 kFirstRows = 4 * kPageSize;
    static constexpr int kFirstPaintMs = 50;
    qint64 shownRecords() const { return std::max(m_records, m_deferredRecords); }

    // The rows a view sees: record rows [windowStart(), windowStart() + rowCount()).
    static constexpr int kWindowRows = 65'536;
    qint64 windowStart() const { return m_windowStart; }
    // Record rows shown so far (rows grow as a filter's count arrives).
    qint64 recordRows() const { return m_records; }
    // Moves the window so that it starts at or just before `recordRow`
    // (whole pages, clamped to the records); a reset when it moves.
    void setWindowStart(qint64 recordRow);
    // Moves the window, when needed, so that `recordRow` is inside it with a
    // margin either side; the view row it now has (-1 when out of range).
    int showRecordRow(qint64 recordRow);
    // For tests: a smaller window.
    void setWindowRows(int rows) { m_windowRows = std::max(kPageSize, rows); }
    int windowRows() const { return m_windowRows; }
    // For tests: the number of rows above which the first rows go first.
    void setRowsAtOnce(qint64 rows) { m_rowsAtOnce = rows; }
    qint64 totalRecords() const { return m_totalRecords; }
    // True while the rows shown are only the first page of a filter still being counted.
    bool isCounting() const { return m_counting; }

    // Start orders the table by time (the case's index serves it; latest
    // first when descending); any other column sorts the records (see
    // above), ties in time order, absent values last.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Time order, earliest or latest first (ends a sort by another column).
    void setLatestFirst(bool latestFirst);
    Qt::SortOrder sortOrder() const { return m_descending ? Qt::DescendingOrder : Qt::AscendingOrder; }
    // The field the rows are ordered by: Start in time order.
    Field sortField() const { return m_sortField.value_or(Field::Start); }
    // What the status bar says of the order: empty in time order, "Sorting
    // by bytes…", "Sorted by bytes, descending: the first 10,000 of 10,000,000 records".
    QString sortStatus() const { return m_sortStatus; }

    void setColumns(const QList<Field> &columns);
    const QList<Field> &columns() const { return m_columns; }
    // Optional columns from the configuration snapshot, after the field
    // columns (none by default); they do not sort.
    void setSnapshotColumns(const QList<SnapshotColumn> &columns);
    const QList<SnapshotColumn> &snapshotColumns() const { return m_snapshotColumns; }
    // The snapshot those columns read (null: none, the columns are empty).
    void setEnrichment(std::shared_ptr<const explain::InterfaceEnrichment> enrichment);
    // Every snapshot of the case: each row reads the one in force at its time.
    void setEnrichments(std::shared_ptr<const explain::EnrichmentTimeline> enrichments);
    // Action comes right after Start: whether a flow was let through is
    // what an analyst reads first.
    static QList<Field> defaultColumns();
    // The defaults before Action came first: a header state saved without a
    // column list holds the widths of these columns.
    static QList<Field> earlierDefaultColumns();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The whole record at `row` when its page is loaded (for the detail pane).
    std::optional<FlowRow> recordAt(int row) const;

    // Asks for the row of the first record starting at or after `epoch`;
    // answered by rowOfTimeFound. Rows sorted by another column go back to
    // time order first.
    void findRowOfTime(qint64 epoch);

    // True during the reset that grows the rows (the count of a filter
    // arrived): the rows before stay the same, so a view may keep its
    // current row and scroll position across it.
    bool isGrowing() const { return m_growing; }
    // How many matches are all ordered, and how many rows are kept beyond
    // (for tests; the defaults are a million and 10,000).
    void setSortLimits(const RecordSortLimits &limits) { m_sortLimits = limits; }

    // For tests and benchmarks: true once every requested page has arrived.
    bool isIdle() const { return m_requested.isEmpty(); }

Q_SIGNALS:
    void caseLoaded(qint64 records); // the case is open: all its records, whatever the filter
    // Records shown (the filter's matches) and in the case; `counting` while
    // shown is only a lower bound.
    void countsChanged(qint64 shown, qint64 total, bool counting);
    void pageLoaded(int firstRow, int lastRow);
    void idle();
    void errorOccurred(const QString &message);
    // The row of the first record at or after `epoch` (rowCount() when none,
    // -1 on error or when the rows are sorted by another column than Start).
    void rowOfTimeFound(qint64 epoch, int row);
    void sortStatusChanged(const QString &status);
    // The record rows or the window moved (for a scroll bar over all records).
    void recordRowsChanged(qint64 windowStart, qint64 recordRows);

private:
    void onOpened(quint64 generation, qint64 shown, qint64 total, bool counting, const QString &error);
    void onCounted(quint64 generation, qint64 shown);
    void growSoonTo(qint64 records);
    void growDeferredSoon();
    void growTo(qint64 records);
    void onPageLoaded(quint64 generation, std::shared_ptr<const FlowPage> page);
    void requestPage(qint64 page) const;
    struct SortResult {
        quint64 generation = 0;
        std::shared_ptr<const SortedRecords> sorted;
        QString error;
        bool invalidFilter = false;
        bool cancelled = false;
    };
    void startSort();
    void onSorted();
    void setSortStatus(const QString &status);
    void dropKeptRows();
    void resetRows();

    QString m_casePath;
    QList<Field> m_columns;
    QList<SnapshotColumn> m_snapshotColumns;
    std::shared_ptr<const explain::EnrichmentTimeline> m_enrichments;
    std::shared_ptr<const IocIndicatorSet> m_iocHighlight;
    QSet<qint64> m_starred;
    QString m_filter;
    qint64 m_records = 0; // shown
    qint64 m_windowStart = 0; // the record row of view row 0
    int m_windowRows = kWindowRows;
    qint64 m_rowsAtOnce = kRowsAtOnce;
    qint64 m_deferredRecords = 0; // rows to grow to once the first page is painted
    qint64 m_totalRecords = 0;
    bool m_counting = false;
    bool m_descending = false;
    bool m_growing = false;
    bool m_keepingRows = false; // the rows before a sort, shown until its rows arrive
    std::optional<Field> m_sortField; // none: time order
    RecordSortLimits m_sortLimits;
    QString m_sortStatus;
    qint64 m_sortedMatches = -1; // of the filter, when sorted by a column
    quint64 m_generation = 0;
    // The newest generation, read by sort jobs to know they are stale.
    std::shared_ptr<std::atomic<quint64>> m_newest = std::make_shared<std::atomic<quint64>>(0);
    QFutureWatcher<SortResult> m_sortWatcher;
    QList<QFuture<SortResult>> m_sortJobs; // waited for on destruction
    mutable QCache<qint64, std::shared_ptr<const FlowPage>> m_pages;
    mutable QSet<qint64> m_requested;
    QThread m_thread;
    FlowPageLoader *m_loader = nullptr;
};

} // namespace flowscope
