// SPDX-License-Identifier: GPL-3.0-or-later
// Which input needs the flow log's format string, for every delivery, and an
// import that applies a format only to the files that need it.

#include "ingest/case_importer.h"
#include "ingest/log_format_probe.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

const QByteArray kDefaultLine =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
const QByteArray kCustomLine = "eni-1235b8ca123456789 10.0.1.5 10.0.0.220 443 ACCEPT";
const QString kCustomFormat = QStringLiteral("${interface-id} ${srcaddr} ${dstaddr} ${dstport} ${action}");

} // namespace

class TestLogFormatProbe : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content, bool compress = false)
    {
        const QString file = m_dir.filePath(name);
        compress ? test::writeGzip(file, content) : test::writeFile(file, content);
        return file;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void probe_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("compress");
        QTest::addColumn<bool>("needsFormat");
        QTest::addColumn<int>("fields");

        QTest::newRow("default") << "default.log" << (kDefaultLine + "\n") << false << false << 14;
        QTest::newRow("default with comment") << "comment.log" << (kDefaultLine + " # first\n") << false << false << 14;
        QTest::newRow("default gzip after blank lines")
            << "default.log.gz" << ("\n  \n" + kDefaultLine + "\n") << true << false << 14;
        QTest::newRow("s3 header") << "s3.log.gz" << QByteArray("interface-id srcaddr dstaddr dstport action\n" + kCustomLine + "\n")
                                   << true << false << 0;
        QTest::newRow("custom headerless") << "custom.log" << (kCustomLine + "\n") << false << true << 5;
        QTest::newRow("custom gzip") << "custom.log.gz" << (kCustomLine + "\n") << true << true << 5;
        QTest::newRow("cloudwatch export custom")
            << "000000" << QByteArray("2014-12-14T04:06:50.000Z " + kCustomLine + "\n") << false << true << 5;
        QTest::newRow("cloudwatch export default")
            << "000001" << QByteArray("2014-12-14T04:06:50Z " + kDefaultLine + "\n") << false << false << 14;
        QTest::newRow("json lines custom")
            << "firehose.jsonl" << QByteArray("{\"message\":\"" + kCustomLine + "\"}\n") << false << true << 5;
        QTest::newRow("cloudwatch json default")
            << "events.json" << QByteArray("{\"events\":[{\"message\":\"" + kDefaultLine + "\"}]}\n") << false << false << 14;
        QTest::newRow("empty") << "empty.log" << QByteArray() << false << false << 0;
        // No line looks like a record of any version: no format string would read it.
        QTest::newRow("prose") << "notes.txt" << QByteArray("Meeting notes for Monday\nask about the firewall rules\n")
                               << false << false << 0;
        QTest::newRow("prose before a custom record")
            << "mixed.log" << QByteArray("exported by hand, do not edit\n" + kCustomLine + "\n") << false << true << 5;
    }

    void probe()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(bool, compress);
        QFETCH(bool, needsFormat);
        QFETCH(int, fields);
        const QString file = write(QStringLiteral("probe/") + name, content, compress);
        const LogFormatProbe probe = probeLogFormat(file.toStdString());
        QCOMPARE(probe.needsFormat, needsFormat);
        QCOMPARE(int(probe.fields), fields);
        QCOMPARE(needsLogFormat(file.toStdString()), needsFormat);
        if (needsFormat)
            QCOMPARE(QByteArray::fromStdString(probe.firstRecord), kCustomLine);
    }

    void missingFileNeedsNothing() { QVERIFY(!needsLogFormat(m_dir.filePath(QStringLiteral("missing.log")).toStdString())); }

    void findsTheFilesOfAFolder()
    {
        write(QStringLiteral("folder/a/default.log"), kDefaultLine + "\n");
        const QString custom = write(QStringLiteral("folder/b/custom.log"), kCustomLine + "\n");
        write(QStringLiteral("folder/c/custom.log.gz"), kCustomLine + "\n", true);
        const LogFormatNeed need = findLogFormatNeed({m_dir.filePath(QStringLiteral("folder")).toStdString()});
        QCOMPARE(need.filesSeen, 3u);
        QCOMPARE(need.files, 2u);
        QCOMPARE(QString::fromStdString(need.exampleFile), custom);
        QCOMPARE(need.example.fields, 5u);
        QVERIFY(!need.cancelled);

        const LogFormatNeed stopped = findLogFormatNeed({m_dir.filePath(QStringLiteral("folder")).toStdString()},
                                                        [] { return true; });
        QVERIFY(stopped.cancelled);
        QCOMPARE(stopped.filesSeen, 0u);
    }

    void importAppliesTheFormatWhereNeeded()
    {
        const QString folder = m_dir.filePath(QStringLiteral("mixed"));
        write(QStringLiteral("mixed/default.log"), kDefaultLine + "\n" + kDefaultLine + "\n");
        write(QStringLiteral("mixed/custom.log"), kCustomLine + "\n");
        std::string error;
        ImportOptions options;
        options.logFormat = LogFormat::parse(kCustomFormat.toStdString(), &error);
        QVERIFY(options.logFormat && !options.logFormat->isEmpty());

        // Every headerless file: the default-format file is read with the custom format and rejected.
        auto everyFile = CaseDb::open(m_dir.filePath(QStringLiteral("every.flowcase")).toStdString(),
                                      CaseDb::Mode::CreateIfMissing);
        const ImportReport every = CaseImporter(*everyFile).run({folder.toStdString()}, options);
        QCOMPARE(every.records, 1u);
        QCOMPARE(every.errorCount, 2u);

        options.logFormatScope = ImportOptions::LogFormatScope::FilesNeedingIt;
        auto needing = CaseDb::open(m_dir.filePath(QStringLiteral("needing.flowcase")).toStdString(),
                                    CaseDb::Mode::CreateIfMissing);
        const ImportReport report = CaseImporter(*needing).run({folder.toStdString()}, options);
        QCOMPARE(report.errorCount, 0u);
        QCOMPARE(report.records, 3u);
        QCOMPARE(report.files, 2u);
    }
};

QTEST_APPLESS_MAIN(TestLogFormatProbe)
#include "tst_logformatprobe.moc"
