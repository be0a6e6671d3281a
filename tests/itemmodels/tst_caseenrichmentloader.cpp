// SPDX-License-Identifier: GPL-3.0-or-later
// The enrichment of a case's newest configuration snapshot, read off the GUI
// thread: none for a case without snapshots, the newest once one is added
// and the case reloaded, none again without a case.

#include "explain/snapshot_store.h"
#include "itemmodels/case_enrichment_loader.h"
#include "store/case_db.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestCaseEnrichmentLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsTheCaseSnapshots()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("c.flowcase"));
        CaseDb::open(path.toStdString(), CaseDb::Mode::CreateIfMissing);

        CaseEnrichmentLoader loader;
        QSignalSpy loaded(&loader, &CaseEnrichmentLoader::loaded);
        loader.load(path);
        QVERIFY(loaded.wait());
        QVERIFY(!loader.enrichment());

        {
            auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::ReadWrite);
            const QString estate = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate");
            QVERIFY(explain::importSnapshot(*caseDb, {estate}, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)).isStored());
            QVERIFY(explain::importSnapshot(*caseDb, {estate + QStringLiteral("/vpcs.json")},
                                            QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC))
                        .isStored());
        }
        loader.reload();
        QVERIFY(loaded.wait());
        QVERIFY(loader.enrichment());
        // The newest by as-of: the one holding only the VPCs.
        QCOMPARE(loader.enrichment()->asOf(), QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC));
        QVERIFY(!loader.enrichment()->interface(QStringLiteral("eni-0web1")));
        QCOMPARE(loader.enrichment()->snapshot().vpcs.size(), std::size_t(1));

        loader.load(QString());
        QVERIFY(!loader.enrichment());
        QCOMPARE(loaded.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCaseEnrichmentLoader)
#include "tst_caseenrichmentloader.moc"
