// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_enrichment_loader.h"

#include "explain/case_enrichment.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/work_pools.h"

#include <QtConcurrent>

namespace flowscope {

CaseEnrichmentLoader::CaseEnrichmentLoader(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &CaseEnrichmentLoader::onFinished);
}

CaseEnrichmentLoader::~CaseEnrichmentLoader() { m_watcher.waitForFinished(); }

void CaseEnrichmentLoader::load(const QString &casePath)
{
    m_casePath = casePath;
    const quint64 generation = ++m_generation;
    if (casePath.isEmpty()) {
        m_enrichment.reset();
        Q_EMIT loaded(m_enrichment);
        return;
    }
    if (m_watcher.isRunning())
        return; // onFinished starts the newest request
    m_runningGeneration = generation;
    m_watcher.setFuture(QtConcurrent::run(lookupPool(), [path = casePath.toStdString()]() -> Result {
        try {
            auto caseDb = openForBackgroundReads(path);
            return {explain::sharedCaseEnrichment(*caseDb), {}};
        } catch (const std::exception &error) {
            return {nullptr, QString::fromLocal8Bit(error.what())};
        }
    }));
}

void CaseEnrichmentLoader::onFinished()
{
    const Result result = m_watcher.result();
    if (m_runningGeneration != m_generation) { // a newer case or change came meanwhile
        if (!m_casePath.isEmpty())
            load(m_casePath);
        return;
    }
    m_enrichment = result.enrichment;
    if (!result.error.isEmpty())
        Q_EMIT failed(result.error);
    Q_EMIT loaded(m_enrichment);
}

} // namespace flowscope
