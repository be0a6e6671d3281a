// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case at a glance: its sources with their SHA-256, the time range, the
// record counts, the filter the report was made with and the configuration
// snapshots loaded.

#include "report_section.h"
#include "report_table.h"

#include <utility>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

class SummarySection : public ReportSection {
public:
    SummarySection(CaseDb &caseDb, const CaseFilter &filter);
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    std::vector<std::pair<QString, QString>> m_facts;
    ReportTable m_sources;
    ReportTable m_snapshots;
};

} // namespace flowscope::report
