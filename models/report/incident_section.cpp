// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_section.h"

#include "report_canvas.h"
#include "report_text.h"

#include "cloudtrail/principal_text.h"
#include "incident/incident_case.h"
#include "incident/incident_timeline.h"

#include <QCoreApplication>
#include <QDateTime>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentSection", text);
}

QString utc(std::optional<std::int64_t> seconds)
{
    return seconds ? utcTime(*seconds) : tr("undated");
}

QString kindOf(const incident::IncidentEntry &entry)
{
    const QString kind = QString::fromStdString(std::string(incident::entryKindName(entry.kind)));
    return entry.record ? kind + QLatin1Char('\n') + tr("record %1").arg(*entry.record) : kind;
}

} // namespace

IncidentSection::IncidentSection(CaseDb &caseDb)
{
    m_entries.headers = {tr("Time (UTC)"), tr("Entry"), tr("Severity"), tr("Tags"), tr("Text"), tr("By, written (UTC)")};
    m_entries.fontPoints = 7.5;
    if (!incident::incidentTablesExist(caseDb))
        return;
    for (const incident::IncidentEntry &e : incident::IncidentTimeline(caseDb, incident::defaultAuthor()).entries()) {
        switch (e.kind) {
        case incident::EntryKind::StarredRecord:
        case incident::EntryKind::TaggedRecord: ++m_records; break;
        case incident::EntryKind::Note: ++m_notes; break;
        default: ++m_other; break;
        }
        QStringList tags;
        for (const std::string &tag : e.tags)
            tags << QString::fromStdString(tag);
        m_entries.rows.push_back({utc(e.time), kindOf(e), QString::fromStdString(std::string(incident::severityName(e.severity))),
                                  tags.join(QStringLiteral(", ")), QString::fromStdString(e.text),
                                  // A finding has no time it was written: its detector alone.
                                  cloudtrail::shortPrincipal(QString::fromStdString(e.author))
                                      + (e.writtenAt > 0 ? QLatin1Char('\n') + utcTime(e.writtenAt) : QString())});
    }
}

QString IncidentSection::title() const
{
    return tr("Incident timeline");
}

void IncidentSection::render(ReportCanvas &canvas) const
{
    if (m_entries.rows.empty()) {
        canvas.paragraph(tr("Nothing is marked yet: no record is starred or tagged and no note is written."), false, true);
        return;
    }
    QString counts = tr("Records starred or tagged: %1; notes: %2. In time order: a note on a record at the record's "
                        "start, a free note when it was written. An ARN is shown as its resource and account; the "
                        "incident CSV holds it whole.")
                         .arg(m_records)
                         .arg(m_notes);
    if (m_other > 0)
        counts += QLatin1Char(' ') + tr("Entries of other kinds: %1.").arg(m_other);
    canvas.paragraph(counts);
    canvas.table(m_entries);
}

} // namespace flowscope::report
