// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a report as PDF: a title page, the table of contents, then the
// sections in their order, every page numbered "Page N of M". Drawn twice:
// the first pass finds each section's page for the contents and the number
// of pages, the second writes the file. Fonts are embedded (QPdfWriter
// embeds the subsets it uses).

#include "report_options.h"
#include "report_section.h"

#include <memory>
#include <vector>

class QIODevice;

namespace flowscope::report {

using ReportSections = std::vector<std::unique_ptr<ReportSection>>;

// False when the device could not be written.
bool writePdfReport(QIODevice &out, const ReportOptions &options, const ReportSections &sections);

} // namespace flowscope::report
