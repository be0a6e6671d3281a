// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_session.h"

#include "explain/snapshot_store.h"
#include "store/case_db.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSettings>

namespace flowscope {

namespace {
const QString kRecentKey = QStringLiteral("session/recentCases");
}

CaseSession::CaseSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<flowscope::CaseSummary>();
    connect(&m_snapshotJob, &explain::SnapshotImportJob::finished, this, [this](const explain::SnapshotImportOutcome &outcome) {
        Q_EMIT snapshotLoadingChanged(false);
        Q_EMIT snapshotLoadFinished(outcome);
        if (outcome.import.isStored() && outcome.casePath == m_casePath)
            Q_EMIT snapshotsChanged();
    });
}

bool CaseSession::loadSnapshot(const QStringList &paths, std::optional<qint64> asOf, const QString &label)
{
    if (m_casePath.isEmpty() || paths.isEmpty())
        return false;
    const std::optional<QDateTime> time = asOf ? std::optional(QDateTime::fromSecsSinceEpoch(*asOf, Qt::UTC)) : std::nullopt;
    if (!m_snapshotJob.start(m_casePath, paths, time, label))
        return false;
    Q_EMIT snapshotLoadingChanged(true);
    return true;
}

bool CaseSession::removeSnapshot(qint64 id)
{
    if (m_casePath.isEmpty() || m_snapshotJob.isRunning())
        return false;
    try {
        auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadWrite);
        if (!explain::removeSnapshot(*caseDb, id)) {
            Q_EMIT errorOccurred(tr("The case holds no configuration snapshot %1.").arg(id));
            return false;
        }
    } catch (const std::exception &error) {
        Q_EMIT errorOccurred(tr("Cannot remove configuration snapshot %1: %2").arg(id).arg(QString::fromLocal8Bit(error.what())));
        return false;
    }
    Q_EMIT snapshotsChanged();
    return true;
}

bool CaseSession::readSummary(const QString &path, CaseSummary &summary)
{
    try {
        auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::ReadOnly);
        summary = summarizeCase(*caseDb);
        return true;
    } catch (const std::exception &error) {
        Q_EMIT errorOccurred(QString::fromLocal8Bit(error.what()));
        return false;
    }
}

bool CaseSession::openCase(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    CaseSummary summary;
    if (!readSummary(absolute, summary))
        return false;
    m_casePath = absolute;
    m_summary = summary;
    addRecentCase(absolute);
    Q_EMIT caseChanged(m_casePath);
    Q_EMIT summaryChanged(m_summary);
    return true;
}

bool CaseSession::createCase(const QString &path)
{
    QString target = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(target).suffix() != caseSuffix())
        target += QLatin1Char('.') + caseSuffix();
    if (QFileInfo::exists(target)) {
        Q_EMIT errorOccurred(tr("%1 already exists: choose another name for the new case.").arg(target));
        return false;
    }
    try {
        const auto created = CaseDb::open(target.toStdString(), CaseDb::Mode::CreateIfMissing);
    } catch (const std::exception &error) {
        Q_EMIT errorOccurred(tr("Cannot create the case %1: %2").arg(target, QString::fromLocal8Bit(error.what())));
        return false;
    }
    return openCase(target);
}

void CaseSession::closeCase()
{
    if (m_casePath.isEmpty())
        return;
    m_casePath.clear();
    m_summary = {};
    Q_EMIT caseChanged(m_casePath);
}

void CaseSession::refresh()
{
    if (m_casePath.isEmpty())
        return;
    CaseSummary summary;
    if (!readSummary(m_casePath, summary))
        return;
    m_summary = summary;
    Q_EMIT summaryChanged(m_summary);
}

QStringList CaseSession::recentCases() const
{
    QStringList existing;
    for (const QString &path : QSettings().value(kRecentKey).toStringList()) {
        if (QFileInfo::exists(path))
            existing << path;
    }
    return existing;
}

bool CaseSession::reopenLastCase()
{
    const QStringList recent = recentCases();
    return !recent.isEmpty() && openCase(recent.constFirst());
}

void CaseSession::clearRecentCases()
{
    QSettings().remove(kRecentKey);
    Q_EMIT recentCasesChanged();
}

void CaseSession::addRecentCase(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentCases)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    Q_EMIT recentCasesChanged();
}

} // namespace flowscope
