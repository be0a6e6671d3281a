// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_report.h"

#include "findings_section.h"
#include "graph_section.h"
#include "incident_section.h"
#include "rejects_section.h"
#include "sources_section.h"
#include "summary_section.h"
#include "timeline_section.h"

namespace flowscope::report {

std::vector<ReportPart> allReportParts()
{
    return {ReportPart::Summary,  ReportPart::Timeline, ReportPart::Graph,  ReportPart::Findings,
            ReportPart::Rejects,  ReportPart::Incident, ReportPart::Sources};
}

QString reportPartName(ReportPart part)
{
    switch (part) {
    case ReportPart::Summary:
        return QStringLiteral("summary");
    case ReportPart::Timeline:
        return QStringLiteral("timeline");
    case ReportPart::Graph:
        return QStringLiteral("graph");
    case ReportPart::Findings:
        return QStringLiteral("findings");
    case ReportPart::Rejects:
        return QStringLiteral("rejects");
    case ReportPart::Incident:
        return QStringLiteral("incident");
    case ReportPart::Sources:
        return QStringLiteral("sources");
    }
    return {};
}

std::optional<ReportPart> reportPartFromName(const QString &name)
{
    for (ReportPart part : allReportParts())
        if (reportPartName(part) == name)
            return part;
    return std::nullopt;
}

QString reportPartNames()
{
    QStringList names;
    for (ReportPart part : allReportParts())
        names << reportPartName(part);
    return names.join(QStringLiteral(", "));
}

ReportSections caseReportSections(CaseDb &caseDb, const CaseFilter &filter, const std::vector<ReportPart> &parts,
                                  const ReportCancelled &cancelled)
{
    ReportSections sections;
    for (ReportPart part : parts) {
        if (cancelled && cancelled())
            throw ReportStopped();
        switch (part) {
        case ReportPart::Summary:
            sections.push_back(std::make_unique<SummarySection>(caseDb, filter));
            break;
        case ReportPart::Timeline:
            sections.push_back(std::make_unique<TimelineSection>(caseDb, filter, cancelled));
            break;
        case ReportPart::Graph:
            sections.push_back(std::make_unique<GraphSection>(caseDb, filter, GraphSectionOptions{}, cancelled));
            break;
        case ReportPart::Findings:
            sections.push_back(std::make_unique<FindingsSection>(caseDb));
            break;
        case ReportPart::Rejects:
            sections.push_back(std::make_unique<RejectsSection>(caseDb, filter, cancelled));
            break;
        case ReportPart::Incident:
            sections.push_back(std::make_unique<IncidentSection>(caseDb));
            break;
        case ReportPart::Sources:
            sections.push_back(std::make_unique<SourcesSection>(caseDb));
            break;
        }
    }
    return sections;
}

} // namespace flowscope::report
