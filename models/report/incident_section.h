// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The incident timeline as the analyst built it: starred and tagged records
// and notes in time order, each with its severity, tags, author and when it
// was written. Notes are the analyst's words and are drawn as written.

#include "report_section.h"
#include "report_table.h"

namespace flowscope {
class CaseDb;
}

namespace flowscope::report {

class IncidentSection : public ReportSection {
public:
    explicit IncidentSection(CaseDb &caseDb);
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    ReportTable m_entries;
    int m_records = 0; // starred or tagged
    int m_notes = 0;
    int m_other = 0;
};

} // namespace flowscope::report
