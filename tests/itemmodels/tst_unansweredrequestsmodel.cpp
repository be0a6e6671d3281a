// SPDX-License-Identifier: GPL-3.0-or-later
// The Rejects overview's unanswered requests: the egress requests a filter
// keeps that nothing answers, found off the GUI thread with the newest
// request winning, each with the route table's verdict when a snapshot is
// loaded, and each row's filter showing exactly its conversation's records.

#include "explain_case.h"

#include "itemmodels/case_snapshots.h"
#include "itemmodels/unanswered_requests_model.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace flowscope;

class TestUnansweredRequestsModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ExplainCase m_withSnapshot;
    test::ExplainCase m_flowsOnly;

    static std::set<qint64> matches(const QString &casePath, const QString &filter)
    {
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        const auto compiled = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, filter.toStdString()));
        std::set<qint64> ids;
        FlowPager(*caseDb).forEachMatching(compiled->predicate(), compiled->blocks(), [&](const FlowRow &row) {
            ids.insert(row.id);
            return true;
        });
        return ids;
    }

    static void computeAndWait(UnansweredRequestsModel &model, const QString &casePath, const QString &filter)
    {
        QSignalSpy computed(&model, &UnansweredRequestsModel::computed);
        model.compute(casePath, filter);
        QVERIFY(computed.wait(20000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_withSnapshot = test::writeExplainCase(m_dir.path(), QStringLiteral("snapshot"), true, true);
        m_flowsOnly = test::writeExplainCase(m_dir.path(), QStringLiteral("flows"), false, true);
    }

    void findsAndFiltersEachRequest_data()
    {
        QTest::addColumn<bool>("snapshot");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QList<int>>("lines"); // the requests found, by line
        QTest::addColumn<QString>("verdict");  // of every row
        QTest::newRow("snapshot, every record") << true << QString() << QList<int>{6, 7} << QStringLiteral("route-allows");
        QTest::newRow("snapshot, one interface") << true << QStringLiteral("eni == eni-0web1") << QList<int>{7}
                                                 << QStringLiteral("route-allows");
        QTest::newRow("flows only") << false << QString() << QList<int>{6, 7} << QStringLiteral("unknown");
        QTest::newRow("only rejects kept") << true << QStringLiteral("action == reject") << QList<int>{} << QString();
    }

    void findsAndFiltersEachRequest()
    {
        QFETCH(bool, snapshot);
        QFETCH(QString, filter);
        QFETCH(QList<int>, lines);
        QFETCH(QString, verdict);
        const test::ExplainCase &fixture = snapshot ? m_withSnapshot : m_flowsOnly;
        UnansweredRequestsModel model(std::make_shared<CaseSnapshots>());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        computeAndWait(model, fixture.path, filter);
        QCOMPARE(model.snapshots(), snapshot ? 1 : 0);
        QCOMPARE(model.rowCount(), lines.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 id = model.index(row, 0).data(UnansweredRequestsModel::RecordIdRole).toLongLong();
            QCOMPARE(id, fixture.idOfLine.at(lines.at(row)));
            QCOMPARE(model.index(row, 0).data(UnansweredRequestsModel::VerdictRole).toString(), verdict);
            // With the route tables, the deciding route; without, none.
            QCOMPARE(model.index(row, UnansweredRequestsModel::RouteColumn).data().toString() != QStringLiteral("-"), snapshot);
            QVERIFY(!model.index(row, 0).data(Qt::ToolTipRole).toString().isEmpty());
            // The row's filter shows its request and nothing of the other conversations.
            QCOMPARE(matches(fixture.path, model.filterForRow(row)), std::set<qint64>{id});
        }
        QVERIFY(model.filterForRow(model.rowCount()).isEmpty());
    }

    void theNewestRequestWins()
    {
        UnansweredRequestsModel model(std::make_shared<CaseSnapshots>());
        QSignalSpy computed(&model, &UnansweredRequestsModel::computed);
        model.compute(m_withSnapshot.path, QString());
        model.compute(m_withSnapshot.path, QStringLiteral("eni == eni-0app1"));
        QVERIFY(computed.wait(20000));
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(computed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, UnansweredRequestsModel::InterfaceColumn).data().toString(), QStringLiteral("eni-0app1"));
        // Which host asked, and when, written as the other tables write times (UTC).
        QCOMPARE(model.headerData(UnansweredRequestsModel::SourceColumn, Qt::Horizontal).toString(), QStringLiteral("Source"));
        QCOMPARE(model.index(0, UnansweredRequestsModel::SourceColumn).data().toString(), QStringLiteral("10.0.1.10:40000"));
        QCOMPARE(model.index(0, UnansweredRequestsModel::DestinationColumn).data().toString(), QStringLiteral("198.51.100.20:443"));
        QCOMPARE(model.index(0, UnansweredRequestsModel::StartColumn).data().toString(), QStringLiteral("1970-01-01 00:21:40"));
        QCOMPARE(model.started(), 2);
    }

    // Progress up to the whole before the requests are shown; a cancel shows nothing and says so.
    void reportsProgressAndCancels()
    {
        UnansweredRequestsModel model(std::make_shared<CaseSnapshots>());
        QSignalSpy progress(&model, &UnansweredRequestsModel::progress);
        computeAndWait(model, m_withSnapshot.path, QString());
        QVERIFY(model.rowCount() > 0);
        QVERIFY(!progress.isEmpty());
        for (const QList<QVariant> &step : progress)
            QVERIFY(step.at(0).toInt() >= 0 && step.at(0).toInt() <= 1000);

        QSignalSpy cancelled(&model, &UnansweredRequestsModel::cancelled);
        QSignalSpy computed(&model, &UnansweredRequestsModel::computed);
        const int rows = model.rowCount();
        model.compute(m_withSnapshot.path, QStringLiteral("protocol == 17"));
        model.cancel();
        QCOMPARE(cancelled.size(), 1);
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(computed.size(), 0);
        QCOMPARE(model.rowCount(), rows);
    }

    void aWrongFilterSaysSo()
    {
        UnansweredRequestsModel model(std::make_shared<CaseSnapshots>());
        QSignalSpy errors(&model, &UnansweredRequestsModel::errorOccurred);
        computeAndWait(model, m_withSnapshot.path, QStringLiteral("dstport == x"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUnansweredRequestsModel)
#include "tst_unansweredrequestsmodel.moc"
