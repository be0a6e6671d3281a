// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One background job at a time for a view that asks again and again (a
// filter typed, a record selected, a zoom): each request makes the running
// job stale (its `stale` check says so, so it stops at its next poll or
// inside SQL), only the newest waiting request is kept, and only the result
// of the newest request is delivered, on the thread that owns the job.
// Two jobs never run at once for one view: the next starts when the stale
// one has stopped.

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThreadPool;

namespace flowscope {

template <typename Result>
class LatestResultJob {
public:
    using Stale = std::function<bool()>;
    using Work = std::function<Result(const Stale &stale)>;
    using Deliver = std::function<void(Result result)>;

    LatestResultJob(QThreadPool *pool, Deliver deliver)
        : m_pool(pool)
        , m_deliver(std::move(deliver))
    {
        QObject::connect(&m_watcher, &QFutureWatcherBase::finished, &m_watcher, [this] { onFinished(); });
    }
    ~LatestResultJob()
    {
        cancel();
        m_watcher.waitForFinished();
    }
    LatestResultJob(const LatestResultJob &) = delete;
    LatestResultJob &operator=(const LatestResultJob &) = delete;

    // Runs `work` on the pool once the running job, now stale, has stopped.
    void request(Work work)
    {
        ++*m_generation;
        if (m_active) {
            m_pending = std::move(work);
            return;
        }
        start(std::move(work));
    }
    // Makes the running job stale and drops the waiting one: nothing more is
    // delivered for requests made before.
    void cancel()
    {
        ++*m_generation;
        m_pending.reset();
    }
    // Busy from a request until its result is delivered (not only while the
    // work runs: its result still crosses to this thread after that).
    bool isBusy() const { return m_active || m_pending.has_value(); }
    // Jobs started so far (tests: a view nobody sees computes nothing).
    int started() const { return m_started; }
    // A check that is true once a newer request or a cancel came after now.
    Stale staleAfterNow() const
    {
        return [latest = m_generation, generation = m_generation->load()] { return latest->load() != generation; };
    }

private:
    void start(Work work)
    {
        ++m_started;
        m_active = true;
        m_runningGeneration = m_generation->load();
        m_watcher.setFuture(QtConcurrent::run(m_pool, [work = std::move(work), stale = staleAfterNow()] { return work(stale); }));
    }
    void onFinished()
    {
        m_active = false;
        if (m_runningGeneration == m_generation->load()) {
            m_deliver(m_watcher.result());
            return;
        }
        if (m_pending) {
            Work next = std::move(*m_pending);
            m_pending.reset();
            start(std::move(next));
        }
    }

    QThreadPool *const m_pool;
    const Deliver m_deliver;
    // Bumped by every request and cancel; a job whose generation is behind it is stale.
    const std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_runningGeneration = 0;
    std::optional<Work> m_pending;
    int m_started = 0;
    bool m_active = false; // a job started and its finish not yet handled here
    QFutureWatcher<Result> m_watcher;
};

} // namespace flowscope
