// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs imports into the open case: looks at the input first (off the GUI
// thread) and asks for the flow log's format string when files need one,
// then runs an ImportJob and passes its progress, cancel and outcome on.
// One import at a time.

#include "ingest/import_job.h"
#include "ingest/log_format_probe.h"
#include "log_format_history.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace flowscope {

// What the format prompt is told.
struct LogFormatRequest {
    int files = 0;          // files that need a format string
    QString exampleFile;    // the first of them
    QString exampleRecord;  // and its first record
    int exampleFields = 0;
    QStringList history;    // format strings used before, newest first
};
// Answers a request with a format string, or nothing to cancel the import.
using LogFormatPrompt = std::function<std::optional<QString>(const LogFormatRequest &)>;

class ImportController : public QObject {
    Q_OBJECT
public:
    explicit ImportController(QObject *parent = nullptr);
    ~ImportController() override;

    void setCasePath(const QString &casePath) { m_casePath = casePath; }
    const QString &casePath() const { return m_casePath; }
    // Without a prompt, files that need a format are read as the default format.
    void setLogFormatPrompt(LogFormatPrompt prompt) { m_prompt = std::move(prompt); }
    bool isBusy() const { return m_busy; }
    // Imports store every copy of a record (ImportJob::setKeepDuplicates); from the next import on.
    void setKeepDuplicates(bool keep) { m_keepDuplicates = keep; }
    bool keepsDuplicates() const { return m_keepDuplicates; }

    void importPaths(const QStringList &paths);
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void checkingStarted();
    void progress(const flowscope::ImportProgress &progress);
    void cancelling();
    void finished(const flowscope::ImportReport &report);
    void failed(const QString &message);

private:
    void onChecked();
    void startJob(std::optional<LogFormat> logFormat);
    void finishCancelled();
    void setBusy(bool busy);
    // Asks the prompt; false when the import is not to go on.
    bool askLogFormat(const LogFormatNeed &need, std::optional<LogFormat> &logFormat);

    QString m_casePath;
    LogFormatPrompt m_prompt;
    LogFormatHistory m_history;
    bool m_busy = false;
    bool m_keepDuplicates = false;
    QStringList m_paths;
    std::shared_ptr<std::atomic<bool>> m_checkCancelled;
    QFutureWatcher<LogFormatNeed> m_check;
    QPointer<ImportJob> m_job;
};

} // namespace flowscope
