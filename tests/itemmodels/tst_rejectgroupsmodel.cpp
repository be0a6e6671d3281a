// SPDX-License-Identifier: GPL-3.0-or-later
// The Rejects overview's model: every reject of a filter explained and
// grouped off the GUI thread, the newest request winning, each group's
// filter selecting exactly its rejects or saying what else it shows, and
// sorting by any column.

#include "explain_case.h"

#include "explain/case_enrichment.h"
#include "explain/snapshot_store.h"
#include "itemmodels/case_snapshots.h"
#include "itemmodels/reject_groups_model.h"
#include "selection/case_filter.h"
#include "selection/summary_count.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestRejectGroupsModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ExplainCase m_withSnapshot;
    test::ExplainCase m_flowsOnly;

    static qint64 matches(const QString &casePath, const QString &filter)
    {
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        const auto compiled = std::get<std::shared_ptr<const CaseFilter>>(explain::compileWithSnapshot(*caseDb, filter.toStdString()));
        qint64 count = 0;
        FlowPager(*caseDb).forEachMatching(compiled->predicate(), compiled->blocks(), [&](const FlowRow &) {
            ++count;
            return true;
        });
        return count;
    }

    static void computeAndWait(RejectGroupsModel &model, const QString &casePath, const QString &filter)
    {
        QSignalSpy computed(&model, &RejectGroupsModel::computed);
        model.compute(casePath, filter);
        QVERIFY(computed.wait(20000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_withSnapshot = test::writeExplainCase(m_dir.path(), QStringLiteral("snapshot"), true);
        m_flowsOnly = test::writeExplainCase(m_dir.path(), QStringLiteral("flows"), false);
    }

    void groupsAndFiltersEachGroup_data()
    {
        QTest::addColumn<bool>("snapshot");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("groups");
        QTest::addColumn<QString>("largest"); // verdict name of the first group
        QTest::newRow("snapshot, every reject") << true << QString() << 2 << QStringLiteral("security-group");
        QTest::newRow("snapshot, one interface") << true << QStringLiteral("eni == eni-0app1") << 1 << QStringLiteral("network-acl");
        QTest::newRow("flows only") << false << QString() << 2 << QStringLiteral("security-group-or-network-acl");
        QTest::newRow("no reject kept") << true << QStringLiteral("action == accept") << 0 << QString();
        QTest::newRow("a snapshot field") << true << QStringLiteral("security-group == sg-0web") << 1 << QStringLiteral("security-group");
        QTest::newRow("rejects already asked for") << true << QStringLiteral("action == reject") << 2 << QStringLiteral("security-group");
    }

    void groupsAndFiltersEachGroup()
    {
        QFETCH(bool, snapshot);
        QFETCH(QString, filter);
        QFETCH(int, groups);
        QFETCH(QString, largest);
        const QString casePath = snapshot ? m_withSnapshot.path : m_flowsOnly.path;
        RejectGroupsModel model(std::make_shared<CaseSnapshots>());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        computeAndWait(model, casePath, filter);
        QCOMPARE(model.rowCount(), groups);
        QCOMPARE(model.snapshots(), snapshot ? 1 : 0);
        QCOMPARE(model.rejects(), matches(casePath, filter.isEmpty() ? QStringLiteral("action == reject")
                                                                     : QStringLiteral("(%1) and action == reject").arg(filter)));
        qint64 sum = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 count = model.index(row, RejectGroupsModel::CountColumn).data(RejectGroupsModel::SortValueRole).toLongLong();
            sum += count;
            // A group's filter keeps exactly its rejects, within the filter counted under.
            const QString groupFilter = model.filterForRow(row);
            if (!filter.isEmpty())
                QVERIFY(groupFilter.contains(filter));
            // One flat conjunction: no parentheses, even around a filter that parses only with the case.
            QVERIFY2(!groupFilter.contains(u'(') && !groupFilter.contains(u')'), qPrintable(groupFilter));
            // No term twice: the filter counted under already may say `action == reject`.
            QCOMPARE(groupFilter.count(QStringLiteral("action == reject")), 1);
            // The service port on its side: a request's destination port, a reply's source port.
            QVERIFY2(!groupFilter.contains(QRegularExpression(QStringLiteral("(^|[^a-z])port =="))), qPrintable(groupFilter));
            QCOMPARE(matches(casePath, groupFilter), count);
        }
        QCOMPARE(sum, model.rejects());
        // Which rejects a snapshot decided: all of them here when one is loaded, none from the records alone.
        QCOMPARE(model.rejectsDecidedBySnapshot(), snapshot ? model.rejects() : qint64(0));
        if (groups > 0)
            QCOMPARE(model.index(0, 0).data(RejectGroupsModel::VerdictRole).toString(), largest);
        QVERIFY(model.filterForRow(groups).isEmpty());
    }

    // Groups that differ only in verdict, component or rule share a filter:
    // the model says how many rejects of other groups it shows besides.
    void saysWhatAGroupsFilterShowsBesides_data()
    {
        QTest::addColumn<bool>("snapshot");
        QTest::newRow("snapshot") << true;
        QTest::newRow("flows only") << false;
    }

    void saysWhatAGroupsFilterShowsBesides()
    {
        QFETCH(bool, snapshot);
        const test::ExplainCase fixture = test::writeExplainCase(
            m_dir.path(), snapshot ? QStringLiteral("sharing-snapshot") : QStringLiteral("sharing-flows"), snapshot, true);
        RejectGroupsModel model(std::make_shared<CaseSnapshots>());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        computeAndWait(model, fixture.path, QString());
        int sharing = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 count = model.index(row, RejectGroupsModel::CountColumn).data(RejectGroupsModel::SortValueRole).toLongLong();
            const qint64 others = model.othersSharingFilter(row);
            QCOMPARE(matches(fixture.path, model.filterForRow(row)), count + others);
            sharing += others > 0 ? 1 : 0;
        }
        QCOMPARE(sharing, 0); // line 3's reply and line 8's request: srcport and dstport tell them apart
        QCOMPARE(model.othersSharingFilter(model.rowCount()), qint64(0));
    }

    void sortsByAnyColumn()
    {
        RejectGroupsModel model(std::make_shared<CaseSnapshots>());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        computeAndWait(model, m_withSnapshot.path, QString());
        QCOMPARE(model.rowCount(), 2);
        for (int column = 0; column < model.columnCount(); ++column)
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QPersistentModelIndex first = model.index(0, column);
                const qint64 firstRecord = first.data(RejectGroupsModel::FirstRecordRole).toLongLong();
                model.sort(column, order);
                QCOMPARE(first.data(RejectGroupsModel::FirstRecordRole).toLongLong(), firstRecord); // follows its group
                const QVariant a = model.index(0, column).data(RejectGroupsModel::SortValueRole);
                const QVariant b = model.index(1, column).data(RejectGroupsModel::SortValueRole);
                const auto compared = QVariant::compare(a, b);
                QVERIFY(compared == QPartialOrdering::Equivalent
                        || compared == (order == Qt::AscendingOrder ? QPartialOrdering::Less : QPartialOrdering::Greater));
            }
    }

    void theNewestRequestWins()
    {
        RejectGroupsModel model(std::make_shared<CaseSnapshots>());
        QSignalSpy computed(&model, &RejectGroupsModel::computed);
        model.compute(m_withSnapshot.path, QString());
        model.compute(m_withSnapshot.path, QStringLiteral("eni == eni-0web1"));
        QVERIFY(computed.wait(20000));
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(computed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, RejectGroupsModel::InterfaceColumn).data().toString(), QStringLiteral("eni-0web1"));
        QCOMPARE(model.started(), 2);
    }

    // A snapshot removed from the case (by another connection, as the CLI
    // does) no longer decides, though the shared snapshots were not told;
    // one stored again under the same id decides again.
    void followsASnapshotRemovedOrStoredAgain()
    {
        const test::ExplainCase removing = test::writeExplainCase(m_dir.path(), QStringLiteral("removing"), true);
        const auto snapshots = std::make_shared<CaseSnapshots>();
        RejectGroupsModel model(snapshots);
        QAbstractItemModelTester tester(&model);
        computeAndWait(model, removing.path, QString());
        QCOMPARE(model.snapshots(), 1);
        QVERIFY(model.rejects() > 0);
        QCOMPARE(model.rejectsDecidedBySnapshot(), model.rejects());
        qint64 id = 0;
        {
            auto caseDb = CaseDb::open(removing.path.toStdString(), CaseDb::Mode::ReadWrite);
            id = explain::listSnapshots(*caseDb).front().id;
            QVERIFY(explain::removeSnapshot(*caseDb, id));
        }
        computeAndWait(model, removing.path, QString());
        QCOMPARE(model.snapshots(), 0);
        QCOMPARE(model.rejectsDecidedBySnapshot(), qint64(0));
        {
            auto caseDb = CaseDb::open(removing.path.toStdString(), CaseDb::Mode::ReadWrite);
            QCOMPARE(explain::importSnapshot(*caseDb, {QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")}).id, id);
        }
        computeAndWait(model, removing.path, QString());
        QCOMPARE(model.snapshots(), 1);
        QCOMPARE(model.rejectsDecidedBySnapshot(), model.rejects());
    }

    // While computing the model says how far it has come, up to the whole
    // before the groups are shown; a cancel shows nothing and says so.
    void reportsProgressAndCancels()
    {
        RejectGroupsModel model(std::make_shared<CaseSnapshots>());
        QSignalSpy progress(&model, &RejectGroupsModel::progress);
        computeAndWait(model, m_withSnapshot.path, QString());
        QVERIFY(!progress.isEmpty());
        for (const QList<QVariant> &step : progress)
            QVERIFY(step.at(0).toInt() >= 0 && step.at(0).toInt() <= 1000);
        QCOMPARE(progress.last().at(0).toInt(), 1000);

        QSignalSpy cancelled(&model, &RejectGroupsModel::cancelled);
        QSignalSpy computed(&model, &RejectGroupsModel::computed);
        model.compute(m_withSnapshot.path, QStringLiteral("eni == eni-0web1"));
        QVERIFY(model.isComputing());
        model.cancel();
        QCOMPARE(cancelled.size(), 1);
        QTRY_VERIFY(!model.isComputing());
        QCOMPARE(computed.size(), 0);
        QCOMPARE(model.rowsFilter(), QString()); // the rows of before stay
        model.cancel(); // nothing running: nothing to say
        QCOMPARE(cancelled.size(), 1);
    }

    void aWrongFilterSaysSo()
    {
        RejectGroupsModel model(std::make_shared<CaseSnapshots>());
        QSignalSpy errors(&model, &RejectGroupsModel::errorOccurred);
        computeAndWait(model, m_withSnapshot.path, QStringLiteral("dstport == x"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRejectGroupsModel)
#include "tst_rejectgroupsmodel.moc"
