// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records the filter keeps over time, ACCEPT and REJECT stacked per
// bucket, drawn as vector graphics (QPainter paths: sharp at any zoom).

#include "report_section.h"

#include "analysis/timeline.h"

#include <functional>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

class TimelineSection : public ReportSection {
public:
    // `cancelled` stops the read between blocks (it then throws).
    TimelineSection(CaseDb &caseDb, const CaseFilter &filter, const std::function<bool()> &cancelled = {});
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    Timeline m_timeline;
};

} // namespace flowscope::report
