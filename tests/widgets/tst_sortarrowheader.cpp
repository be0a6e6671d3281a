// SPDX-License-Identifier: GPL-3.0-or-later
// Sort arrows point the way the rows go: the style is asked for ▲ (SortUp)
// on an ascending sort and ▼ (SortDown) on a descending one, in every
// sortable table of the window (flow table, statistics, reject groups).

#include "explain/rejects_overview_view.h"
#include "flow_table_view.h"
#include "sort_arrow_header.h"
#include "traffic_stats_view.h"

#include <QPainter>
#include <QProxyStyle>
#include <QStandardItemModel>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTest>

using namespace flowscope;

namespace {

// Notes which arrow the header asks its style to draw.
class ArrowRecorder : public QProxyStyle {
public:
    QList<QStyleOptionHeader::SortIndicator> arrows;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_IndicatorHeaderArrow)
            if (const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option))
                const_cast<ArrowRecorder *>(this)->arrows << header->sortIndicator;
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
};

} // namespace

class TestSortArrowHeader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void arrowFollowsTheOrder_data()
    {
        QTest::addColumn<int>("order");
        QTest::addColumn<int>("arrow");
        QTest::newRow("ascending: up") << int(Qt::AscendingOrder) << int(QStyleOptionHeader::SortUp);
        QTest::newRow("descending: down") << int(Qt::DescendingOrder) << int(QStyleOptionHeader::SortDown);
    }

    void arrowFollowsTheOrder()
    {
        QFETCH(int, order);
        QFETCH(int, arrow);
        QStandardItemModel model(3, 2);
        QTableView table;
        table.setModel(&model);
        SortArrowHeader *header = SortArrowHeader::install(&table);
        QCOMPARE(table.horizontalHeader(), header);
        QVERIFY(header->sectionsClickable());
        auto *recorder = new ArrowRecorder;
        recorder->setParent(&table);
        header->setStyle(recorder);
        header->setSortIndicatorShown(true);
        header->setSortIndicator(1, Qt::SortOrder(order));
        table.resize(400, 200);
        header->grab(); // paints
        QVERIFY(!recorder->arrows.isEmpty());
        for (const QStyleOptionHeader::SortIndicator drawn : std::as_const(recorder->arrows))
            QCOMPARE(int(drawn), arrow);
    }

    void everySortableTableHasIt()
    {
        FlowTableView flows;
        QVERIFY(qobject_cast<SortArrowHeader *>(flows.horizontalHeader()));
        TrafficStatsView stats;
        auto *statsTable = stats.findChild<QTableView *>(QStringLiteral("statsTable"));
        QVERIFY(statsTable);
        QVERIFY(qobject_cast<SortArrowHeader *>(statsTable->horizontalHeader()));
        RejectsOverviewView rejects;
        auto *groups = rejects.findChild<QTableView *>(QStringLiteral("rejectGroups"));
        QVERIFY(groups);
        QVERIFY(groups->isSortingEnabled());
        QVERIFY(qobject_cast<SortArrowHeader *>(groups->horizontalHeader()));
        // Any other table that sorts would need one too.
        for (QWidget *owner : {static_cast<QWidget *>(&stats), static_cast<QWidget *>(&rejects)})
            for (QTableView *table : owner->findChildren<QTableView *>())
                if (table->isSortingEnabled())
                    QVERIFY2(qobject_cast<SortArrowHeader *>(table->horizontalHeader()), qPrintable(table->objectName()));
    }
};

QTEST_MAIN(TestSortArrowHeader)
#include "tst_sortarrowheader.moc"
