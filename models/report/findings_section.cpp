// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings_section.h"

#include "report_canvas.h"
#include "report_text.h"

#include "detect/finding_store.h"
#include "explain/case_enrichment.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/flow_pager.h"
#include "store/flow_reader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FindingsSection", text);
}

QString utc(std::int64_t seconds)
{
    return utcTime(seconds);
}

QString text(const FieldValue &value)
{
    return QString::fromStdString(fieldText(value));
}

ReportTable evidenceTable()
{
    ReportTable table;
    table.headers = {tr("Start (UTC)"), tr("Interface"), tr("Source"), tr("Destination"), tr("Proto"), tr("Bytes"),
                     tr("Action")};
    table.numericColumns = {5};
    table.fontPoints = 7;
    return table;
}

QStringList evidenceRow(const FlowRow &row)
{
    const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start));
    return {start ? utc(*start) : QString(), text(row.value(Field::InterfaceId)),
            text(row.value(Field::SrcAddr)) + QLatin1Char(':') + text(row.value(Field::SrcPort)),
            text(row.value(Field::DstAddr)) + QLatin1Char(':') + text(row.value(Field::DstPort)),
            text(row.value(Field::Protocol)), text(row.value(Field::Bytes)), text(row.value(Field::Action))};
}

// Evidence rows that stay on the page of their finding's details.
constexpr std::size_t kRowsKeptWithDetails = 6; // the evidence a finding shows by default, whole

QString addressOf(const std::optional<IpAddress> &address)
{
    return address ? QString::fromStdString(address->toString()) : QStringLiteral("—");
}

} // namespace

FindingsSection::FindingsSection(CaseDb &caseDb, const FindingsSectionOptions &options)
    : m_evidenceRecords(options.evidenceRecords)
{
    const std::vector<Finding> findings = loadFindings(caseDb);
    m_notShown = findings.size() > options.maxFindings ? findings.size() - options.maxFindings : 0;
    FlowPager pager(caseDb);
    for (std::size_t i = 0; i < findings.size() && i < options.maxFindings; ++i) {
        Shown shown{findings[i], evidenceTable(), {}};
        const std::string &expression = shown.finding.evidenceFilter;
        const auto compiled = explain::compileWithSnapshot(caseDb, expression);
        if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
            shown.evidenceProblem = QString::fromStdString(renderFilterError(expression, *invalid));
        } else if (options.evidenceRecords > 0) {
            const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
            pager.forEachMatching(filter.recordTest(), filter.blocks(), [&](const FlowRow &row) {
                shown.evidence.rows.push_back(evidenceRow(row));
                return shown.evidence.rows.size() < options.evidenceRecords;
            });
        }
        m_findings.push_back(std::move(shown));
    }
}

QString FindingsSection::title() const
{
    return tr("Findings");
}

void FindingsSection::render(ReportCanvas &canvas) const
{
    if (m_findings.empty()) {
        canvas.paragraph(tr("The case holds no findings: no detector has run on it (flowscope-cli detect, or "
                            "Investigation > Run Detections)."),
                         false, true);
        return;
    }
    const QLocale locale = QLocale::system();
    canvas.paragraph(QCoreApplication::translate("FindingsSection",
                                                 "%n finding(s) as the detectors stored them, by start time; each with the "
                                                 "filter that selects its evidence records and the first %1 of them.",
                                                 nullptr, int(m_findings.size() + m_notShown))
                         .arg(m_evidenceRecords));
    for (const Shown &shown : m_findings) {
        const Finding &f = shown.finding;
        const QString heading = QStringLiteral("%1 · %2 · %3")
                                    .arg(QString::fromStdString(f.id),
                                         QString::fromStdString(std::string(severityName(f.severity))).toUpper(),
                                         QString::fromStdString(f.title));
        std::vector<std::pair<QString, QString>> facts{
            {tr("Detector"), QString::fromStdString(f.type)},
            {tr("Time (UTC)"), utc(f.start) + QStringLiteral(" – ") + utc(f.end)},
            {tr("Source → destination"),
             addressOf(f.src) + QStringLiteral(" → ") + addressOf(f.dst)
                 + (f.dstPort ? QStringLiteral(" port %1").arg(*f.dstPort) : QString())},
            {tr("Records, bytes"), locale.toString(qulonglong(f.records)) + QStringLiteral(", ")
                                       + locale.toString(qulonglong(f.bytes))},
            {tr("Evidence filter"), QString::fromStdString(f.evidenceFilter)}};
        if (f.interfaceId)
            facts.insert(facts.begin() + 2, {tr("Interface"), QString::fromStdString(*f.interfaceId)});
        if (f.periodSeconds)
            facts.push_back({tr("Period"), tr("%1 s").arg(std::llround(*f.periodSeconds))});
        // The heading, the details and the start of the evidence on one page.
        const ReportTable details = ReportCanvas::keyValueTable(facts);
        double together = canvas.subheadingHeight(heading) + canvas.tableHeight(details, details.rows.size());
        if (shown.evidenceProblem.isEmpty() && !shown.evidence.rows.empty())
            together += 10 + canvas.tableHeight(shown.evidence, kRowsKeptWithDetails);
        canvas.keepTogether(together);
        canvas.subheading(heading);
        canvas.table(details);
        if (!shown.evidenceProblem.isEmpty())
            canvas.paragraph(tr("The evidence filter cannot be read in this case: %1").arg(shown.evidenceProblem), true, true);
        else if (shown.evidence.rows.empty())
            canvas.paragraph(tr("The evidence filter selects no record of the case now."), true, true);
        else
            canvas.table(shown.evidence);
    }
    if (m_notShown > 0)
        canvas.paragraph(QCoreApplication::translate("FindingsSection",
                                                     "%n more finding(s) not shown: `flowscope-cli export CASE --what "
                                                     "findings` lists every one.",
                                                     nullptr, int(m_notShown)),
                         false, true);
}

} // namespace flowscope::report
