// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_enrichment_loader.h"

#include "explain/case_enrichment.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/work_pools.h"

namespace flowscope {

CaseEnrichmentLoader::CaseEnrichmentLoader(QObject *parent)
    : QObject(parent)
    , m_job(lookupPool(), [this](Result result) {
        m_enrichments = result.enrichments ? result.enrichments : std::make_shared<const explain::EnrichmentTimeline>();
        m_enrichment = m_enrichments->newest();
        if (!result.error.isEmpty())
            Q_EMIT failed(result.error);
        Q_EMIT loaded(m_enrichment);
    })
{
}

CaseEnrichmentLoader::~CaseEnrichmentLoader() = default;

void CaseEnrichmentLoader::load(const QString &casePath)
{
    m_casePath = casePath;
    if (casePath.isEmpty()) {
        m_job.cancel();
        m_enrichment.reset();
        m_enrichments = std::make_shared<const explain::EnrichmentTimeline>();
        Q_EMIT loaded(m_enrichment);
        return;
    }
    m_job.request([path = casePath.toStdString()](const auto &) -> Result {
        try {
            auto caseDb = openForBackgroundReads(path);
            return {explain::sharedCaseEnrichments(*caseDb), {}};
        } catch (const std::exception &error) {
            return {nullptr, QString::fromLocal8Bit(error.what())};
        }
    });
}

} // namespace flowscope
