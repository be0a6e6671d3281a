// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window's File > Export of the current view as CSV, off the GUI thread
// on the analysis pool: the records of a filter, a statistic, the reject
// groups or the case's findings, written whole or not at all (CsvFile). Rows written are reported
// as it goes; cancel() stops it and leaves no file. A newer start() cancels
// an export still running.

#include "export/csv_writer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace flowscope {

struct CsvExportRequest {
    enum class Table { Flows, Conversations, ServiceConversations, AddressEndpoints, InterfaceEndpoints, RejectGroups, Findings, Incident };
    QString casePath;
    QString filter; // the display filter, empty for every record; findings and the incident take none (all are written)
    Table table = Table::Flows;
    QString outPath;
    CsvCells cells = CsvCells::Neutralised;
    // The rows it will write when already known (the filter's count), so progress can show a share; else -1.
    qint64 expectedRows = -1;
};

struct CsvExportOutcome {
    bool ok = false;
    bool cancelled = false;
    qint64 rows = 0;
    QString error; // names the file or filter and the reason
};

class CsvExportJob : public QObject {
    Q_OBJECT
public:
    explicit CsvExportJob(QObject *parent = nullptr);
    ~CsvExportJob() override; // cancels and waits

    void start(const CsvExportRequest &request);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void progress(qint64 rows);
    void finished(const flowscope::CsvExportOutcome &outcome);

private:
    struct State {
        std::atomic<bool> cancelled{false};
        std::atomic<qint64> rows{0};
    };
    void onFinished();

    QFutureWatcher<CsvExportOutcome> m_watcher;
    std::shared_ptr<State> m_state;
};

// Runs an export on the calling thread (the job's body, and for tests).
CsvExportOutcome runCsvExport(const CsvExportRequest &request, const std::function<bool(qint64 rows)> &cancelled = {});

} // namespace flowscope
