// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_page_loader.h"

#include "explain/case_enrichment.h"
#include "selection/case_filter.h"
#include "selection/match_collection.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"

#include <QMetaObject>

#include <algorithm>
#include <atomic>

namespace flowscope {

FlowPageLoader::FlowPageLoader(int pageSize)
    : m_pageSize(pageSize)
{
    qRegisterMetaType<std::shared_ptr<const flowscope::FlowPage>>();
}

FlowPageLoader::~FlowPageLoader() = default;

void FlowPageLoader::scheduleOpen(quint64 generation, std::function<void()> work)
{
    {
        QMutexLocker lock(&m_mutex);
        m_latestGeneration = generation;
        m_pending.clear();
    }
    m_newestOpen.store(generation); // cancels a scan of an older filter
    QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void FlowPageLoader::supersede(quint64 generation)
{
    {
        QMutexLocker lock(&m_mutex);
        m_latestGeneration = generation;
        m_pending.clear();
    }
    m_newestOpen.store(generation);
}

void FlowPageLoader::requestOpen(quint64 generation, const QString &casePath, const QString &filter, bool descending)
{
    scheduleOpen(generation, [this, generation, casePath, filter, descending] {
        open(generation, casePath, filter, descending, nullptr);
    });
}

void FlowPageLoader::requestOpenOrdered(quint64 generation, const QString &casePath,
                                        std::shared_ptr<const SortedRecords> sorted)
{
    scheduleOpen(generation, [this, generation, casePath, order = std::move(sorted)] {
        open(generation, casePath, QString(), false, order);
    });
}

void FlowPageLoader::requestPage(quint64 generation, qint64 page)
{
    QMutexLocker lock(&m_mutex);
    if (generation != m_latestGeneration)
        return;
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), page), m_pending.end());
    m_pending.push_front(page);
    if (m_pending.size() > kMaxPendingPages) {
        const qint64 dropped = m_pending.back();
        m_pending.pop_back();
        QMetaObject::invokeMethod(this, [this, generation, dropped] { Q_EMIT pageDropped(generation, dropped); },
                                  Qt::QueuedConnection);
    }
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, [this] { drain(); }, Qt::QueuedConnection);
    }
}

void FlowPageLoader::requestRowOfTime(quint64 generation, qint64 epoch)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, epoch] {
            if (generation != m_openGeneration || !m_pager)
                return;
            if (m_sorted) {
                Q_EMIT rowOfTimeFound(generation, epoch, -1); // rows are not in time order
                return;
            }
            try {
                const qint64 position = m_pager->positionOfTime(epoch);
                // Latest first, the first record at or after `epoch` is the
                // last of those at or after it: the one nearest to it.
                const qint64 records = m_pager->recordCount();
                Q_EMIT rowOfTimeFound(generation, epoch,
                                      m_descending ? std::max<qint64>(0, records - 1 - position) : position);
            } catch (const std::exception &) {
                Q_EMIT rowOfTimeFound(generation, epoch, -1);
            }
        },
        Qt::QueuedConnection);
}

std::vector<FlowRow> FlowPageLoader::tableRows(qint64 first, std::size_t count)
{
    if (m_sorted) {
        const std::vector<std::int64_t> &ids = m_sorted->ids;
        const auto size = static_cast<qint64>(ids.size());
        const qint64 begin = std::clamp<qint64>(first, 0, size);
        const qint64 end = std::min<qint64>(size, begin + static_cast<qint64>(count));
        return m_pager->rowsWithIds({ids.begin() + begin, ids.begin() + end});
    }
    if (!m_descending)
        return m_pager->rowsAt(first, count);
    // Latest first: the same rows, counted from the end and reversed.
    const qint64 records = m_pager->recordCount();
    const qint64 last = std::min<qint64>(records, records - first); // one past, ascending
    const qint64 begin = std::max<qint64>(0, last - static_cast<qint64>(count));
    if (last <= begin)
        return {};
    auto rows = m_pager->rowsAt(begin, static_cast<std::size_t>(last - begin));
    std::reverse(rows.begin(), rows.end());
    return rows;
}

void FlowPageLoader::open(quint64 generation, const QString &casePath, const QString &filterText, bool descending,
                          std::shared_ptr<const SortedRecords> sorted)
{
    if (superseded(generation))
        return; // a newer request is queued behind this one
    m_pager.reset();
    m_case.reset();
    m_openGeneration = generation;
    m_descending = descending;
    m_sorted = std::move(sorted);
    if (casePath.isEmpty()) {
        Q_EMIT opened(generation, 0, 0, false, QString());
        return;
    }
    qint64 total = 0;
    try {
        m_case = openForBackgroundReads(casePath.toStdString());
        // A newer filter stops this one inside its index look-ups too.
        const QueryInterrupt interrupt(*m_case, [this, generation] { return superseded(generation); });
        m_pager = std::make_unique<FlowPager>(*m_case);
        total = m_pager->recordCount();
        if (m_sorted) {
            m_pager->addKnownRecords(m_sorted->ids, m_sorted->head);
            Q_EMIT opened(generation, static_cast<qint64>(m_sorted->ids.size()), total, false, QString());
            return;
        }
        auto compiled = explain::compileWithSnapshot(*m_case, filterText.toStdString());
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            m_pager.reset();
            Q_EMIT opened(generation, 0, total, false,
                          tr("The filter is not valid at position %1: %2")
                              .arg(error->position)
                              .arg(QString::fromStdString(error->message)));
            return;
        }
        const auto filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        if (filter->matchesEverything()) {
            Q_EMIT opened(generation, total, total, false, QString());
            return;
        }
        if (descending) {
            // The latest matches come last in a scan: count first, then page.
            Q_EMIT opened(generation, 0, total, true, QString());
            if (m_countHook)
                m_countHook();
            const auto matches = collectMatches(*m_case, *filter, [this, generation] { return superseded(generation); });
            m_pager = std::make_unique<FlowPager>(*m_case, matches);
            Q_EMIT counted(generation, m_pager->recordCount());
            return;
        }
        // The first page in time order, straight from the candidate blocks.
        auto preview = std::make_shared<FlowPage>();
        // Blocks of candidates may hold no match at all: the test itself
        // looks out for a newer request now and then (from both threads
        // that test blocks).
        std::atomic<std::uint32_t> tested = 0;
        RecordTest test = filter->recordTest();
        test.accept = [&](const EncodedFlow &flow) {
            if (++tested % 4096 == 0 && superseded(generation))
                throw MatchCollectionCancelled();
            return filter->predicate()(flow);
        };
        if (test.columnTest)
            test.columnTest = [&, columnTest = test.columnTest](BlockColumns &columns,
                                                                std::array<std::uint64_t, kBlockCapacity / 64> &bits) {
                if (superseded(generation)) // once a block
                    throw MatchCollectionCancelled();
                columnTest(columns, bits);
            };
        m_pager->forEachMatching(test, filter->blocks(), [&](const FlowRow &row) {
            preview->rows.push_back(row);
            return preview->rows.size() < static_cast<std::size_t>(m_pageSize) && !superseded(generation);
        });
        if (superseded(generation)) {
            ++m_stoppedScans;
            return;
        }
        const bool complete = preview->rows.size() < static_cast<std::size_t>(m_pageSize);
        const auto previewRows = static_cast<qint64>(preview->rows.size());
        Q_EMIT opened(generation, previewRows, total, !complete, QString());
        Q_EMIT pageLoaded(generation, preview);
        if (m_countHook)
            m_countHook();
        const auto matches = collectMatches(*m_case, *filter, [this, generation] { return superseded(generation); });
        m_pager = std::make_unique<FlowPager>(*m_case, matches);
        if (!complete)
            Q_EMIT counted(generation, m_pager->recordCount());
    } catch (const MatchCollectionCancelled &) {
        m_pager.reset();
        ++m_stoppedScans;
    } catch (const std::exception &error) {
        m_pager.reset();
        if (superseded(generation)) { // an interrupted statement: nothing to report
            ++m_stoppedScans;
            return;
        }
        m_case.reset();
        Q_EMIT opened(generation, 0, total, false, QString::fromLocal8Bit(error.what()));
    }
}

void FlowPageLoader::drain()
{
    for (;;) {
        qint64 page = 0;
        quint64 generation = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_pending.empty()) {
                m_drainScheduled = false;
                return;
            }
            page = m_pending.front();
            m_pending.pop_front();
            generation = m_latestGeneration;
        }
        if (generation != m_openGeneration || !m_pager)
            continue;
        auto result = std::make_shared<FlowPage>();
        result->number = page;
        try {
            result->rows = tableRows(page * m_pageSize, static_cast<std::size_t>(m_pageSize));
        } catch (const std::exception &) {
            result->rows.clear(); // an unreadable page shows as empty rather than loading forever
        }
        Q_EMIT pageLoaded(generation, std::move(result));
    }
}

} // namespace flowscope
