// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary_section.h"

#include "report_canvas.h"
#include "report_text.h"

#include "explain/snapshot_store.h"
#include "selection/case_filter.h"
#include "selection/match_collection.h"
#include "selection/summary_count.h"
#include "store/case_summary.h"
#include "store/import_log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SummarySection", text);
}

QString utc(std::optional<std::int64_t> seconds)
{
    return seconds ? utcTime(*seconds) + QStringLiteral(" UTC") : tr("(none)");
}

QString number(std::uint64_t value)
{
    return QLocale::system().toString(static_cast<qulonglong>(value));
}

} // namespace

SummarySection::SummarySection(CaseDb &caseDb, const CaseFilter &filter)
{
    const CaseSummary summary = summarizeCase(caseDb);
    const QString expression = QString::fromStdString(filter.expression());
    std::int64_t kept = static_cast<std::int64_t>(summary.records);
    if (!expression.trimmed().isEmpty()) {
        const auto counted = countFromSummaries(caseDb, filter);
        kept = counted ? *counted : collectMatches(caseDb, filter)->total();
    }
    m_facts = {
        {tr("Records"), number(summary.records)},
        {tr("Filter"), expression.trimmed().isEmpty() ? tr("(none: every record)") : expression},
        {tr("Records the filter keeps"), number(static_cast<std::uint64_t>(kept))},
        {tr("First record starts"), utc(summary.firstStart)},
        {tr("Last record ends"), utc(summary.lastEnd)},
        {tr("Source files"), number(summary.files)},
        {tr("Files that failed"), number(summary.failedFiles)},
        {tr("Rejected lines and files"), number(summary.errors)},
        {tr("Network interfaces"), number(summary.interfaces)},
    };
    QStringList accounts, regions;
    for (const auto &account : summary.accounts)
        accounts << QString::fromStdString(account);
    for (const auto &region : summary.regions)
        regions << QString::fromStdString(region);
    if (!accounts.isEmpty())
        m_facts.emplace_back(tr("Accounts"), accounts.join(QStringLiteral(", ")));
    if (!regions.isEmpty())
        m_facts.emplace_back(tr("Regions"), regions.join(QStringLiteral(", ")));

    m_sources.headers = {tr("File"), tr("SHA-256"), tr("Records")};
    m_sources.numericColumns = {2};
    m_sources.fontPoints = 7; // the hashes whole on one line
    for (const ImportedFile &file : importedFiles(caseDb))
        m_sources.rows.push_back({QFileInfo(QString::fromStdString(file.path)).fileName(),
                                  QString::fromStdString(file.sha256), number(file.records)});

    m_snapshots.headers = {tr("Snapshot"), tr("As of (UTC)"), tr("Loaded (UTC)"), tr("Files")};
    m_snapshots.numericColumns = {3};
    for (const explain::StoredSnapshot &snapshot : explain::listSnapshots(caseDb))
        m_snapshots.rows.push_back({snapshot.label.isEmpty() ? QString::number(snapshot.id) : snapshot.label,
                                    utcTime(snapshot.asOf.toSecsSinceEpoch()), utcTime(snapshot.loadedAt.toSecsSinceEpoch()),
                                    QString::number(snapshot.files.size())});
}

QString SummarySection::title() const
{
    return tr("Summary");
}

void SummarySection::render(ReportCanvas &canvas) const
{
    canvas.keyValues(m_facts);
    canvas.subheading(tr("Sources"));
    canvas.table(m_sources);
    canvas.subheading(tr("Configuration snapshots loaded"));
    if (m_snapshots.rows.empty())
        canvas.paragraph(tr("None: the reject explanations rest on the flow records alone."), false, true);
    else
        canvas.table(m_snapshots);
}

} // namespace flowscope::report
