// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_pages.h"

#include <QPainter>
#include <QPdfWriter>

#include <cmath>

namespace flowscope::report {

PdfPages::PdfPages(QPdfWriter &writer)
    : m_writer(writer)
{
}

QSizeF PdfPages::pageSize() const
{
    return QSizeF(m_writer.width(), m_writer.height()); // the writer draws at 72 dots per inch
}

void PdfPages::newPage(QPainter &)
{
    m_writer.newPage();
}

ImagePages::ImagePages(QSizeF pagePoints, double dotsPerInch, int maxPages)
    : m_points(pagePoints)
    , m_scale(dotsPerInch / 72.0)
    , m_maxPages(maxPages)
{
}

QImage ImagePages::blankPage() const
{
    QImage image(QSize(int(std::ceil(m_points.width() * m_scale)), int(std::ceil(m_points.height() * m_scale))),
                 QImage::Format_RGB32);
    image.fill(Qt::white);
    // Fonts measured in points at 72 dots per inch, as on the PDF writer;
    // the painter's scale then makes the pixels.
    const int dotsPerMeter = int(std::lround(72.0 / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

void ImagePages::beginOn(QPainter &painter, QImage &image)
{
    painter.begin(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(m_scale, m_scale);
}

bool ImagePages::begin(QPainter &painter)
{
    m_pages.push_back(blankPage());
    beginOn(painter, m_pages.back());
    return painter.isActive();
}

void ImagePages::newPage(QPainter &painter)
{
    // A page carries no painter state to the next in a PDF either, but the
    // canvas may set a font or pen before it asks for a new page.
    const QFont font = painter.font();
    const QPen pen = painter.pen();
    const QBrush brush = painter.brush();
    painter.end();
    if (full())
        m_pages.back().fill(Qt::white); // the scratch page past the last one kept
    else
        m_pages.push_back(blankPage());
    beginOn(painter, m_pages.back());
    painter.setFont(font);
    painter.setPen(pen);
    painter.setBrush(brush);
}

std::vector<QImage> ImagePages::finish(QPainter &painter)
{
    if (painter.isActive())
        painter.end();
    if (full())
        m_pages.pop_back();
    return std::move(m_pages);
}

} // namespace flowscope::report
