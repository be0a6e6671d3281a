// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics models: the model contract, off-thread computation with
// stale results dropped, and sorting.

#include "ingest/case_importer.h"
#include "itemmodels/traffic_stats_model.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;


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

    void sortingByBytes()
    {
        TrafficStatsModel model(TrafficStatsModel::Kind::Conversations);
        QSignalSpy computed(&model, &TrafficStatsModel::computed);
        model.compute(m_case);
        QVERIFY(computed.wait(10000));
        const int bytes = 4; // Address A, Address B, Flows, Packets, Bytes
        QCOMPARE(model.headerData(bytes, Qt::Horizontal).toString(), QStringLiteral("Bytes"));
        QPersistentModelIndex big = model.index(0, 0);
        QCOMPARE(model.index(0, bytes).data().toString(), QStringLiteral("1000")); // largest first from the core
        model.sort(bytes, Qt::AscendingOrder);
        QCOMPARE(model.index(0, bytes).data().toString(), QStringLiteral("350"));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("3")); // flows of 10.0.0.1 <-> 10.0.0.2
        QCOMPARE(big.row(), 1); // persistent indexes follow their rows
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("203.0.113.9"));
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
        QCOMPARE(model.index(0, 6).data().toString(), QStringLiteral("1")); // rejects
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
