// SPDX-License-Identifier: GPL-3.0-or-later
// Importing every delivery form into a case, and every kind of bad input.

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/case_summary.h"
#include "store/flow_reader.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace flowscope;

namespace {

const QByteArray kDefaultLines =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK\n"
    "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA\n"
    "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA\n"
    "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK\n";

const QByteArray kV5Header =
    "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id "
    "instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr "
    "pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status\n";
const QByteArray kV5Lines =
    "5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 "
    "subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 19 "
    "52.95.128.179 10.0.0.71 S3 - - ingress OK\n"
    "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 "
    "subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 "
    "10.0.0.71 52.95.128.179 - S3 8 egress OK\n";

std::vector<FlowRow> allRows(CaseDb &caseDb)
{
    std::vector<FlowRow> rows;
    FlowReader(caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
        rows.push_back(row);
        return true;
    });
    return rows;
}

QString text(const FlowRow &row, Field f) { return QString::fromStdString(fieldText(row.value(f))); }

class CancelAfterProgress : public ImportObserver {
public:
    void progress(const ImportProgress &) override { m_cancel = true; }
    bool isCancelled() const override { return m_cancel; }

private:
    bool m_cancel = false;
};

} // namespace

class TestCaseImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString path(const QString &name) { return m_dir.filePath(name); }
    std::unique_ptr<CaseDb> newCase()
    {
        return CaseDb::open(path(QStringLiteral("case%1.flowcase").arg(++m_counter)).toStdString(),
                            CaseDb::Mode::CreateIfMissing);
    }
    static ImportReport importPaths(CaseDb &caseDb, const QStringList &paths, const ImportOptions &options = {})
    {
        std::vector<std::filesystem::path> inputs;
        for (const QString &p : paths)
            inputs.emplace_back(p.toStdString());
        return CaseImporter(caseDb).run(inputs, options);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void deliveries_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("compress");
        QTest::addColumn<QString>("logFormat");
        QTest::addColumn<QString>("delivery");
        QTest::addColumn<int>("records");

        QTest::newRow("default plain") << "plain.log" << kDefaultLines << false << QString() << "plain-text" << 5;
        QTest::newRow("default gzip") << "plain.log.gz" << kDefaultLines << true << QString() << "plain-text" << 5;
        QTest::newRow("s3 header v5") << "s3.log.gz" << (kV5Header + kV5Lines) << true << QString() << "s3-text" << 2;
        QTest::newRow("crlf and bom") << "crlf.log" << QByteArray("\xEF\xBB\xBF" + QByteArray(kDefaultLines).replace("\n", "\r\n"))
                                      << false << QString() << "plain-text" << 5;
        QTest::newRow("cloudwatch export")
            << "000000.gz"
            << QByteArray("2014-12-14T04:06:50.000Z " + kDefaultLines.split('\n')[0] + "\n2014-12-14T04:06:51Z "
                          + kDefaultLines.split('\n')[1] + "\n")
            << true << QString() << "cloudwatch-export" << 2;
        QTest::newRow("cloudwatch json document")
            << "events.json"
            << QByteArray("{\n  \"events\": [\n    {\n      \"logStreamName\": \"eni-1235b8ca123456789-all\",\n"
                          "      \"timestamp\": 1418530010000,\n      \"message\": \"" + kDefaultLines.split('\n')[0]
                          + "\"\n    },\n    {\"message\": \"" + kDefaultLines.split('\n')[1]
                          + "\"}\n  ],\n  \"searchedLogStreams\": []\n}\n")
            << false << QString() << "cloudwatch-json" << 2;
        QTest::newRow("json lines") << "firehose.jsonl"
                                    << QByteArray("{\"message\":\"" + kDefaultLines.split('\n')[0] + "\"}\n{\"message\":\""
                                                  + kDefaultLines.split('\n')[2] + "\"}\n")
                                    << true << QString() << "json-lines" << 2;
        QTest::newRow("subscription envelopes, concatenated")
            << "firehose-cwl.gz"
            << QByteArray("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"id\":\"1\",\"message\":\""
                          + kDefaultLines.split('\n')[0] + "\"},{\"id\":\"2\",\"message\":\"" + kDefaultLines.split('\n')[1]
                          + "\"}]}{\"messageType\":\"CONTROL_MESSAGE\",\"logEvents\":[]}")
            << true << QString() << "json-lines" << 2;
        QTest::newRow("headerless custom with format")
            << "custom.log" << QByteArray("- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5\n")
            << false << "${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}"
            << "plain-text" << 1;
    }

    void deliveries()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(bool, compress);
        QFETCH(QString, logFormat);
        QFETCH(QString, delivery);
        QFETCH(int, records);

        const QString file = path(QStringLiteral("deliveries/%1/%2").arg(QTest::currentDataTag(), fileName));
        compress ? test::writeGzip(file, content) : test::writeFile(file, content);
        auto caseDb = newCase();
        ImportOptions options;
        if (!logFormat.isEmpty()) {
            std::string error;
            options.logFormat = LogFormat::parse(logFormat.toStdString(), &error);
        }
        const ImportReport report = importPaths(*caseDb, {file}, options);
        QCOMPARE(report.errorCount, 0u);
        QCOMPARE(report.records, std::uint64_t(records));
        QCOMPARE(report.files, 1u);
        QCOMPARE(QString::fromStdString(report.fileResults.at(0).delivery), delivery);
        const auto rows = allRows(*caseDb);
        QCOMPARE(int(rows.size()), records);
        for (const auto &row : rows) {
            QCOMPARE(QString::fromStdString(row.file), file);
            QVERIFY(row.line >= 1);
        }
    }

    // Every layout of the documented JSON shapes imports: on one line (as
    // SDKs and `jq -c` write it, longer than any record line), indented, with
    // CRLF and a BOM, several documents one after the other, gzip.
    void jsonLayouts_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("compress");
        QTest::addColumn<QString>("delivery");
        QTest::addColumn<int>("records");

        const QList<QByteArray> lines = kDefaultLines.split('\n');
        QByteArray events;
        constexpr int kManyEvents = 1200; // over 64 KiB on one line
        for (int i = 0; i < kManyEvents; ++i)
            events += (i ? "," : "") + QByteArray("{\"logStreamName\":\"eni-1235b8ca123456789-all\",\"timestamp\":")
                + QByteArray::number(1418530010000LL + i) + ",\"message\":\"" + lines[i % 2]
                + "\",\"ingestionTime\":1418530100000,\"eventId\":\"" + QByteArray::number(i) + "\"}";
        const QByteArray oneLine = "{\"events\":[" + events + "],\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}";
        const QByteArray twoEvents = "{\"events\":[{\"message\":\"" + lines[0] + "\"},{\"message\":\"" + lines[1]
            + "\"}],\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}";
        const QByteArray indented = "{\n    \"events\": [\n        {\n            \"message\": \"" + lines[0]
            + "\"\n        },\n        {\n            \"message\": \"" + lines[1]
            + "\"\n        }\n    ],\n    \"nextForwardToken\": \"f/1\",\n    \"nextBackwardToken\": \"b/1\"\n}\n";

        QTest::newRow("get-log-events on one line") << oneLine << false << "cloudwatch-json" << kManyEvents;
        QTest::newRow("one line, newline at the end") << oneLine + "\n" << false << "cloudwatch-json" << kManyEvents;
        QTest::newRow("one line, gzip") << oneLine << true << "cloudwatch-json" << kManyEvents;
        QTest::newRow("one line, BOM and CRLF") << "\xEF\xBB\xBF" + oneLine + "\r\n" << false << "cloudwatch-json" << kManyEvents;
        QTest::newRow("short, one line") << twoEvents << false << "cloudwatch-json" << 2;
        QTest::newRow("indented") << indented << false << "cloudwatch-json" << 2;
        QTest::newRow("indented, CRLF and BOM") << "\xEF\xBB\xBF" + QByteArray(indented).replace("\n", "\r\n") << false
                                                << "cloudwatch-json" << 2;
        QTest::newRow("blank lines before") << "\n\n  \n" + twoEvents << false << "cloudwatch-json" << 2;
        QTest::newRow("pages concatenated on one line") << twoEvents + twoEvents + oneLine << false << "cloudwatch-json"
                                                        << 4 + kManyEvents;
        QTest::newRow("pages on separate lines") << twoEvents + "\n" + indented + oneLine + "\n" << true
                                                 << "cloudwatch-json" << 4 + kManyEvents;
        QTest::newRow("pages in an array") << "[" + twoEvents + ",\n" + twoEvents + "]" << false << "cloudwatch-json" << 4;
        QTest::newRow("filter-log-events with searchedLogStreams")
            << "{\"events\":[{\"logStreamName\":\"s\",\"message\":\"" + lines[0]
                   + "\"}],\"searchedLogStreams\":[{\"logStreamName\":\"s\",\"searchedCompletely\":true}]}"
            << false << "cloudwatch-json" << 1;
        QTest::newRow("subscription envelope on one long line")
            << "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789010\",\"logEvents\":[" + events + "]}" << true
            << "json-lines" << kManyEvents;
    }

    void jsonLayouts()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, compress);
        QFETCH(QString, delivery);
        QFETCH(int, records);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QString file = path(QStringLiteral("json-layouts/%1.json").arg(tag));
        compress ? test::writeGzip(file, content) : test::writeFile(file, content);
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QVERIFY2(report.errorCount == 0, report.errors.empty() ? "" : report.errors[0].reason.c_str());
        QCOMPARE(report.files, 1u);
        QCOMPARE(report.records, std::uint64_t(records));
        QCOMPARE(QString::fromStdString(report.fileResults.at(0).delivery), delivery);
        QCOMPARE(int(allRows(*caseDb).size()), records);
    }

    // JSON that is not a flow log is refused as a whole, naming what it holds;
    // broken JSON says what is wrong.
    void jsonRefusals_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("wholeFile");
        QTest::addColumn<QString>("reason");
        const QByteArray record = kDefaultLines.split('\n')[0];
        QTest::newRow("describe-security-groups")
            << QByteArray("{\n    \"SecurityGroups\": [\n        {\n            \"Description\": \"web\",\n"
                          "            \"GroupName\": \"web\",\n            \"IpPermissions\": [],\n"
                          "            \"GroupId\": \"sg-0123456789abcdef0\"\n        }\n    ]\n}\n")
            << true << "not a flow log (a JSON document with SecurityGroups)";
        QTest::newRow("describe-security-groups, one line")
            << QByteArray("{\"SecurityGroups\":[{\"GroupName\":\"web\",\"GroupId\":\"sg-1\"}]}") << true
            << "not a flow log (a JSON document with SecurityGroups)";
        QTest::newRow("several top-level keys")
            << QByteArray("{\"Reservations\":[],\"NextToken\":\"x\"}") << true
            << "not a flow log (a JSON document with NextToken, Reservations)";
        QTest::newRow("many top-level keys")
            << QByteArray("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}") << true
            << "not a flow log (a JSON document with a, b, c, d and 2 more keys)";
        QTest::newRow("only the paging tokens")
            << QByteArray("{\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}") << true
            << "not a flow log (a JSON document with nextBackwardToken, nextForwardToken)";
        QTest::newRow("application log lines")
            << QByteArray("{\"level\":\"info\",\"msg\":\"started\"}\n{\"level\":\"warn\",\"msg\":\"slow\"}\n") << true
            << "not a flow log (JSON lines with level, msg)";
        QTest::newRow("array of objects") << QByteArray("[{\"GroupName\":\"web\"}]") << true
                                          << "not a flow log (a JSON array of objects with GroupName)";
        QTest::newRow("array of numbers") << QByteArray("[1, 2, 3]") << true
                                          << "not a flow log (a JSON array of elements that are not objects)";
        QTest::newRow("empty array") << QByteArray("[]") << true << "not a flow log (an empty JSON array)";
        QTest::newRow("document not closed")
            << QByteArray("{\"events\":[{\"message\":\"" + record + "\"}") << false << "is not closed at the end of the file";
        QTest::newRow("invalid JSON") << QByteArray("{\"events\":[{\"message\": x}]}") << false << "invalid JSON";
        QTest::newRow("event without a message") << QByteArray("{\"events\":[{\"timestamp\":1}]}") << false
                                                 << "JSON event has no string 'message'";
    }

    void jsonRefusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, wholeFile);
        QFETCH(QString, reason);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QString file = path(QStringLiteral("json-refusals/%1.json").arg(tag));
        test::writeFile(file, content);
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QCOMPARE(report.records, 0u);
        QVERIFY(report.hasRejections());
        QCOMPARE(QString::fromStdString(report.errors.at(0).file), file);
        QVERIFY2(QString::fromStdString(report.errors.at(0).reason).contains(reason), report.errors.at(0).reason.c_str());
        QCOMPARE(report.failedFiles, wholeFile ? 1u : 0u);
        QCOMPARE(report.files, wholeFile ? 0u : 1u);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM source_file"), wholeFile ? 0 : 1);
        if (wholeFile) {
            QCOMPARE(report.errors.at(0).line, 0u);
            QCOMPARE(report.errorCount, 1u);
        }
    }

    // Text in which no line looks like a flow record of any version is refused
    // whole, saying why; a broken record among such lines is a record's error.
    void textThatIsNoFlowLog_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason"); // empty: imported, with errors
        QTest::newRow("prose") << QByteArray("Meeting notes for Monday\nask about the firewall rules\n")
                               << "not a flow log (no line looks like a flow record of any version; line 1 reads "
                                  "\"Meeting notes for Monday\")";
        QTest::newRow("prose after blank lines")
            << QByteArray("\n\nThe quick brown fox jumps over the lazy dog, again and again and again and again.\n")
            << "line 3 reads \"The quick brown fox jumps over the lazy dog, again and again…\"";
        QTest::newRow("a broken record among prose")
            << QByteArray("exported by hand\n2 123456789012 eni-0a1b2c3d 10.0.0.1 10.0.0.2 443 49152 6 x 84 1 2 ACCEPT OK\n")
            << QString();
    }

    void textThatIsNoFlowLog()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QString file = path(QStringLiteral("text-refusals/%1.txt").arg(tag));
        test::writeFile(file, content);
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QCOMPARE(report.records, 0u);
        QVERIFY(report.hasRejections());
        QVERIFY(!report.errors.empty());
        const QString said = QString::fromStdString(report.errors.at(0).reason);
        if (reason.isEmpty()) {
            QCOMPARE(report.failedFiles, 0u);
            QCOMPARE(report.files, 1u);
            QVERIFY2(!said.contains(QStringLiteral("not a flow log")), qPrintable(said));
        } else {
            QCOMPARE(report.failedFiles, 1u);
            QCOMPARE(report.files, 0u);
            QVERIFY2(said.contains(reason), qPrintable(said));
            QCOMPARE(report.errorCount, 1u);
            QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM source_file"), 0);
        }
    }

    void decodedValuesRoundTrip()
    {
        const QString file = path(QStringLiteral("roundtrip/s3.log.gz"));
        test::writeGzip(file, kV5Header + kV5Lines);
        auto caseDb = newCase();
        importPaths(*caseDb, {file});
        const auto rows = allRows(*caseDb);
        QCOMPARE(rows.size(), 2u);
        const FlowRow &egress = rows[0].line == 3 ? rows[0] : rows[1];
        QCOMPARE(egress.line, 3u); // the header is line 1
        QCOMPARE(text(egress, Field::SrcAddr), QStringLiteral("10.0.0.71"));
        QCOMPARE(text(egress, Field::DstAddr), QStringLiteral("52.95.128.179"));
        QCOMPARE(text(egress, Field::PktDstAwsService), QStringLiteral("S3"));
        QVERIFY(std::holds_alternative<std::monostate>(egress.value(Field::PktSrcAwsService)));
        QCOMPARE(text(egress, Field::TrafficPath), QStringLiteral("8"));
        QCOMPARE(text(egress, Field::FlowDirection), QStringLiteral("egress"));
        QCOMPARE(text(egress, Field::InterfaceId), QStringLiteral("eni-1235b8ca123456789"));
        QCOMPARE(text(egress, Field::AzId), QStringLiteral("apse2-az3"));
        QCOMPARE(std::get<std::int64_t>(egress.value(Field::End)), 1616729349);
        QCOMPARE(std::get<std::int64_t>(egress.value(Field::Bytes)), 471);
        QVERIFY(std::holds_alternative<std::monostate>(egress.value(Field::SublocationType)));
        QVERIFY(std::holds_alternative<std::monostate>(egress.value(Field::EcsTaskId))); // not in the format
    }

    void absentIsNullNotZero()
    {
        const QString file = path(QStringLiteral("nodata.log"));
        test::writeFile(file, kDefaultLines);
        auto caseDb = newCase();
        importPaths(*caseDb, {file});
        int nodata = 0;
        for (const auto &row : allRows(*caseDb)) {
            if (text(row, Field::LogStatus) != QStringLiteral("NODATA"))
                continue;
            ++nodata;
            QVERIFY(std::holds_alternative<std::monostate>(row.value(Field::SrcAddr)));
            QVERIFY(std::holds_alternative<std::monostate>(row.value(Field::Packets)));
            QVERIFY(std::holds_alternative<std::monostate>(row.value(Field::Action)));
            QCOMPARE(std::get<std::int64_t>(row.value(Field::Start)), 1431280876);
        }
        QCOMPARE(nodata, 1);
    }

    void badLinesAreReportedAndGoodKept()
    {
        const QString file = path(QStringLiteral("bad/mixed.log"));
        test::writeFile(file, kDefaultLines.split('\n')[0] + "\n"
                                  "2 123456789010 eni-1 172.31.16.139 172.31.16.21 70000 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
                                  "2 123456789010 eni-1 not-an-ip 172.31.16.21 1 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
                                  "2 too few fields\n"
                                  + kDefaultLines.split('\n')[1] + "\n"
                                  "2 123456789010 eni-1 172.31.16.139 172.31.16.21 1 22 6 20 4249 1418530010 1418530070 MAYBE OK\n");
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QCOMPARE(report.records, 2u);
        QCOMPARE(report.errorCount, 4u);
        QCOMPARE(report.errors.size(), 4u);
        QCOMPARE(report.errors[0].line, 2u);
        QVERIFY2(report.errors[0].reason.find("srcport") != std::string::npos, report.errors[0].reason.c_str());
        QVERIFY(report.errors[0].reason.find("70000") != std::string::npos);
        QCOMPARE(report.errors[1].line, 3u);
        QVERIFY(report.errors[1].reason.find("not-an-ip") != std::string::npos);
        QCOMPARE(report.errors[2].line, 4u);
        QVERIFY(report.errors[2].reason.find("expected 14 fields") != std::string::npos);
        QCOMPARE(report.errors[3].line, 6u);
        QVERIFY(report.errors[3].reason.find("ACCEPT or REJECT") != std::string::npos);
        QCOMPARE(QString::fromStdString(report.errors[0].file), file);
        // The import report is kept in the case.
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM import_error WHERE file_id IS NOT NULL"), 4);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT errors FROM source_file"), 4);
        QCOMPARE(summarizeCase(*caseDb).errors, 4u);
    }

    void truncatedGzipKeepsWhatDecoded()
    {
        QByteArray many;
        for (int i = 0; i < 5000; ++i)
            many += QByteArray("2 123456789010 eni-1235b8ca123456789 10.0.0.") + QByteArray::number(i % 250)
                + " 10.0.1.9 " + QByteArray::number(1024 + i) + " 443 6 10 840 1418530010 1418530070 ACCEPT OK\n";
        QByteArray compressed = test::gzip(many);
        compressed.truncate(compressed.size() * 2 / 3);
        const QString file = path(QStringLiteral("truncated.log.gz"));
        test::writeFile(file, compressed);
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QVERIFY(report.records > 1000);
        QVERIFY(report.records < 5000);
        // The cut line, if any, is reported as a bad line; then the truncation itself.
        QVERIFY(report.errorCount >= 1 && report.errorCount <= 2);
        QCOMPARE(report.errors.back().line, 0u);
        QVERIFY2(report.errors.back().reason.find("truncated") != std::string::npos, report.errors.back().reason.c_str());
        QCOMPARE(queryInt(caseDb->handle(), "SELECT truncated FROM source_file"), 1);
        QCOMPARE(std::uint64_t(queryInt(caseDb->handle(), "SELECT coalesce(sum(records), 0) FROM flow_block")), report.records);
    }

    void wholeFileFailures_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << "empty file";
        QTest::newRow("blank lines") << QByteArray("\n \n\r\n") << "only blank lines";
        QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12) << "binary file";
    }

    void wholeFileFailures()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString file = path(QStringLiteral("failures/%1.log").arg(QTest::currentDataTag()));
        test::writeFile(file, content);
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QCOMPARE(report.files, 0u);
        QCOMPARE(report.failedFiles, 1u);
        QCOMPARE(QString::fromStdString(report.errors.at(0).file), file);
        QVERIFY2(QString::fromStdString(report.errors.at(0).reason).contains(reason), report.errors.at(0).reason.c_str());
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM source_file"), 0);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM import_error WHERE file_id IS NULL"), 1);
    }

    void overlongLineIsSkipped()
    {
        const QString file = path(QStringLiteral("long.log"));
        test::writeFile(file, kDefaultLines.split('\n')[0] + "\n" + QByteArray(200000, 'x') + "\n"
                                  + kDefaultLines.split('\n')[1] + "\n");
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {file});
        QCOMPARE(report.records, 2u);
        QCOMPARE(report.errorCount, 1u);
        QCOMPARE(report.errors[0].line, 2u);
        QVERIFY(report.errors[0].reason.find("longer than") != std::string::npos);
    }

    void reimportIsNoOp()
    {
        const QString file = path(QStringLiteral("dup/a.log.gz"));
        test::writeGzip(file, kV5Header + kV5Lines);
        const QString copy = path(QStringLiteral("dup/copy-of-a.log.gz"));
        QVERIFY(QFile::copy(file, copy));
        auto caseDb = newCase();
        const ImportReport first = importPaths(*caseDb, {file});
        QCOMPARE(first.files, 1u);
        const ImportReport second = importPaths(*caseDb, {path(QStringLiteral("dup"))});
        QCOMPARE(second.files, 0u);
        QCOMPARE(second.skippedDuplicateFiles, 2u);
        QCOMPARE(second.records, 0u);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT coalesce(sum(records), 0) FROM flow_block"), 2);
    }

    void foldersAndSymlinkLoops()
    {
        const QString root = path(QStringLiteral("tree/AWSLogs/123456789010/vpcflowlogs/us-east-1/2014/12/14"));
        test::writeGzip(root + QStringLiteral("/a.log.gz"), kV5Header + kV5Lines);
        test::writeGzip(path(QStringLiteral("tree/aws-account-id=123456789010/year=2014/b.log.gz")), kDefaultLines);
        QVERIFY(::symlink(path(QStringLiteral("tree")).toLocal8Bit().constData(),
                          (root + QStringLiteral("/loop")).toLocal8Bit().constData())
                == 0);
        auto caseDb = newCase();
        const ImportReport report = importPaths(*caseDb, {path(QStringLiteral("tree"))});
        QCOMPARE(report.files, 2u);
        QCOMPARE(report.records, 7u);
        QCOMPARE(report.failedFiles, 1u);
        QVERIFY2(report.errors.at(0).reason.find("symbolic link loop") != std::string::npos,
                 report.errors.at(0).reason.c_str());
    }

    void cancelLeavesCaseAsBefore()
    {
        QByteArray many;
        for (int i = 0; i < 20000; ++i)
            many += QByteArray("2 123456789010 eni-1235b8ca123456789 10.0.0.1 10.0.1.9 ") + QByteArray::number(1024 + i % 60000)
                + " 443 6 10 840 1418530010 1418530070 ACCEPT OK\n";
        const QString file = path(QStringLiteral("cancel/big.log"));
        test::writeFile(file, many);
        auto caseDb = newCase();
        importPaths(*caseDb, {path(QStringLiteral("nodata.log"))});
        const auto before = queryInt(caseDb->handle(), "SELECT coalesce(sum(records), 0) FROM flow_block");
        CancelAfterProgress cancel;
        const ImportReport report = CaseImporter(*caseDb).run({file.toStdString()}, {}, &cancel);
        QVERIFY(report.cancelled);
        QCOMPARE(report.files, 0u);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT coalesce(sum(records), 0) FROM flow_block"), before);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM source_file"), 1);
        // Importing again completes it.
        const ImportReport again = importPaths(*caseDb, {file});
        QCOMPARE(again.records, 20000u);
    }
};

QTEST_GUILESS_MAIN(TestCaseImporter)
#include "tst_caseimporter.moc"
