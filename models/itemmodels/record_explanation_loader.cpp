// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_explanation_loader.h"

#include "case_snapshots.h"

#include "explain/reject_explainer.h"
#include "store/case_db.h"
#include "tasks/case_job.h"
#include "tasks/work_pools.h"


namespace flowscope {

RecordExplanationLoader::RecordExplanationLoader(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent)
    : QObject(parent)
    , m_snapshots(std::move(snapshots))
    , m_job(analysisPool(), [this](RecordExplanationResult result) { Q_EMIT explained(result); })
{
}

RecordExplanationLoader::~RecordExplanationLoader() = default;

void RecordExplanationLoader::setCase(const QString &casePath)
{
    m_case = casePath;
    cancel();
}

void RecordExplanationLoader::cancel() { m_job.cancel(); }

void RecordExplanationLoader::explain(qint64 recordId)
{
    m_job.request([casePath = m_case, recordId, snapshots = m_snapshots](const auto &stale) {
        RecordExplanationResult result;
        result.recordId = recordId;
        result.error = runOnCase(casePath, stale, [&](CaseDb &caseDb) {
            const auto timeline = snapshots->timeline(casePath, caseDb);
            result.snapshots = static_cast<int>(timeline->snapshots().size());
            explain::RejectExplainer explainer(caseDb, *timeline);
            if (auto explanation = explainer.explainRecord(recordId, stale))
                result.explanation = std::make_shared<const explain::RecordExplanation>(std::move(*explanation));
        });
        return result;
    });
}

} // namespace flowscope
