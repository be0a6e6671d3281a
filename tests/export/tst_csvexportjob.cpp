// SPDX-License-Identifier: GPL-3.0-or-later
// The window's CSV export off the GUI thread: a finished file with every
// match, a cancelled or failed one leaving no file, a newer export
// cancelling an older one.

#include "export/csv_export_job.h"

#include "ingest/case_importer.h"
#include "store/case_db.h"

#include "csv_parse.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {
constexpr int kRecords = 40000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestCsvExportJob : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    CsvExportRequest request(const QString &filter, CsvExportRequest::Table table, const QString &out) const
    {
        CsvExportRequest r;
        r.casePath = m_case;
        r.filter = filter;
        r.table = table;
        r.outPath = m_dir.filePath(out);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray lines;
        for (int i = 0; i < kRecords; ++i)
            lines += QStringLiteral("2 111111111111 eni-%1 10.0.%2.%3 198.51.100.%4 %5 443 6 1 100 %6 %7 %8 OK\n")
                         .arg(i % 4)
                         .arg(i / 250 % 250)
                         .arg(i % 250)
                         .arg(i % 9)
                         .arg(40000 + i % 20000)
                         .arg(1700000000 + i)
                         .arg(1700000060 + i)
                         .arg(i % 3 == 0 ? QStringLiteral("REJECT") : QStringLiteral("ACCEPT"))
                         .toUtf8();
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), lines);
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records,
                 std::uint64_t(kRecords));
    }

    void tables_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<CsvExportRequest::Table>("table");
        QTest::addColumn<int>("rows");
        using Table = CsvExportRequest::Table;
        QTest::newRow("every record") << "" << Table::Flows << kRecords;
        QTest::newRow("rejects") << "action == reject" << Table::Flows << (kRecords + 2) / 3;
        QTest::newRow("none") << "dstport == 1" << Table::Flows << 0;
        QTest::newRow("interfaces") << "" << Table::InterfaceEndpoints << 4;
        QTest::newRow("reject groups") << "" << Table::RejectGroups << -1;
        QTest::newRow("findings, none stored") << "" << Table::Findings << 0;
    }

    void tables()
    {
        QFETCH(QString, filter);
        QFETCH(CsvExportRequest::Table, table);
        QFETCH(int, rows);
        CsvExportJob job;
        QSignalSpy finished(&job, &CsvExportJob::finished);
        job.start(request(filter, table, QStringLiteral("out.csv")));
        QVERIFY(finished.wait(60000));
        const auto outcome = finished.at(0).at(0).value<CsvExportOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        const auto parsed = test::parseCsv(readAll(m_dir.filePath(QStringLiteral("out.csv"))));
        QCOMPARE(qint64(parsed.size()), outcome.rows + 1);
        if (rows >= 0)
            QCOMPARE(outcome.rows, qint64(rows));
        else
            QVERIFY(outcome.rows > 0);
    }

    void cancelLeavesNoFile()
    {
        const QString out = QStringLiteral("cancelled.csv");
        const CsvExportOutcome outcome = runCsvExport(request({}, CsvExportRequest::Table::Flows, out),
                                                      [](qint64 rows) { return rows >= 4096 || rows < 0; });
        QVERIFY(outcome.cancelled);
        QVERIFY(!outcome.ok);
        QVERIFY(!QFile::exists(m_dir.filePath(out)));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden).isEmpty());
    }

    void newerExportCancelsOlder()
    {
        CsvExportJob job;
        QSignalSpy finished(&job, &CsvExportJob::finished);
        job.start(request({}, CsvExportRequest::Table::Flows, QStringLiteral("older.csv")));
        job.start(request(QStringLiteral("action == reject"), CsvExportRequest::Table::Flows, QStringLiteral("newer.csv")));
        QTRY_VERIFY_WITH_TIMEOUT(!job.isRunning() && !finished.isEmpty(), 60000);
        const auto outcome = finished.last().at(0).value<CsvExportOutcome>();
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.rows, qint64((kRecords + 2) / 3));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("newer.csv"))));
    }

    void failuresSayWhy_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad filter") << "srcaddr ==" << "bad.csv" << "expected an address";
        QTest::newRow("no such folder") << "" << "missing/out.csv" << "missing/out.csv";
    }

    void failuresSayWhy()
    {
        QFETCH(QString, filter);
        QFETCH(QString, out);
        QFETCH(QString, message);
        const CsvExportOutcome outcome = runCsvExport(request(filter, CsvExportRequest::Table::Flows, out));
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.cancelled);
        QVERIFY2(outcome.error.contains(message), qPrintable(outcome.error));
        QVERIFY(!QFile::exists(m_dir.filePath(out)));
    }
};

QTEST_GUILESS_MAIN(TestCsvExportJob)
#include "tst_csvexportjob.moc"
