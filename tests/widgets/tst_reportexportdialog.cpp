// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export > Incident Report (PDF): the sections ticked and the title
// page's words reach the document (read back with pdftotext), the preview
// shows the first pages on the paper chosen and says which section it reads
// meanwhile, a newer preview or closing the dialog stops a preview's read,
// and a cancelled export leaves no file, partial or complete.

#include "export/report_export_dialog.h"

#include "incident/note.h"
#include "store/case_db.h"
#include "tasks/work_pools.h"

#include "incident_case.h"
#include "pdf_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QThreadPool>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace flowscope;
using report::ReportPart;

namespace {

const QStringList kSectionTitles{"Summary", "Timeline", "Network interfaces graph", "Findings", "Reject explanations",
                                 "Incident timeline", "Appendix: source files"};

QString titleOf(ReportPart part)
{
    return kSectionTitles.at(int(part));
}

// Reads the case's sections, but holds the read of one part until release()
// or until that read is cancelled (then it stops as an interrupted read does).
class HeldRead {
public:
    explicit HeldRead(ReportPart held)
        : m_held(held)
    {
    }
    static report::SectionReader readerOf(const std::shared_ptr<HeldRead> &held)
    {
        return [held](CaseDb &caseDb, const CaseFilter &filter, ReportPart part, const report::ReportCancelled &cancelled) {
            if (part == held->m_held)
                held->hold(cancelled);
            return std::move(report::caseReportSections(caseDb, filter, {part}, cancelled).front());
        };
    }
    void release()
    {
        const std::lock_guard lock(m_mutex);
        m_released = true;
        m_wake.notify_all();
    }
    int waiting() const
    {
        const std::lock_guard lock(m_mutex);
        return m_waiting;
    }
    int cancelledReads() const
    {
        const std::lock_guard lock(m_mutex);
        return m_cancelled;
    }

private:
    void hold(const report::ReportCancelled &cancelled)
    {
        std::unique_lock lock(m_mutex);
        ++m_waiting;
        // Woken by release(); the cancel is a flag to look at, not a signal.
        while (!m_released && !cancelled())
            m_wake.wait_for(lock, std::chrono::milliseconds(5));
        --m_waiting;
        if (!m_released) {
            ++m_cancelled;
            throw report::ReportStopped();
        }
    }

    const ReportPart m_held;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_released = false;
    int m_waiting = 0;
    int m_cancelled = 0;
};

} // namespace

class TestReportExportDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    void choose(ReportExportDialog &dialog, const QList<int> &parts)
    {
        for (const ReportPart part : report::allReportParts())
            dialog.sectionBox(part)->setChecked(parts.contains(int(part)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        const auto ids = test::makeSmallCase(m_case.toStdString());
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadWrite);
        incident::Notes(*caseDb).add(ids[0], "first hop <b>seen</b>", "j.okafor");
    }

    void sectionsChosenReachTheDocument_data()
    {
        QTest::addColumn<QList<int>>("parts");
        QTest::newRow("summary") << QList<int>{int(ReportPart::Summary)};
        QTest::newRow("incident and appendix") << QList<int>{int(ReportPart::Incident), int(ReportPart::Sources)};
        QTest::newRow("findings, rejects, graph")
            << QList<int>{int(ReportPart::Graph), int(ReportPart::Findings), int(ReportPart::Rejects)};
    }

    void sectionsChosenReachTheDocument()
    {
        QFETCH(QList<int>, parts);
        ReportExportDialog dialog(m_case, QString());
        choose(dialog, parts);
        dialog.titleEdit()->setText(QStringLiteral("Ticket 4711"));
        dialog.analystEdit()->setText(QStringLiteral("A. Lind"));
        dialog.freeTextEdit()->setPlainText(QStringLiteral("=cmd|' /C calc'!A0 stays text"));
        const QString out = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))
                                           + QStringLiteral(".pdf"));
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.exportTo(out);
        QVERIFY(dialog.isExporting());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(!dialog.isExporting());
        const QStringList pages = test::pdfPages(out);
        QVERIFY(!pages.isEmpty());
        QVERIFY(pages[0].contains(QStringLiteral("Ticket 4711")));
        QVERIFY(pages[0].contains(QStringLiteral("A. Lind")));
        QVERIFY(pages[0].contains(QStringLiteral("=cmd|' /C calc'!A0 stays text")));
        // The contents page lists exactly the sections ticked.
        const QString contents = pages.value(1);
        for (const ReportPart part : report::allReportParts())
            QVERIFY2(contents.contains(titleOf(part)) == parts.contains(int(part)), qPrintable(titleOf(part) + contents));
    }

    void previewShowsTheFirstPages_data()
    {
        QTest::addColumn<int>("paper");
        QTest::newRow("a4") << 0;
        QTest::newRow("letter") << 1;
    }

    void previewShowsTheFirstPages()
    {
        QFETCH(int, paper);
        ReportExportDialog dialog(m_case, QStringLiteral("dstport == 443"));
        QSignalSpy ready(&dialog, &ReportExportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        ready.clear();
        dialog.paperBox()->setCurrentIndex(paper);
        if (paper != 0)
            QVERIFY(ready.wait(60000));
        const auto &pages = dialog.previewPages();
        QCOMPARE(int(pages.size()), 3);
        const QSizeF points = QPageSize(QPageSize::PageSizeId(dialog.paperBox()->currentData().toInt())).size(QPageSize::Point);
        for (const QImage &page : pages) {
            QVERIFY(std::abs(double(page.height()) / page.width() - points.height() / points.width()) < 0.01);
            // Something is drawn: not every pixel is the paper's white.
            bool drawn = false;
            for (int y = 0; y < page.height() && !drawn; y += 2)
                for (int x = 0; x < page.width() && !drawn; ++x)
                    drawn = page.pixel(x, y) != qRgb(255, 255, 255);
            QVERIFY(drawn);
        }
    }

    void previewFollowsTheSections()
    {
        ReportExportDialog dialog(m_case, QString());
        QSignalSpy ready(&dialog, &ReportExportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        // Only the summary: title page, contents and one page of summary at most.
        choose(dialog, {int(ReportPart::Summary)});
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 2 && dialog.previewPages().size() <= 3, 60000);
        const std::size_t summaryOnly = dialog.previewPages().size();
        choose(dialog, {});
        QTRY_VERIFY_WITH_TIMEOUT(dialog.previewPages().size() == 2, 60000); // title page and contents
        QVERIFY(summaryOnly > 2);
    }

    // Ticking boxes, typing and changing the paper redraw without reading
    // the case again; the export uses the sections the preview read.
    void sectionsAreReadOnce()
    {
        ReportExportDialog dialog(m_case, QString());
        QSignalSpy ready(&dialog, &ReportExportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        const int parts = int(report::allReportParts().size());
        QCOMPARE(dialog.sectionsRead(), parts);
        choose(dialog, {int(ReportPart::Summary)});
        dialog.paperBox()->setCurrentIndex(1);
        dialog.titleEdit()->setText(QStringLiteral("Again"));
        choose(dialog, {int(ReportPart::Summary), int(ReportPart::Incident)});
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 2 && dialog.previewPages().size() == 3, 60000);
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        const QString out = m_dir.filePath(QStringLiteral("once.pdf"));
        dialog.exportTo(out);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(test::pdfPages(out).join(QLatin1Char('\n')).contains(QStringLiteral("first hop <b>seen</b>")));
        QCOMPARE(dialog.sectionsRead(), parts);
    }

    // While a section is read the preview area says which, with a bar; the
    // first pages show before the sections drawn after them are read.
    void previewSaysWhatItReads()
    {
        const auto held = std::make_shared<HeldRead>(ReportPart::Graph);
        ReportExportDialog dialog(m_case, QString(), nullptr, HeldRead::readerOf(held));
        QSignalSpy ready(&dialog, &ReportExportDialog::previewReady);
        QSignalSpy firstPages(&dialog, &ReportExportDialog::firstPagesShown);
        QTRY_COMPARE(held->waiting(), 1);
        QTRY_VERIFY2(dialog.previewStatus().contains(QStringLiteral("section 3 of 7 (Network interfaces graph)")),
                     qPrintable(dialog.previewStatus()));
        auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("previewProgress"));
        QVERIFY(bar && !bar->isHidden());
        QCOMPARE(bar->maximum(), 7);
        QCOMPARE(bar->value(), 2);
        // The summary fills page 3: the first pages are shown, the graph still held.
        QCOMPARE(firstPages.count(), 1);
        QCOMPARE(int(dialog.previewPages().size()), 3);
        const QImage firstContents = dialog.previewPages()[1];
        QCOMPARE(ready.count(), 0);
        QVERIFY(dialog.isPreviewBusy());
        // A section read for a while says how long, so the standing bar does not look hung.
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.previewStatus().contains(QStringLiteral("(Network interfaces graph, 1 s)")),
                                  qPrintable(dialog.previewStatus()), 10000);

        held->release();
        QVERIFY(ready.wait(60000));
        QCOMPARE(dialog.previewStatus(), QStringLiteral("The first pages as the PDF will print them."));
        QVERIFY(bar->isHidden());
        QCOMPARE(int(dialog.previewPages().size()), 3);
        QVERIFY(dialog.previewPages()[1] != firstContents); // the contents now with page numbers
        QCOMPARE(dialog.sectionsRead(), 7);
        QCOMPARE(held->cancelledReads(), 0);
    }

    void newerPreviewCancelsAnOlderOne()
    {
        const auto held = std::make_shared<HeldRead>(ReportPart::Summary);
        ReportExportDialog dialog(m_case, QString(), nullptr, HeldRead::readerOf(held));
        QSignalSpy ready(&dialog, &ReportExportDialog::previewReady);
        QTRY_COMPARE(held->waiting(), 1);
        QTRY_VERIFY2(dialog.previewStatus().contains(QStringLiteral("section 1 of 7 (Summary)")),
                     qPrintable(dialog.previewStatus()));
        QVERIFY(dialog.previewPages().empty());
        choose(dialog, {int(ReportPart::Summary), int(ReportPart::Incident)});
        // The first preview's read stops; the newest preview reads the summary again.
        QTRY_COMPARE(held->cancelledReads(), 1);
        QTRY_COMPARE(held->waiting(), 1);
        QTRY_VERIFY2(dialog.previewStatus().contains(QStringLiteral("section 1 of 2 (Summary)")),
                     qPrintable(dialog.previewStatus()));
        held->release();
        QVERIFY(ready.wait(60000));
        QCOMPARE(ready.count(), 1); // only the newest request's pages are delivered
        QCOMPARE(dialog.sectionsRead(), 2);
        QCOMPARE(int(dialog.previewPages().size()), 3);
        QVERIFY(!dialog.isPreviewBusy());
    }

    void closingStopsThePreview()
    {
        const auto held = std::make_shared<HeldRead>(ReportPart::Timeline);
        auto *dialog = new ReportExportDialog(m_case, QString(), nullptr, HeldRead::readerOf(held));
        dialog->show();
        QTRY_COMPARE(held->waiting(), 1);
        dialog->close();
        QTRY_COMPARE(held->cancelledReads(), 1); // closing, not only deleting, stops the read
        QTRY_VERIFY(!dialog->isPreviewBusy());
        delete dialog;
        QTRY_COMPARE(analysisPool()->activeThreadCount(), 0);
    }

    // Deleted while a read is held: the read is cancelled and waited for.
    void deletingDuringThePreviewLeavesNoJob()
    {
        const auto held = std::make_shared<HeldRead>(ReportPart::Findings);
        auto *dialog = new ReportExportDialog(m_case, QString(), nullptr, HeldRead::readerOf(held));
        QTRY_COMPARE(held->waiting(), 1);
        delete dialog;
        QCOMPARE(held->waiting(), 0);
        QCOMPARE(held->cancelledReads(), 1);
        QTRY_COMPARE(analysisPool()->activeThreadCount(), 0);
    }

    void escapeDuringExportCancelsIt()
    {
        ReportExportDialog dialog(m_case, QString());
        dialog.show();
        const QString out = m_dir.filePath(QStringLiteral("escaped.pdf"));
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.exportTo(out);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible()); // still open: Escape cancelled the export, not the dialog
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!QFile::exists(out));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }

    void cancelLeavesNoFile()
    {
        ReportExportDialog dialog(m_case, QString());
        const QString out = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.exportTo(out);
        dialog.cancelExport();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("cancelled")));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
        QVERIFY(dialog.isVisible() == false && !dialog.isExporting());
    }
};

QTEST_MAIN(TestReportExportDialog)
#include "tst_reportexportdialog.moc"
