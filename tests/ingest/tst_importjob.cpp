// SPDX-License-Identifier: GPL-3.0-or-later
// An import off the GUI thread: progress and the report arrive as signals,
// progress is coalesced, a cancel leaves the case as it was before the file,
// and a case that cannot be opened fails with a message.

#include "demo/demo_generator.h"
#include "ingest/case_importer.h"
#include "ingest/import_job.h"
#include "store/case_db.h"
#include "store/case_summary.h"
#include "test_files.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {
const QByteArray kDefaultLines =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK\n";
} // namespace

class TestImportJob : public QObject {
    Q_OBJECT

private:
    static constexpr std::uint64_t kBigRecords = 300000;
    QTemporaryDir m_dir;
    QString m_big;
    QString m_small;
    int m_counter = 0;

    QString newCasePath() { return m_dir.filePath(QStringLiteral("case%1.flowcase").arg(++m_counter)); }

    static CaseSummary summaryOf(const QString &casePath)
    {
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        return summarizeCase(*caseDb);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_big = m_dir.filePath(QStringLiteral("big.log.gz"));
        QCOMPARE(writeBenchmarkFile(m_big.toStdString(), kBigRecords, 7), kBigRecords);
        m_small = m_dir.filePath(QStringLiteral("small.log"));
        test::writeFile(m_small, kDefaultLines);
    }

    void progressAndReportArrive()
    {
        const QString casePath = newCasePath(); // created by the job
        ImportJob job(casePath, {m_big, m_small});
        QSignalSpy progress(&job, &ImportJob::progress);
        QSignalSpy finished(&job, &ImportJob::finished);
        QSignalSpy failed(&job, &ImportJob::failed);
        QElapsedTimer clock;
        clock.start();
        job.start();
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(60000)); // queued: never before the event loop runs
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(failed.count(), 0);
        QVERIFY(progress.count() >= 1);
        // At most one every kProgressIntervalMs, plus the first.
        QVERIFY2(progress.count() <= elapsed / ImportJob::kProgressIntervalMs + 1,
                 qPrintable(QStringLiteral("%1 progress signals in %2 ms").arg(progress.count()).arg(elapsed)));
        const auto first = progress.first().first().value<ImportProgress>();
        QCOMPARE(first.fileCount, 2u);
        QVERIFY(first.bytesTotal > 0);

        const auto report = finished.first().first().value<ImportReport>();
        QVERIFY(!report.cancelled);
        QCOMPARE(report.files, 2u);
        QCOMPARE(report.records, kBigRecords + 2);
        QCOMPARE(summaryOf(casePath).records, kBigRecords + 2);
    }

    void cancelLeavesTheCaseAsItWas()
    {
        const QString casePath = newCasePath();
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_small.toStdString()}, {}).records, 2u);
        }
        const CaseSummary before = summaryOf(casePath);

        ImportJob job(casePath, {m_big});
        // Direct: runs on the worker at the first progress, in the middle of the big file.
        connect(&job, &ImportJob::progress, &job, [&job] { job.cancel(); }, Qt::DirectConnection);
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        QVERIFY(job.isCancelRequested());
        const auto report = finished.first().first().value<ImportReport>();
        QVERIFY(report.cancelled);
        QCOMPARE(report.files, 0u);
        QCOMPARE(report.records, 0u);
        QCOMPARE(report.fileResults.size(), 1u);
        QCOMPARE(report.fileResults.front().outcome, FileOutcome::Cancelled);

        const CaseSummary after = summaryOf(casePath);
        QCOMPARE(after.records, before.records);
        QCOMPARE(after.files, before.files);
        QCOMPARE(after.errors, before.errors);

        // Importing again completes it.
        ImportJob again(casePath, {m_big});
        QSignalSpy againFinished(&again, &ImportJob::finished);
        again.start();
        QVERIFY(againFinished.wait(60000));
        QCOMPARE(againFinished.first().first().value<ImportReport>().records, kBigRecords);
        QCOMPARE(summaryOf(casePath).records, before.records + kBigRecords);
    }

    void formatOnlyForFilesThatNeedIt()
    {
        const QString custom = m_dir.filePath(QStringLiteral("custom.log"));
        test::writeFile(custom, "eni-1235b8ca123456789 10.0.1.5 443\neni-1235b8ca123456789 10.0.1.6 80\n");
        std::string error;
        const LogFormat format = LogFormat::parse("${interface-id} ${srcaddr} ${dstport}", &error);
        QVERIFY(!format.isEmpty());
        ImportJob job(newCasePath(), {custom, m_small}, format);
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        const auto report = finished.first().first().value<ImportReport>();
        QCOMPARE(report.errorCount, 0u);
        QCOMPARE(report.records, 4u);
    }

    // The window's import counts records other files brought as duplicates,
    // or stores them when asked to.
    void duplicateRecords_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("counted") << false;
        QTest::newRow("kept") << true;
    }

    void duplicateRecords()
    {
        QFETCH(bool, keep);
        const QString copy = m_dir.filePath(QStringLiteral("copy-%1.jsonl").arg(QTest::currentDataTag()));
        QByteArray lines;
        for (const QByteArray &line : kDefaultLines.trimmed().split('\n'))
            lines += "{\"message\":\"" + line + "\"}\n";
        test::writeFile(copy, lines);
        ImportJob job(newCasePath(), {m_small, copy});
        job.setKeepDuplicates(keep);
        QCOMPARE(job.keepsDuplicates(), keep);
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        const auto report = finished.first().first().value<ImportReport>();
        QCOMPARE(report.records, keep ? 4u : 2u);
        QCOMPARE(report.duplicateRecords, keep ? 0u : 2u);
        QCOMPARE(report.fileResults.at(1).duplicateRecords, keep ? 0u : 2u);
        QCOMPARE(summaryOf(job.casePath()).records, keep ? 4u : 2u);
    }

    void notACaseFails()
    {
        const QString notACase = m_dir.filePath(QStringLiteral("notes.flowcase"));
        test::writeFile(notACase, "these are notes, not a case\n");
        ImportJob job(notACase, {m_small});
        QSignalSpy finished(&job, &ImportJob::finished);
        QSignalSpy failed(&job, &ImportJob::failed);
        job.start();
        QVERIFY(failed.wait(60000));
        QCOMPARE(finished.count(), 0);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("notes.flowcase")),
                 qPrintable(failed.first().first().toString()));
    }

    void destroyingARunningJobStopsIt()
    {
        const QString casePath = newCasePath();
        {
            ImportJob job(casePath, {m_big});
            QSignalSpy progress(&job, &ImportJob::progress);
            job.start();
            QVERIFY(progress.wait(60000));
        } // cancels and waits: the file is wholly in the case or absent
        const std::uint64_t records = summaryOf(casePath).records;
        QVERIFY2(records == 0 || records == kBigRecords, qPrintable(QString::number(records)));
    }
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
