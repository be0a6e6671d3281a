// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_export_job.h"

#include "explain/case_enrichment.h"
#include "explain/snapshot_store.h"
#include "export/case_csv_export.h"
#include "export/csv_file.h"
#include "export/incident_csv_export.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QCoreApplication>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace flowscope {

CsvExportOutcome runCsvExport(const CsvExportRequest &request, const std::function<bool(qint64)> &cancelled)
{
    using Table = CsvExportRequest::Table;
    CsvExportOutcome outcome;
    try {
        auto caseDb = openForBackgroundReads(request.casePath.toStdString());
        const std::string expression = request.filter.toStdString();
        const auto compiled = explain::compileWithSnapshot(*caseDb, expression);
        if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
            outcome.error = QCoreApplication::translate("CsvExportJob", "The filter is not valid: %1")
                                .arg(QString::fromStdString(renderFilterError(expression, *invalid)));
            return outcome;
        }
        const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
        CsvFile file(request.outPath);
        if (!file.open()) {
            outcome.error = file.error();
            return outcome;
        }
        const CsvExportCancelled stop = [&](std::int64_t rows) { return cancelled && cancelled(rows); };
        const QueryInterrupt interrupt(*caseDb, [&] { return cancelled && cancelled(-1); });
        {
            CsvWriter writer(file.sink(), request.cells);
            switch (request.table) {
            case Table::Flows: outcome.rows = writeFlowsCsv(*caseDb, filter, writer, stop); break;
            case Table::Conversations:
                outcome.rows = writeConversationsCsv(*caseDb, filter, ConversationKey::Addresses, writer, stop);
                break;
            case Table::ServiceConversations:
                outcome.rows = writeConversationsCsv(*caseDb, filter, ConversationKey::AddressesProtocolPort, writer, stop);
                break;
            case Table::AddressEndpoints:
                outcome.rows = writeEndpointsCsv(*caseDb, filter, EndpointKey::Address, writer, stop);
                break;
            case Table::InterfaceEndpoints:
                outcome.rows = writeEndpointsCsv(*caseDb, filter, EndpointKey::Interface, writer, stop);
                break;
            case Table::RejectGroups:
                outcome.rows = writeRejectGroupsCsv(*caseDb, filter, explain::loadSnapshotTimeline(*caseDb), writer, stop);
                break;
            case Table::Findings: outcome.rows = writeFindingsCsv(*caseDb, writer); break;
            case Table::Incident: outcome.rows = writeIncidentCsv(*caseDb, writer); break;
            }
        }
        if (cancelled && cancelled(-1)) {
            outcome.cancelled = true;
            return outcome; // the file is not committed: nothing is left behind
        }
        outcome.ok = file.commit();
        if (!outcome.ok)
            outcome.error = file.error();
    } catch (const CsvExportStopped &) {
        outcome.cancelled = true;
    } catch (const std::exception &error) {
        if (cancelled && cancelled(-1))
            outcome.cancelled = true;
        else
            outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

CsvExportJob::CsvExportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<CsvExportOutcome>::finished, this, &CsvExportJob::onFinished);
    // Progress is polled rather than signalled from the worker: one update a
    // fifth of a second, however fast rows go.
    auto *poll = new QTimer(this);
    poll->setInterval(200);
    connect(poll, &QTimer::timeout, this, [this] {
        if (m_state && m_watcher.isRunning())
            Q_EMIT progress(m_state->rows.load());
    });
    poll->start();
}

CsvExportJob::~CsvExportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void CsvExportJob::start(const CsvExportRequest &request)
{
    cancel();
    m_watcher.waitForFinished(); // an older export stops at its next few thousand rows
    m_state = std::make_shared<State>();
    auto state = m_state;
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [request, state] {
        return runCsvExport(request, [state](qint64 rows) {
            if (rows >= 0)
                state->rows.store(rows);
            return state->cancelled.load();
        });
    }));
}

void CsvExportJob::cancel()
{
    if (m_state)
        m_state->cancelled.store(true);
}

void CsvExportJob::onFinished()
{
    CsvExportOutcome outcome = m_watcher.result();
    Q_EMIT finished(outcome);
}

} // namespace flowscope
