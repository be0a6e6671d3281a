// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The REJECTs the filter keeps, explained and grouped as the Rejects overview
// groups them, under the rule that decided them (against the snapshots in
// force when the case has them, else from the records alone).

#include "report_section.h"

#include "explain/reject_explainer.h"

#include <functional>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

class RejectsSection : public ReportSection {
public:
    // `cancelled` stops the read between blocks and chunks (it then throws).
    RejectsSection(CaseDb &caseDb, const CaseFilter &filter, const std::function<bool()> &cancelled = {});
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    explain::RejectGroups m_groups;
    bool m_withSnapshots = false;
};

} // namespace flowscope::report
