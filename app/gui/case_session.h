// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case the window works on: opening and creating .flowcase files, what
// the case holds at a glance, configuration snapshots loaded into it, and the
// list of recent cases (kept in QSettings).

#include "explain/snapshot_import_job.h"
#include "store/case_summary.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace flowscope {

class CaseSession : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecentCases = 10;
    static QString caseSuffix() { return QStringLiteral("flowcase"); }

    explicit CaseSession(QObject *parent = nullptr);

    const QString &casePath() const { return m_casePath; }
    bool hasCase() const { return !m_casePath.isEmpty(); }
    const CaseSummary &summary() const { return m_summary; }

    // Opens an existing case; on failure the current case stays open and
    // errorOccurred says why.
    bool openCase(const QString &path);
    // Creates an empty case (".flowcase" is added when missing) and opens it.
    // Never overwrites: an existing file is refused.
    bool createCase(const QString &path);
    void closeCase();
    // Reads the case again (after an import).
    void refresh();

    // Loads describe-* files and folders into the open case as a configuration
    // snapshot, off the GUI thread; snapshotLoadFinished tells how it went.
    // False when no case is open or a load is running.
    bool loadSnapshot(const QStringList &paths, std::optional<qint64> asOf = std::nullopt, const QString &label = {});
    bool isLoadingSnapshot() const { return m_snapshotJob.isRunning(); }
    void cancelSnapshotLoad() { m_snapshotJob.cancel(); }
    // Removes a configuration snapshot and its files from the open case (one
    // transaction, a few rows: on this thread); snapshotsChanged follows.
    // False, with errorOccurred, when it cannot.
    bool removeSnapshot(qint64 id);

    // Existing recent cases, newest first.
    QStringList recentCases() const;
    // Opens the case the analyst had open last (the newest recent case);
    // false when there is none or it cannot be opened.
    bool reopenLastCase();
    void clearRecentCases();

Q_SIGNALS:
    // Another case (or none: an empty path) is open.
    void caseChanged(const QString &casePath);
    // What the case holds changed (opened, or imported into).
    void summaryChanged(const flowscope::CaseSummary &summary);
    void recentCasesChanged();
    void snapshotLoadingChanged(bool loading);
    void snapshotLoadFinished(const flowscope::explain::SnapshotImportOutcome &outcome);
    // The open case holds another set of configuration snapshots (one was
    // stored): what derives from them is to be read again. Opening another
    // case says caseChanged instead.
    void snapshotsChanged();
    void errorOccurred(const QString &message);

private:
    bool readSummary(const QString &path, CaseSummary &summary);
    void addRecentCase(const QString &path);

    QString m_casePath;
    CaseSummary m_summary;
    explain::SnapshotImportJob m_snapshotJob;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::CaseSummary)
