// SPDX-License-Identifier: GPL-3.0-or-later
// File > Configuration Snapshots…: the case's snapshots listed oldest as-of
// first, Remove enabled with a selection and asking for that snapshot's
// removal; after it the list shows the ones left.

#include "snapshot_list_dialog.h"

#include "explain/snapshot_store.h"
#include "itemmodels/snapshot_list_model.h"
#include "store/case_db.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestSnapshotList : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void listsAndRemoves()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("list.flowcase"));
        const QString estate = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate");
        qint64 older = 0, newer = 0;
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            // Stored newest first: the list orders by as-of.
            newer = explain::importSnapshot(*caseDb, {estate}, QDateTime::fromSecsSinceEpoch(1773108000, Qt::UTC), QStringLiteral("after")).id;
            older = explain::importSnapshot(*caseDb, {estate}, QDateTime::fromSecsSinceEpoch(1773100000, Qt::UTC), QStringLiteral("before")).id;
        }
        SnapshotListDialog dialog(casePath);
        dialog.setConfirmRemoval(false);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        SnapshotListModel *model = dialog.model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->snapshotId(0), older);
        QCOMPARE(model->index(0, SnapshotListModel::LabelColumn).data().toString(), QStringLiteral("before"));
        QCOMPARE(model->index(1, SnapshotListModel::AsOfColumn).data().toString(), QStringLiteral("2026-03-10T02:00:00Z"));
        QVERIFY(model->index(0, SnapshotListModel::FilesColumn).data().toInt() > 0);

        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeSnapshot"));
        QVERIFY(remove);
        QVERIFY(!remove->isEnabled()); // nothing selected
        dialog.view()->selectRow(1);
        QVERIFY(remove->isEnabled());
        QSignalSpy requested(&dialog, &SnapshotListDialog::removeRequested);
        remove->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.front().at(0).toLongLong(), newer);

        // The window removes it and asks for the list again.
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            QVERIFY(explain::removeSnapshot(*caseDb, newer));
        }
        dialog.reload();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->snapshotId(0), older);
        QVERIFY(!remove->isEnabled());
    }

    void aCaseThatCannotBeOpenedListsNothing()
    {
        SnapshotListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&model, &SnapshotListModel::errorOccurred);
        model.reload(m_dir.filePath(QStringLiteral("missing.flowcase")));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(errors.size(), 1);
    }
};

QTEST_MAIN(TestSnapshotList)
#include "tst_snapshotlist.moc"
