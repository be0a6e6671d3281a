// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sections a case's report can hold, made from the case in the order the
// caller lists them. Findings and the incident timeline join as parts of
// their own: a ReportSection each, named here and made in caseReportSections.

#include "pdf_report_writer.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

enum class ReportPart { Summary, Timeline, Graph, Rejects, Sources };

// Every part, in the report's usual order.
std::vector<ReportPart> allReportParts();
QString reportPartName(ReportPart part); // "summary", "timeline", "graph", "rejects", "sources"
std::optional<ReportPart> reportPartFromName(const QString &name);

// Reads the case (on the calling thread: a worker's for the window).
ReportSections caseReportSections(CaseDb &caseDb, const CaseFilter &filter, const std::vector<ReportPart> &parts);

} // namespace flowscope::report
