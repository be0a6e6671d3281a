// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The appendix: every file the case was imported from, with its size,
// SHA-256, format, record counts and time range, as the case keeps them.

#include "report_section.h"
#include "report_table.h"

namespace flowscope {
class CaseDb;
}

namespace flowscope::report {

class SourcesSection : public ReportSection {
public:
    explicit SourcesSection(CaseDb &caseDb);
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    ReportTable m_files;
};

} // namespace flowscope::report
