// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics view over a small case: computed only while shown, following
// the filter, readable totals, header clicks that ask for the true first rows
// in that order and say how many of how many are shown, painting while a
// computation is in flight, columns as wide as the text on screen, and rows
// that pivot to filters (double-click and
// the Apply / Prepare as Filter menu).

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "test_files.h"
#include "traffic_stats_view.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

using namespace flowscope;

class TestTrafficStatsView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    static int bytesColumn(const TrafficStatsView &view) { return view.table()->model()->columnCount() - 5; }

    // Every cell on screen fits its column: the delegate draws the text
    // between its margins, and elides whatever is wider.
    static void verifyNothingElided(const QTableView &table)
    {
        const QFontMetrics metrics(table.font());
        const int margins = 2 * (table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &table) + 1);
        const int first = table.rowAt(0);
        const int below = table.rowAt(table.viewport()->height() - 1);
        const int last = below < 0 ? table.model()->rowCount() - 1 : below;
        QVERIFY(first >= 0 && last >= first);
        for (int row = first; row <= last; ++row) {
            for (int column = 0; column < table.model()->columnCount(); ++column) {
                const QString text = table.model()->index(row, column).data().toString();
                QVERIFY2(table.horizontalHeader()->sectionSize(column) >= metrics.horizontalAdvance(text) + margins,
                         qPrintable(QStringLiteral("row %1, column %2: %3").arg(row).arg(column).arg(text)));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("s.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    void doubleClickFiltersOnRow_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected");
        using Kind = TrafficStatsView::Kind;
        // Rows come largest first (bytes).
        QTest::newRow("conversation") << int(Kind::Conversations) << ""
                                      << "addr == 10.0.0.1 and addr == 203.0.113.9";
        QTest::newRow("service conversation")
            << int(Kind::ServiceConversations) << ""
            << "addr == 10.0.0.1 and addr == 203.0.113.9 and protocol == tcp and port == 22 and srcport >= 22 and "
               "dstport >= 22";
        QTest::newRow("address endpoint") << int(Kind::AddressEndpoints) << "" << "addr == 10.0.0.1";
        QTest::newRow("eni endpoint") << int(Kind::InterfaceEndpoints) << "" << "eni == eni-a";
        QTest::newRow("narrows the filter") << int(Kind::Conversations) << "action == accept"
                                            << "action == accept and addr == 10.0.0.1 and addr == 203.0.113.9";
        QTest::newRow("narrows an or") << int(Kind::Conversations) << "port == 443 or action == reject"
                                       << "(port == 443 or action == reject) and addr == 10.0.0.1 and addr == 10.0.0.2";
        QTest::newRow("eni under a filter") << int(Kind::InterfaceEndpoints) << "action == reject"
                                            << "action == reject and eni == eni-b";
    }

    void doubleClickFiltersOnRow()
    {
        QFETCH(int, kind);
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        TrafficStatsView view;
        view.setKind(static_cast<TrafficStatsView::Kind>(kind));
        view.setFilter(filter);
        view.setCase(m_case);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(!computed.isEmpty(), 10000);
        QVERIFY(view.table()->model()->rowCount() > 0);

        QSignalSpy requested(&view, &TrafficStatsView::filterRequested);
        const QRect cell = view.table()->visualRect(view.table()->model()->index(0, 0));
        // A double-click follows a press on the same cell, as a real one does.
        QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), expected);
        QCOMPARE(requested.at(0).at(1).toBool(), true);
    }

    void rowMenuOffersWiresharkChoices()
    {
        TrafficStatsView view;
        view.setKind(TrafficStatsView::Kind::AddressEndpoints);
        view.setFilter(QStringLiteral("dstport == 443"));
        view.setCase(m_case);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        std::unique_ptr<QMenu> menu(view.createRowMenu(view.table()->model()->index(0, 0)));
        QSignalSpy requested(&view, &TrafficStatsView::filterRequested);
        menu->findChild<QAction *>(QStringLiteral("prepareOrNotSelected"))->trigger();
        menu->findChild<QAction *>(QStringLiteral("applySelected"))->trigger();
        QCOMPARE(requested.size(), 2);
        const QString term = view.filterForRow(0);
        QVERIFY(term.startsWith(QStringLiteral("addr == 10.0.0.")));
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("dstport == 443 or not ") + term);
        QCOMPARE(requested.at(0).at(1).toBool(), false);
        QCOMPARE(requested.at(1).at(0).toString(), term);
        QCOMPARE(requested.at(1).at(1).toBool(), true);

        std::unique_ptr<QMenu> empty(view.createRowMenu({}));
        QVERIFY(!empty->findChild<QMenu *>(QStringLiteral("applyAsFilter"))->isEnabled());
    }

    void computesOnlyWhenShown()
    {
        TrafficStatsView view;
        view.setCase(m_case);
        QVERIFY(!view.isComputing());
        QCOMPARE(view.statsModel(TrafficStatsView::Kind::Conversations)->rowCount(), 0);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 2);
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("statsStatus"))->text().isEmpty());
        // Other statistics wait for their tab.
        QCOMPARE(view.statsModel(TrafficStatsView::Kind::InterfaceEndpoints)->rowCount(), 0);
        view.findChild<QTabBar *>(QStringLiteral("statsKind"))->setCurrentIndex(3);
        QCOMPARE(view.kind(), TrafficStatsView::Kind::InterfaceEndpoints);
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 3);

        // A new filter recomputes what is shown; back on a tab, its stale rows recompute too.
        view.setFilter(QStringLiteral("action == reject"));
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 1);
        view.hide();
        view.setFilter(QString());
        view.setKind(TrafficStatsView::Kind::Conversations);
        QCoreApplication::processEvents(); // anything queued runs: still nothing computes while hidden
        QVERIFY(!view.isComputing());
        view.show();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 2);
    }

    // A tab behind another in a dock area stays visible to Qt, only moved
    // out of its window: out of sight, nothing computes until asked again
    // once in sight.
    void computesNothingOutOfSight()
    {
        QWidget window;
        window.resize(400, 300);
        auto *view = new TrafficStatsView(&window);
        view->setGeometry(-900, -800, 400, 300); // where Qt moves a tab behind another
        view->setCase(m_case);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(view->isVisible());
        QVERIFY(!view->isOnScreen());
        QCoreApplication::processEvents();
        QCOMPARE(view->statsModel(TrafficStatsView::Kind::Conversations)->started(), 0);
        QSignalSpy computed(view, &TrafficStatsView::computed);
        view->setGeometry(0, 0, 400, 300);
        QVERIFY(view->isOnScreen());
        view->refreshIfStale();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view->statsModel(TrafficStatsView::Kind::Conversations)->started(), 1);
        QCOMPARE(view->table()->model()->rowCount(), 2);
    }

    void totalsReadAndSort()
    {
        TrafficStatsView view;
        view.setCase(m_case);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        QAbstractItemModel *model = view.table()->model();
        const int bytes = bytesColumn(view);
        QCOMPARE(model->headerData(bytes, Qt::Horizontal).toString(), QStringLiteral("Bytes"));
        const QLocale locale;
        QCOMPARE(model->index(0, bytes).data().toString(), locale.formattedDataSize(1000, 1, QLocale::DataSizeSIFormat));
        QCOMPARE(model->index(0, bytes).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("%1 bytes").arg(locale.toString(1000)));
        QCOMPARE(model->index(0, bytes).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), bytes);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        view.table()->sortByColumn(bytes, Qt::AscendingOrder);
        QVERIFY(computed.wait(10000));
        QCOMPARE(model->index(0, bytes).data(TrafficStatsModel::SortValueRole).toULongLong(), 350u);
        QCOMPARE(view.filterForRow(0), QStringLiteral("addr == 10.0.0.1 and addr == 10.0.0.2"));
        // The chosen order survives a recomputation.
        view.setFilter(QStringLiteral("protocol == tcp"));
        QVERIFY(computed.wait(10000));
        QCOMPARE(model->index(0, bytes).data(TrafficStatsModel::SortValueRole).toULongLong(), 350u);

        view.setKind(TrafficStatsView::Kind::ServiceConversations);
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->index(0, 2).data().toString(), QStringLiteral("TCP"));
    }

    // One row kept of two: each header click must fetch the row first in
    // its order, and the status line says which part of how many it is.
    void headerClickShowsTheTrueFirstRows()
    {
        TrafficStatsView view;
        view.statsModel(TrafficStatsView::Kind::Conversations)->setTop(1);
        view.setCase(m_case);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        auto *status = view.findChild<QLabel *>(QStringLiteral("statsStatus"));
        QAbstractItemModel *model = view.table()->model();
        const int rejects = bytesColumn(view) + 2;
        const int firstSeen = bytesColumn(view) + 3;
        QCOMPARE(status->text(), QStringLiteral("Top 1 of 2 conversations by bytes; double-click a row to filter on it"));
        QCOMPARE(model->index(0, rejects).data().toString(), QStringLiteral("0"));

        // The analyst's click on Rejects: the most rejects first.
        QHeaderView *header = view.table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(rejects) + header->sectionSize(rejects) / 2,
                                 header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), rejects);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(status->text(), QStringLiteral("Computing…"));
        QVERIFY(computed.wait(10000));
        QCOMPARE(model->index(0, rejects).data().toString(), QStringLiteral("1"));
        QCOMPARE(status->text(), QStringLiteral("Top 1 of 2 conversations by rejects; double-click a row to filter on it"));

        view.table()->horizontalHeader()->setSortIndicator(firstSeen, Qt::AscendingOrder);
        QVERIFY(computed.wait(10000));
        QCOMPARE(status->text(),
                 QStringLiteral("Earliest 1 of 2 conversations by first seen; double-click a row to filter on it"));
        QCOMPARE(view.filterForRow(0), QStringLiteral("addr == 10.0.0.1 and addr == 10.0.0.2"));

        // An address column names rows, it does not rank them: the order stays.
        view.table()->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), firstSeen);
        QVERIFY(!view.isComputing());

        // Each statistic keeps its own order.
        view.setKind(TrafficStatsView::Kind::AddressEndpoints);
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), bytesColumn(view));
        QCOMPARE(status->text(), QStringLiteral("Top 3 of 3 addresses by bytes; double-click a row to filter on it"));
        view.setKind(TrafficStatsView::Kind::Conversations);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), firstSeen);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    }

    // The statistics job runs on a pool of its own: while it is held in
    // flight, the window processes events and paints, and Qt's global pool
    // (which the raster engine fills on) is free.
    void paintsWhileComputing()
    {
        QSemaphore reached, proceed;
        std::atomic<bool> held = false;
        TrafficStatsView view;
        const auto releaseAtEnd = qScopeGuard([&proceed] { proceed.release(); }); // never left held
        view.resize(600, 400);
        view.statsModel(TrafficStatsView::Kind::Conversations)->setScanCheckpoint([&](quint64, quint64) {
            if (held.exchange(true))
                return;
            reached.release();
            proceed.acquire();
        });
        view.setCase(m_case);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        reached.acquire(); // the scan is in flight, held at its poll
        QVERIFY(view.isComputing());
        // The raster engine's fill jobs of the first paint may still be
        // ending; the held scan would keep the pool busy for good.
        QTRY_COMPARE(QThreadPool::globalInstance()->activeThreadCount(), 0);

        struct PaintCounter : QObject {
            int paints = 0;
            bool eventFilter(QObject *, QEvent *event) override
            {
                paints += event->type() == QEvent::Paint;
                return false;
            }
        } counter;
        view.findChild<QLabel *>(QStringLiteral("statsStatus"))->installEventFilter(&counter);
        bool timerFired = false;
        QTimer::singleShot(0, &view, [&timerFired] { timerFired = true; });
        view.findChild<QLabel *>(QStringLiteral("statsStatus"))->update();
        QTRY_VERIFY(timerFired);
        QTRY_VERIFY(counter.paints > 0);
        QVERIFY(!view.grab().isNull());
        QVERIFY(view.isComputing()); // all of it while the job was still held
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("statsStatus"))->text(), QStringLiteral("Computing…"));

        proceed.release();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 2);
    }

    // Columns fit the text of the rows on screen, on every statistic and on
    // rows scrolled into view (a long IPv6 address far down the list), so
    // no address, interface, size or time is cut short.
    void columnsFitTheRowsOnScreen()
    {
        QByteArray records;
        for (int i = 0; i < 200; ++i) // the largest byte totals: the first rows
            records += QStringLiteral("2 123456789010 eni-0123456789abcdef0 10.0.%1.%2 10.1.0.1 40000 443 6 10 %3 "
                                      "1700000000 1700000060 ACCEPT OK\n")
                           .arg(i / 100)
                           .arg(i % 100)
                           .arg(9000000000LL - i * 1000)
                           .toUtf8();
        records += "2 123456789010 eni-0fedcba9876543210 2001:db8:1234:5678:9abc:def0:1234:5678 "
                   "2001:db8:ffff:eeee:dddd:cccc:bbbb:aaaa 40000 443 6 1 1 1700000000 1700000060 ACCEPT OK\n";
        test::writeFile(m_dir.filePath(QStringLiteral("wide.log")), records);
        const QString wide = m_dir.filePath(QStringLiteral("wide.flowcase"));
        {
            auto caseDb = CaseDb::open(wide.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("wide.log")).toStdString()}, {}).records,
                     201u);
        }
        TrafficStatsView view;
        view.resize(700, 300);
        view.setCase(wide);
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        for (int kind = 0; kind < 4; ++kind) {
            view.setKind(static_cast<TrafficStatsView::Kind>(kind));
            if (kind == 0) {
                view.show();
                QVERIFY(QTest::qWaitForWindowExposed(&view));
            }
            if (view.isComputing() || computed.isEmpty())
                QVERIFY(computed.wait(10000));
            computed.clear();
            QVERIFY(view.table()->model()->rowCount() > 0);
            if (view.kind() != TrafficStatsView::Kind::InterfaceEndpoints) // two ENIs: all on screen
                QVERIFY(view.table()->rowAt(view.table()->viewport()->height() - 1) >= 0); // more rows than fit
            verifyNothingElided(*view.table());
            view.table()->scrollToBottom(); // the IPv6 pair, the small total, the other ENI
            verifyNothingElided(*view.table());
        }
    }

    void badFilterIsReported()
    {
        TrafficStatsView view;
        view.setCase(m_case);
        view.setFilter(QStringLiteral("dstport =="));
        QSignalSpy computed(&view, &TrafficStatsView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 0);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("statsStatus"))->text().contains(QStringLiteral("filter")));
    }
};

QTEST_MAIN(TestTrafficStatsView)
#include "tst_trafficstatsview.moc"
