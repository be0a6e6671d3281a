// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_preview.h"

#include <QCoreApplication>

namespace flowscope::report {

namespace {

// Drawn as its heading alone, in place of a section still being read.
class PendingSection final : public ReportSection {
public:
    explicit PendingSection(ReportPart part)
        : m_part(part)
    {
    }
    QString title() const override { return reportPartTitle(m_part); }
    void render(ReportCanvas &) const override {}

private:
    ReportPart m_part;
};

} // namespace

// The sections' own titles, in their own translation contexts.
QString reportPartTitle(ReportPart part)
{
    switch (part) {
    case ReportPart::Summary:
        return QCoreApplication::translate("SummarySection", "Summary");
    case ReportPart::Timeline:
        return QCoreApplication::translate("TimelineSection", "Timeline");
    case ReportPart::Graph:
        return QCoreApplication::translate("GraphSection", "Network interfaces graph");
    case ReportPart::Findings:
        return QCoreApplication::translate("FindingsSection", "Findings");
    case ReportPart::Rejects:
        return QCoreApplication::translate("RejectsSection", "Reject explanations");
    case ReportPart::Incident:
        return QCoreApplication::translate("IncidentSection", "Incident timeline");
    case ReportPart::Sources:
        return QCoreApplication::translate("SourcesSection", "Appendix: source files");
    }
    return {};
}

std::vector<QImage> buildReportPreview(const ReportRequest &request, int maxPages, double dotsPerInch,
                                       const ReportCancelled &cancelled, const PreviewSteps &steps)
{
    SectionReads reads(request, cancelled, steps.progress);
    const std::size_t parts = request.parts.size();
    bool allAtHand = true;
    for (std::size_t i = 0; i < parts; ++i)
        allAtHand = allAtHand && reads.isRead(i);
    if (!allAtHand && steps.firstPages) {
        // Every section starts on a page of its own after the title page and
        // the contents: read sections in order until those read fill the
        // first pages, and show them before the rest is read.
        std::vector<std::shared_ptr<const ReportSection>> known;
        while (known.size() < parts) {
            known.push_back(reads.at(known.size()));
            if (countReportPages(request.options, sharedSections(known), cancelled) >= maxPages)
                break;
        }
        bool restAtHand = true;
        for (std::size_t i = known.size(); i < parts; ++i)
            restAtHand = restAtHand && reads.isRead(i);
        if (!restAtHand) {
            ReportSections drawn = sharedSections(known);
            for (std::size_t i = known.size(); i < parts; ++i)
                drawn.push_back(std::make_unique<PendingSection>(request.parts[i]));
            steps.firstPages(renderFirstPages(request.options, drawn, known.size(), maxPages, dotsPerInch, cancelled));
        }
    }
    const ReportSections sections = reads.all();
    return renderReportPages(request.options, sections, maxPages, dotsPerInch, cancelled);
}

} // namespace flowscope::report
