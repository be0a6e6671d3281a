// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the detectors found, as the case stores it: each finding with its
// figures, the evidence filter that shows its records in the flow table, and
// its first few evidence records, so the reader sees what the finding rests
// on without the case at hand.

#include "report_section.h"
#include "report_table.h"

#include "detect/finding.h"

#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::report {

struct FindingsSectionOptions {
    std::size_t maxFindings = 40;     // the rest are counted (the CSV export lists all)
    std::size_t evidenceRecords = 5;  // per finding
};

class FindingsSection : public ReportSection {
public:
    explicit FindingsSection(CaseDb &caseDb, const FindingsSectionOptions &options = {});
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    struct Shown {
        Finding finding;
        ReportTable evidence;
        QString evidenceProblem; // the evidence filter could not be read
    };
    std::vector<Shown> m_findings;
    std::size_t m_notShown = 0;
    std::size_t m_evidenceRecords = 0;
};

} // namespace flowscope::report
