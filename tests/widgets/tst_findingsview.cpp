// SPDX-License-Identifier: GPL-3.0-or-later
// The Findings dock: Run Detections fills the table off the GUI thread with
// the progress bar shown meanwhile, Cancel stops a run, and a double-click
// asks for the finding's evidence filter.

#include "detect_case.h"

#include "detect/finding.h"
#include "detect/findings_view.h"
#include "itemmodels/findings_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMenu>
#include <QTimer>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

std::vector<LogLine> scanAndTraffic()
{
    std::vector<LogLine> out;
    for (int i = 0; i < 40; ++i)
        out.push_back({"203.0.113.66", "10.0.1.10", 50000 + i, 1000 + i, 6, 44, kT0 + 2 * i, 0, true, 2});
    for (int i = 0; i < 12000; ++i)
        out.push_back({"10.0.3." + std::to_string(1 + i % 50), "10.0.3.200", 30000 + i % 20000, 8080, 6, 300, kT0 + i,
                       0, false, 27});
    return out;
}

} // namespace

class TestFindingsView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DetectCase> m_case;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        m_case = std::make_unique<DetectCase>(scanAndTraffic());
        m_path = QString::fromStdString(m_case->caseDb().path().string());
    }

    void runShowsFindingsAndDoubleClickAsksForEvidence()
    {
        FindingsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(900, 300);
        view.show();
        QSignalSpy loaded(view.model(), &FindingsModel::finished);
        view.setCase(m_path);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(view.model()->rowCount(), 0); // nothing stored yet
        auto *status = view.findChild<QLabel *>(QStringLiteral("findingsStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("have not been run")), qPrintable(status->text()));
        auto *run = view.findChild<QPushButton *>(QStringLiteral("runDetections"));
        QVERIFY(run);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(!run->isEnabled());
        QVERIFY(view.findChild<QProgressBar *>()->isVisible());
        QVERIFY(loaded.wait(60000));
        QVERIFY(run->isEnabled());
        QVERIFY(!view.findChild<QProgressBar *>()->isVisible());
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->finding(0).type, std::string("port-scan"));
        // When and over what the detectors ran; their settings in the tooltip.
        QVERIFY2(status->text().contains(QStringLiteral("last ran")) && status->text().contains(QStringLiteral("every record")),
                 qPrintable(status->text()));
        QVERIFY(status->toolTip().contains(QStringLiteral("port-scan.window-s=")));
        // One line each, the title as wide as it is (up to some 70 characters), the start as the table writes it.
        QTableView *shown = view.table();
        QVERIFY(!shown->wordWrap());
        const QString title = view.model()->index(0, FindingsModel::TitleColumn).data().toString();
        const int titleWidth = std::min(shown->fontMetrics().horizontalAdvance(title), 70 * shown->fontMetrics().averageCharWidth());
        QVERIFY2(shown->columnWidth(FindingsModel::TitleColumn) >= titleWidth,
                 qPrintable(QStringLiteral("%1 < %2").arg(shown->columnWidth(FindingsModel::TitleColumn)).arg(titleWidth)));
        QCOMPARE(view.model()->index(0, FindingsModel::StartColumn).data().toString(),
                 QDateTime::fromSecsSinceEpoch(view.model()->finding(0).start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));

        QSignalSpy requested(&view, &FindingsView::filterRequested);
        QTableView *table = view.table();
        const QRect cell = table->visualRect(view.model()->index(0, FindingsModel::TitleColumn));
        // A double-click is a press, a release, then the double-click event.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(requested.count(), 1);
        const QString evidence = requested.front().front().toString();
        QCOMPARE(evidence.toStdString(), view.model()->finding(0).evidenceFilter);
        QCOMPARE(selected(m_case->caseDb(), evidence.toStdString()).first, 40u);
    }

    // The table's context menu offers the findings as CSV.
    void contextMenuAsksForTheCsvExport()
    {
        FindingsView view;
        view.resize(900, 300);
        view.show();
        QSignalSpy loaded(view.model(), &FindingsModel::finished);
        view.setCase(m_path);
        QVERIFY(loaded.wait(60000));
        QSignalSpy requested(&view, &FindingsView::exportRequested);
        bool offered = false;
        QTimer::singleShot(0, &view, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            QAction *exportCsv = menu ? menu->findChild<QAction *>(QStringLiteral("exportFindingsCsv")) : nullptr;
            offered = exportCsv && exportCsv->isEnabled();
            if (exportCsv)
                exportCsv->trigger();
            if (menu)
                menu->close();
        });
        Q_EMIT view.table()->customContextMenuRequested(QPoint(10, 10));
        QVERIFY(offered);
        QCOMPARE(requested.count(), 1);
    }

    void cancelStopsTheRun()
    {
        FindingsView view;
        QSignalSpy loaded(view.model(), &FindingsModel::finished);
        view.setCase(m_path);
        QVERIFY(loaded.wait(60000));
        QSignalSpy cancelled(view.model(), &FindingsModel::cancelled);
        view.runDetections();
        view.findChild<QPushButton *>(QStringLiteral("cancelDetections"))->click();
        QVERIFY(cancelled.wait(60000));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("runDetections"))->isEnabled());
    }
};

QTEST_MAIN(TestFindingsView)
#include "tst_findingsview.moc"
