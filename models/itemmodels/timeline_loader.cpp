// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_loader.h"

#include "explain/case_enrichment.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QtConcurrent/QtConcurrentRun>

namespace flowscope {

TimelineLoader::TimelineLoader(QObject *parent)
    : QObject(parent)
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
{
    connect(&m_watcher, &QFutureWatcher<TimelineResult>::finished, this, &TimelineLoader::onFinished);
}

TimelineLoader::~TimelineLoader()
{
    cancel();
    m_watcher.waitForFinished();
}

void TimelineLoader::request(TimelineRequest request)
{
    ++*m_generation;
    if (m_watcher.isRunning()) {
        m_pending = std::move(request); // starts when the stale one has stopped
        return;
    }
    start(std::move(request));
}

void TimelineLoader::cancel()
{
    ++*m_generation;
    m_pending.reset();
}

void TimelineLoader::start(TimelineRequest request)
{
    const quint64 generation = m_generation->load();
    m_runningGeneration = generation;
    ++m_started;
    auto latest = m_generation;
    request.options.cancelled = [latest, generation] { return latest->load() != generation; };
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [request = std::move(request), hook = m_startHook]() -> TimelineResult {
        TimelineResult result{request, {}, {}};
        result.request.options.cancelled = nullptr; // the hook holds the loader's counter
        if (hook)
            hook();
        const auto &cancelled = request.options.cancelled;
        if (request.casePath.isEmpty())
            return result;
        try {
            if (cancelled())
                throw TimelineCancelled();
            auto caseDb = openForBackgroundReads(request.casePath.toStdString());
            // Index look-ups of a broad filter can take long themselves.
            const QueryInterrupt interrupt(*caseDb, cancelled);
            const auto compiled = explain::compileWithSnapshot(*caseDb, request.filter.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = TimelineLoader::tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                return result;
            }
            result.timeline = computeTimeline(*caseDb, *std::get<std::shared_ptr<const CaseFilter>>(compiled),
                                              request.options);
        } catch (const TimelineCancelled &) {
            result.cancelled = true;
        } catch (const std::exception &error) {
            if (cancelled())
                result.cancelled = true; // an interrupted statement: the request is stale anyway
            else
                result.error = QString::fromLocal8Bit(error.what());
        }
        if (result.cancelled)
            result.timeline = {};
        return result;
    }));
}

void TimelineLoader::onFinished()
{
    if (m_watcher.result().cancelled)
        ++m_stoppedEarly;
    // Any request or cancel since this one started made it stale.
    if (m_runningGeneration == m_generation->load() && !m_watcher.result().cancelled) {
        Q_EMIT finished(m_watcher.result());
        return;
    }
    if (m_pending) {
        TimelineRequest next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
}

} // namespace flowscope
