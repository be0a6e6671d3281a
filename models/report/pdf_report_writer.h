// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a report as PDF: a title page, the table of contents, then the
// sections in their order, every page numbered "Page N of M". Drawn twice:
// the first pass finds each section's page for the contents and the number
// of pages, the second writes the file. Fonts are embedded (QPdfWriter
// embeds the subsets it uses).

#include "report_options.h"
#include "report_section.h"

#include <QImage>

#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

class QIODevice;

namespace flowscope::report {

using ReportSections = std::vector<std::unique_ptr<ReportSection>>;

// Asked before each section is made or drawn: true stops with ReportStopped.
using ReportCancelled = std::function<bool()>;
class ReportStopped : public std::runtime_error {
public:
    ReportStopped()
        : std::runtime_error("the report was cancelled")
    {
    }
};

// False when the device could not be written.
bool writePdfReport(QIODevice &out, const ReportOptions &options, const ReportSections &sections,
                    const ReportCancelled &cancelled = {});

// The report's first `maxPages` pages as images at `dotsPerInch`, drawn by
// the same code as the PDF (a preview of the document, numbers and contents
// included).
std::vector<QImage> renderReportPages(const ReportOptions &options, const ReportSections &sections, int maxPages,
                                      double dotsPerInch, const ReportCancelled &cancelled = {});

// The same first pages before every section is read: the sections from
// `known` on stand in for sections still being read (their titles only), so
// the contents gives them no page number and the footers give no total.
std::vector<QImage> renderFirstPages(const ReportOptions &options, const ReportSections &sections, std::size_t known,
                                     int maxPages, double dotsPerInch, const ReportCancelled &cancelled = {});

// The pages the report takes, title page and contents included.
int countReportPages(const ReportOptions &options, const ReportSections &sections, const ReportCancelled &cancelled = {});

} // namespace flowscope::report
