// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dialog's preview of a report's first pages, in two steps on a 10M
// record case: the title page, the contents and the first section's page
// need only the sections they draw, so those are read first and the pages
// shown (the contents without page numbers, the footers without the total);
// the other sections are then read for the numbers and the pages drawn
// again, as the document will be.

#include "report_export_job.h"
#include "section_reads.h"

#include <QImage>

#include <functional>
#include <vector>

namespace flowscope::report {

struct PreviewSteps {
    SectionProgressFn progress; // told before and after each section read from the case
    // The first pages while other sections are still to read; not told when
    // every section was at hand or the first pages need them all.
    std::function<void(std::vector<QImage> pages)> firstPages;
};

// On the calling thread (the preview job's body, and tests). Throws
// ReportStopped when cancelled, std::runtime_error for a bad filter or case.
std::vector<QImage> buildReportPreview(const ReportRequest &request, int maxPages, double dotsPerInch,
                                       const ReportCancelled &cancelled, const PreviewSteps &steps = {});

// The title the part's section is drawn under, known before it is read.
QString reportPartTitle(ReportPart part);

} // namespace flowscope::report
