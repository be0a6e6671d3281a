// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export > Export <view> as CSV: the view the analyst turned to decides
// the table (a statistic, the reject groups, the findings, the incident
// timeline, else the flow table's records), and the export runs with a
// progress dialog and says how it ended.

#include "export/csv_export_controller.h"
#include "export/export_view_tracker.h"

#include "detect/finding_store.h"
#include "detect/findings_view.h"
#include "explain/rejects_overview_view.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "traffic_stats_view.h"

#include "test_files.h"

#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestCsvExportController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    void viewInFocusDecides_data()
    {
        QTest::addColumn<int>("focus"); // 0 elsewhere, 1 statistics, 2 rejects, 3 findings, 4 incident
        QTest::addColumn<int>("kind");
        QTest::addColumn<CsvExportRequest::Table>("table");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("action"); // the File > Export action's text: what it will write
        using Table = CsvExportRequest::Table;
        QTest::newRow("flow table") << 0 << 0 << Table::Flows << "flows filter" << "c-flows.csv" << "Export Flows as &CSV…";
        QTest::newRow("conversations") << 1 << 0 << Table::Conversations << "stats filter" << "c-conversations.csv" << "Export Conversations as &CSV…";
        QTest::newRow("service conversations") << 1 << 1 << Table::ServiceConversations << "stats filter" << "c-conversations.csv" << "Export Conversations as &CSV…";
        QTest::newRow("addresses") << 1 << 2 << Table::AddressEndpoints << "stats filter" << "c-endpoints.csv" << "Export Endpoints as &CSV…";
        QTest::newRow("interfaces") << 1 << 3 << Table::InterfaceEndpoints << "stats filter" << "c-endpoints.csv" << "Export Endpoints as &CSV…";
        QTest::newRow("rejects") << 2 << 0 << Table::RejectGroups << "rejects filter" << "c-rejects.csv" << "Export Reject Groups as &CSV…";
        QTest::newRow("findings") << 3 << 0 << Table::Findings << "" << "c-findings.csv" << "Export Findings as &CSV…";
        QTest::newRow("incident") << 4 << 0 << Table::Incident << "" << "c-incident.csv" << "Export Incident Timeline as &CSV…";
    }

    void viewInFocusDecides()
    {
        QFETCH(int, focus);
        QFETCH(int, kind);
        QFETCH(CsvExportRequest::Table, table);
        QFETCH(QString, filter);
        QFETCH(QString, name);
        QFETCH(QString, action);
        QLineEdit elsewhere;
        TrafficStatsView stats;
        stats.setFilter(QStringLiteral("stats filter"));
        stats.setKind(static_cast<TrafficStatsView::Kind>(kind));
        RejectsOverviewView rejects;
        rejects.setFilter(QStringLiteral("rejects filter"));
        FindingsView findings;
        QWidget incident;
        QTableView incidentTable(&incident);
        const QWidget *focused = focus == 1 ? static_cast<QWidget *>(stats.table())
            : focus == 2                    ? static_cast<QWidget *>(rejects.table())
            : focus == 3                    ? static_cast<QWidget *>(findings.table())
            : focus == 4                    ? static_cast<QWidget *>(&incidentTable)
                                            : &elsewhere;
        const CurrentViewExport view =
            currentViewExport(m_case, QStringLiteral("flows filter"), focused, &stats, &rejects, &findings, &incident);
        QCOMPARE(view.request.table, table);
        QCOMPARE(view.request.filter, filter);
        QCOMPARE(view.request.casePath, m_case);
        QCOMPARE(view.suggestedName, name);
        QCOMPARE(exportActionText(view.what), action);
        const QString title = QString(action).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        QCOMPARE(exportDialogTitle(view.what), title);
    }

    // The view is the one brought to the front or clicked last, not the keyboard focus:
    // a dock tab clicked leaves the focus in the flow table.
    void viewTurnedToLastDecides()
    {
        QMainWindow window;
        QStandardItemModel rows(3, 2);
        auto *table = new QTableView(&window);
        table->setModel(&rows);
        window.setCentralWidget(table);
        auto *statsDock = new QDockWidget(QStringLiteral("Statistics"), &window);
        auto *stats = new QTableView(statsDock);
        statsDock->setWidget(stats);
        auto *rejectsDock = new QDockWidget(QStringLiteral("Rejects"), &window);
        auto *rejects = new QTableView(rejectsDock);
        rejectsDock->setWidget(rejects);
        window.addDockWidget(Qt::BottomDockWidgetArea, statsDock);
        window.addDockWidget(Qt::BottomDockWidgetArea, rejectsDock);
        window.tabifyDockWidget(statsDock, rejectsDock);
        ExportViewTracker tracker;
        tracker.setRecordsView(table);
        tracker.addView(stats, statsDock);
        tracker.addView(rejects, rejectsDock);
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy changed(&tracker, &ExportViewTracker::changed); // the File menu renames its action on it
        rejectsDock->raise();
        QTRY_COMPARE(tracker.current(), static_cast<QWidget *>(rejects));
        table->setFocus(); // where the focus goes when a tab is clicked: no choice of the analyst
        QCOMPARE(tracker.current(), static_cast<QWidget *>(rejects));
        changed.clear();
        statsDock->raise();
        QTRY_COMPARE(tracker.current(), static_cast<QWidget *>(stats));
        QVERIFY(!changed.isEmpty());
        changed.clear();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(rows.index(1, 0)).center());
        QCOMPARE(tracker.current(), static_cast<QWidget *>(table));
        QVERIFY(!changed.isEmpty());
        rejectsDock->raise();
        QTRY_COMPARE(tracker.current(), static_cast<QWidget *>(rejects));
        rejectsDock->close(); // the tab behind comes to the front
        QTRY_COMPARE(tracker.current(), static_cast<QWidget *>(stats));
        statsDock->close(); // a view no longer on screen is not what the analyst looks at
        QTRY_COMPARE(tracker.current(), static_cast<QWidget *>(table));
    }

    void exportsWithProgressAndSaysSo()
    {
        QWidget window;
        CsvExportController controller(&window);
        QSignalSpy message(&controller, &CsvExportController::message);
        CsvExportRequest request;
        request.casePath = m_case;
        request.filter = QStringLiteral("action == accept");
        request.outPath = m_dir.filePath(QStringLiteral("accepts.csv"));
        controller.exportTo(request);
        QVERIFY(controller.progressDialog());
        QVERIFY(message.wait(30000));
        QVERIFY2(message.at(0).at(0).toString().contains(QStringLiteral("Exported 3 row")),
                 qPrintable(message.at(0).at(0).toString()));
        QVERIFY(!controller.progressDialog()->isVisible());
        QFile file(request.outPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), 4);
    }

    void progressFillsWhenTheCountIsKnown_data()
    {
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<int>("maximum"); // 0: a busy bar
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("label");
        QTest::newRow("count known") << qint64(3) << 1000 << 666 << "2 of 3 rows written";
        QTest::newRow("count still running") << qint64(-1) << 0 << 0 << "2 rows written";
    }

    // "N of M rows" and a bar that fills when the filter's count is known; else a busy bar and "N rows".
    void progressFillsWhenTheCountIsKnown()
    {
        QFETCH(qint64, expected);
        QFETCH(int, maximum);
        QFETCH(int, value);
        QFETCH(QString, label);
        QWidget window;
        CsvExportController controller(&window);
        QSignalSpy message(&controller, &CsvExportController::message);
        CsvExportRequest request;
        request.casePath = m_case;
        request.filter = QStringLiteral("action == accept");
        request.outPath = m_dir.filePath(QStringLiteral("progress.csv"));
        request.expectedRows = expected;
        controller.exportTo(request);
        QProgressDialog *progress = controller.progressDialog();
        QVERIFY(progress);
        QCOMPARE(progress->maximum(), maximum);
        QVERIFY(message.wait(30000));
        Q_EMIT controller.job()->progress(2); // as the job reports part way
        QVERIFY2(progress->labelText().endsWith(label), qPrintable(progress->labelText()));
        if (maximum > 0)
            QCOMPARE(progress->value(), value);
    }

    // The Findings view's export: every stored finding, through the one CSV writer.
    void exportsTheFindings()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("findings.flowcase"));
        QVERIFY(QFile::copy(m_case, casePath));
        Finding finding;
        finding.id = "port-scan-1";
        finding.type = "port-scan";
        finding.severity = Severity::Medium;
        finding.title = "=203.0.113.9 probed 40 ports";
        finding.start = 1700000000;
        finding.end = 1700000300;
        finding.records = 40;
        finding.evidenceFilter = "srcaddr == 203.0.113.9";
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            storeFindings(*caseDb, {"port-scan"}, {"port-scan", 1700001000, "", "", 5}, {finding});
        }
        QWidget window;
        CsvExportController controller(&window);
        QSignalSpy message(&controller, &CsvExportController::message);
        CsvExportRequest request = findingsExport(casePath).request;
        request.outPath = m_dir.filePath(QStringLiteral("findings.csv"));
        controller.exportTo(request);
        QVERIFY(message.wait(30000));
        QVERIFY2(message.at(0).at(0).toString().contains(QStringLiteral("Exported 1 row")),
                 qPrintable(message.at(0).at(0).toString()));
        QFile file(request.outPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        QVERIFY(csv.contains(QStringLiteral("port-scan-1")));
        QVERIFY(csv.contains(QStringLiteral("'=203.0.113.9 probed 40 ports"))); // neutralised as a formula
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 2);
    }

    // The status message groups the count as the language writes numbers ("1.240" in German).
    void rowCountGroupedByTheLocale()
    {
        QByteArray lines;
        for (int i = 0; i < 1240; ++i)
            lines += "2 123456789010 eni-a 10.0.0.1 10.0.0.2 " + QByteArray::number(30000 + i)
                   + " 443 6 1 100 " + QByteArray::number(1700000000 + i) + ' ' + QByteArray::number(1700000060 + i)
                   + " ACCEPT OK\n";
        test::writeFile(m_dir.filePath(QStringLiteral("many.log")), lines);
        const QString casePath = m_dir.filePath(QStringLiteral("many.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("many.log")).toStdString()}, {}).records, 1240u);
        }
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QWidget window;
        CsvExportController controller(&window);
        QSignalSpy message(&controller, &CsvExportController::message);
        CsvExportRequest request;
        request.casePath = casePath;
        request.outPath = m_dir.filePath(QStringLiteral("many.csv"));
        controller.exportTo(request);
        const bool ended = message.wait(30000);
        QLocale::setDefault(before);
        QVERIFY(ended);
        QVERIFY2(message.at(0).at(0).toString().contains(QStringLiteral("1.240")), qPrintable(message.at(0).at(0).toString()));
    }

    void failureSaysWhy()
    {
        QWidget window;
        CsvExportController controller(&window);
        QSignalSpy message(&controller, &CsvExportController::message);
        CsvExportRequest request;
        request.casePath = m_case;
        request.outPath = m_dir.filePath(QStringLiteral("missing/out.csv"));
        controller.exportTo(request);
        QVERIFY(message.wait(30000));
        QVERIFY(message.at(0).at(0).toString().contains(QStringLiteral("missing/out.csv")));
    }
};

QTEST_MAIN(TestCsvExportController)
#include "tst_csvexportcontroller.moc"
