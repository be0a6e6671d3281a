// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The running page of a report: text flows down the page body and onto new
// pages, tables break across pages with their header repeated, and every
// page gets its footer with its number. Text is drawn with QPainter::drawText,
// so whatever it holds (tags, formulas, direction marks) shows as written.

#include "report_table.h"

#include <QFont>
#include <QRectF>
#include <QString>

#include <utility>
#include <vector>

class QPainter;

namespace flowscope::report {

class ReportPages;

struct TocEntry {
    QString title;
    int page = 0;
};

class ReportCanvas {
public:
    // totalPages: 0 while counting (the footer then says only "Page N").
    ReportCanvas(ReportPages &pages, QPainter &painter, const QString &footer, int totalPages);

    int page() const { return m_page; }
    QRectF body() const { return m_body; }
    QPainter &painter() { return m_painter; }

    void newPage();
    void finish(); // the last page's footer
    // A section's heading, listed in the table of contents; always on a new page.
    void sectionHeading(const QString &title);
    void subheading(const QString &text);
    void paragraph(const QString &text, bool small = false, bool italic = false);
    void keyValues(const std::vector<std::pair<QString, QString>> &pairs);
    void table(const ReportTable &table);
    // What keyValues() draws, as a table to measure.
    static ReportTable keyValueTable(const std::vector<std::pair<QString, QString>> &pairs);

    // Heights as drawn, to keep parts together: a subheading with its
    // spacing, a table's header and first `rows` rows.
    double subheadingHeight(const QString &text) const;
    double tableHeight(const ReportTable &table, std::size_t rows) const;
    // A new page unless `height` fits on this one (a new page holds what it can).
    void keepTogether(double height);
    // Room for a drawing: on a new page when this one has not that much left.
    QRectF reserve(double height);
    void space(double height);

    const std::vector<TocEntry> &toc() const { return m_toc; }

    QFont font(double points, bool bold = false, bool italic = false) const;

private:
    double remaining() const { return m_body.bottom() - m_y; }
    double textHeight(const QString &text, const QFont &font, double width, int flags) const;
    void drawFooter();
    double textWidth(const QString &text, const QFont &font) const;
    std::vector<double> columnWidthsOf(const ReportTable &table) const;
    double drawTableRow(const QStringList &cells, const std::vector<double> &x, const std::vector<double> &w,
                        const QFont &font, bool header, const QList<int> &numeric);
    double tableRowHeight(const QStringList &cells, const std::vector<double> &w, const QFont &font) const;
    QString cellText(const QString &cell, double width, const QFont &font) const;

    ReportPages &m_pages;
    QPainter &m_painter;
    QString m_footer;
    int m_totalPages;
    int m_page = 1;
    QRectF m_body;
    double m_y = 0;
    bool m_pageUsed = false;
    std::vector<TocEntry> m_toc;
};

} // namespace flowscope::report
