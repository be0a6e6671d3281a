// SPDX-License-Identifier: GPL-3.0-or-later
// The window end to end, offscreen: a new case, the demo input imported
// through the path drag and drop takes, the summary and the flow table
// showing it (scrolled to the end and back), the format prompt for headerless
// custom input, a drop, and the column widths kept between sessions.

#include "app_translation.h"
#include "case_session.h"
#include "case_status_label.h"
#include "demo/demo_case.h"
#include "demo/demo_generator.h"
#include "dock_toggle.h"
#include "explain/rejects_overview_view.h"
#include "export/report_export_dialog.h"
#include "explain/why_rejected_panel.h"
#include "graph/graph_scene.h"
#include "graph/graph_view.h"
#include "itemmodels/ioc_lists_controller.h"
#include "explain_case.h"
#include "filter_bar.h"
#include "format/field_names.h"
#include "flow_table_view.h"
#include "import_controller.h"
#include "import_progress_widget.h"
#include "import_report_view.h"
#include "detect/findings_view.h"
#include "detect/finding_store.h"
#include "itemmodels/findings_model.h"
#include "incident/incident_timeline_view.h"
#include "itemmodels/incident_timeline_model.h"
#include "ingest/case_importer.h"
#include "itemmodels/evidence_model.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/reject_groups_model.h"
#include "log_format_history.h"
#include "main_window.h"
#include "shown_records_label.h"
#include "timeline_plot.h"
#include "timeline_view.h"
#include "traffic_stats_view.h"
#include "store/case_db.h"
#include "store/case_summary.h"
#include "store/flow_reader.h"
#include "test_files.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QMessageBox>
#include <QPushButton>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QWheelEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <array>
#include <memory>

using namespace flowscope;

namespace {

const QString kCustomFormat =
    QStringLiteral("${version} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start} ${end} ${action}");
const QByteArray kCustomLines =
    "3 eni-1235b8ca123456789 10.0.1.5 10.0.0.220 49152 443 6 1418530010 1418530070 ACCEPT\n"
    "3 eni-1235b8ca123456789 10.0.1.6 10.0.0.220 49153 443 6 1418530011 1418530071 REJECT\n"
    "3 eni-1235b8ca123456789 10.0.1.7 10.0.0.220 49154 22 6 1418530012 1418530072 ACCEPT\n";

// What the flow table shows for a record's field.
QString displayed(const FlowRow &row, Field field)
{
    const FieldValue &value = row.value(field);
    if ((field == Field::Start || field == Field::End) && std::holds_alternative<std::int64_t>(value))
        return QDateTime::fromSecsSinceEpoch(std::get<std::int64_t>(value), Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    // Protocols by their IANA name where it has one, lower case as filters spell them.
    if (const auto *number = std::get_if<std::int64_t>(&value); number && field == Field::Protocol
        && !protocolName(static_cast<std::uint8_t>(*number)).empty())
        return QString::fromStdString(std::string(protocolName(static_cast<std::uint8_t>(*number)))).toLower();
    // Bytes with units, packets grouped as the language writes numbers.
    if (const auto *number = std::get_if<std::int64_t>(&value); number && field == Field::Bytes)
        return QLocale().formattedDataSize(*number, 1, QLocale::DataSizeSIFormat);
    if (const auto *number = std::get_if<std::int64_t>(&value); number && field == Field::Packets)
        return QLocale().toString(*number);
    return QString::fromStdString(fieldText(value));
}

bool loaded(const QAbstractItemModel &model, int row)
{
    return !model.index(row, 0).data(FlowTableModel::LoadingRole).toBool();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // NAME.flowcase holding the five records of test::smallTrafficRecords(),
    // imported from NAME-input.log; empty if the import did not give them.
    QString smallTrafficCase(const QString &name) const
    {
        const QString input = path(name + QStringLiteral("-input.log"));
        test::writeFile(input, test::smallTrafficRecords());
        const QString casePath = path(name + QStringLiteral(".flowcase"));
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
        return CaseImporter(*caseDb).run({input.toStdString()}, {}).records == 5 ? casePath : QString();
    }

    static void compareRow(const QAbstractItemModel &model, int row, const FlowRow &expected)
    {
        const auto &columns = static_cast<const FlowTableModel &>(model).columns();
        QCOMPARE(model.index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong(), expected.id);
        for (int c = 0; c < columns.size(); ++c)
            QCOMPARE(model.index(row, c).data().toString(), displayed(expected, columns.at(c)));
    }

    static ImportReport waitForImport(QSignalSpy &finished)
    {
        if (finished.isEmpty() && !finished.wait(120000))
            return {};
        return finished.takeFirst().first().value<ImportReport>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlowscopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // As the app does: English plural forms come from its translation.
        QVERIFY(installAppTranslation(QLocale(QLocale::English, QLocale::UnitedStates)));
    }

    // A hidden dock reads nothing: the import report reads the case's files
    // when it is shown, not when the case opens.
    void theHiddenImportReportReadsNothing()
    {
        const QString casePath = smallTrafficCase(QStringLiteral("report"));
        QVERIFY(!casePath.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openCase(casePath));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("importReportDock"));
        auto *report = window.findChild<ImportReportView *>();
        QVERIFY(dock && report);
        QVERIFY(dock->visibleRegion().isEmpty()); // a tab behind the Case tab
        QVERIFY(dock->toggleViewAction()->isChecked());
        QCOMPARE(report->filesTable()->model()->rowCount(), 0);
        dock->show();
        dock->raise();
        QTRY_COMPARE(report->filesTable()->model()->rowCount(), 1);
        QVERIFY(window.openCase(casePath)); // opened again while shown: read at once
        QCOMPARE(report->filesTable()->model()->rowCount(), 1);
    }

    // Remove File from Case in the Import Report: confirmed, the file's
    // records leave the case, every view reads it again, the status bar says
    // what went.
    void removesAFileFromTheCase()
    {
        const QString kept = path(QStringLiteral("remove-kept.log"));
        const QString wrong = path(QStringLiteral("remove-wrong.log"));
        test::writeFile(kept, test::smallTrafficRecords());
        test::writeFile(wrong, "2 123456789010 eni-0wrong 10.9.9.9 10.9.9.8 20641 22 6 20 4249 1418530010 1418530070 "
                               "ACCEPT OK\n");
        const QString casePath = path(QStringLiteral("remove.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({kept.toStdString(), wrong.toStdString()}, {});
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openCase(casePath));
        QCOMPARE(window.session()->summary().records, 6u);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("importReportDock"));
        auto *report = window.findChild<ImportReportView *>();
        QVERIFY(dock && report);
        dock->show();
        dock->raise();
        QTRY_COMPARE(report->filesTable()->model()->rowCount(), 2);
        QString asked;
        report->setConfirmation([&](const QString &question) {
            asked = question;
            return true;
        });
        report->filesTable()->setCurrentIndex(report->filesTable()->model()->index(1, 0));
        report->removeFileAction()->trigger();
        QVERIFY(asked.contains(QStringLiteral("remove-wrong.log")) && asked.contains(QStringLiteral("remove.flowcase")));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->summary().records, 5u, 30000);
        QCOMPARE(window.session()->summary().files, 1u);
        QTRY_COMPARE(report->filesTable()->model()->rowCount(), 1);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Removed remove-wrong.log from remove.flowcase")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(report->removeFileAction()->isEnabled() || !report->filesTable()->currentIndex().isValid());
    }

    // With no saved layout the Case tab is in front of the Statistics tab:
    // statistics nobody sees compute nothing, though the filter changes,
    // and they start when their tab comes in front.
    void hiddenStatisticsComputeNothing()
    {
        QSettings().clear(); // no saved window layout
        const QString casePath = smallTrafficCase(QStringLiteral("stats"));
        QVERIFY(!casePath.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy caseLoaded(window.flowModel(), &FlowTableModel::caseLoaded);
        QVERIFY(window.openCase(casePath));
        QVERIFY(caseLoaded.wait(30000));
        auto *statsDock = window.findChild<QDockWidget *>(QStringLiteral("statisticsDock"));
        auto *caseDock = window.findChild<QDockWidget *>(QStringLiteral("caseSummaryDock"));
        auto *bar = window.findChild<FilterBar *>();
        QVERIFY(statsDock && caseDock && bar);
        TrafficStatsView *stats = window.statistics();
        const auto started = [stats] {
            int count = 0;
            for (int kind = 0; kind < 4; ++kind)
                count += stats->statsModel(static_cast<TrafficStatsView::Kind>(kind))->started();
            return count;
        };
        QCOMPARE(started(), 0);
        QVERIFY(bar->applyFilterText(QStringLiteral("action == reject")));
        QCoreApplication::processEvents(); // anything queued runs: still nothing computes behind the Case tab
        QCOMPARE(started(), 0);

        QSignalSpy computed(stats, &TrafficStatsView::computed);
        statsDock->raise(); // in front: computes under the filter in force
        QVERIFY(computed.wait(10000));
        QCOMPARE(started(), 1);
        QCOMPARE(stats->table()->model()->rowCount(), 1);

        caseDock->raise();
        QVERIFY(bar->applyFilterText(QString()));
        QCoreApplication::processEvents();
        QCOMPARE(started(), 1);
        statsDock->raise();
        QVERIFY(computed.wait(10000));
        QCOMPARE(started(), 2);
        QCOMPARE(stats->table()->model()->rowCount(), 2);
    }

    void importsTheDemoInput()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.createCase(path(QStringLiteral("demo-gui")))); // the suffix is added
        const QString casePath = path(QStringLiteral("demo-gui.flowcase"));
        QCOMPARE(window.session()->casePath(), casePath);
        QCOMPARE(window.windowTitle(), QStringLiteral("demo-gui.flowcase - Flowscope"));

        const QString input = path(QStringLiteral("demo-input"));
        const DemoSummary demo = writeDemoDataset(input.toStdString());
        QString demoFormat;
        int filesNeedingFormat = 0;
        for (const DemoFile &file : demo.files) {
            if (!file.logFormat.empty()) {
                demoFormat = QString::fromStdString(file.logFormat);
                ++filesNeedingFormat;
            }
        }
        QVERIFY(!demoFormat.isEmpty());

        // The analyst answers the format prompt with the demo's format string.
        QList<LogFormatRequest> requests;
        window.importController()->setLogFormatPrompt([&](const LogFormatRequest &request) -> std::optional<QString> {
            requests << request;
            return demoFormat;
        });
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QSignalSpy caseLoaded(window.flowModel(), &FlowTableModel::caseLoaded);
        auto *progress = window.findChild<ImportProgressWidget *>(QStringLiteral("importProgress"));
        auto *status = window.findChild<CaseStatusLabel *>(QStringLiteral("caseStatus"));
        QVERIFY(progress && status);

        window.importPaths({input}); // what a drop of the folder does
        QVERIFY(progress->isVisibleTo(&window));
        QVERIFY(!status->isVisibleTo(&window));
        const ImportReport report = waitForImport(finished);
        QVERIFY(!report.cancelled);
        QCOMPARE(report.errorCount, 0u);
        QCOMPARE(report.records, demo.records);
        QCOMPARE(report.files, std::uint64_t(demo.files.size()));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().files, filesNeedingFormat);
        QVERIFY(requests.first().exampleFields > 0);

        // The status bar says what the case holds.
        QVERIFY(!progress->isVisibleTo(&window));
        QVERIFY(status->isVisibleTo(&window));
        const QString records = QLocale().toString(static_cast<qulonglong>(demo.records));
        QVERIFY2(status->text().startsWith(records + QStringLiteral(" records, ")), qPrintable(status->text()));
        QVERIFY2(status->text().endsWith(QStringLiteral(", 0 errors")), qPrintable(status->text()));
        QCOMPARE(window.session()->summary().records, demo.records);

        // The flow table holds every record.
        QTRY_VERIFY_WITH_TIMEOUT(!caseLoaded.isEmpty() && caseLoaded.last().first().toLongLong() == qint64(demo.records),
                                 30000);
        FlowTableModel *model = window.flowModel();
        QCOMPARE(model->rowCount(), int(demo.records));

        // Its first and last rows are the first and last records in time order.
        FlowRow first, last;
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
            bool any = false;
            FlowReader(*caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
                if (!any)
                    first = row;
                any = true;
                last = row;
                return true;
            });
            QVERIFY(any);
        }
        auto *table = window.findChild<FlowTableView *>();
        QVERIFY(table && table->isVisible());
        const int lastRow = model->rowCount() - 1;
        table->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(loaded(*model, lastRow), 30000);
        compareRow(*model, lastRow, last);
        table->scrollToTop();
        QTRY_VERIFY_WITH_TIMEOUT(loaded(*model, 0), 30000);
        compareRow(*model, 0, first);
    }

    void headerlessCustomFormatAsksForTheFormat()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.createCase(path(QStringLiteral("custom.flowcase"))));
        const QString file = path(QStringLiteral("custom/firehose-custom.log"));
        test::writeFile(file, kCustomLines);

        // Dismissing the prompt cancels the import: nothing changes.
        int asked = 0;
        window.importController()->setLogFormatPrompt([&](const LogFormatRequest &) -> std::optional<QString> {
            ++asked;
            return std::nullopt;
        });
        QSignalSpy finished(&window, &MainWindow::importFinished);
        window.importPaths({file});
        ImportReport report = waitForImport(finished);
        QCOMPARE(asked, 1);
        QVERIFY(report.cancelled);
        QCOMPARE(window.session()->summary().records, 0u);

        LogFormatRequest seen;
        window.importController()->setLogFormatPrompt([&](const LogFormatRequest &request) -> std::optional<QString> {
            seen = request;
            return kCustomFormat;
        });
        window.importPaths({file});
        report = waitForImport(finished);
        QVERIFY(!report.cancelled);
        QCOMPARE(report.errorCount, 0u);
        QCOMPARE(report.records, 3u);
        QCOMPARE(seen.files, 1);
        QCOMPARE(seen.exampleFile, file);
        QCOMPARE(seen.exampleFields, 10);
        QCOMPARE(seen.exampleRecord.toUtf8(), kCustomLines.split('\n').first());
        QCOMPARE(window.session()->summary().records, 3u);
        QTRY_COMPARE(window.flowModel()->rowCount(), 3);
        // The format is offered again next time.
        QCOMPARE(LogFormatHistory().formats().value(0), kCustomFormat);
    }

    void dropImportsFiles()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.createCase(path(QStringLiteral("drop.flowcase"))));
        const QString file = path(QStringLiteral("drop/default.log"));
        test::writeFile(file,
                        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 "
                        "1418530010 1418530070 ACCEPT OK\n"
                        "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 "
                        "1418530010 1418530070 REJECT OK\n"
                        "2 123456789010 eni-1235b8ca123456789 not-an-address\n");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        const QPoint centre = window.rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        const ImportReport report = waitForImport(finished);
        QCOMPARE(report.records, 2u);
        QCOMPARE(report.errorCount, 1u);
        // A rejected line brings the import report up.
        auto *reportDock = window.findChild<QDockWidget *>(QStringLiteral("importReportDock"));
        QVERIFY(reportDock && reportDock->isVisible());
        auto *status = window.findChild<CaseStatusLabel *>(QStringLiteral("caseStatus"));
        QCOMPARE(status->text(), QStringLiteral("2 records, 1 file, 1 error"));
    }

    // File > Keep Duplicate Records: off, a second delivery of the same
    // records counts them as duplicates; on, it stores them; the choice is
    // kept for the next session.
    void keepDuplicateRecordsIsAMenuChoice()
    {
        const QByteArray lines = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 "
                                 "1418530010 1418530070 ACCEPT OK\n"
                                 "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 "
                                 "1418530010 1418530070 REJECT OK\n";
        const QString s3 = path(QStringLiteral("dup/s3.log"));
        const QString copy = path(QStringLiteral("dup/copy.log"));
        const QString again = path(QStringLiteral("dup/again.log"));
        test::writeFile(s3, lines);
        test::writeFile(copy, lines + "\n"); // other bytes, the same records
        test::writeFile(again, lines + "\n\n");
        {
            MainWindow window;
            window.show();
            QVERIFY(window.createCase(path(QStringLiteral("dup.flowcase"))));
            auto *keep = window.findChild<QAction *>(QStringLiteral("keepDuplicates"));
            QVERIFY(keep && keep->isCheckable() && !keep->isChecked());
            QSignalSpy finished(&window, &MainWindow::importFinished);
            window.importPaths({s3});
            // The progress names the case receiving the files, and the outcome stays in the status bar.
            auto *progress = window.findChild<ImportProgressWidget *>(QStringLiteral("importProgress"));
            QCOMPARE(progress->caseText(), QStringLiteral("Into dup.flowcase:"));
            const ImportReport first = waitForImport(finished);
            QCOMPARE(first.records, 2u);
            QCOMPARE(window.statusBar()->currentMessage(), ImportProgressWidget::outcomeText(first));
            window.importPaths({copy});
            ImportReport report = waitForImport(finished);
            QCOMPARE(report.records, 0u);
            QCOMPARE(report.duplicateRecords, 2u);

            keep->trigger();
            QVERIFY(window.importController()->keepsDuplicates());
            window.importPaths({again});
            report = waitForImport(finished);
            QCOMPARE(report.records, 2u);
            QCOMPARE(report.duplicateRecords, 0u);
            QCOMPARE(window.session()->summary().records, 4u);
        }
        MainWindow next;
        auto *keep = next.findChild<QAction *>(QStringLiteral("keepDuplicates"));
        QVERIFY(keep->isChecked());
        QVERIFY(next.importController()->keepsDuplicates());
        keep->trigger();
        QVERIFY(!MainWindow().importController()->keepsDuplicates());
    }

    // A dock's shortcut on its tab behind another tab brings it to the front
    // (it stays open); again, on screen, it stays. The View menu's entry
    // closes it when on screen; the shortcut then opens it in front.
    void dockShortcutShowsAndRaises_data()
    {
        QTest::addColumn<QString>("dock");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("Statistics, Ctrl+T") << QStringLiteral("statisticsDock") << int(Qt::Key_T) << int(Qt::ControlModifier);
        QTest::newRow("Record, Ctrl+D") << QStringLiteral("recordDetailsDock") << int(Qt::Key_D) << int(Qt::ControlModifier);
        QTest::newRow("Import Report, Ctrl+R") << QStringLiteral("importReportDock") << int(Qt::Key_R) << int(Qt::ControlModifier);
        QTest::newRow("Rejects, Ctrl+Shift+E")
            << QStringLiteral("rejectsDock") << int(Qt::Key_E) << int(Qt::ControlModifier | Qt::ShiftModifier);
        QTest::newRow("Why Rejected?, Ctrl+E") << QStringLiteral("whyRejectedDock") << int(Qt::Key_E) << int(Qt::ControlModifier);
        QTest::newRow("Graph, Ctrl+Shift+G")
            << QStringLiteral("graphDock") << int(Qt::Key_G) << int(Qt::ControlModifier | Qt::ShiftModifier);
        QTest::newRow("Incident Timeline, Ctrl+Shift+M")
            << QStringLiteral("incidentTimelineDock") << int(Qt::Key_M) << int(Qt::ControlModifier | Qt::ShiftModifier);
        QTest::newRow("Findings, Ctrl+Shift+F")
            << QStringLiteral("findingsDock") << int(Qt::Key_F) << int(Qt::ControlModifier | Qt::ShiftModifier);
    }

    // Every dock can be found under View, each with a shortcut of its own.
    void viewMenuListsEveryDock()
    {
        MainWindow window;
        QMenu *view = nullptr;
        for (QAction *action : window.menuBar()->actions())
            if (action->menu() && action->text() == QStringLiteral("&View"))
                view = action->menu();
        QVERIFY(view);
        QSet<QKeySequence> shortcuts;
        const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
        QVERIFY(docks.size() >= 10);
        for (QDockWidget *dock : docks) {
            QVERIFY2(view->actions().contains(dock->toggleViewAction()), qPrintable(dock->windowTitle()));
            if (dock->objectName() == QLatin1String("caseSummaryDock"))
                continue; // the Case tab is where the window starts
            const QKeySequence shortcut = dock->toggleViewAction()->shortcut();
            QVERIFY2(!shortcut.isEmpty(), qPrintable(dock->windowTitle()));
            QVERIFY2(!shortcuts.contains(shortcut), qPrintable(shortcut.toString()));
            shortcuts.insert(shortcut);
        }
    }

    void dockShortcutShowsAndRaises()
    {
        QFETCH(QString, dock);
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QSettings().clear(); // no saved window layout
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *target = window.findChild<QDockWidget *>(dock);
        auto *caseDock = window.findChild<QDockWidget *>(QStringLiteral("caseSummaryDock"));
        QVERIFY(target);
        QVERIFY(caseDock);
        if (window.dockWidgetArea(target) != window.dockWidgetArea(caseDock))
            window.tabifyDockWidget(caseDock, target); // an analyst may have put it among the tabs
        caseDock->raise(); // the case in front, the dock behind it
        const auto onScreen = [target] { return target->isVisible() && !target->visibleRegion().isEmpty(); };
        QTRY_VERIFY(!onScreen());
        QVERIFY(target->toggleViewAction()->isChecked());
        QTest::keyClick(&window, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QTRY_VERIFY(onScreen());
        QVERIFY(target->toggleViewAction()->isChecked());
        QTest::keyClick(&window, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QCoreApplication::processEvents();
        QVERIFY(onScreen());
        QVERIFY(target->toggleViewAction()->isChecked());
        target->toggleViewAction()->trigger(); // the View menu's entry
        QTRY_VERIFY(target->isHidden());
        QVERIFY(!target->toggleViewAction()->isChecked());
        QTest::keyClick(&window, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QTRY_VERIFY(onScreen());
        QVERIFY(target->toggleViewAction()->isChecked());
    }

    // The graph groups outside addresses per IOC list: adding a list in the
    // window regroups the graph on screen, removing it ungroups them.
    void anIocListRegroupsTheGraph()
    {
        const QString casePath = smallTrafficCase(QStringLiteral("ioc-graph"));
        QVERIFY(!casePath.isEmpty());
        const QString feed = path(QStringLiteral("ioc-graph-feed.txt"));
        test::writeFile(feed, "203.0.113.9\n");
        QSettings().clear();
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openCase(casePath));
        auto *graph = window.findChild<GraphView *>(QStringLiteral("graph"));
        QVERIFY(graph);
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        const auto hasNode = [graph](const QString &id) { return graph->scene()->nodeItem(id) != nullptr; };
        QTRY_VERIFY_WITH_TIMEOUT(hasNode(QStringLiteral("203.0.113.0/24")), 20000);

        auto *lists = window.findChild<IocListsController *>();
        QVERIFY(lists);
        lists->addFiles(QStringLiteral("feed"), {feed});
        QTRY_VERIFY_WITH_TIMEOUT(hasNode(QStringLiteral("ioc:feed")), 20000);
        QVERIFY(!hasNode(QStringLiteral("203.0.113.0/24")));
        lists->remove(QStringLiteral("feed"));
        QTRY_VERIFY_WITH_TIMEOUT(hasNode(QStringLiteral("203.0.113.0/24")), 20000);
        QVERIFY(!hasNode(QStringLiteral("ioc:feed")));
    }

    void theGraphTabTakesTheKeys_data()
    {
        QTest::addColumn<bool>("byShortcut"); // else its tab clicked
        QTest::addColumn<bool>("typing");     // a filter typed in the bar, not applied
        QTest::newRow("tab clicked") << false << false;
        QTest::newRow("Ctrl+Shift+G") << true << false;
        QTest::newRow("tab clicked while typing a filter") << false << true;
        QTest::newRow("Ctrl+Shift+G while typing a filter") << true << true;
    }

    // The Graph tab chosen, 0 fits the graph at once (and + and - zoom),
    // without a click into the graph first; but a filter being typed keeps
    // the keyboard.
    void theGraphTabTakesTheKeys()
    {
        QFETCH(bool, byShortcut);
        QFETCH(bool, typing);
        const QString casePath = path(QStringLiteral("graph-keys.flowcase"));
        if (!QFile::exists(casePath)) {
            const QString input = path(QStringLiteral("graph-keys-input.log"));
            test::writeFile(input, test::smallTrafficRecords());
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({input.toStdString()}, {}).records, 5u);
        }
        QSettings().clear();
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openCase(casePath));
        auto *graph = window.findChild<GraphView *>(QStringLiteral("graph"));
        auto *graphDock = window.findChild<QDockWidget *>(QStringLiteral("graphDock"));
        auto *whyDock = window.findChild<QDockWidget *>(QStringLiteral("whyRejectedDock"));
        QVERIFY(graph && graphDock && whyDock);
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!graph->scene()->nodeItems().empty() && !graph->isComputing(), 20000);
        QGraphicsView *canvas = graph->graphicsView();
        const auto wholeInView = [canvas] {
            const QRect shown = canvas->mapFromScene(canvas->scene()->itemsBoundingRect()).boundingRect();
            return canvas->viewport()->rect().adjusted(-1, -1, 1, 1).contains(shown);
        };
        // Zoomed in, then another tab in front and the keyboard elsewhere.
        const QPoint centre = canvas->viewport()->rect().center();
        QWheelEvent wheel(centre, canvas->viewport()->mapToGlobal(centre), {}, QPoint(0, 600), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(canvas->viewport(), &wheel);
        QVERIFY(!wholeInView());
        const double zoomed = canvas->transform().m11();
        whyDock->raise();
        QTRY_VERIFY(!isDockOnScreen(graphDock));
        QLineEdit *editor = window.filterBar()->editor();
        if (typing) {
            editor->setFocus();
            QTest::keyClicks(editor, QStringLiteral("dstport == 2"));
        } else {
            window.flowTable()->setFocus();
        }
        QWidget *before = QApplication::focusWidget();
        QVERIFY(before);

        if (byShortcut) {
            QTest::keyClick(before, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        } else {
            QTabBar *tabs = nullptr;
            int tab = -1;
            for (QTabBar *bar : window.findChildren<QTabBar *>())
                for (int i = 0; bar->isVisible() && i < bar->count(); ++i)
                    if (bar->tabText(i) == QLatin1String("Graph")) {
                        tabs = bar;
                        tab = i;
                    }
            QVERIFY(tabs);
            QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(tab).center());
        }
        QTRY_VERIFY(isDockOnScreen(graphDock));
        if (typing) {
            for (int i = 0; i < 3; ++i) // what the dock coming in front posted has run
                QCoreApplication::processEvents();
            QCOMPARE(QApplication::focusWidget(), before);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_0);
            QCOMPARE(window.filterBar()->filterText(), QStringLiteral("dstport == 20")); // the 0 is the analyst's
            QCOMPARE(canvas->transform().m11(), zoomed);
            return;
        }
        QTRY_COMPARE(QApplication::focusWidget(), canvas);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_0);
        QVERIFY(wholeInView());
        QVERIFY(canvas->transform().m11() < zoomed);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Plus);
        QVERIFY(canvas->transform().m11() > canvas->transform().m22() - 1e-9); // still square
        QVERIFY(!window.filterBar()->filterText().contains(QLatin1Char('0')));
    }

    void evidenceShownSelectsItsFinding_data()
    {
        QTest::addColumn<bool>("fromMarker"); // else from the incident timeline
        QTest::newRow("its timeline marker") << true;
        QTest::newRow("its incident timeline entry") << false;
    }

    // A finding's evidence applied from its timeline marker or its incident
    // timeline entry: the Findings table selects that finding (scrolled to
    // it), not the one chosen there before.
    void evidenceShownSelectsItsFinding()
    {
        QFETCH(bool, fromMarker);
        QSettings().clear();
        const QString demo = QString::fromStdString(ensureDemoCase(path(QStringLiteral("demo-evidence")).toStdString()).string());
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *findings = window.findChild<FindingsView *>(QStringLiteral("findingsView"));
        QVERIFY(findings);
        QSignalSpy loaded(findings->model(), &FindingsModel::finished);
        QVERIFY(window.openCase(demo));
        QVERIFY(loaded.count() > 0 || loaded.wait(20000));
        QVERIFY(findings->model()->rowCount() > 2);
        QTableView *table = findings->table();
        table->selectRow(0); // the analyst's earlier choice
        const int otherRow = findings->model()->rowCount() - 1;
        const QString other = findings->model()->index(otherRow, 0).data(FindingsModel::FindingIdRole).toString();
        const QString evidence = findings->model()->index(otherRow, 0).data(FindingsModel::EvidenceFilterRole).toString();
        QVERIFY(!other.isEmpty() && !evidence.isEmpty());

        if (fromMarker) {
            QTRY_VERIFY(window.timeline()->marker(QStringLiteral("finding:") + other));
            Q_EMIT window.timeline()->markerActivated(QStringLiteral("finding:") + other);
        } else {
            QAbstractItemModel *incident = window.incidentTimeline()->table()->model();
            QTRY_VERIFY(incident->rowCount() > 0);
            const QModelIndexList entry = incident->match(incident->index(0, 0), IncidentTimelineModel::ReferenceRole, other,
                                                          1, Qt::MatchExactly);
            QVERIFY(!entry.isEmpty());
            Q_EMIT window.incidentTimeline()->table()->activated(entry.front());
        }
        QCOMPARE(window.filterBar()->appliedFilter(), evidence.trimmed());
        const QModelIndexList selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.front().data(FindingsModel::FindingIdRole).toString(), other);
        QCOMPARE(table->currentIndex().row(), otherRow);
        QVERIFY(table->viewport()->rect().intersects(table->visualRect(selected.front())));
    }

    // Ctrl+M in the table stars the record: the Incident Timeline lists it,
    // the timeline marks it, the filter bar accepts `starred`, and a click
    // on its marker brings the table back to it.
    void starringReachesTheIncidentTimeline()
    {
        const QString input = path(QStringLiteral("star-input.log"));
        test::writeFile(input, test::smallTrafficRecords());
        const QString casePath = path(QStringLiteral("star.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({input.toStdString()}, {}).records, 5u);
            Finding f;
            f.id = "syn-only-1";
            f.type = "syn-only";
            f.title = "10.0.0.1 sent SYNs nobody answered";
            f.start = 1700000000 - 60; // before every record
            f.end = 1700000000;
            f.evidenceFilter = "srcaddr == 10.0.0.1";
            storeFindings(*caseDb, {"syn-only"}, StoredRun{"syn-only", 1, "", "", 5}, {f});
        }
        QSettings().clear();
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openCase(casePath));
        FlowTableModel *flows = window.flowModel();
        QTRY_COMPARE(flows->rowCount(), 5);
        QTRY_VERIFY(!flows->index(3, 0).data(FlowTableModel::LoadingRole).toBool());
        const qint64 starred = flows->index(3, 0).data(FlowTableModel::RecordIdRole).toLongLong();
        window.flowTable()->setFocus();
        window.flowTable()->selectRow(3);
        QTest::keyClick(window.flowTable(), Qt::Key_M, Qt::ControlModifier);
        QVERIFY(flows->index(3, 0).data(FlowTableModel::StarredRole).toBool());

        QAbstractItemModel *incident = window.incidentTimeline()->table()->model();
        QCOMPARE(incident->rowCount(), 2); // the finding stored before, and the star
        QCOMPARE(incident->index(1, 0).data(IncidentTimelineModel::RecordIdRole).toLongLong(), starred);
        const QString markerId = QStringLiteral("record:%1").arg(starred);
        QCOMPARE(window.timeline()->markers(QStringLiteral("incident")).size(), 2);
        QVERIFY(window.timeline()->marker(markerId));
        QVERIFY(window.timeline()->marker(QStringLiteral("finding:syn-only-1")));

        // The finding's severity edited in the dock: the Findings dock shows it too.
        auto *findings = window.findChild<FindingsView *>(QStringLiteral("findingsView"));
        QVERIFY(findings);
        QVERIFY(incident->setData(incident->index(0, IncidentTimelineModel::SeverityColumn), QStringLiteral("critical")));
        QTRY_COMPARE(findings->model()->index(0, FindingsModel::SeverityColumn).data().toString(), QStringLiteral("critical"));

        window.filterBar()->setFilterText(QStringLiteral("starred"));
        QCOMPARE(window.filterBar()->syntax().state, FilterSyntaxState::Valid);
        window.filterBar()->setFilterText(QString());

        window.flowTable()->selectRow(0);
        Q_EMIT window.timeline()->markerActivated(markerId);
        QTRY_COMPARE(window.flowTable()->currentIndex().row(), 3);

        // A finding's marker shows its evidence, and the bar says so, with the way back.
        FilterBar *bar = window.filterBar();
        QVERIFY(bar->applyFilterText(QStringLiteral("dstport == 443")));
        Q_EMIT window.timeline()->markerActivated(QStringLiteral("finding:syn-only-1"));
        QCOMPARE(bar->appliedFilter(), QStringLiteral("srcaddr == 10.0.0.1"));
        QTRY_COMPARE(flows->filter(), QStringLiteral("srcaddr == 10.0.0.1"));
        QVERIFY2(bar->message().contains(QStringLiteral("syn-only-1")), qPrintable(bar->message()));
        QVERIFY2(bar->message().contains(QStringLiteral("Back to dstport == 443")), qPrintable(bar->message()));
        QVERIFY(bar->messageLine()->isVisible());
        // As a double-click in the Findings dock does.
        QVERIFY(bar->applyFilterText(QStringLiteral("dstport == 443")));
        QVERIFY(bar->message().isEmpty());
        QTableView *findingsTable = findings->table();
        const QRect cell = findingsTable->visualRect(findings->model()->index(0, FindingsModel::TitleColumn));
        QTest::mouseClick(findingsTable->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(findingsTable->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(bar->appliedFilter(), QStringLiteral("srcaddr == 10.0.0.1"));
        QVERIFY2(bar->message().contains(QStringLiteral("syn-only-1")), qPrintable(bar->message()));
        Q_EMIT bar->messageLine()->linkActivated(QStringLiteral("back"));
        QCOMPARE(bar->appliedFilter(), QStringLiteral("dstport == 443"));
        QTRY_COMPARE(flows->filter(), QStringLiteral("dstport == 443"));
        QVERIFY(bar->message().isEmpty());

        // The starred record (to port 40000) hidden by the filter: its marker
        // says when and what it is, and offers to clear the filter and go to it.
        QTRY_VERIFY(flows->rowCount() > 0 && !flows->index(0, 0).data(FlowTableModel::LoadingRole).toBool());
        window.flowTable()->selectRow(0);
        Q_EMIT window.timeline()->markerActivated(markerId);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("hiddenRecordBox"))));
        QVERIFY2(box->text().contains(QStringLiteral("2023-11-14 22:16:40 UTC")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("10.0.0.2:443 \u2192 10.0.0.1:40000")), qPrintable(box->text()));
        QVERIFY2(!box->text().contains(QString::number(starred)), qPrintable(box->text()));
        QCOMPARE(window.statusBar()->currentMessage(), box->text());
        auto *show = qobject_cast<QAbstractButton *>(box->defaultButton());
        QVERIFY(show);
        show->click();
        QTRY_COMPARE(flows->filter(), QString());
        QTRY_COMPARE(window.flowTable()->currentIndex().data(FlowTableModel::RecordIdRole).toLongLong(), starred);
    }

    // A new session opens the case the analyst had open last (a restart to
    // change the language comes back to it), not the demo case.
    void theLastCaseIsReopened()
    {
        const QString first = path(QStringLiteral("last/first.flowcase"));
        const QString second = path(QStringLiteral("last/second.flowcase"));
        QDir().mkpath(path(QStringLiteral("last")));
        {
            MainWindow window;
            QVERIFY(window.createCase(first));
            QVERIFY(window.createCase(second));
            QVERIFY(window.openCase(first));
            QVERIFY(window.openCase(second));
        }
        MainWindow next;
        QVERIFY(next.session()->reopenLastCase());
        QCOMPARE(next.session()->casePath(), second);
        QCOMPARE(next.session()->recentCases().value(0), second);
        QFile::remove(second);
        MainWindow after;
        QVERIFY(after.session()->reopenLastCase()); // the newest that still exists
        QCOMPARE(after.session()->casePath(), first);
    }

    // The filter end to end on the dropped case (an ACCEPT to port 22 and a
    // REJECT to port 3389): typed in the bar, then pivoted from a table cell.
    // Brushing the timeline puts the time condition in the bar, applied:
    // the table, the statistics and the timeline itself follow.
    void timelineDragFiltersTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TimelineView *timeline = window.timeline();
        QVERIFY(timeline && timeline->isVisible());
        timeline->setFixedBucketSeconds(60);
        QSignalSpy computed(timeline, &TimelineView::computed);
        QVERIFY(window.openCase(path(QStringLiteral("drop.flowcase"))));
        FlowTableModel *model = window.flowModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 30000);
        window.filterBar()->setFilterText(QStringLiteral("action == reject"));
        window.filterBar()->apply();
        QTRY_VERIFY_WITH_TIMEOUT(!timeline->isComputing() && timeline->filter() == QStringLiteral("action == reject")
                                     && !timeline->plot()->timeline().buckets.empty(),
                                 30000);

        // Buckets of 60 s on the minute: 1418530015..065 sweeps 04:06:00 to 04:08:00.
        TimelinePlot *plot = timeline->plot();
        const int y = plot->axisRect()->center().y();
        const QPoint from(int(plot->xAxis->coordToPixel(1418530015.0)), y);
        const QPoint to(int(plot->xAxis->coordToPixel(1418530065.0)), y);
        QTest::mousePress(plot, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, plot->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(plot, &move);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, to);

        const QString expected =
            QStringLiteral("action == reject and time >= 2014-12-14T04:06:00Z and time < 2014-12-14T04:08:00Z");
        QCOMPARE(window.filterBar()->appliedFilter(), expected);
        QCOMPARE(window.filterBar()->filterText(), expected); // editable there
        QCOMPARE(model->filter(), expected);
        QCOMPARE(window.statistics()->filter(), expected);
        QCOMPARE(timeline->filter(), expected);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 30000);
    }

    // A case holding what Flowscope does not make is refused, the reason in
    // the message box and the status bar.
    void tamperedCaseIsRefused()
    {
        const QString casePath = path(QStringLiteral("tampered.flowcase"));
        CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing).reset();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(casePath.toUtf8().constData(), &db), SQLITE_OK);
        const int planted = sqlite3_exec(
            db, "CREATE TRIGGER t AFTER INSERT ON source_file BEGIN DELETE FROM rollup_minute; END", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(planted, SQLITE_OK);

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.openCase(casePath));
        auto *box = window.findChild<QMessageBox *>();
        QVERIFY(box && box->isVisible());
        const QString expected = QStringLiteral("refused: the case '%1' holds a trigger `t` on source_file that "
                                                "Flowscope does not make").arg(casePath);
        QVERIFY2(box->text().startsWith(expected), qPrintable(box->text()));
        QVERIFY(window.statusBar()->currentMessage().startsWith(expected));
    }

    // File > Export names what it will write, renamed as the analyst turns to another view.
    void exportActionNamesTheView()
    {
        QSettings().clear(); // no saved window layout
        const QString casePath = smallTrafficCase(QStringLiteral("export-name"));
        QVERIFY(!casePath.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy caseLoaded(window.flowModel(), &FlowTableModel::caseLoaded);
        QVERIFY(window.openCase(casePath));
        QVERIFY(caseLoaded.wait(30000));
        auto *action = window.findChild<QAction *>(QStringLiteral("exportViewCsv"));
        auto *findingsDock = window.findChild<QDockWidget *>(QStringLiteral("findingsDock"));
        auto *rejectsDock = window.findChild<QDockWidget *>(QStringLiteral("rejectsDock"));
        QVERIFY(action && findingsDock && rejectsDock);
        findingsDock->show();
        findingsDock->raise();
        QTRY_COMPARE(action->text(), QStringLiteral("Export Findings as &CSV…"));
        rejectsDock->show();
        rejectsDock->raise();
        QTRY_COMPARE(action->text(), QStringLiteral("Export Reject Groups as &CSV…"));
        QTableView *table = window.flowTable();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 1)).center());
        QCOMPARE(action->text(), QStringLiteral("Export Flows as &CSV…"));
    }

    // File > Export > Incident Report (PDF) opens the dialog on the case and
    // the flow table's filter.
    void reportDialogTakesTheWindowsFilter()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openCase(path(QStringLiteral("drop.flowcase"))));
        QTRY_COMPARE_WITH_TIMEOUT(window.flowModel()->rowCount(), 2, 30000);
        window.filterBar()->applyFilterText(QStringLiteral("action == reject"));
        QCOMPARE(window.flowModel()->filter(), QStringLiteral("action == reject"));
        auto *action = window.findChild<QAction *>(QStringLiteral("exportReport"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        auto *dialog = window.findChild<ReportExportDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        const report::ReportRequest request = dialog->request();
        QCOMPARE(request.filter, QStringLiteral("action == reject"));
        QCOMPARE(QFileInfo(request.casePath).fileName(), QStringLiteral("drop.flowcase"));
        QCOMPARE(request.parts, report::allReportParts());
        dialog->reject();
        QTRY_VERIFY(!window.findChild<ReportExportDialog *>()); // deleted on close
    }

    void filterNarrowsTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openCase(path(QStringLiteral("drop.flowcase"))));
        FlowTableModel *model = window.flowModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 30000);
        FilterBar *bar = window.filterBar();
        auto *shown = window.findChild<ShownRecordsLabel *>(QStringLiteral("shownRecords"));
        QVERIFY(bar && bar->isEnabled() && shown);
        QVERIFY(shown->text().isEmpty()); // without a filter the case status says it all

        bar->editor()->setFocus();
        QTest::keyClicks(bar->editor(), QStringLiteral("action == reject"));
        QTest::keyClick(bar->editor(), Qt::Key_Return);
        QCOMPARE(model->filter(), QStringLiteral("action == reject"));
        QTRY_COMPARE_WITH_TIMEOUT(shown->text(), QStringLiteral("Shown: 1 of 2 (50.00%)"), 30000);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(window.statistics()->filter(), QStringLiteral("action == reject")); // statistics follow

        // Right-click on the destination port: "Prepare" puts a filter in the
        // bar only; "Apply … and not Selected" narrows to nothing.
        const int dstPort = int(model->columns().indexOf(Field::DstPort));
        QVERIFY(dstPort >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(*model, 0), 30000);
        const QModelIndex cell = model->index(0, dstPort);
        std::unique_ptr<QMenu> menu(window.flowTable()->createCellMenu(cell));
        auto *prepare = menu->findChild<QAction *>(QStringLiteral("prepareSelected"));
        QVERIFY(prepare && prepare->isEnabled());
        prepare->trigger();
        QCOMPARE(bar->filterText(), QStringLiteral("dstport == 3389"));
        QCOMPARE(model->filter(), QStringLiteral("action == reject"));

        bar->setFilterText(QStringLiteral("action == reject"));
        menu.reset(window.flowTable()->createCellMenu(cell));
        auto *andNot = menu->findChild<QAction *>(QStringLiteral("applyAndNotSelected"));
        QVERIFY(andNot);
        andNot->trigger();
        QCOMPARE(bar->appliedFilter(), QStringLiteral("action == reject and not dstport == 3389"));
        QCOMPARE(model->filter(), bar->appliedFilter());
        QTRY_COMPARE_WITH_TIMEOUT(shown->text(), QStringLiteral("Shown: 0 of 2 (0.00%)"), 30000);
        QCOMPARE(model->rowCount(), 0);

        // Esc in the bar brings back the filter in force; an empty one shows everything.
        bar->setFilterText(QStringLiteral("dstport =="));
        QTest::keyClick(bar->editor(), Qt::Key_Escape);
        QCOMPARE(bar->filterText(), bar->appliedFilter());
        QVERIFY(bar->applyFilterText(QString()));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 30000);
    }

    // A filter's error stays under the bar until a valid filter is applied.
    void validFilterClearsTheFilterError()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openCase(path(QStringLiteral("drop.flowcase"))));
        QTRY_COMPARE_WITH_TIMEOUT(window.flowModel()->rowCount(), 2, 30000);
        FilterBar *bar = window.filterBar();
        bar->setFilterText(QStringLiteral("dstport =="));
        QVERIFY(!bar->apply());
        QVERIFY2(bar->message().contains(QStringLiteral("still shows every record")), qPrintable(bar->message()));
        QVERIFY(bar->messageLine()->isVisible());
        bar->setFilterText(QStringLiteral("action == reject"));
        QVERIFY(bar->apply());
        QCOMPARE(window.flowModel()->filter(), QStringLiteral("action == reject"));
        QVERIFY(bar->message().isEmpty());
        QVERIFY(!bar->messageLine()->isVisible());
    }

    // File > Load Configuration Snapshot stores it off the GUI thread, reports
    // it and says that the case's snapshots changed; a bad one is refused.
    void loadsAConfigurationSnapshot()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.createCase(path(QStringLiteral("snapshot.flowcase"))));
        bool inFileMenu = false;
        for (const QMenu *menu : window.findChildren<QMenu *>())
            for (const QAction *item : menu->actions())
                inFileMenu |= item->text() == QStringLiteral("Load &Configuration Snapshot…") && item->isEnabled();
        QVERIFY(inFileMenu);

        test::writeFile(path(QStringLiteral("config/good/vpcs.json")),
                        R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "OwnerId": "111122223333"}]})");
        QSignalSpy changed(window.session(), &CaseSession::snapshotsChanged);
        QSignalSpy finished(window.session(), &CaseSession::snapshotLoadFinished);
        QVERIFY(window.session()->loadSnapshot({path(QStringLiteral("config/good"))}));
        QVERIFY(changed.wait(60000));
        QCOMPARE(finished.size(), 1);
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("snapshotLoadReport")));
        auto *report = window.findChild<QMessageBox *>(QStringLiteral("snapshotLoadReport"));
        QVERIFY2(report->text().contains(u"1 VPC"), qPrintable(report->text()));
        // The status bar says it in a few words, the whole report in its tooltip.
        QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Configuration snapshot"), qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!window.statusBar()->currentMessage().contains(u"1 VPC"));
        QCOMPARE(window.statusBar()->toolTip(), report->text());
        const QPointer<QMessageBox> first = report;
        report->close();
        QTRY_VERIFY(!first); // deleted on close

        test::writeFile(path(QStringLiteral("config/bad/acls.json")), "{\"NetworkAcls\": [");
        QVERIFY(window.session()->loadSnapshot({path(QStringLiteral("config/bad"))}));
        QVERIFY(finished.wait(60000));
        QCOMPARE(changed.size(), 1); // nothing stored, nothing changed
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("snapshotLoadReport")));
        report = window.findChild<QMessageBox *>(QStringLiteral("snapshotLoadReport"));
        QVERIFY2(report->text().contains(u"acls.json: line 1"), qPrintable(report->text()));
        report->close();
    }

    void columnWidthsPersist()
    {
        const QString casePath = path(QStringLiteral("custom.flowcase"));
        {
            MainWindow window;
            window.show();
            QVERIFY(window.openCase(casePath));
            auto *table = window.findChild<FlowTableView *>();
            table->horizontalHeader()->resizeSection(1, 321);
            QVERIFY(window.close()); // saves the window's state
        }
        MainWindow window;
        auto *table = window.findChild<FlowTableView *>();
        QCOMPARE(table->horizontalHeader()->sectionSize(1), 321);
        QVERIFY(window.openCase(casePath));
        QSignalSpy caseLoaded(window.flowModel(), &FlowTableModel::caseLoaded);
        QVERIFY(caseLoaded.wait(30000));
        QCOMPARE(table->horizontalHeader()->sectionSize(1), 321); // kept when the rows arrive
        // And the case is in the recent list.
        QCOMPARE(window.session()->recentCases().value(0), casePath);
    }

    // The explainer's docks: the panel follows the selected REJECT row; the
    // Rejects tab behind the Case tab computes nothing until it comes in
    // front, and a double-click on a group applies its filter to the table.
    void explainDocksFollowTheWindow()
    {
        QSettings().clear(); // the default layout
        const test::ExplainCase fixture = test::writeExplainCase(m_dir.path(), QStringLiteral("explain"), true);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The panel beside the table takes a third of the window at most (the graph tabbed with it holds it no wider).
        auto *whyDock = window.findChild<QDockWidget *>(QStringLiteral("whyRejectedDock"));
        QVERIFY2(whyDock->width() <= window.width() / 3 + 8, qPrintable(QStringLiteral("%1 of %2").arg(whyDock->width()).arg(window.width())));
        QSignalSpy caseLoaded(window.flowModel(), &FlowTableModel::caseLoaded);
        QVERIFY(window.openCase(fixture.path));
        QVERIFY(caseLoaded.wait(30000));
        FlowTableModel *flows = window.flowModel();
        QTRY_VERIFY(loaded(*flows, flows->rowCount() - 1));
        int rejectRow = -1;
        for (int row = 0; row < flows->rowCount(); ++row)
            if (flows->index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong() == fixture.idOfLine.at(3))
                rejectRow = row;
        QVERIFY(rejectRow >= 0);
        QSignalSpy explained(window.whyRejected(), &WhyRejectedPanel::explained);
        window.flowTable()->selectRow(rejectRow);
        QVERIFY(explained.wait(20000));
        QVERIFY(window.whyRejected()->shownText().startsWith(WhyRejectedPanel::verdictSentence(explain::RecordVerdict::NetworkAcl)));
        // An evidence click goes to that very record, not to the first of its
        // second (the reply shares its start with the request before it).
        const auto reject = flows->recordAt(rejectRow);
        QVERIFY(reject);
        const qint64 start = std::get<std::int64_t>(reject->value(Field::Start));
        window.flowTable()->selectRow(0);
        Q_EMIT window.whyRejected()->recordRequested(fixture.idOfLine.at(3), start);
        QTRY_COMPARE(window.flowTable()->currentIndex().data(FlowTableModel::RecordIdRole).toLongLong(), fixture.idOfLine.at(3));
        QCoreApplication::processEvents();
        QCOMPARE(window.flowTable()->currentIndex().data(FlowTableModel::RecordIdRole).toLongLong(), fixture.idOfLine.at(3));

        // An evidence record the filter hides is said so in the status bar until a new filter shows it.
        auto *bar = window.findChild<FilterBar *>();
        QVERIFY(bar->applyFilterText(QStringLiteral("action == reject")));
        QTRY_VERIFY(flows->rowCount() > 0 && loaded(*flows, 0));
        for (int row = 0; row < flows->rowCount(); ++row)
            if (flows->index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong() == fixture.idOfLine.at(3))
                window.flowTable()->selectRow(row);
        QTRY_VERIFY(window.whyRejected()->showsExplanation());
        QAbstractItemModel *evidence = window.whyRejected()->evidenceTable()->model();
        int accepted = -1;
        for (int row = 0; row < evidence->rowCount(); ++row)
            if (evidence->index(row, 0).data(EvidenceModel::AcceptedRole).toBool())
                accepted = row;
        QVERIFY(accepted >= 0);
        const QString described = window.whyRejected()->describeRecord(evidence->index(accepted, 0).data(EvidenceModel::RecordIdRole).toLongLong());
        QTest::mouseClick(window.whyRejected()->evidenceTable()->viewport(), Qt::LeftButton, {},
                          window.whyRejected()->evidenceTable()->visualRect(evidence->index(accepted, 0)).center());
        QTRY_COMPARE(window.statusBar()->currentMessage(), described + QStringLiteral(" is not among the rows the filter shows."));
        QVERIFY(bar->applyFilterText(QString()));
        QCOMPARE(window.statusBar()->currentMessage(), QString());

        RejectsOverviewView *rejects = window.rejectsOverview();
        QVERIFY(bar->applyFilterText(QStringLiteral("dstport == 22")));
        QCoreApplication::processEvents();
        QCOMPARE(rejects->groups()->started(), 0); // behind the Case tab
        QSignalSpy computed(rejects, &RejectsOverviewView::computed);
        // Its shortcut brings the tab forward (Qt's toggle would remove the tab behind the Case tab).
        auto *rejectsDock = window.findChild<QDockWidget *>(QStringLiteral("rejectsDock"));
        QCOMPARE(rejectsDock->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        rejectsDock->toggleViewAction()->trigger();
        QVERIFY(computed.wait(20000));
        QTRY_VERIFY(rejects->isOnScreen());
        QVERIFY(rejectsDock->toggleViewAction()->isChecked());
        QCOMPARE(rejects->groups()->started(), 1);
        QCOMPARE(rejects->groups()->rowCount(), 1);
        QCOMPARE(rejects->groups()->rejects(), qint64(2));
        QSignalSpy counts(flows, &FlowTableModel::countsChanged);
        const QString groupFilter = rejects->groups()->filterForRow(0);
        QVERIFY(groupFilter.startsWith(QStringLiteral("dstport == 22 and ")));
        const QRect cell = rejects->table()->visualRect(rejects->groups()->index(0, 0));
        QTest::mouseClick(rejects->table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(rejects->table()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(bar->filterText(), groupFilter);
        QTRY_VERIFY(!counts.isEmpty() && !counts.last().at(2).toBool());
        QCOMPARE(flows->rowCount(), 2);
        // In front, the View menu's entry hides the dock; again, it comes back in front.
        rejectsDock->toggleViewAction()->trigger();
        QVERIFY(rejectsDock->isHidden());
        QVERIFY(!rejectsDock->toggleViewAction()->isChecked());
        rejectsDock->toggleViewAction()->trigger();
        QTRY_VERIFY(rejects->isOnScreen());
        QSettings().clear();
    }

    // With no saved layout, a case with findings (the demo) opens on them,
    // whenever it opens, and one without keeps the Case tab in front; the
    // flow table keeps the largest share of the height, the timeline above it
    // is tall enough for a value axis of several ticks, the tabs below show
    // rows. A layout the analyst saved comes back as saved: what is in
    // front, the sizes, a closed Findings dock.
    void defaultLayoutAndFindingsInFront()
    {
        QSettings().clear(); // the first start
        const QString demo = QString::fromStdString(ensureDemoCase(path(QStringLiteral("demo-layout")).toStdString()).string());
        int savedTimelineHeight = 0;
        const auto docks = [](const MainWindow &window) {
            return std::array{window.findChild<QDockWidget *>(QStringLiteral("timelineDock")),
                              window.findChild<QDockWidget *>(QStringLiteral("caseSummaryDock")),
                              window.findChild<QDockWidget *>(QStringLiteral("findingsDock")),
                              window.findChild<QDockWidget *>(QStringLiteral("statisticsDock"))};
        };
        const auto findingsLoaded = [](const MainWindow &window) {
            return new QSignalSpy(window.findChild<FindingsView *>(QStringLiteral("findingsView"))->model(), &FindingsModel::finished);
        };
        {
            MainWindow window;
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const auto [timelineDock, summaryDock, findingsDock, statsDock] = docks(window);
            QVERIFY(timelineDock && summaryDock && findingsDock && statsDock);
            QSignalSpy computed(window.timeline(), &TimelineView::computed);
            QVERIFY(window.openCase(demo));
            QTRY_VERIFY(isDockOnScreen(findingsDock));
            QVERIFY(!isDockOnScreen(summaryDock)); // behind the findings

            const int table = window.centralWidget()->height();
            const int column = table + timelineDock->height() + summaryDock->height();
            const QString sizes = QStringLiteral("timeline %1, table %2, tabs %3")
                                      .arg(timelineDock->height()).arg(table).arg(summaryDock->height());
            QVERIFY2(table > timelineDock->height() && table > summaryDock->height(), qPrintable(sizes));
            QVERIFY2(timelineDock->height() >= column / 5 && summaryDock->height() >= column / 4, qPrintable(sizes));
            const int rowHeight = window.flowTable()->verticalHeader()->defaultSectionSize();
            QVERIFY2(window.flowTable()->viewport()->height() >= 10 * rowHeight, qPrintable(sizes));
            // The tabs below show rows enough to read down (five at least), not three.
            auto *findingsTable = window.findChild<FindingsView *>(QStringLiteral("findingsView"))->table();
            QVERIFY(findingsTable);
            QVERIFY2(findingsTable->viewport()->height() >= 5 * findingsTable->verticalHeader()->defaultSectionSize(),
                     qPrintable(sizes + QStringLiteral(", findings %1 px").arg(findingsTable->viewport()->height())));

            QVERIFY(computed.count() > 0 || computed.wait(30000));
            TimelinePlot *plot = window.timeline()->plot();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            int inView = 0;
            for (const double tick : plot->yAxis->tickVector())
                inView += plot->yAxis->range().contains(tick) ? 1 : 0;
            QVERIFY2(inView >= 3, qPrintable(QStringLiteral("%1 ticks on %2 px").arg(inView).arg(plot->axisRect()->height())));

            // A case without findings keeps the tab in front; the demo again brings its findings forward.
            statsDock->raise();
            std::unique_ptr<QSignalSpy> loaded(findingsLoaded(window));
            QVERIFY(window.createCase(path(QStringLiteral("no-findings.flowcase"))));
            QVERIFY(loaded->wait(20000));
            QCoreApplication::processEvents();
            QVERIFY(isDockOnScreen(statsDock) && !isDockOnScreen(findingsDock));
            QVERIFY(window.openCase(demo));
            QTRY_VERIFY(isDockOnScreen(findingsDock));

            // The analyst makes the timeline taller and puts the statistics in front.
            window.resizeDocks({timelineDock}, {timelineDock->height() + 60}, Qt::Vertical);
            QCoreApplication::processEvents();
            savedTimelineHeight = timelineDock->height();
            statsDock->raise();
            QCoreApplication::processEvents();
            window.close(); // saves the layout
        }
        {
            MainWindow again;
            again.show();
            QVERIFY(QTest::qWaitForWindowExposed(&again));
            const auto [timelineDock, summaryDock, findingsDock, statsDock] = docks(again);
            std::unique_ptr<QSignalSpy> loaded(findingsLoaded(again));
            QVERIFY(again.openCase(demo));
            QVERIFY(loaded->wait(20000));
            QCoreApplication::processEvents();
            QVERIFY2(std::abs(timelineDock->height() - savedTimelineHeight) <= 4,
                     qPrintable(QStringLiteral("%1, saved %2").arg(timelineDock->height()).arg(savedTimelineHeight)));
            QVERIFY(isDockOnScreen(statsDock)); // the saved layout's, though the case has findings
            QVERIFY(!isDockOnScreen(findingsDock) && !findingsDock->isHidden());
            findingsDock->close();
            again.close();
        }
        MainWindow closed;
        closed.show();
        QVERIFY(QTest::qWaitForWindowExposed(&closed));
        QVERIFY(closed.openCase(demo));
        QCoreApplication::processEvents();
        QVERIFY(closed.findChild<QDockWidget *>(QStringLiteral("findingsDock"))->isHidden()); // closed stays closed
        closed.close();
        QSettings().clear();
    }

    // A header state saved before Action came first, without a column list:
    // the widths follow their fields to today's default columns.
    void earlierColumnLayoutKeepsItsWidths()
    {
        QSettings().clear();
        {
            FlowTableModel model;
            FlowTableView view;
            view.setModel(&model);
            model.setColumns(FlowTableModel::earlierDefaultColumns());
            view.horizontalHeader()->resizeSection(int(FlowTableModel::earlierDefaultColumns().indexOf(Field::InterfaceId)), 333);
            view.horizontalHeader()->resizeSection(int(FlowTableModel::earlierDefaultColumns().indexOf(Field::Action)), 111);
            WindowSettings().setState(QStringLiteral("flowTable"), view.saveHeaderState());
        }
        MainWindow window;
        QCOMPARE(window.flowModel()->columns(), FlowTableModel::defaultColumns());
        const QHeaderView *header = window.flowTable()->horizontalHeader();
        QCOMPARE(header->sectionSize(int(FlowTableModel::defaultColumns().indexOf(Field::InterfaceId))), 333);
        QCOMPARE(header->sectionSize(int(FlowTableModel::defaultColumns().indexOf(Field::Action))), 111);
        QSettings().clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
