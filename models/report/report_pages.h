// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The paper a report is drawn on, in points: the pages of a PDF, or images
// of the first pages for a preview, drawn by the same painter code so the
// preview is the document.

#include <QImage>
#include <QSizeF>

#include <vector>

class QPainter;
class QPdfWriter;

namespace flowscope::report {

class ReportPages {
public:
    virtual ~ReportPages() = default;
    virtual QSizeF pageSize() const = 0; // points
    // Ends the page drawn and starts the next one on `painter`.
    virtual void newPage(QPainter &painter) = 0;
};

class PdfPages final : public ReportPages {
public:
    explicit PdfPages(QPdfWriter &writer);
    QSizeF pageSize() const override;
    void newPage(QPainter &painter) override;

private:
    QPdfWriter &m_writer;
};

// Pages as images at `dotsPerInch`, white, drawn in points like the PDF.
// Past `maxPages` a page is drawn on a scratch image and dropped: the
// caller stops once full() (see PreviewFull).
class ImagePages final : public ReportPages {
public:
    ImagePages(QSizeF pagePoints, double dotsPerInch, int maxPages);
    QSizeF pageSize() const override { return m_points; }
    void newPage(QPainter &painter) override;

    // Begins `painter` on the first page.
    bool begin(QPainter &painter);
    // Ends the painter and returns the pages drawn.
    std::vector<QImage> finish(QPainter &painter);
    bool full() const { return int(m_pages.size()) > m_maxPages; }

private:
    QImage blankPage() const;
    void beginOn(QPainter &painter, QImage &image);

    QSizeF m_points;
    double m_scale;
    int m_maxPages;
    std::vector<QImage> m_pages;
};

} // namespace flowscope::report
