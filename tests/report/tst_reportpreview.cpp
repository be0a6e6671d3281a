// SPDX-License-Identifier: GPL-3.0-or-later
// The preview's two steps: the first pages come once the sections drawn on
// them are read, before the others; the progress names each section read;
// sections at hand are neither read again nor shown in two steps.

#include "report/report_preview.h"

#include "incident_case.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::report;

class TestReportPreview : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    ReportRequest requestOf(std::vector<ReportPart> *readOrder)
    {
        ReportRequest request;
        request.casePath = m_case;
        request.parts = allReportParts();
        request.options.caseName = QStringLiteral("c.flowcase");
        request.cache = std::make_shared<ReportSectionCache>();
        request.reader = [readOrder](CaseDb &caseDb, const CaseFilter &filter, ReportPart part, const ReportCancelled &cancelled) {
            readOrder->push_back(part);
            return std::move(caseReportSections(caseDb, filter, {part}, cancelled).front());
        };
        return request;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        test::makeSmallCase(m_case.toStdString());
    }

    void firstPagesComeBeforeTheOtherSections()
    {
        std::vector<ReportPart> read;
        const ReportRequest request = requestOf(&read);
        std::vector<SectionProgress> told;
        std::vector<std::size_t> readWhenShown;
        PreviewSteps steps;
        steps.progress = [&](const SectionProgress &progress) { told.push_back(progress); };
        steps.firstPages = [&](std::vector<QImage> pages) {
            QCOMPARE(int(pages.size()), 3);
            readWhenShown.push_back(read.size());
        };
        const std::vector<QImage> pages = buildReportPreview(request, 3, 20, {}, steps);
        QCOMPARE(int(pages.size()), 3);
        // The summary fills page 3: it alone was read when the first pages came.
        QCOMPARE(readWhenShown, std::vector<std::size_t>{1});
        QCOMPARE(read, allReportParts());
        // Before each read its part, after it the count.
        QVERIFY(!told.empty());
        QCOMPARE(told.front().total, 7);
        QCOMPARE(told.front().done, 0);
        std::vector<ReportPart> named;
        for (const SectionProgress &progress : told)
            if (progress.reading)
                named.push_back(*progress.reading);
        QCOMPARE(named, allReportParts());
        QCOMPARE(told.back().done, 7);
        QVERIFY(!told.back().reading);

        // Drawn again from the cache: nothing read, the pages in one step.
        read.clear();
        readWhenShown.clear();
        told.clear();
        const std::vector<QImage> again = buildReportPreview(request, 3, 20, {}, steps);
        QVERIFY(read.empty());
        QVERIFY(readWhenShown.empty());
        QCOMPARE(told.size(), std::size_t(1));
        QCOMPARE(told.front().total, 0);
        QCOMPARE(again.size(), pages.size());
        for (std::size_t i = 0; i < pages.size(); ++i)
            QCOMPARE(again[i], pages[i]);
    }

    // The first pages' contents give no page for a section not read yet;
    // once all are read the contents carry the numbers.
    void firstPagesDifferOnlyWhereNumbersAreMissing()
    {
        std::vector<ReportPart> read;
        const ReportRequest request = requestOf(&read);
        std::vector<QImage> first;
        PreviewSteps steps;
        steps.firstPages = [&](std::vector<QImage> pages) { first = std::move(pages); };
        const std::vector<QImage> pages = buildReportPreview(request, 3, 20, {}, steps);
        QCOMPARE(first.size(), pages.size());
        QVERIFY(first[1] != pages[1]); // the contents
    }

    void cancelStopsBeforeTheNextSection()
    {
        std::vector<ReportPart> read;
        const ReportRequest request = requestOf(&read);
        bool cancel = false;
        PreviewSteps steps;
        steps.firstPages = [&](std::vector<QImage>) { cancel = true; };
        QVERIFY_THROWS_EXCEPTION(ReportStopped, buildReportPreview(request, 3, 20, [&] { return cancel; }, steps));
        QCOMPARE(read, std::vector<ReportPart>{ReportPart::Summary});
        QCOMPARE(request.cache->sectionsRead(), 1);
    }
};

QTEST_MAIN(TestReportPreview)
#include "tst_reportpreview.moc"
