// SPDX-License-Identifier: GPL-3.0-or-later
// Loading a configuration snapshot off the GUI thread: the outcome comes back
// as a signal, stored, refused or failed, with the case path it was for.

#include "explain/snapshot_import_job.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

namespace {
const QByteArray kVpcs = R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "OwnerId": "111122223333"}]})";
}

class TestSnapshotImportJob : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    SnapshotImportOutcome run(const QString &casePath, const QStringList &paths)
    {
        SnapshotImportJob job;
        QSignalSpy finished(&job, &SnapshotImportJob::finished);
        if (!job.start(casePath, paths))
            return {};
        if (!finished.wait(60000))
            return {};
        return finished.takeFirst().first().value<SnapshotImportOutcome>();
    }

private Q_SLOTS:
    void storesOffTheGuiThread()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("job.flowcase"));
        CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing).reset();
        test::writeFile(m_dir.filePath(QStringLiteral("good/vpcs.json")), kVpcs);
        const SnapshotImportOutcome outcome = run(casePath, {m_dir.filePath(QStringLiteral("good"))});
        QCOMPARE(outcome.casePath, casePath);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QVERIFY(outcome.import.isStored());
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        QCOMPARE(listSnapshots(*caseDb).size(), 1u);
    }

    void reportsARefusal()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("refused.flowcase"));
        CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing).reset();
        test::writeFile(m_dir.filePath(QStringLiteral("bad/vpcs.json")), kVpcs.left(30));
        const SnapshotImportOutcome outcome = run(casePath, {m_dir.filePath(QStringLiteral("bad"))});
        QVERIFY(outcome.error.isEmpty());
        QVERIFY(!outcome.import.isStored());
        QCOMPARE(outcome.import.load.filesRefused, 1);
    }

    void reportsACaseItCannotOpen()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("any/vpcs.json")), kVpcs);
        const QString casePath = m_dir.filePath(QStringLiteral("missing.flowcase"));
        const SnapshotImportOutcome outcome = run(casePath, {m_dir.filePath(QStringLiteral("any"))});
        QVERIFY2(outcome.error.contains(u"missing.flowcase"), qPrintable(outcome.error));
        QVERIFY(!outcome.import.isStored());
    }
};

QTEST_GUILESS_MAIN(TestSnapshotImportJob)
#include "tst_snapshotimportjob.moc"
