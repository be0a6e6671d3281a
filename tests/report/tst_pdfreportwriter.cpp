// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF writer, read back with poppler-utils: the title page, contents
// with the pages sections start on, page sizes, embedded fonts, a table
// longer than a page repeating its header, hostile text drawn as written.

#include "pdf_text.h"

#include "report/pdf_report_writer.h"
#include "report/report_canvas.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace flowscope::report;

namespace {

class TextSection : public ReportSection {
public:
    TextSection(QString title, QString text)
        : m_title(std::move(title))
        , m_text(std::move(text))
    {
    }
    QString title() const override { return m_title; }
    void render(ReportCanvas &canvas) const override { canvas.paragraph(m_text); }

private:
    QString m_title, m_text;
};

class TableSection : public ReportSection {
public:
    TableSection(QString title, ReportTable table)
        : m_title(std::move(title))
        , m_table(std::move(table))
    {
    }
    QString title() const override { return m_title; }
    void render(ReportCanvas &canvas) const override { canvas.table(m_table); }

private:
    QString m_title;
    ReportTable m_table;
};

ReportTable longTable(int rows)
{
    ReportTable table;
    table.headers = {QStringLiteral("Column Alpha"), QStringLiteral("Column Beta")};
    for (int i = 0; i < rows; ++i)
        table.rows.push_back({QStringLiteral("row-%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("value %1").arg(i * 7)});
    return table;
}

// Text as pdftotext gives it, its line breaks and runs of spaces made one space.
QString flat(const QString &text)
{
    return text.simplified();
}

} // namespace

class TestPdfReportWriter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const ReportOptions &options, const ReportSections &sections)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !writePdfReport(file, options, sections))
            return {};
        return path;
    }

private Q_SLOTS:
    void pageSizes_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<QSizeF>("points");
        QTest::newRow("A4") << int(QPageSize::A4) << QPageSize(QPageSize::A4).size(QPageSize::Point);
        QTest::newRow("Letter") << int(QPageSize::Letter) << QPageSize(QPageSize::Letter).size(QPageSize::Point);
    }

    void pageSizes()
    {
        QFETCH(int, pageSize);
        QFETCH(QSizeF, points);
        ReportOptions options;
        options.pageSize = QPageSize::PageSizeId(pageSize);
        ReportSections sections;
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("Notes"), QStringLiteral("Some words.")));
        const QString path = write(QStringLiteral("size-%1.pdf").arg(pageSize), options, sections);
        QVERIFY(!path.isEmpty());
        const QSizeF size = flowscope::test::pdfPageSize(path);
        QVERIFY2(std::abs(size.width() - points.width()) < 1 && std::abs(size.height() - points.height()) < 1,
                 qPrintable(QStringLiteral("%1 x %2").arg(size.width()).arg(size.height())));
    }

    void titlePageContentsAndNumbers()
    {
        ReportOptions options;
        options.title = QStringLiteral("Breach of the payments VPC");
        options.caseName = QStringLiteral("payments.flowcase");
        options.analyst = QStringLiteral("R. Ferreira");
        options.freeText = QStringLiteral("First line of the brief.\nSecond line.");
        options.exportedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
        ReportSections sections;
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("First part"), QStringLiteral("Words of the first.")));
        sections.push_back(std::make_unique<TableSection>(QStringLiteral("Long table"), longTable(160)));
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("Last part"), QStringLiteral("Words of the last.")));
        const QString path = write(QStringLiteral("contents.pdf"), options, sections);
        QVERIFY(!path.isEmpty());
        const QStringList pages = flowscope::test::pdfPages(path);
        QVERIFY(pages.size() >= 5);

        const QString title = flat(pages[0]);
        for (const QString &expected : {options.title, options.caseName, options.analyst, QStringLiteral("First line of the brief."),
                                        QStringLiteral("Second line."), QStringLiteral("2026-03-04T05:06:07Z")})
            QVERIFY2(title.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + title));

        // The contents give each section's page; the section's heading is there.
        const QString contents = flat(pages[1]);
        QVERIFY(contents.contains(QStringLiteral("Contents")));
        for (const QString &section : {QStringLiteral("First part"), QStringLiteral("Long table"), QStringLiteral("Last part")}) {
            const auto match = QRegularExpression(QRegularExpression::escape(section) + QStringLiteral(" \\.* ?(\\d+)")).match(contents);
            QVERIFY2(match.hasMatch(), qPrintable(section + QStringLiteral(" not in: ") + contents));
            const int page = match.captured(1).toInt();
            QVERIFY(page >= 3 && page <= pages.size());
            QVERIFY2(flat(pages[page - 1]).startsWith(section), qPrintable(pages[page - 1].left(200)));
        }
        // Every page is numbered out of the total.
        for (int i = 0; i < pages.size(); ++i)
            QVERIFY2(flat(pages[i]).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())), qPrintable(pages[i]));
    }

    void longTableRepeatsItsHeader()
    {
        const int rows = 160;
        ReportSections sections;
        sections.push_back(std::make_unique<TableSection>(QStringLiteral("Long table"), longTable(rows)));
        const QString path = write(QStringLiteral("table.pdf"), {}, sections);
        QVERIFY(!path.isEmpty());
        int pagesWithRows = 0;
        int rowsSeen = 0;
        const QRegularExpression row(QStringLiteral("row-\\d{4}"));
        for (const QString &page : flowscope::test::pdfPages(path)) {
            const int here = int(page.count(row));
            if (here == 0)
                continue;
            ++pagesWithRows;
            rowsSeen += here;
            QVERIFY2(page.contains(QStringLiteral("Column Alpha")) && page.contains(QStringLiteral("Column Beta")),
                     qPrintable(page.left(300)));
            QVERIFY(page.indexOf(QStringLiteral("Column Alpha")) < page.indexOf(row));
        }
        QVERIFY(pagesWithRows > 1);
        QCOMPARE(rowsSeen, rows);
    }

    void previewPagesAreTheDocumentsPages_data()
    {
        QTest::addColumn<int>("maxPages");
        QTest::newRow("first two") << 2;
        QTest::newRow("all") << 100;
    }

    void previewPagesAreTheDocumentsPages()
    {
        QFETCH(int, maxPages);
        ReportSections sections;
        sections.push_back(std::make_unique<TableSection>(QStringLiteral("Long table"), longTable(160)));
        ReportOptions options;
        options.pageSize = QPageSize::Letter;
        const QString path = write(QStringLiteral("preview.pdf"), options, sections);
        const int documentPages = int(flowscope::test::pdfPages(path).size());
        QVERIFY(documentPages > 3);
        const double dotsPerInch = 30;
        const std::vector<QImage> pages = renderReportPages(options, sections, maxPages, dotsPerInch);
        QCOMPARE(int(pages.size()), std::min(maxPages, documentPages));
        const QSizeF points = QPageSize(QPageSize::Letter).size(QPageSize::Point);
        for (const QImage &page : pages) {
            QCOMPARE(page.width(), int(std::ceil(points.width() * dotsPerInch / 72)));
            QCOMPARE(page.height(), int(std::ceil(points.height() * dotsPerInch / 72)));
        }
    }

    void cancelStopsTheReport()
    {
        ReportSections sections;
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("One"), QStringLiteral("first")));
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("Two"), QStringLiteral("second")));
        int asked = 0;
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        // Asked before each section: the second question stops it.
        QVERIFY_THROWS_EXCEPTION(ReportStopped, writePdfReport(out, {}, sections, [&] { return ++asked > 1; }));
        QCOMPARE(asked, 2);
        asked = 0;
        QVERIFY_THROWS_EXCEPTION(ReportStopped, renderReportPages({}, sections, 3, 20, [&] { return ++asked > 1; }));
    }

    void fontsAreEmbedded()
    {
        ReportSections sections;
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("Notes"), QStringLiteral("Some words.")));
        const QString path = write(QStringLiteral("fonts.pdf"), {}, sections);
        QVERIFY(!path.isEmpty());
        bool ok = false;
        const QStringList missing = flowscope::test::pdfFontsNotEmbedded(path, &ok);
        QVERIFY(ok);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    }

    void hostileTextIsDrawnAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("markup") << QStringLiteral("<b>bold?</b> <img src=x>") << QStringLiteral("<b>bold?</b> <img src=x>");
        QTest::newRow("formula") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("=cmd|' /C calc'!A0");
        QTest::newRow("entity") << QStringLiteral("&lt;script&gt; & &amp;") << QStringLiteral("&lt;script&gt; & &amp;");
        QTest::newRow("right-to-left mark") << QStringLiteral("invoice\u200Fpdf") << QStringLiteral("invoice[U+200F]pdf");
        QTest::newRow("right-to-left override")
            << QStringLiteral("report\u202Etxt.exe") << QStringLiteral("report[U+202E]txt.exe");
    }

    void hostileTextIsDrawnAsWritten()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        ReportOptions options;
        options.analyst = text;
        options.freeText = text;
        ReportSections sections;
        sections.push_back(std::make_unique<TextSection>(QStringLiteral("Notes"), text));
        ReportTable table;
        table.headers = {QStringLiteral("Note")};
        table.rows.push_back({text});
        sections.push_back(std::make_unique<TableSection>(QStringLiteral("Table"), table));
        const QString path = write(QStringLiteral("hostile-%1.pdf").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')),
                                   options, sections);
        QVERIFY(!path.isEmpty());
        const QStringList pages = flowscope::test::pdfPages(path);
        QVERIFY(pages.size() >= 4);
        // Title page: analyst and free text; then the section's paragraph and its table cell.
        QCOMPARE(pages[0].count(shown), 2);
        QCOMPARE(pages[2].count(shown), 1);
        QCOMPARE(pages[3].count(shown), 1);
    }
};

QTEST_MAIN(TestPdfReportWriter)
#include "tst_pdfreportwriter.moc"
