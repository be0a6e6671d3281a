// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_case.h"

#include "incident/ioc_list_store.h"
#include "incident/ioc_lists_dialog.h"
#include "itemmodels/ioc_hits_model.h"
#include "itemmodels/ioc_lists_controller.h"
#include "store/case_db.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestIocListsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsHuntsAndFilters();
    void removesAList();
};

void TestIocListsDialog::listsHuntsAndFilters()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString list = test::writeList(dir.path(), "c2.txt", "198.51.100.7\n[2001:db8::7]:22\n203.0.113.5\n");
    QVERIFY(incident::addIocFiles(*ioc.caseDb, "c2", {list.toStdString()}).stored);
    const QString casePath = QString::fromStdString(ioc.caseDb->path().string());

    IocListsController controller;
    IocListsDialog dialog(&controller);
    QAbstractItemModelTester tester(dialog.hitsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.setCase(casePath);
    auto *lists = dialog.findChild<QTableWidget *>(QStringLiteral("iocLists"));
    QVERIFY(lists);
    QTRY_COMPARE(lists->rowCount(), 1);
    QCOMPARE(lists->item(0, 0)->text(), QStringLiteral("c2"));
    QVERIFY(controller.hasList(QStringLiteral("c2")));
    QVERIFY(!controller.hasList(QStringLiteral("c3")));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("iocStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("have not been hunted")), qPrintable(status->text()));

    QSignalSpy finished(&controller, &IocListsController::huntFinished);
    QPushButton *hunt = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        if (button->text() == IocListsDialog::tr("&Hunt"))
            hunt = button;
    QVERIFY(hunt);
    QVERIFY(hunt->isEnabled());
    QTest::mouseClick(hunt, Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    IocHitsModel *hits = dialog.hitsModel();
    QCOMPARE(hits->rowCount(), 2); // 203.0.113.5 is in no record
    QCOMPARE(hits->index(0, IocHitsModel::Indicator).data().toString(), QStringLiteral("198.51.100.7"));
    QCOMPARE(hits->index(0, IocHitsModel::Records).data().toString(), QLocale().toString(test::IocCase::kPlantedV4));
    QCOMPARE(hits->index(1, IocHitsModel::Interfaces).data().toString(), QStringLiteral("eni-2"));
    QVERIFY2(status->text().startsWith(QStringLiteral("Last hunt ")) && status->text().contains(QStringLiteral("every list")),
             qPrintable(status->text()));

    // The hunt is kept in the case: opened again, its hits show without hunting.
    {
        IocListsController reopened;
        QSignalSpy shown(&reopened, &IocListsController::huntFinished);
        reopened.setCase(casePath);
        QVERIFY(shown.wait(30000));
        QVERIFY(reopened.lastHunt());
        IocListsDialog again(&reopened);
        QCOMPARE(again.hitsModel()->rowCount(), 2);
        QCOMPARE(again.hitsModel()->index(0, IocHitsModel::Indicator).data().toString(), QStringLiteral("198.51.100.7"));
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("iocStatus"))->text().startsWith(QStringLiteral("Last hunt ")));
    }

    QSignalSpy requested(&dialog, &IocListsDialog::filterRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTableView *view = dialog.hitsView();
    const QRect cell = view->visualRect(hits->index(0, IocHitsModel::Indicator));
    // A view sees a double-click as a press and release, then a second press and double-click.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("addr == 198.51.100.7"));
}

void TestIocListsDialog::removesAList()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString list = test::writeList(dir.path(), "c2.txt", "198.51.100.7\n");
    QVERIFY(incident::addIocFiles(*ioc.caseDb, "c2", {list.toStdString()}).stored);
    IocListsController controller;
    controller.setCase(QString::fromStdString(ioc.caseDb->path().string()));
    QTRY_VERIFY(controller.hasList(QStringLiteral("c2")));
    QSignalSpy hunted(&controller, &IocListsController::huntFinished);
    controller.hunt({});
    QVERIFY(hunted.wait(30000));
    QVERIFY(controller.lastHunt());
    QSignalSpy removed(&controller, &IocListsController::removed);
    controller.remove(QStringLiteral("c2"));
    QVERIFY(removed.wait(30000));
    QCOMPARE(removed.at(0).at(1).toBool(), true);
    QTRY_VERIFY(!controller.hasList(QStringLiteral("c2")));
    QVERIFY(controller.lists().empty());
    // The list's hits no longer hold: the stored hunt is forgotten, and the views told.
    QTRY_VERIFY(!controller.lastHunt());
    QCOMPARE(hunted.size(), 2);
    QCOMPARE(hunted.last().at(0).value<incident::IocHunt>().hits.size(), std::size_t(0));
}

QTEST_MAIN(TestIocListsDialog)
#include "tst_ioclistsdialog.moc"
