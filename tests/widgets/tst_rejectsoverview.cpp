// SPDX-License-Identifier: GPL-3.0-or-later
// The Rejects overview on a small case with its snapshot: the rejects of the
// filter grouped with counts, a double-click asking for the filter of a
// group (which the flow table then narrows to exactly its rejects, or says
// what else it shows), the unanswered requests on the second tab, and
// nothing computed while hidden or behind the other tab.

#include "explain/column_fit.h"
#include "explain/rejects_overview_view.h"
#include "explain_case.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/reject_groups_model.h"
#include "itemmodels/unanswered_requests_model.h"

#include <QAbstractItemModelTester>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestRejectsOverview : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ExplainCase m_case;
    test::ExplainCase m_more; // with unanswered requests and two groups sharing a filter

    static void doubleClick(QTableView *table, const QModelIndex &index)
    {
        const QRect cell = table->visualRect(index);
        // A double-click's first press selects; the second press comes as the double-click.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    }

    static QList<qint64> shownRecords(const QString &casePath, const QString &filter)
    {
        FlowTableModel flows;
        QSignalSpy counts(&flows, &FlowTableModel::countsChanged);
        flows.setCase(casePath);
        flows.setFilter(filter);
        [&] { QTRY_VERIFY(!counts.isEmpty() && !counts.last().at(2).toBool()); }();
        QList<qint64> ids;
        for (int row = 0; row < flows.rowCount(); ++row) {
            [&] { QTRY_VERIFY(!flows.index(row, 0).data(FlowTableModel::LoadingRole).toBool()); }();
            ids << flows.index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong();
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_case = test::writeExplainCase(m_dir.path(), QStringLiteral("overview"), true);
        m_more = test::writeExplainCase(m_dir.path(), QStringLiteral("more"), true, true);
    }

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
                 QStringLiteral("Security group"));
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

        // The overview follows the filter it was given. Until it is done the
        // rows of the previous filter cannot be double-clicked: their filter
        // would replace the one just applied.
        view.setFilter(filter);
        QVERIFY(!table->isEnabled());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(requested.size(), 1);
        QVERIFY(computed.wait(20000));
        QVERIFY(table->isEnabled());
        QCOMPARE(groups->rowCount(), 1);
        QCOMPARE(groups->rejects(), qint64(1));
    }

    // While a tab computes it shows a busy bar and Cancel; Cancel stops it
    // (nothing of it arrives) and becomes Explain, which computes it again.
    void computingShowsProgressAndCancels_data()
    {
        QTest::addColumn<bool>("unanswered");
        QTest::newRow("groups") << false;
        QTest::newRow("unanswered requests") << true;
    }

    void computingShowsProgressAndCancels()
    {
        QFETCH(bool, unanswered);
        RejectsOverviewView view;
        view.resize(1000, 400);
        if (unanswered)
            view.showUnanswered();
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(m_case.path);
        view.show(); // computes the tab in front; its result arrives through the event loop, not before
        QVERIFY(view.busyBar()->isVisibleTo(&view));
        QVERIFY(view.cancelButton()->isVisibleTo(&view));
        QCOMPARE(view.cancelButton()->text(), QStringLiteral("Cancel"));
        QVERIFY(view.statusText().endsWith(u'…'));
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QVERIFY(!view.busyBar()->isVisibleTo(&view));
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(view.statusText()));
        QCOMPARE(view.cancelButton()->text(), QStringLiteral("Explain"));
        QVERIFY(view.table()->isEnabled());
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QVERIFY(view.busyBar()->isVisibleTo(&view));
        QCOMPARE(view.busyBar()->maximum(), 0); // busy until the model's first step
        QSignalSpy progress(unanswered ? static_cast<QObject *>(view.unanswered()) : view.groups(),
                            SIGNAL(progress(int)));
        QVERIFY(computed.wait(20000));
        QCOMPARE(computed.size(), 1); // the cancelled computation delivered nothing
        // The bar followed the model's steps up to the whole.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(view.busyBar()->maximum(), 1000);
        QCOMPARE(view.busyBar()->value(), progress.last().at(0).toInt());
        QVERIFY(!view.busyBar()->isVisibleTo(&view));
        QVERIFY(!view.cancelButton()->isVisibleTo(&view));
        QCOMPARE(unanswered ? view.unanswered()->started() : view.groups()->started(), 2);
        QVERIFY(!view.statusText().startsWith(QStringLiteral("Cancelled")));
    }

    // Columns fit their values: one that is "-" on every row (Component and
    // Rule without a snapshot) is hidden, the others show their widest value whole.
    void columnsFitTheirValues_data()
    {
        QTest::addColumn<bool>("snapshot");
        QTest::newRow("snapshot") << true;
        QTest::newRow("flows only") << false;
    }

    void columnsFitTheirValues()
    {
        QFETCH(bool, snapshot);
        const test::ExplainCase fixture = test::writeExplainCase(m_dir.path(), snapshot ? QStringLiteral("fit-snapshot") : QStringLiteral("fit-flows"), snapshot);
        RejectsOverviewView view;
        view.resize(700, 300);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(fixture.path);
        view.show();
        QVERIFY(computed.wait(20000));
        QTableView *table = view.table();
        const RejectGroupsModel *groups = view.groups();
        QVERIFY(groups->rowCount() > 0);
        QVERIFY(!table->horizontalHeader()->stretchLastSection());
        for (int column = 0; column < groups->columnCount(); ++column) {
            bool empty = true;
            int widest = 0;
            for (int row = 0; row < groups->rowCount(); ++row) {
                const QString text = groups->index(row, column).data().toString();
                empty &= text == QStringLiteral("-") || text.isEmpty();
                widest = std::max(widest, table->fontMetrics().horizontalAdvance(text));
            }
            QCOMPARE(table->isColumnHidden(column), empty);
            if (!empty && column != RejectGroupsModel::ComponentColumn)
                QVERIFY2(table->columnWidth(column) > widest, qPrintable(groups->headerData(column, Qt::Horizontal).toString()));
        }
        if (!snapshot) {
            QVERIFY(table->isColumnHidden(RejectGroupsModel::ComponentColumn));
            QVERIFY(table->isColumnHidden(RejectGroupsModel::RuleColumn));
        }
        QVERIFY(!table->isColumnHidden(RejectGroupsModel::PortColumn));
    }

    // A scanning source's group says what it is in a column of its own
    // (Detail), not in Component, which names no component for it.
    void aScanIsSummedUpInItsOwnColumn()
    {
        const test::ExplainCase scan = test::writeExplainCase(m_dir.path(), QStringLiteral("scan"), true, false, 25);
        RejectsOverviewView view;
        view.resize(1000, 400);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(scan.path);
        view.show();
        QVERIFY(computed.wait(20000));
        const RejectGroupsModel *groups = view.groups();
        int scans = 0;
        for (int row = 0; row < groups->rowCount(); ++row) {
            const QString detail = groups->index(row, RejectGroupsModel::DetailColumn).data().toString();
            const QString component = groups->index(row, RejectGroupsModel::ComponentColumn).data().toString();
            QVERIFY2(!component.contains(QStringLiteral("→")), qPrintable(component));
            if (detail == QStringLiteral("-"))
                continue;
            ++scans;
            QVERIFY2(detail.contains(QStringLiteral("198.51.100.66")) && detail.contains(QStringLiteral("25 ports")), qPrintable(detail));
            QCOMPARE(groups->index(row, RejectGroupsModel::CountColumn).data(RejectGroupsModel::SortValueRole).toLongLong(), qint64(25));
            QVERIFY(groups->index(row, RejectGroupsModel::DetailColumn).data(Qt::ToolTipRole).toString().contains(detail));
        }
        QCOMPARE(scans, 1);
        // Whole and in view: Component, whose lists elide into their tooltip, gives up room first.
        QTableView *table = view.table();
        QVERIFY(!table->isColumnHidden(RejectGroupsModel::DetailColumn));
        view.resize(900, 400);
        int widest = 0;
        for (int row = 0; row < groups->rowCount(); ++row)
            widest = std::max(widest, table->fontMetrics().horizontalAdvance(groups->index(row, RejectGroupsModel::DetailColumn).data().toString()));
        QTRY_VERIFY(table->columnViewportPosition(RejectGroupsModel::DetailColumn) + table->columnWidth(RejectGroupsModel::DetailColumn)
                    <= table->viewport()->width());
        QVERIFY(table->columnWidth(RejectGroupsModel::DetailColumn) > widest);
    }

    // A column is hidden when it is "-" on every row in view, and shows again
    // when a row with a value scrolls or sorts into view, or the groups are
    // computed anew.
    void emptyColumnsFollowTheRowsInView()
    {
        // Four groups: a scan, the groups' ssh denial, a request no layer denies, and the one with a rule.
        const test::ExplainCase fixture = test::writeExplainCase(m_dir.path(), QStringLiteral("in-view"), true, true, 25);
        RejectsOverviewView view;
        view.resize(1000, 400);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(fixture.path);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.wait(20000));
        QTableView *table = view.table();
        const RejectGroupsModel *groups = view.groups();
        QCOMPARE(groups->rowCount(), 4);
        QVERIFY(!table->isColumnHidden(RejectGroupsModel::RuleColumn)); // every row in view
        // The groups without a rule first, and room for fewer rows than they are.
        table->sortByColumn(RejectGroupsModel::RuleColumn, Qt::AscendingOrder);
        const int ruled = groups->rowCount() - 1;
        QVERIFY(groups->index(ruled, RejectGroupsModel::RuleColumn).data().toString() != QStringLiteral("-"));
        for (int row = 0; row < ruled; ++row)
            QCOMPARE(groups->index(row, RejectGroupsModel::RuleColumn).data().toString(), QStringLiteral("-"));
        auto *fit = table->findChild<ColumnFit *>();
        QVERIFY(fit);
        QSignalSpy fitted(fit, &ColumnFit::fitted);
        view.resize(view.width(), view.minimumSizeHint().height());
        QTRY_VERIFY(rowsInView(table).last < ruled);
        // The column the rows are sorted by stays, with its sort arrow, though "-" on every row in view.
        QTRY_VERIFY(!fitted.isEmpty() && fitted.last().at(1).toInt() < ruled); // a pass over those rows
        QVERIFY(!table->isColumnHidden(RejectGroupsModel::RuleColumn));
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(RejectGroupsModel::RuleColumn));
        // No longer sorted by it (sorting turned off keeps the order): hidden.
        table->setSortingEnabled(false);
        table->verticalScrollBar()->setValue(1);
        table->verticalScrollBar()->setValue(0);
        QTRY_VERIFY(table->isColumnHidden(RejectGroupsModel::RuleColumn));
        QVERIFY(!table->isColumnHidden(RejectGroupsModel::CountColumn));
        // Scrolled to it: shown, wide enough for its value.
        table->scrollToBottom();
        QTRY_COMPARE(rowsInView(table).last, ruled);
        QTRY_VERIFY(!table->isColumnHidden(RejectGroupsModel::RuleColumn));
        QVERIFY(table->columnWidth(RejectGroupsModel::RuleColumn)
                > table->fontMetrics().horizontalAdvance(groups->index(ruled, RejectGroupsModel::RuleColumn).data().toString()));
        table->scrollToTop();
        QTRY_VERIFY(table->isColumnHidden(RejectGroupsModel::RuleColumn));
        // Sorted the other way, the group with a rule is in view at the top.
        table->setSortingEnabled(true);
        table->sortByColumn(RejectGroupsModel::RuleColumn, Qt::DescendingOrder);
        QTRY_VERIFY(!table->isColumnHidden(RejectGroupsModel::RuleColumn));
        table->sortByColumn(RejectGroupsModel::CountColumn, Qt::DescendingOrder);
        // Computed anew for a filter keeping only groups without a rule: hidden again.
        view.setFilter(QStringLiteral("eni == eni-0web1"));
        QVERIFY(computed.wait(20000));
        QVERIFY(groups->rowCount() > 0);
        for (int row = 0; row < groups->rowCount(); ++row)
            QCOMPARE(groups->index(row, RejectGroupsModel::RuleColumn).data().toString(), QStringLiteral("-"));
        QVERIFY(table->isColumnHidden(RejectGroupsModel::RuleColumn));
    }

    // Fitted to the first rows of many, a column widens when a wider value
    // scrolls into view, and does not narrow again while scrolling.
    void aWiderValueInViewWidensItsColumn()
    {
        QStandardItemModel model(1000, 2);
        const QString wide = QStringLiteral("a value much wider than the others");
        for (int row = 0; row < model.rowCount(); ++row) {
            model.setItem(row, 0, new QStandardItem(QString::number(row)));
            model.setItem(row, 1, new QStandardItem(row == 900 ? wide : QStringLiteral("short")));
        }
        QTableView table;
        table.setModel(&model);
        table.horizontalHeader()->setResizeContentsPrecision(200); // as the overview's tables
        table.resize(500, 300);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        const int room = table.fontMetrics().horizontalAdvance(wide);
        fitColumnsToContent(&table, 4 * room);
        QVERIFY(table.columnWidth(1) < room);
        table.scrollTo(model.index(900, 1));
        QVERIFY(rowsInView(&table).first <= 900 && 900 <= rowsInView(&table).last);
        QVERIFY(hideColumnsEmptyInView(&table, 4 * room));
        QVERIFY(table.columnWidth(1) > room);
        table.scrollToTop();
        QVERIFY(!hideColumnsEmptyInView(&table, 4 * room));
        QVERIFY(table.columnWidth(1) > room);
        // No wider than a long column may be: its cells elide.
        table.setColumnWidth(1, 10);
        table.scrollTo(model.index(900, 1));
        QVERIFY(hideColumnsEmptyInView(&table, room / 2));
        QCOMPARE(table.columnWidth(1), std::max(room / 2, table.horizontalHeader()->sectionSizeHint(1)));
    }

    void unansweredRequestsOnTheSecondTab()
    {
        RejectsOverviewView view;
        QAbstractItemModelTester tester(view.unanswered(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 400);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(m_more.path);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.wait(20000));
        QCOMPARE(view.unanswered()->started(), 0); // behind the groups tab
        QCOMPARE(view.tabs()->tabText(1), RejectsOverviewView::tr("Unanswered requests"));

        view.showUnanswered();
        QVERIFY(computed.wait(20000));
        UnansweredRequestsModel *requests = view.unanswered();
        QCOMPARE(requests->started(), 1);
        QCOMPARE(requests->rowCount(), 2);
        QVERIFY(view.statusText().contains(QStringLiteral("2 egress requests")));
        QCOMPARE(requests->index(0, 0).data(UnansweredRequestsModel::VerdictRole).toString(), QStringLiteral("route-allows"));
        QCOMPARE(requests->index(0, UnansweredRequestsModel::RouteColumn).data().toString(), QStringLiteral("0.0.0.0/0 igw-0prod"));

        QSignalSpy requested(&view, &RejectsOverviewView::filterRequested);
        doubleClick(view.unansweredTable(), requests->index(1, UnansweredRequestsModel::VerdictColumn));
        QCOMPARE(requested.size(), 1);
        QVERIFY(requested.at(0).at(1).toBool());
        QCOMPARE(shownRecords(m_more.path, requested.at(0).at(0).toString()), QList<qint64>{m_more.idOfLine.at(7)});

        // A new filter while the groups are in front: only they are computed.
        view.tabs()->setCurrentIndex(0);
        view.setFilter(QStringLiteral("eni == eni-0app1"));
        QVERIFY(computed.wait(20000));
        QCOMPARE(requests->started(), 1);
        view.showUnanswered();
        // The older filter's requests cannot be double-clicked while the new one is computed.
        QVERIFY(!view.unansweredTable()->isEnabled());
        doubleClick(view.unansweredTable(), requests->index(0, UnansweredRequestsModel::VerdictColumn));
        QCOMPARE(requested.size(), 1);
        QVERIFY(computed.wait(20000));
        QVERIFY(view.unansweredTable()->isEnabled());
        QCOMPARE(requests->started(), 2);
        QCOMPARE(requests->rowCount(), 1);
        QVERIFY(view.statusText().startsWith(QStringLiteral("1 egress request ")));
        // None left: the line says every request has its reply, not "0 requests".
        view.setFilter(QStringLiteral("action == reject"));
        QVERIFY(computed.wait(20000));
        QCOMPARE(requests->rowCount(), 0);
        QVERIFY(view.statusText().startsWith(QStringLiteral("Every egress request")));
    }

    // A request and a reply rejected on the same interface and port (lines 3
    // and 8 of the fixture) are told apart by the port's side: each group's
    // double-click shows its own rejects only, and no notice is needed.
    void requestAndReplyGroupsFilterApart()
    {
        RejectsOverviewView view;
        view.resize(1000, 400);
        QSignalSpy computed(&view, &RejectsOverviewView::computed);
        view.setCase(m_more.path);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.wait(20000));
        RejectGroupsModel *groups = view.groups();
        QSignalSpy requested(&view, &RejectsOverviewView::filterRequested);
        for (int row = 0; row < groups->rowCount(); ++row) {
            QCOMPARE(groups->othersSharingFilter(row), qint64(0));
            doubleClick(view.table(), groups->index(row, RejectGroupsModel::VerdictColumn));
            QCOMPARE(requested.size(), row + 1);
            const QString filter = requested.last().at(0).toString();
            QCOMPARE(qint64(shownRecords(m_more.path, filter).size()),
                     groups->index(row, RejectGroupsModel::CountColumn).data(RejectGroupsModel::SortValueRole).toLongLong());
            QVERIFY(!view.statusText().contains(QStringLiteral("not filter fields")));
        }
        QVERIFY(groups->rowCount() >= 3);
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
