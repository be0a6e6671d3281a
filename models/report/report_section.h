// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One section of the report: its data gathered when it is made, drawn by
// render (which may run twice: once to count the pages for the table of
// contents, once for good). The report is a list of these in the caller's
// order; findings and the incident timeline join as sections of their own.

#include <QString>

namespace flowscope::report {

class ReportCanvas;

class ReportSection {
public:
    virtual ~ReportSection() = default;
    virtual QString title() const = 0;
    // Draws below the section's heading, which the writer has drawn.
    virtual void render(ReportCanvas &canvas) const = 0;
};

} // namespace flowscope::report
