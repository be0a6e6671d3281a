// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records the filter keeps over time, ACCEPT and REJECT stacked per
// bucket, drawn as vector graphics (QPainter paths: sharp at any zoom).

#include "report_section.h"

#include "analysis/timeline.h"

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

class TimelineSection : public ReportSection {
public:
    TimelineSection(CaseDb &caseDb, const CaseFilter &filter);
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    Timeline m_timeline;
};

} // namespace flowscope::report
