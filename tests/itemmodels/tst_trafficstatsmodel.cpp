// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics models: the model contract, off-thread computation with
// stale scans cancelled (inside SQLite too) and their results dropped, on a
// background connection, and sorting that asks the core again in the new
// order.

#include "ingest/case_importer.h"
#include "itemmodels/traffic_stats_model.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "tasks/background_connection.h"
#include "test_files.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

using namespace flowscope;

Q_DECLARE_METATYPE(flowscope::StatsOrder)

namespace {

// The columns of a conversation table: Address A, Address B, then the totals.
constexpr int kFlows = 2, kPackets = 3, kBytes = 4, kAccepts = 5, kRejects = 6, kFirstSeen = 7, kLastSeen = 8;

} // namespace


class TestTrafficStatsModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("s.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    void kinds_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QString>("firstKey");
        QTest::newRow("conversations") << int(TrafficStatsModel::Kind::Conversations) << 2 << 9 << "10.0.0.1";
        QTest::newRow("service conversations") << int(TrafficStatsModel::Kind::ServiceConversations) << 2 << 11 << "10.0.0.1";
        QTest::newRow("address endpoints") << int(TrafficStatsModel::Kind::AddressEndpoints) << 3 << 8 << "10.0.0.1";
        QTest::newRow("interface endpoints") << int(TrafficStatsModel::Kind::InterfaceEndpoints) << 3 << 8 << "eni-a"; // eni-c: NODATA only
    }

    void kinds()
    {
        QFETCH(int, kind);
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(QString, firstKey);
        TrafficStatsModel model(static_cast<TrafficStatsModel::Kind>(kind));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        model.compute(m_case);
        QVERIFY(computed.wait(10000));
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.columnCount(), columns);
        QCOMPARE(model.index(0, 0).data().toString(), firstKey);
        QVERIFY(!model.headerData(columns - 1, Qt::Horizontal).toString().isEmpty());
        model.sort(0, Qt::DescendingOrder);
        model.sort(columns - 5, Qt::AscendingOrder); // bytes
    }

    void columnsRankByTheirTotal_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<StatsOrder>("order");
        QTest::newRow("flows") << kFlows << StatsOrder::Flows;
        QTest::newRow("packets") << kPackets << StatsOrder::Packets;
        QTest::newRow("bytes") << kBytes << StatsOrder::Bytes;
        QTest::newRow("accepts") << kAccepts << StatsOrder::Accepts;
        QTest::newRow("rejects") << kRejects << StatsOrder::Rejects;
        QTest::newRow("first seen") << kFirstSeen << StatsOrder::FirstSeen;
        QTest::newRow("last seen") << kLastSeen << StatsOrder::LastSeen;
    }

    void columnsRankByTheirTotal()
    {
        QFETCH(int, column);
        QFETCH(StatsOrder, order);
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        QCOMPARE(model.orderOfColumn(column), std::optional(order));
        QCOMPARE(model.orderOfColumn(0), std::nullopt);
        QCOMPARE(model.sortColumn(), kBytes); // largest by bytes until sorted otherwise
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        // A first click on a header ranks counts largest first, times earliest first.
        const bool time = order == StatsOrder::FirstSeen || order == StatsOrder::LastSeen;
        QCOMPARE(model.headerData(column, Qt::Horizontal, Qt::InitialSortOrderRole).value<Qt::SortOrder>(),
                 time ? Qt::AscendingOrder : Qt::DescendingOrder);
        QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::InitialSortOrderRole).isValid());
        model.sort(column, Qt::AscendingOrder);
        QCOMPARE(model.order(), order);
        QCOMPARE(model.direction(), SortDirection::Ascending);
        QCOMPARE(model.sortColumn(), column);
        QVERIFY(!model.isComputing()); // nothing asked for yet: nothing to recompute
    }

    // Only one row is kept: a re-sort of it could not bring up the rejected
    // conversation, a new query must.
    void sortingAsksTheCoreAgain()
    {
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTop(1);
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        model.compute(m_case);
        QVERIFY(computed.wait(10000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.totalRows(), 2u);
        QCOMPARE(model.headerData(kBytes, Qt::Horizontal).toString(), QStringLiteral("Bytes"));
        QCOMPARE(model.index(0, kBytes).data().toString(), QStringLiteral("1000")); // 10.0.0.1 <-> 203.0.113.9
        QCOMPARE(model.index(0, kRejects).data().toString(), QStringLiteral("0"));

        model.sort(kRejects, Qt::DescendingOrder);
        QVERIFY(model.isComputing());
        QVERIFY(computed.wait(10000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("10.0.0.2"));
        QCOMPARE(model.index(0, kRejects).data().toString(), QStringLiteral("1"));

        model.sort(kBytes, Qt::AscendingOrder); // the true bottom row
        QVERIFY(computed.wait(10000));
        QCOMPARE(model.index(0, kBytes).data().toString(), QStringLiteral("350"));

        // The same order again, or a key column: nothing to ask.
        model.sort(kBytes, Qt::AscendingOrder);
        model.sort(0, Qt::DescendingOrder);
        QVERIFY(!model.isComputing());
        QCOMPARE(model.sortColumn(), kBytes);

        // A new filter keeps the order.
        model.compute(m_case, QStringLiteral("protocol == tcp"));
        QVERIFY(computed.wait(10000));
        QCOMPARE(model.index(0, kBytes).data().toString(), QStringLiteral("350"));
    }

    // A newer request cancels the running scan at its next poll: its rows
    // never show, and it reads no further (counted, not timed).
    void supersededScanStopsAndIsNeverShown()
    {
        const QString large = m_dir.filePath(QStringLiteral("large.flowcase"));
        {
            QByteArray records;
            for (int i = 0; i < 20000; ++i)
                records += QStringLiteral("2 111111111111 eni-a 10.0.%1.%2 198.51.100.9 %3 443 6 1 100 %4 %5 %6 OK\n")
                               .arg(i / 250 % 250)
                               .arg(i % 250)
                               .arg(40000 + i % 20000)
                               .arg(1700000000 + i)
                               .arg(1700000001 + i)
                               .arg(i % 1000 == 0 ? QStringLiteral("REJECT") : QStringLiteral("ACCEPT"))
                               .toUtf8();
            test::writeFile(m_dir.filePath(QStringLiteral("large.log")), records);
            auto caseDb = CaseDb::open(large.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("large.log")).toStdString()}, {}).records,
                     20000u);
        }
        QSemaphore reached, proceed;
        std::mutex mutex;
        std::vector<std::pair<quint64, quint64>> checkpoints; // (scan, records read) at each poll, in order
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        const auto releaseAtEnd = qScopeGuard([&proceed] { proceed.release(); }); // never left held
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setScanCheckpoint([&](quint64 scan, quint64 read) {
            bool first = false;
            {
                std::lock_guard lock(mutex);
                first = checkpoints.empty();
                checkpoints.emplace_back(scan, read);
            }
            if (first) { // hold the first scan in flight until the newer request is made
                reached.release();
                proceed.acquire();
            }
        });
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        model.compute(large);
        reached.acquire();
        model.compute(large, QStringLiteral("action == reject"));
        proceed.release();
        QVERIFY(computed.wait(10000));
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(computed.size(), 1);
        QCOMPARE(model.totalRows(), 20u); // the rejected flows' conversations only
        std::lock_guard lock(mutex);
        QCOMPARE(checkpoints.front().first, quint64{1});
        // The first scan stopped at the poll it was held at: it never asked
        // again, not even at its end (a finished scan asks once more with
        // every record read); every later poll is the newer scan's.
        const auto firstScanPolls =
            std::count_if(checkpoints.begin(), checkpoints.end(), [](const auto &poll) { return poll.first == 1; });
        QCOMPARE(firstScanPolls, std::ptrdiff_t{1});
        QVERIFY(checkpoints.size() >= 2);
        QCOMPARE(checkpoints.back().first, quint64{2}); // the newer scan ran to its end
    }

    // The case's own 64 MiB cache would add up across the window's views.
    void readsThroughABackgroundConnection()
    {
        TrafficStatsModel model(TrafficStatsModel::Kind::AddressEndpoints);
        std::atomic<qint64> cacheSize{0};
        model.setConnectionHook([&](CaseDb &caseDb) { cacheSize = queryInt(caseDb.handle(), "PRAGMA cache_size"); });
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        model.compute(m_case);
        QVERIFY(computed.wait(10000));
        QCOMPARE(cacheSize.load(), qint64(-kBackgroundCacheKiB));
        QCOMPARE(model.rowCount(), 3);
    }

    // A newer request stops the running one inside the SQL statement it is
    // in, not only between the records it visits: a statement that would
    // count to a billion ends as soon as the request is superseded.
    void supersededQueryIsInterruptedInsideSqlite()
    {
        QSemaphore reached, proceed;
        std::atomic<int> connections{0};
        std::atomic<bool> interrupted{false};
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        const auto releaseAtEnd = qScopeGuard([&proceed] { proceed.release(); }); // never left held
        model.setConnectionHook([&](CaseDb &caseDb) {
            if (connections++ != 0)
                return;
            reached.release();
            proceed.acquire(); // held until the newer request is made
            try {
                queryInt(caseDb.handle(), "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                          " WHERE i < 1000000000) SELECT count(*) FROM n");
            } catch (const StoreError &) {
                interrupted = true;
                throw;
            }
        });
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        QSignalSpy errors(&model, &TrafficStatsModel::errorOccurred);
        model.compute(m_case);
        reached.acquire();
        model.compute(m_case, QStringLiteral("action == reject"));
        proceed.release();
        QVERIFY(computed.wait(10000));
        QTRY_VERIFY(!model.isComputing());
        QVERIFY(interrupted.load());
        QCOMPARE(connections.load(), 2);
        QCOMPARE(computed.size(), 1);
        QCOMPARE(errors.size(), 0); // the interruption is no error the analyst sees
        QCOMPARE(model.rowCount(), 1);
    }

    void staleResultIsDropped()
    {
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        model.compute(m_case);
        model.compute(m_case, QStringLiteral("action == reject"));
        QVERIFY(computed.wait(10000));
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(computed.size(), 1); // only the newer request is shown
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, kRejects).data().toString(), QStringLiteral("1"));
    }

    void followsTheFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("rows");
        QTest::newRow("every record") << QString() << -1;
        QTest::newRow("rejects") << QStringLiteral("action == reject") << 1;
        QTest::newRow("nothing") << QStringLiteral("dstport == 1") << 0;
    }

    void followsTheFilter()
    {
        QFETCH(QString, filter);
        QFETCH(int, rows);
        TrafficStatsModel all(TrafficStatsModel::Kind::Conversations);
        all.compute(m_case);
        QTRY_VERIFY(!all.isComputing());
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.compute(m_case, filter);
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(model.rowCount(), rows < 0 ? all.rowCount() : rows);
    }

    void invalidFilterIsReported()
    {
        TrafficStatsModel model(TrafficStatsModel::Kind::AddressEndpoints);
        QSignalSpy errors(&model, &TrafficStatsModel::errorOccurred);
        model.compute(m_case, QStringLiteral("dstport =="));
        QVERIFY(errors.wait(10000));
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("position 10")));
        QCOMPARE(model.rowCount(), 0);
    }

    void errorIsReported()
    {
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        QSignalSpy errors(&model, &TrafficStatsModel::errorOccurred);
        model.compute(m_dir.filePath(QStringLiteral("missing.flowcase")));
        QVERIFY(errors.wait(10000));
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("does not exist")));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTrafficStatsModel)
#include "tst_trafficstatsmodel.moc"
