// SPDX-License-Identifier: GPL-3.0-or-later
// The findings table: a run off the GUI thread with progress, its findings
// stored and loaded again from the case, the evidence filter of each row, a
// newer run superseding an older one, a cancel that keeps the rows shown,
// and errors for bad settings and filters; checked by QAbstractItemModelTester.

#include "detect_case.h"

#include "itemmodels/findings_model.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

// A rejected scan of 40 ports, a beacon every 5 minutes, and enough quiet
// traffic that a run polls for cancellation a few times.
std::vector<LogLine> lines()
{
    std::vector<LogLine> out;
    for (int i = 0; i < 40; ++i)
        out.push_back({"203.0.113.66", "10.0.1.10", 50000 + i, 1000 + i, 6, 44, kT0 + 2 * i, 0, true, 2});
    for (int i = 0; i < 30; ++i)
        out.push_back({"10.0.2.7", "198.51.100.20", 40000 + i, 443, 6, 420, kT0 + 300 * i + (i * 11) % 30, 0, false, 27});
    for (int i = 0; i < 20000; ++i)
        out.push_back({"10.0.3." + std::to_string(1 + i % 50), "10.0.3.200", 30000 + i % 20000, 8080, 6,
                       static_cast<std::uint64_t>(100 + i % 900), kT0 + i, 0, false, 27});
    return out;
}

} // namespace

class TestFindingsModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DetectCase> m_case;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        m_case = std::make_unique<DetectCase>(lines());
        m_path = QString::fromStdString(m_case->caseDb().path().string());
    }

    void runStoresAndLoads()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &FindingsModel::finished);
        QSignalSpy progress(&model, &FindingsModel::progress);
        model.run(m_path, {});
        QVERIFY(finished.wait(60000));
        QVERIFY(progress.count() >= 4); // every 4,096 records of about 20,000
        QCOMPARE(model.rowCount(), 2);
        QStringList types;
        for (int row = 0; row < model.rowCount(); ++row) {
            types << model.index(row, FindingsModel::TypeColumn).data().toString();
            const QString evidence = model.index(row, 0).data(FindingsModel::EvidenceFilterRole).toString();
            QCOMPARE(selected(m_case->caseDb(), evidence.toStdString()).first, model.finding(row).records);
        }
        types.sort();
        QCOMPARE(types, (QStringList{QStringLiteral("beaconing"), QStringLiteral("port-scan")}));

        FindingsModel reopened;
        QAbstractItemModelTester reopenedTester(&reopened, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&reopened, &FindingsModel::finished);
        reopened.load(m_path);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(reopened.rowCount(), model.rowCount());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(reopened.index(row, 0).data(FindingsModel::FindingIdRole),
                     model.index(row, 0).data(FindingsModel::FindingIdRole));
    }

    void newerRunSupersedesOlder()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &FindingsModel::finished);
        model.run(m_path, {});
        model.run(m_path, QStringLiteral("dstport == 443"), {QStringLiteral("beaconing")});
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1); // only the newest result is shown
        // Findings of other detectors stored earlier stay in the case; the
        // beacon's was replaced by this run's.
        bool sawBeacon = false;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.finding(row).type == "beaconing") {
                sawBeacon = true;
                QVERIFY(model.finding(row).evidenceFilter.starts_with("(dstport == 443) and "));
            }
        QVERIFY(sawBeacon);
    }

    void cancelKeepsTheRows()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &FindingsModel::finished);
        model.load(m_path);
        QVERIFY(finished.wait(60000));
        const int rows = model.rowCount();
        QVERIFY(rows > 0);
        QSignalSpy cancelled(&model, &FindingsModel::cancelled);
        model.run(m_path, {});
        model.cancel();
        QVERIFY(cancelled.wait(60000));
        QCOMPARE(model.rowCount(), rows);
        QVERIFY(!model.isBusy());
    }

    // An edit elsewhere reloads the findings while a run goes on: the run
    // still ends with its findings, and the reload follows it.
    void aReloadDoesNotStopARun()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &FindingsModel::finished);
        QSignalSpy cancelled(&model, &FindingsModel::cancelled);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        model.run(m_path, QStringLiteral("dstport == 8080"), {QStringLiteral("beaconing")});
        model.load(m_path);
        QVERIFY(model.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000); // the run, then the reload
        QCOMPARE(cancelled.count(), 0);
        QVERIFY(!model.isBusy());
        bool ran = false; // the run stored, as the reload read it
        for (const StoredRun &run : model.runs())
            ran = ran || (run.detector == "beaconing" && run.filter == "dstport == 8080" && run.runAt >= before);
        QVERIFY(ran);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad filter") << QStringLiteral("dstport ==") << QString() << QStringLiteral("not valid at position");
        QTest::newRow("bad setting") << QString() << QStringLiteral("port-scan.nope") << QStringLiteral("unknown setting");
    }

    void errors()
    {
        QFETCH(QString, filter);
        QFETCH(QString, setting);
        QFETCH(QString, message);
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &FindingsModel::errorOccurred);
        std::vector<std::pair<QString, QString>> settings;
        if (!setting.isEmpty())
            settings.emplace_back(setting, QStringLiteral("1"));
        model.run(m_path, filter, {}, settings);
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.front().front().toString().contains(message), qPrintable(failed.front().front().toString()));
    }
};

QTEST_GUILESS_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
