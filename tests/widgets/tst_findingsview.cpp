// SPDX-License-Identifier: GPL-3.0-or-later
// The Findings dock: Run Detections fills the table off the GUI thread with
// the progress bar shown meanwhile, Cancel stops a run, and a double-click
// asks for the finding's evidence filter. The list opens most severe first
// whatever order the case stored it in, a header click sorts, and the
// finding whose evidence is shown is the one selected.

#include "detect_case.h"

#include "detect/finding.h"
#include "detect/finding_store.h"
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

#include <map>

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

// A finding of `type` with `severity` at kT0 + `offset`, its source 10.0.<offset / 250>.<offset % 250 + 1>.
Finding storedFinding(const std::string &type, Severity severity, int offset)
{
    Finding f;
    f.type = type;
    f.severity = severity;
    f.src = IpAddress::parse("10.0." + std::to_string(offset / 250) + "." + std::to_string(offset % 250 + 1));
    f.title = f.src->toString() + " at +" + std::to_string(offset) + " s";
    f.start = kT0 + offset;
    f.end = f.start + 60;
    f.records = 1;
    f.evidenceFilter = "srcaddr == " + f.src->toString();
    return f;
}

// `findings` stored in `caseDb`, each type as its detector's run would store it.
void store(CaseDb &caseDb, const std::vector<Finding> &findings)
{
    std::map<std::string, std::vector<Finding>> byType;
    for (const Finding &f : findings)
        byType[f.type].push_back(f);
    for (const auto &[type, ofType] : byType)
        storeFindings(caseDb, {type}, StoredRun{type, 1, "", "", 1}, ofType);
}

// The rows' starts, as offsets from kT0.
QList<int> startsShown(const FindingsModel &model)
{
    QList<int> starts;
    for (int row = 0; row < model.rowCount(); ++row)
        starts << int(model.finding(row).start - kT0);
    return starts;
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

    void sortsMostSevereFirst_data()
    {
        QTest::addColumn<QList<int>>("clicked"); // header sections, in turn
        QTest::addColumn<QList<int>>("starts");  // the rows' starts then
        QTest::addColumn<int>("sortedBy");
        QTest::addColumn<int>("order");
        // Stored (and loaded) by start: low +0, high +10, medium +5, high +1, critical +20, low +2.
        QTest::newRow("opened") << QList<int>{} << QList<int>{20, 1, 10, 5, 0, 2} << int(FindingsModel::SeverityColumn)
                                << int(Qt::DescendingOrder);
        QTest::newRow("Start clicked") << QList<int>{FindingsModel::StartColumn} << QList<int>{0, 1, 2, 5, 10, 20}
                                       << int(FindingsModel::StartColumn) << int(Qt::AscendingOrder);
        QTest::newRow("Start clicked twice") << QList<int>{FindingsModel::StartColumn, FindingsModel::StartColumn}
                                             << QList<int>{20, 10, 5, 2, 1, 0} << int(FindingsModel::StartColumn)
                                             << int(Qt::DescendingOrder);
        // Least severe first, the earliest still first among equals.
        QTest::newRow("Severity clicked") << QList<int>{FindingsModel::SeverityColumn} << QList<int>{0, 2, 5, 1, 10, 20}
                                          << int(FindingsModel::SeverityColumn) << int(Qt::AscendingOrder);
        QTest::newRow("Source clicked") << QList<int>{FindingsModel::SourceColumn} << QList<int>{0, 1, 2, 5, 10, 20}
                                        << int(FindingsModel::SourceColumn) << int(Qt::AscendingOrder);
    }

    // However the case stored the findings, the list opens most severe
    // first, the earliest first among equals; a header click sorts by its
    // column, and the order holds through a reload.
    void sortsMostSevereFirst()
    {
        QFETCH(QList<int>, clicked);
        QFETCH(QList<int>, starts);
        QFETCH(int, sortedBy);
        QFETCH(int, order);
        DetectCase stored({{"10.0.0.1", "10.0.0.2", 40000, 443, 6, 100, kT0}});
        store(stored.caseDb(), {storedFinding("syn-only", Severity::Low, 0), storedFinding("port-scan", Severity::High, 10),
                                storedFinding("beaconing", Severity::Medium, 5), storedFinding("port-scan", Severity::High, 1),
                                storedFinding("exfiltration", Severity::Critical, 20),
                                storedFinding("syn-only", Severity::Low, 2)});
        FindingsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy loaded(view.model(), &FindingsModel::finished);
        view.setCase(QString::fromStdString(stored.caseDb().path().string()));
        QVERIFY(loaded.wait(60000));
        QCOMPARE(view.model()->rowCount(), 6);
        QHeaderView *header = view.table()->horizontalHeader();
        for (const int section : clicked) {
            const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        }
        QCOMPARE(startsShown(*view.model()), starts);
        QCOMPARE(header->sortIndicatorSection(), sortedBy);
        QCOMPARE(int(header->sortIndicatorOrder()), order);
        view.setCase(QString::fromStdString(stored.caseDb().path().string())); // an edit elsewhere reloads
        QVERIFY(loaded.wait(60000));
        QCOMPARE(startsShown(*view.model()), starts);
    }

    void showsTheFindingWhoseEvidenceIsShown_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("listed");
        QTest::newRow("the last one") << QStringLiteral("port-scan-60") << true;
        QTest::newRow("one in the middle") << QStringLiteral("port-scan-30") << true;
        QTest::newRow("none of them") << QStringLiteral("cloudtrail-event-1") << false;
    }

    // The evidence of another finding applied (from its timeline marker or
    // the incident timeline): that finding is selected and scrolled to, and
    // stays selected through a reload; the evidence of none selects none.
    void showsTheFindingWhoseEvidenceIsShown()
    {
        QFETCH(QString, shown);
        QFETCH(bool, listed);
        DetectCase stored({{"10.0.0.1", "10.0.0.2", 40000, 443, 6, 100, kT0}});
        std::vector<Finding> findings;
        for (int i = 0; i < 60; ++i)
            findings.push_back(storedFinding("port-scan", Severity::Medium, i)); // port-scan-1 to -60 by start
        store(stored.caseDb(), findings);
        FindingsView view;
        view.resize(900, 240); // a few rows in view
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy loaded(view.model(), &FindingsModel::finished);
        view.setCase(QString::fromStdString(stored.caseDb().path().string()));
        QVERIFY(loaded.wait(60000));
        QCOMPARE(view.model()->rowCount(), 60);
        QTableView *table = view.table();
        table->selectRow(0); // the analyst's earlier choice
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);

        view.showFinding(shown);
        const QModelIndexList selected = table->selectionModel()->selectedRows();
        if (!listed) {
            QVERIFY(selected.isEmpty());
            return;
        }
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.front().data(FindingsModel::FindingIdRole).toString(), shown);
        QCOMPARE(table->currentIndex().row(), selected.front().row());
        QVERIFY(table->viewport()->rect().contains(table->visualRect(selected.front().siblingAtColumn(0))));

        view.setCase(QString::fromStdString(stored.caseDb().path().string()));
        QVERIFY(loaded.wait(60000));
        QCOMPARE(table->currentIndex().data(FindingsModel::FindingIdRole).toString(), shown);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    }

    // "3,717 findings" beside "10,000,000 records": the count grouped as the locale groups digits.
    void theCountIsGroupedAsTheLocaleDoes()
    {
        DetectCase stored({{"10.0.0.1", "10.0.0.2", 40000, 443, 6, 100, kT0}});
        std::vector<Finding> findings;
        for (int i = 0; i < 1200; ++i)
            findings.push_back(storedFinding("port-scan", Severity::Medium, i));
        store(stored.caseDb(), findings);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        FindingsView view;
        QSignalSpy loaded(view.model(), &FindingsModel::finished);
        view.setCase(QString::fromStdString(stored.caseDb().path().string()));
        const bool done = loaded.wait(60000);
        const QString text = view.findChild<QLabel *>(QStringLiteral("findingsStatus"))->text();
        QLocale::setDefault(before);
        QVERIFY(done);
        QVERIFY2(text.startsWith(QStringLiteral("1,200 finding")), qPrintable(text)); // "findings" once translated
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
