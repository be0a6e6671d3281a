// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf_report_writer.h"

#include "report_canvas.h"
#include "report_pages.h"
#include "report_text.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <optional>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PdfReportWriter", text);
}

QString titleOf(const ReportOptions &options)
{
    return options.title.isEmpty() ? tr("Incident report") : options.title;
}

void drawTitlePage(ReportCanvas &canvas, const ReportOptions &options, const QDateTime &exportedAt)
{
    canvas.space(canvas.body().height() * 0.18);
    QPainter &painter = canvas.painter();
    const QString title = visibleText(titleOf(options));
    const QFont titleFont = canvas.font(24, true);
    painter.setFont(titleFont);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const double height = painter.boundingRect(QRectF(0, 0, canvas.body().width(), 1e6), flags, title).height();
    painter.setPen(Qt::black);
    painter.drawText(canvas.reserve(height), flags, title);
    canvas.space(24);
    canvas.keyValues({{tr("Case"), options.caseName},
                      {tr("Analyst"), options.analyst.isEmpty() ? tr("(not named)") : options.analyst},
                      {tr("Exported"), exportedAt.toUTC().toString(Qt::ISODate)}});
    if (!options.freeText.isEmpty()) {
        canvas.space(12);
        canvas.paragraph(options.freeText);
    }
}

void drawContents(ReportCanvas &canvas, const std::vector<TocEntry> &entries)
{
    canvas.newPage();
    QPainter &painter = canvas.painter();
    const QFont heading = canvas.font(18, true);
    painter.setFont(heading);
    painter.setPen(Qt::black);
    painter.drawText(canvas.reserve(30), Qt::AlignLeft | Qt::AlignTop, tr("Contents"));
    canvas.space(10);
    const QFont entryFont = canvas.font(11);
    for (const TocEntry &entry : entries) {
        const QRectF line = canvas.reserve(20);
        painter.setFont(entryFont);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, visibleText(entry.title));
        if (entry.page > 0) // none yet for a section still being read
            painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(entry.page));
        painter.save();
        painter.setPen(QPen(Qt::lightGray, 0.5, Qt::DotLine));
        painter.drawLine(QPointF(line.left(), line.bottom() - 3), QPointF(line.right(), line.bottom() - 3));
        painter.restore();
    }
}

struct Pass {
    std::vector<TocEntry> toc;
    int pages = 0;
};

QPageSize pageSizeOf(const ReportOptions &options)
{
    return QPageSize(options.pageSize);
}

// The contents take one page: a report has a handful of sections. `stop`
// is asked before each section: true ends the drawing there.
Pass drawReport(ReportPages &pages, QPainter &painter, const ReportOptions &options, const ReportSections &sections,
                const std::vector<TocEntry> &toc, int totalPages, const QDateTime &exportedAt,
                const std::function<bool()> &stop)
{
    const QString footer = titleOf(options) + QStringLiteral(" · ") + options.caseName;
    ReportCanvas canvas(pages, painter, footer, totalPages);
    drawTitlePage(canvas, options, exportedAt);
    drawContents(canvas, toc.empty() ? std::vector<TocEntry>(sections.size()) : toc);
    for (const auto &section : sections) {
        if (stop && stop())
            break;
        canvas.sectionHeading(section->title());
        section->render(canvas);
    }
    canvas.finish();
    return {canvas.toc(), canvas.page()};
}

std::function<bool()> throwWhen(const ReportCancelled &cancelled)
{
    return [&cancelled] {
        if (cancelled && cancelled())
            throw ReportStopped();
        return false;
    };
}

// One pass onto a PDF; nullopt when the device could not be written.
std::optional<Pass> drawPdf(QIODevice &out, const ReportOptions &options, const ReportSections &sections,
                            const std::vector<TocEntry> &toc, int totalPages, const QDateTime &exportedAt,
                            const ReportCancelled &cancelled)
{
    QPdfWriter writer(&out);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(pageSizeOf(options), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(titleOf(options));
    writer.setCreator(QStringLiteral("Flowscope"));
    QPainter painter;
    if (!painter.begin(&writer))
        return std::nullopt;
    PdfPages pages(writer);
    Pass pass;
    try {
        pass = drawReport(pages, painter, options, sections, toc, totalPages, exportedAt, throwWhen(cancelled));
    } catch (...) {
        painter.end();
        throw;
    }
    if (!painter.end())
        return std::nullopt;
    return pass;
}

QDateTime exportTime(const ReportOptions &options)
{
    return options.exportedAt.isValid() ? options.exportedAt : QDateTime::currentDateTimeUtc();
}

} // namespace

bool writePdfReport(QIODevice &out, const ReportOptions &options, const ReportSections &sections,
                    const ReportCancelled &cancelled)
{
    const QDateTime exportedAt = exportTime(options);
    QBuffer counting;
    counting.open(QIODevice::WriteOnly);
    const auto first = drawPdf(counting, options, sections, {}, 0, exportedAt, cancelled);
    if (!first)
        return false;
    return drawPdf(out, options, sections, first->toc, first->pages, exportedAt, cancelled).has_value();
}

namespace {

// The images of the first pages, numbered after `first`, the counting pass.
std::vector<QImage> drawImages(const ReportOptions &options, const ReportSections &sections, const Pass &first,
                               int totalPages, int maxPages, double dotsPerInch, const QDateTime &exportedAt,
                               const ReportCancelled &cancelled)
{
    ImagePages pages(pageSizeOf(options).size(QPageSize::Point), dotsPerInch, maxPages);
    QPainter painter;
    if (!pages.begin(painter))
        return {};
    const auto throwing = throwWhen(cancelled);
    try {
        drawReport(pages, painter, options, sections, first.toc, totalPages, exportedAt,
                   [&] { return throwing() || pages.full(); });
    } catch (...) {
        pages.finish(painter);
        throw;
    }
    return pages.finish(painter);
}

} // namespace

std::vector<QImage> renderReportPages(const ReportOptions &options, const ReportSections &sections, int maxPages,
                                      double dotsPerInch, const ReportCancelled &cancelled)
{
    const QDateTime exportedAt = exportTime(options);
    // The contents and "Page N of M" need the whole document counted first.
    QBuffer counting;
    counting.open(QIODevice::WriteOnly);
    const auto first = drawPdf(counting, options, sections, {}, 0, exportedAt, cancelled);
    if (!first)
        return {};
    return drawImages(options, sections, *first, first->pages, maxPages, dotsPerInch, exportedAt, cancelled);
}

std::vector<QImage> renderFirstPages(const ReportOptions &options, const ReportSections &sections, std::size_t known,
                                     int maxPages, double dotsPerInch, const ReportCancelled &cancelled)
{
    const QDateTime exportedAt = exportTime(options);
    QBuffer counting;
    counting.open(QIODevice::WriteOnly);
    auto first = drawPdf(counting, options, sections, {}, 0, exportedAt, cancelled);
    if (!first)
        return {};
    for (std::size_t i = known; i < first->toc.size(); ++i)
        first->toc[i].page = 0;
    return drawImages(options, sections, *first, 0, maxPages, dotsPerInch, exportedAt, cancelled);
}

int countReportPages(const ReportOptions &options, const ReportSections &sections, const ReportCancelled &cancelled)
{
    QBuffer counting;
    counting.open(QIODevice::WriteOnly);
    const auto pass = drawPdf(counting, options, sections, {}, 0, exportTime(options), cancelled);
    return pass ? pass->pages : 0;
}

} // namespace flowscope::report
