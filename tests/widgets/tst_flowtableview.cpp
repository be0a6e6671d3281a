// SPDX-License-Identifier: GPL-3.0-or-later
// Copying the selected rows of the flow table, in the columns as shown.

#include "flow_table_view.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTest>

using namespace flowscope;

class TestFlowTableView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void copiesSelectedRowsInViewOrder()
    {
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("Start"), QStringLiteral("Source"), QStringLiteral("Bytes")});
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                model.setItem(r, c, new QStandardItem(QStringLiteral("r%1c%2").arg(r).arg(c)));
        model.item(2, 1)->setText(QStringLiteral("a,b"));
        FlowTableView view;
        view.setModel(&model);
        view.horizontalHeader()->moveSection(2, 0); // Bytes first
        view.horizontalHeader()->hideSection(0);    // Start hidden
        view.selectionModel()->select(model.index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->select(model.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(view.selectionAsText(false), QStringLiteral("Bytes,Source\r\nr0c2,r0c1\r\nr2c2,\"a,b\"\r\n"));
        QCOMPARE(view.selectionAsText(true), QStringLiteral("Bytes\tSource\r\nr0c2\tr0c1\r\nr2c2\ta,b\r\n"));
        view.copySelection(true);
        QCOMPARE(QGuiApplication::clipboard()->text(), view.selectionAsText(true));
    }

    void nothingSelectedCopiesNothing()
    {
        QStandardItemModel model(2, 2);
        FlowTableView view;
        view.setModel(&model);
        QVERIFY(view.selectionAsText(false).isEmpty());
    }
};

QTEST_MAIN(TestFlowTableView)
#include "tst_flowtableview.moc"
