// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sections a case's report can hold, made from the case in the order the
// caller lists them: a part named here is a ReportSection made in
// caseReportSections.

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

enum class ReportPart { Summary, Timeline, Graph, Findings, Rejects, Incident, Sources };

// Every part, in the report's usual order.
std::vector<ReportPart> allReportParts();
// "summary", "timeline", "graph", "findings", "rejects", "incident", "sources"
QString reportPartName(ReportPart part);
std::optional<ReportPart> reportPartFromName(const QString &name);
// Every part's name, comma-separated, for messages.
QString reportPartNames();

// Reads the case (on the calling thread: a worker's for the window);
// `cancelled` is asked before each section and by the long reads within
// one (which then throw).
ReportSections caseReportSections(CaseDb &caseDb, const CaseFilter &filter, const std::vector<ReportPart> &parts,
                                  const ReportCancelled &cancelled = {});

} // namespace flowscope::report
