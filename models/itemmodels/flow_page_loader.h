// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow table's worker: lives on its own thread with its own read-only
// connection and answers page requests newest first, skipping those of an
// older generation, so fast scrolling never queues up stale work.
//
// With a filter it answers in two steps: the first page of matches as soon
// as the time-ordered scan finds them (milliseconds for an indexed filter),
// then the full count once every candidate block has been tested; a newer
// request cancels that scan.
//
// Given an order (record ids a sort chose, see record_sort.h), it serves
// those records by position in that order instead, each page read by id.

#include "selection/record_sort.h"
#include "store/flow_reader.h"

#include <QMutex>
#include <atomic>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace flowscope {

class CaseDb;
class FlowPager;

struct FlowPage {
    qint64 number = 0;
    std::vector<FlowRow> rows;
};

class FlowPageLoader : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxPendingPages = 32;

    explicit FlowPageLoader(int pageSize);
    ~FlowPageLoader() override;

    // Thread-safe: called from the GUI thread.
    // Opens the case (none when empty) showing the records `filter` keeps
    // (all when empty), latest first when `descending`.
    void requestOpen(quint64 generation, const QString &casePath, const QString &filter = {}, bool descending = false);
    // Stops the work of older generations: `generation` opens later (its
    // order is being sorted elsewhere).
    void supersede(quint64 generation);
    // Opens the case showing exactly the records a sort chose, in its order
    // (its first rows from the records it kept, the others read by id).
    void requestOpenOrdered(quint64 generation, const QString &casePath, std::shared_ptr<const SortedRecords> sorted);
    void requestPage(quint64 generation, qint64 page);
    void requestRowOfTime(quint64 generation, qint64 epoch);

    // Scans of a filter (its first page or its count) that a newer request
    // stopped before their end (for tests).
    int stoppedScans() const { return m_stoppedScans.load(); }
    // Called on the loader's thread as each full count starts (tests hold a
    // count there to make it long). Set before the first request.
    void setCountHook(std::function<void()> hook) { m_countHook = std::move(hook); }

Q_SIGNALS:
    // `shown` records of `total`; while `counting`, shown is only what the
    // first page found and counted() follows.
    void opened(quint64 generation, qint64 shown, qint64 total, bool counting, const QString &error);
    void counted(quint64 generation, qint64 shown);
    void pageLoaded(quint64 generation, std::shared_ptr<const flowscope::FlowPage> page);
    // A request left behind by faster scrolling: asked again if it comes back into view.
    void pageDropped(quint64 generation, qint64 page);
    void rowOfTimeFound(quint64 generation, qint64 epoch, qint64 row);

private:
    void drain();
    void open(quint64 generation, const QString &casePath, const QString &filter, bool descending,
              std::shared_ptr<const SortedRecords> sorted);
    void scheduleOpen(quint64 generation, std::function<void()> work);
    // Rows [first, first + count) of the table, in its order.
    std::vector<FlowRow> tableRows(qint64 first, std::size_t count);
    bool superseded(quint64 generation) const { return m_newestOpen.load() != generation; }

    const int m_pageSize;
    QMutex m_mutex;
    quint64 m_latestGeneration = 0;
    std::deque<qint64> m_pending; // newest at the front
    bool m_drainScheduled = false;
    std::unique_ptr<CaseDb> m_case;
    std::unique_ptr<FlowPager> m_pager;
    quint64 m_openGeneration = 0;
    bool m_descending = false;
    std::shared_ptr<const SortedRecords> m_sorted; // null: time order
    std::atomic<quint64> m_newestOpen{0};
    std::atomic<int> m_stoppedScans{0};
    std::function<void()> m_countHook;
};

} // namespace flowscope

Q_DECLARE_METATYPE(std::shared_ptr<const flowscope::FlowPage>)
