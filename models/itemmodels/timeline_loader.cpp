// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_loader.h"

#include "explain/case_enrichment.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/case_job.h"
#include "tasks/work_pools.h"


namespace flowscope {

TimelineLoader::TimelineLoader(QObject *parent)
    : QObject(parent)
    , m_job(analysisPool(), [this](TimelineResult result) { Q_EMIT finished(result); })
{
}

TimelineLoader::~TimelineLoader() = default;

void TimelineLoader::request(TimelineRequest request)
{
    m_job.request([request = std::move(request), hook = m_startHook, stoppedEarly = m_stoppedEarly](const auto &stale) {
        TimelineResult result{request, {}, {}};
        if (hook)
            hook();
        TimelineOptions options = request.options;
        options.cancelled = stale;
        bool done = request.casePath.isEmpty();
        const QString error = runOnCase(request.casePath, stale, [&](CaseDb &caseDb) {
            if (stale())
                throw TimelineCancelled();
            const auto compiled = explain::compileWithSnapshot(caseDb, request.filter.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = TimelineLoader::tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                done = true;
                return;
            }
            result.timeline = computeTimeline(caseDb, *std::get<std::shared_ptr<const CaseFilter>>(compiled), options);
            done = true;
        });
        if (!error.isEmpty())
            result.error = error;
        // Stopped by a newer request or a cancel before its end.
        result.cancelled = !done && error.isEmpty();
        if (result.cancelled) {
            result.timeline = {};
            ++*stoppedEarly;
        }
        return result;
    });
}

void TimelineLoader::cancel() { m_job.cancel(); }

} // namespace flowscope
