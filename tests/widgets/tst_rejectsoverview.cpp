// SPDX-License-Identifier: GPL-3.0-or-later
// The Rejects overview on a small case with its snapshot: the rejects of the
// filter grouped with counts, a double-click asking for the filter of a
// group (which the flow table then narrows to exactly its rejects), and
// nothing computed while hidden.

#include "explain/rejects_overview_view.h"
#include "explain_case.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/reject_groups_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestRejectsOverview : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ExplainCase m_case;

private Q_SLOTS:
    void initTestCase() { m_case = test::writeExplainCase(m_dir.path(), QStringLiteral("overview"), true); }

    void groupsAndFiltersOnDoubleClick()
    {
        RejectsOverviewView view;
        QAbstractItemModelTester tester(view.groups(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 400);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(m_case.path);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.wait(20000));
        RejectGroupsModel *groups = view.groups();
        QCOMPARE(groups->rowCount(), 2);
        QCOMPARE(groups->rejects(), qint64(3));
        QVERIFY(view.statusText().contains(QStringLiteral("3 rejects in 2 groups")));
        // The largest group first: the two ssh attempts the groups deny.
        QCOMPARE(groups->index(0, RejectGroupsModel::VerdictColumn).data().toString(),
                 RejectGroupsModel::verdictText(explain::RecordVerdict::SecurityGroup));
        QCOMPARE(groups->index(0, RejectGroupsModel::CountColumn).data(RejectGroupsModel::SortValueRole).toLongLong(), qint64(2));
        QCOMPARE(groups->index(1, RejectGroupsModel::ComponentColumn).data().toString(), QStringLiteral("acl-0app"));

        QSignalSpy requested(&view, &RejectsOverviewView::filterRequested);
        QTableView *table = view.table();
        const QRect cell = table->visualRect(groups->index(1, RejectGroupsModel::VerdictColumn));
        // A double-click's first press selects; the second press comes as the double-click.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(requested.size(), 1);
        const QString filter = requested.at(0).at(0).toString();
        QVERIFY(requested.at(0).at(1).toBool()); // applied at once
        QCOMPARE(filter, groups->filterForRow(1));

        // The table under that filter shows the group's one reject.
        FlowTableModel flows;
        QSignalSpy counts(&flows, &FlowTableModel::countsChanged);
        flows.setCase(m_case.path);
        flows.setFilter(filter);
        QTRY_VERIFY(!counts.isEmpty() && !counts.last().at(2).toBool());
        QCOMPARE(flows.rowCount(), 1);
        QTRY_VERIFY(!flows.index(0, 0).data(FlowTableModel::LoadingRole).toBool());
        QCOMPARE(flows.index(0, 0).data(FlowTableModel::RecordIdRole).toLongLong(), m_case.idOfLine.at(3));

        // The overview follows the filter it was given.
        view.setFilter(filter);
        QVERIFY(computed.wait(20000));
        QCOMPARE(groups->rowCount(), 1);
        QCOMPARE(groups->rejects(), qint64(1));
    }

    void hiddenComputesNothing()
    {
        RejectsOverviewView view;
        view.setCase(m_case.path);
        view.setFilter(QStringLiteral("eni == eni-0web1"));
        QCoreApplication::processEvents();
        QCOMPARE(view.groups()->started(), 0);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.wait(20000));
        QCOMPARE(view.groups()->started(), 1);
        QCOMPARE(view.groups()->rowCount(), 1);
    }
};

QTEST_MAIN(TestRejectsOverview)
#include "tst_rejectsoverview.moc"
