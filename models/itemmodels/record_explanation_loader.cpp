// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_explanation_loader.h"

#include "case_snapshots.h"

#include "explain/reject_explainer.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QtConcurrent/QtConcurrentRun>

namespace flowscope {

RecordExplanationLoader::RecordExplanationLoader(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent)
    : QObject(parent)
    , m_snapshots(std::move(snapshots))
{
    connect(&m_watcher, &QFutureWatcher<RecordExplanationResult>::finished, this, &RecordExplanationLoader::onFinished);
}

RecordExplanationLoader::~RecordExplanationLoader()
{
    ++*m_generation;
    m_pending = false;
    m_watcher.waitForFinished();
}

void RecordExplanationLoader::setCase(const QString &casePath)
{
    m_case = casePath;
    cancel();
}

void RecordExplanationLoader::cancel()
{
    ++*m_generation;
    m_pending = false;
}

void RecordExplanationLoader::explain(qint64 recordId)
{
    m_recordId = recordId;
    ++*m_generation;
    if (m_watcher.isRunning()) {
        m_pending = true; // starts when the stale one has stopped: one at a time
        return;
    }
    start();
}

void RecordExplanationLoader::start()
{
    m_pending = false;
    ++m_started;
    const quint64 generation = m_generation->load();
    m_runningGeneration = generation;
    const auto stale = [latest = m_generation, generation] { return latest->load() != generation; };
    m_watcher.setFuture(QtConcurrent::run(
        analysisPool(), [casePath = m_case, recordId = m_recordId, snapshots = m_snapshots, stale]() {
            RecordExplanationResult result;
            result.recordId = recordId;
            if (casePath.isEmpty())
                return result;
            try {
                auto caseDb = openForBackgroundReads(casePath.toStdString());
                const QueryInterrupt interrupt(*caseDb, stale);
                const auto timeline = snapshots->timeline(casePath, *caseDb);
                result.snapshots = static_cast<int>(timeline->snapshots().size());
                explain::RejectExplainer explainer(*caseDb, *timeline);
                if (auto explanation = explainer.explainRecord(recordId, stale))
                    result.explanation = std::make_shared<const explain::RecordExplanation>(std::move(*explanation));
            } catch (const explain::RejectExplainCancelled &) {
                result = RecordExplanationResult(); // never delivered: a newer request replaced it
            } catch (const std::exception &error) {
                if (!stale()) // else an interrupted statement: never delivered either
                    result.error = QString::fromLocal8Bit(error.what());
            }
            return result;
        }));
}

void RecordExplanationLoader::onFinished()
{
    if (m_runningGeneration != m_generation->load()) {
        if (m_pending)
            start();
        return;
    }
    Q_EMIT explained(m_watcher.result());
}

} // namespace flowscope
