// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Explains one REJECT record off the GUI thread for the "Why rejected?"
// panel: its counterparts in the case and, when the case holds configuration
// snapshots, the one in force at the record's time. A newer request (another
// record, case or snapshot) cancels the running one at its next check, inside
// SQL statements too, and only the newest result is delivered.

#include "explain/record_explanation.h"

#include "tasks/latest_result_job.h"

#include <QObject>
#include <QString>

#include <memory>

namespace flowscope {

class CaseSnapshots;

struct RecordExplanationResult {
    qint64 recordId = -1;
    // None when the record is not a REJECT (or no longer in the case).
    std::shared_ptr<const explain::RecordExplanation> explanation;
    int snapshots = 0; // configuration snapshots in the case
    QString error;
};

class RecordExplanationLoader : public QObject {
    Q_OBJECT
public:
    explicit RecordExplanationLoader(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent = nullptr);
    ~RecordExplanationLoader() override;

    void setCase(const QString &casePath);
    QString casePath() const { return m_case; }
    // Explains `recordId`; explained() follows unless a newer request comes first.
    void explain(qint64 recordId);
    // Stops the running explanation, if any, and delivers nothing for it.
    void cancel();
    bool isBusy() const { return m_job.isBusy(); }
    // Explanations started so far (tests: a hidden panel explains nothing).
    int started() const { return m_job.started(); }

Q_SIGNALS:
    void explained(const flowscope::RecordExplanationResult &result);

private:
    std::shared_ptr<CaseSnapshots> m_snapshots;
    QString m_case;
    LatestResultJob<RecordExplanationResult> m_job;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::RecordExplanationResult)
