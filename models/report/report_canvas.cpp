// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_canvas.h"

#include "report_pages.h"
#include "report_text.h"
#include "table_layout.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace flowscope::report {

namespace {

// Points: the writer draws at 72 dots per inch.
constexpr double kMargin = 54;
constexpr double kFooterHeight = 24;
constexpr double kCellPadding = 3;
constexpr int kParagraphFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
// Cells are broken into lines by wrapCell (tokens whole), drawn as they are.
constexpr int kCellFlags = Qt::AlignLeft | Qt::AlignTop;
constexpr int kMeasureFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine;
constexpr double kSubheadingSpace = 6 + 4;

} // namespace

ReportCanvas::ReportCanvas(ReportPages &pages, QPainter &painter, const QString &footer, int totalPages)
    : m_pages(pages)
    , m_painter(painter)
    , m_footer(footer)
    , m_totalPages(totalPages)
{
    const QRectF page(QPointF(0, 0), pages.pageSize());
    m_body = page.adjusted(kMargin, kMargin, -kMargin, -kMargin - kFooterHeight);
    m_y = m_body.top();
}

QFont ReportCanvas::font(double points, bool bold, bool italic) const
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setItalic(italic);
    // No shaping for scripts that need none, so no ligatures: text copied
    // from the report (and pdftotext) reads "fl", not the one glyph "ﬂ".
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

void ReportCanvas::drawFooter()
{
    m_painter.save();
    m_painter.setFont(font(8));
    m_painter.setPen(Qt::darkGray);
    const QRectF footer(m_body.left(), m_body.bottom() + kFooterHeight / 2, m_body.width(), kFooterHeight / 2);
    m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, visibleText(m_footer));
    const QString number = m_totalPages > 0
        ? QCoreApplication::translate("ReportCanvas", "Page %1 of %2").arg(m_page).arg(m_totalPages)
        : QCoreApplication::translate("ReportCanvas", "Page %1").arg(m_page);
    m_painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, number);
    m_painter.restore();
}

void ReportCanvas::newPage()
{
    drawFooter();
    m_pages.newPage(m_painter);
    ++m_page;
    m_y = m_body.top();
    m_pageUsed = false;
}

void ReportCanvas::finish()
{
    drawFooter();
}

double ReportCanvas::textHeight(const QString &text, const QFont &font, double width, int flags) const
{
    m_painter.setFont(font);
    return m_painter.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height();
}

void ReportCanvas::space(double height)
{
    m_y = std::min(m_y + height, m_body.bottom());
}

QRectF ReportCanvas::reserve(double height)
{
    height = std::min(height, m_body.height());
    if (m_pageUsed && remaining() < height)
        newPage();
    const QRectF room(m_body.left(), m_y, m_body.width(), height);
    m_y += height;
    m_pageUsed = true;
    return room;
}

void ReportCanvas::sectionHeading(const QString &written)
{
    const QString title = visibleText(written);
    if (m_pageUsed)
        newPage();
    m_toc.push_back({title, m_page});
    const QFont heading = font(18, true);
    const double height = textHeight(title, heading, m_body.width(), kParagraphFlags);
    const QRectF room = reserve(height);
    m_painter.setFont(heading);
    m_painter.setPen(Qt::black);
    m_painter.drawText(room, kParagraphFlags, title);
    space(12);
}

void ReportCanvas::subheading(const QString &written)
{
    const QString text = visibleText(written);
    const QFont heading = font(12, true);
    const double height = textHeight(text, heading, m_body.width(), kParagraphFlags);
    // A heading keeps some of what follows on its page.
    if (m_pageUsed && remaining() < height + 60)
        newPage();
    space(6);
    const QRectF room = reserve(height);
    m_painter.setFont(heading);
    m_painter.setPen(Qt::black);
    m_painter.drawText(room, kParagraphFlags, text);
    space(4);
}

void ReportCanvas::paragraph(const QString &text, bool small, bool italic)
{
    const QFont body = font(small ? 8.5 : 10, false, italic);
    // Line by line, so that a long text runs onto the next page.
    for (const QString &line : visibleText(text).split(QLatin1Char('\n'))) {
        const QString shown = line.isEmpty() ? QStringLiteral(" ") : line;
        const double height = textHeight(shown, body, m_body.width(), kParagraphFlags);
        const QRectF room = reserve(height);
        m_painter.setFont(body);
        m_painter.setPen(Qt::black);
        m_painter.drawText(room, kParagraphFlags, shown);
    }
    space(6);
}

ReportTable ReportCanvas::keyValueTable(const std::vector<std::pair<QString, QString>> &pairs)
{
    ReportTable rows;
    for (const auto &[key, value] : pairs)
        rows.rows.push_back({key, value});
    return rows;
}

void ReportCanvas::keyValues(const std::vector<std::pair<QString, QString>> &pairs)
{
    table(keyValueTable(pairs));
}

double ReportCanvas::subheadingHeight(const QString &text) const
{
    return textHeight(visibleText(text), font(12, true), m_body.width(), kParagraphFlags) + kSubheadingSpace;
}

void ReportCanvas::keepTogether(double height)
{
    if (m_pageUsed && remaining() < height)
        newPage();
}

double ReportCanvas::textWidth(const QString &text, const QFont &font) const
{
    m_painter.setFont(font);
    return m_painter.boundingRect(QRectF(0, 0, 1e6, 1e6), kMeasureFlags, text).width();
}

// Every cell measured, header included, with the padding either side.
std::vector<double> ReportCanvas::columnWidthsOf(const ReportTable &table) const
{
    std::size_t columns = std::size_t(table.headers.size());
    for (const QStringList &row : table.rows)
        columns = std::max(columns, std::size_t(row.size()));
    std::vector<ColumnExtent> extents(columns);
    const auto measureRow = [&](const QStringList &cells, const QFont &font) {
        const MeasureText measure = [&](const QString &text) { return textWidth(text, font); };
        for (int i = 0; i < cells.size(); ++i)
            extents[std::size_t(i)] = widest(extents[std::size_t(i)], measureCell(visibleText(cells[i]), measure));
    };
    measureRow(table.headers, font(table.fontPoints, true));
    const QFont cellFont = font(table.fontPoints);
    for (const QStringList &row : table.rows)
        measureRow(row, cellFont);
    for (ColumnExtent &extent : extents) {
        // A little slack: the PDF and the preview measure with different hinting.
        const double padding = 2 * kCellPadding + 1;
        extent = {extent.token + padding, extent.piece + padding, extent.fragment + padding, extent.line + padding};
    }
    return columnWidths(extents, m_body.width());
}

QString ReportCanvas::cellText(const QString &cell, double width, const QFont &font) const
{
    const MeasureText measure = [&](const QString &text) { return textWidth(text, font); };
    return wrapCell(visibleText(cell), width - 2 * kCellPadding, measure).join(QLatin1Char('\n'));
}

double ReportCanvas::tableRowHeight(const QStringList &cells, const std::vector<double> &w, const QFont &font) const
{
    double height = 0;
    for (int i = 0; i < cells.size() && i < int(w.size()); ++i) {
        const QString text = cellText(cells[i], w[std::size_t(i)], font);
        height = std::max(height, textHeight(text.isEmpty() ? QStringLiteral(" ") : text, font, 1e6, kCellFlags));
    }
    return height + 2 * kCellPadding;
}

double ReportCanvas::tableHeight(const ReportTable &table, std::size_t rows) const
{
    const std::vector<double> w = columnWidthsOf(table);
    double height = table.headers.isEmpty() ? 0 : tableRowHeight(table.headers, w, font(table.fontPoints, true));
    const QFont cellFont = font(table.fontPoints);
    for (std::size_t i = 0; i < rows && i < table.rows.size(); ++i)
        height += tableRowHeight(table.rows[i], w, cellFont);
    return height;
}

double ReportCanvas::drawTableRow(const QStringList &cells, const std::vector<double> &x, const std::vector<double> &w,
                                  const QFont &font, bool header, const QList<int> &numeric)
{
    const double height = std::min(tableRowHeight(cells, w, font), m_body.height());
    const QRectF row(m_body.left(), m_y, m_body.width(), height);
    m_painter.save();
    if (header)
        m_painter.fillRect(row, QColor(0xe4, 0xe8, 0xee));
    m_painter.setPen(QPen(QColor(0xb0, 0xb6, 0xc0), 0.5));
    m_painter.drawLine(row.bottomLeft(), row.bottomRight());
    m_painter.setPen(Qt::black);
    for (int i = 0; i < cells.size() && i < int(w.size()); ++i) {
        const std::size_t c = std::size_t(i);
        const QRectF cell(x[c] + kCellPadding, m_y + kCellPadding, w[c] - 2 * kCellPadding, height - 2 * kCellPadding);
        const QString text = cellText(cells[i], w[c], font);
        m_painter.setFont(font);
        const int align = numeric.contains(i) ? (Qt::AlignRight | Qt::AlignTop) : kCellFlags;
        m_painter.drawText(cell, align, text);
    }
    m_painter.restore();
    m_y += height;
    m_pageUsed = true;
    return height;
}

void ReportCanvas::table(const ReportTable &table)
{
    const std::vector<double> w = columnWidthsOf(table);
    if (w.empty())
        return;
    std::vector<double> x;
    double left = m_body.left();
    for (const double width : w) {
        x.push_back(left);
        left += width;
    }
    const QFont headerFont = font(table.fontPoints, true);
    const QFont cellFont = font(table.fontPoints);
    const bool hasHeader = !table.headers.isEmpty();
    const double headerHeight = hasHeader ? tableRowHeight(table.headers, w, headerFont) : 0;

    auto startPage = [&](double firstRow) {
        if (m_pageUsed && remaining() < headerHeight + firstRow)
            newPage();
        if (hasHeader)
            drawTableRow(table.headers, x, w, headerFont, true, table.numericColumns);
    };
    startPage(table.rows.empty() ? 0 : tableRowHeight(table.rows.front(), w, cellFont));
    for (const QStringList &row : table.rows) {
        const double height = tableRowHeight(row, w, cellFont);
        if (remaining() < height) {
            newPage();
            startPage(height);
        }
        drawTableRow(row, x, w, cellFont, false, table.numericColumns);
    }
    space(10);
}

} // namespace flowscope::report
