// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case the window works on: opening and creating .flowcase files, what
// the case holds at a glance, and the list of recent cases (kept in QSettings).

#include "store/case_summary.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

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
    void errorOccurred(const QString &message);

private:
    bool readSummary(const QString &path, CaseSummary &summary);
    void addRecentCase(const QString &path);

    QString m_casePath;
    CaseSummary m_summary;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::CaseSummary)
