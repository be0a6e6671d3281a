// SPDX-License-Identifier: GPL-3.0-or-later
// LogFormat: S3 header lines and console format strings for every flow log
// version, the version AWS would write, and the errors a user sees.

#include "format/log_format.h"

#include <QByteArray>
#include <QTest>

#include "aws_example_formats.h"

#include <string>
#include <string_view>

using flowscope::Field;
using flowscope::LogFormat;

using namespace flowscope::test;

namespace {
std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

// The 39-field layout of Elastic's ECS samples: default, 13 v3..v5 fields,
// flow-direction, traffic-path and the ten ECS fields.
const QByteArray kEcsHeader =
    kDefaultHeader
    + " vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type "
      "sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path ecs-cluster-arn "
      "ecs-cluster-name ecs-container-instance-arn ecs-container-instance-id ecs-container-id "
      "ecs-second-container-id ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id";
const QByteArray kTgwHeader =
    "version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id "
    "tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id "
    "tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
    "log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded "
    "packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service";
const QByteArray kExample1Record =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 "
    "ACCEPT OK";
} // namespace

class TestLogFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void roundTrip_data();
    void roundTrip();
    void parseErrors_data();
    void parseErrors();
    void looksLikeHeader_data();
    void looksLikeHeader();
    void defaultV2();
    void emptyFormat();
    void contains();
};

void TestLogFormat::parseValid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("header"); // expected headerLine()
    QTest::addColumn<int>("fieldCount");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("isDefault");

    QTest::newRow("v2 default header") << kDefaultHeader << kDefaultHeader << 14 << 2 << true;
    QTest::newRow("v2 default console") << consoleForm(kDefaultHeader) << kDefaultHeader << 14 << 2 << true;
    QTest::newRow("v2 subset") << QByteArray("srcaddr dstaddr bytes") << QByteArray("srcaddr dstaddr bytes") << 3
                               << 2 << false;
    QTest::newRow("v2 reordered") << QByteArray("${account-id} ${version}") << QByteArray("account-id version")
                                  << 2 << 2 << false;
    QTest::newRow("v3 example 5 header") << kExample5Header << kExample5Header << 21 << 3 << false;
    QTest::newRow("v3 example 5 console") << consoleForm(kExample5Header) << kExample5Header << 21 << 3 << false;
    QTest::newRow("v3 example 6 nat") << kExample6Header << kExample6Header << 6 << 3 << false;
    QTest::newRow("v3 example 6 console") << consoleForm(kExample6Header) << kExample6Header << 6 << 3 << false;
    QTest::newRow("v3 example 7 tgw") << consoleForm(kExample7Header) << kExample7Header << 17 << 3 << false;
    QTest::newRow("v3 single tcp-flags") << QByteArray("${tcp-flags}") << QByteArray("tcp-flags") << 1 << 3
                                         << false;
    QTest::newRow("v4 location fields")
        << QByteArray("${version} ${region} ${az-id} ${sublocation-type} ${sublocation-id}")
        << QByteArray("version region az-id sublocation-type sublocation-id") << 5 << 4 << false;
    QTest::newRow("v5 example 8 header") << kExample8Header << kExample8Header << 29 << 5 << false;
    QTest::newRow("v5 example 8 console") << consoleForm(kExample8Header) << kExample8Header << 29 << 5 << false;
    QTest::newRow("v5 flow-direction only") << QByteArray("srcaddr flow-direction")
                                            << QByteArray("srcaddr flow-direction") << 2 << 5 << false;
    QTest::newRow("v7 ecs 39 fields") << kEcsHeader << kEcsHeader << 39 << 7 << false;
    QTest::newRow("v7 ecs console") << consoleForm(kEcsHeader) << kEcsHeader << 39 << 7 << false;
    QTest::newRow("v7 single ecs-task-id") << QByteArray("${ecs-task-id}") << QByteArray("ecs-task-id") << 1 << 7
                                           << false;
    QTest::newRow("v8 ecs + reject-reason") << kEcsHeader + " reject-reason" << kEcsHeader + " reject-reason"
                                            << 40 << 8 << false;
    QTest::newRow("v8 reject-reason console")
        << QByteArray("${version} ${action} ${reject-reason} ${log-status}")
        << QByteArray("version action reject-reason log-status") << 4 << 8 << false;
    QTest::newRow("v8 all 42 fields")
        << kEcsHeader + " reject-reason resource-id encryption-status"
        << kEcsHeader + " reject-reason resource-id encryption-status" << 42 << 8 << false;
    QTest::newRow("v8 example 9 encryption") << kExample9Header << kExample9Header << 7 << 8 << false;
    QTest::newRow("parquet underscore names") << QByteArray("account_id log_status pkt_src_aws_service")
                                              << QByteArray("account-id log-status pkt-src-aws-service") << 3 << 5
                                              << false;
    QTest::newRow("upper case names") << QByteArray("VERSION SrcAddr ${DSTADDR}")
                                      << QByteArray("version srcaddr dstaddr") << 3 << 2 << false;
    QTest::newRow("mixed bare and console") << QByteArray("${version} srcaddr ${type}")
                                            << QByteArray("version srcaddr type") << 3 << 3 << false;
    QTest::newRow("extra blanks tabs crlf") << QByteArray("  version \t srcaddr\t\tdstaddr   \r")
                                            << QByteArray("version srcaddr dstaddr") << 3 << 2 << false;
}

void TestLogFormat::parseValid()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, header);
    QFETCH(int, fieldCount);
    QFETCH(int, version);
    QFETCH(bool, isDefault);

    std::string error = "untouched";
    const LogFormat format = LogFormat::parse(view(text), &error);
    QVERIFY2(!format.isEmpty(), error.c_str());
    QCOMPARE(int(format.fields().size()), fieldCount);
    QCOMPARE(QByteArray::fromStdString(format.headerLine()), header);
    QCOMPARE(QByteArray::fromStdString(format.formatString()), consoleForm(header));
    QCOMPARE(format.version(), version);
    QCOMPARE(format.isDefaultV2(), isDefault);
    QCOMPARE(format == LogFormat::defaultV2(), isDefault);
    // The version is the newest field's, never lower than 2.
    int newest = 2;
    for (Field f : format.fields())
        newest = std::max(newest, flowscope::fieldInfo(f).version);
    QCOMPARE(format.version(), newest);
}

void TestLogFormat::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("default") << kDefaultHeader;
    QTest::newRow("example 5") << kExample5Header;
    QTest::newRow("example 6") << kExample6Header;
    QTest::newRow("example 7") << kExample7Header;
    QTest::newRow("example 8") << kExample8Header;
    QTest::newRow("example 9") << kExample9Header;
    QTest::newRow("ecs") << kEcsHeader;
}

void TestLogFormat::roundTrip()
{
    QFETCH(QByteArray, text);

    const LogFormat format = LogFormat::parse(view(text), nullptr);
    QVERIFY(!format.isEmpty());
    QVERIFY(LogFormat::parse(format.headerLine(), nullptr) == format);
    QVERIFY(LogFormat::parse(format.formatString(), nullptr) == format);
    QVERIFY(LogFormat::looksLikeHeader(format.headerLine()));
    // The console form is a format string, not a header.
    QVERIFY(!LogFormat::looksLikeHeader(format.formatString()));
    QVERIFY(LogFormat(format.fields()) == format);
}

void TestLogFormat::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("token");   // must appear in the message
    QTest::addColumn<QByteArray>("problem"); // and so must this

    QTest::newRow("empty") << QByteArray("") << QByteArray() << QByteArray("no field");
    QTest::newRow("blanks only") << QByteArray(" \t \r") << QByteArray() << QByteArray("no field");
    QTest::newRow("unknown bare") << QByteArray("version foo srcaddr") << QByteArray("'foo'")
                                  << QByteArray("unknown field");
    QTest::newRow("unknown console") << QByteArray("${version} ${bogus-field}") << QByteArray("'${bogus-field}'")
                                     << QByteArray("unknown field");
    QTest::newRow("unclosed brace") << QByteArray("${version ${srcaddr}") << QByteArray("'${version'")
                                    << QByteArray("unknown field");
    QTest::newRow("empty braces") << QByteArray("${} srcaddr") << QByteArray("'${}'")
                                  << QByteArray("unknown field");
    QTest::newRow("dollar without braces") << QByteArray("$srcaddr") << QByteArray("'$srcaddr'")
                                           << QByteArray("unknown field");
    QTest::newRow("braces without dollar") << QByteArray("{srcaddr}") << QByteArray("'{srcaddr}'")
                                           << QByteArray("unknown field");
    QTest::newRow("comma separated") << QByteArray("version,srcaddr") << QByteArray("'version,srcaddr'")
                                     << QByteArray("unknown field");
    QTest::newRow("typo late in list") << kDefaultHeader + " vpc_idd" << QByteArray("'vpc_idd'")
                                       << QByteArray("unknown field");
    QTest::newRow("tgw header") << kTgwHeader << QByteArray("'resource-type'") << QByteArray("unknown field");
    QTest::newRow("record line") << kExample1Record << QByteArray("'2'") << QByteArray("unknown field");
    QTest::newRow("duplicate bare") << QByteArray("version srcaddr version") << QByteArray("'version'")
                                    << QByteArray("twice");
    QTest::newRow("duplicate console") << QByteArray("${srcaddr} ${dstaddr} ${srcaddr}") << QByteArray("'srcaddr'")
                                       << QByteArray("twice");
    QTest::newRow("duplicate mixed forms") << QByteArray("${start} start") << QByteArray("'start'")
                                           << QByteArray("twice");
    QTest::newRow("duplicate underscore spelling") << QByteArray("account-id account_id")
                                                   << QByteArray("'account_id'") << QByteArray("twice");
    QTest::newRow("duplicate in example 8") << kExample8Header + " srcport" << QByteArray("'srcport'")
                                            << QByteArray("twice");
}

void TestLogFormat::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, problem);

    std::string error;
    const LogFormat format = LogFormat::parse(view(text), &error);
    QVERIFY(format.isEmpty());
    const QByteArray message = QByteArray::fromStdString(error);
    QVERIFY2(message.contains(token), message.constData());
    QVERIFY2(message.contains(problem), message.constData());
    // A null error pointer is allowed.
    QVERIFY(LogFormat::parse(view(text), nullptr).isEmpty());
}

void TestLogFormat::looksLikeHeader_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("header");

    QTest::newRow("default header") << kDefaultHeader << true;
    QTest::newRow("example 5 header") << kExample5Header << true;
    QTest::newRow("example 8 header") << kExample8Header << true;
    QTest::newRow("example 9 header") << kExample9Header << true;
    QTest::newRow("ecs header") << kEcsHeader << true;
    QTest::newRow("single field") << QByteArray("version") << true;
    QTest::newRow("header with crlf") << kDefaultHeader + "\r" << true;
    QTest::newRow("header with blanks") << "  " + kExample6Header + " \t" << true;
    QTest::newRow("parquet names") << QByteArray("account_id log_status") << true;

    QTest::newRow("example 1 record") << kExample1Record << false;
    QTest::newRow("nodata record") << QByteArray("2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 "
                                                 "1431280934 - NODATA")
                                   << false;
    QTest::newRow("nat record") << QByteArray("- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5")
                                << false;
    QTest::newRow("encryption record") << QByteArray("ingress - 10.0.133.8 10.0.128.55 43236 80 1") << false;
    QTest::newRow("console form") << consoleForm(kDefaultHeader) << false;
    QTest::newRow("header plus one value") << kDefaultHeader + " 2" << false;
    QTest::newRow("tgw header") << kTgwHeader << false;
    QTest::newRow("comment") << QByteArray("# version srcaddr") << false;
    QTest::newRow("empty") << QByteArray("") << false;
    QTest::newRow("blanks") << QByteArray(" \t\r") << false;
}

void TestLogFormat::looksLikeHeader()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, header);
    QCOMPARE(LogFormat::looksLikeHeader(view(line)), header);
}

void TestLogFormat::defaultV2()
{
    const LogFormat format = LogFormat::defaultV2();
    QCOMPARE(int(format.fields().size()), 14);
    QVERIFY(format.isDefaultV2());
    QCOMPARE(format.version(), 2);
    QCOMPARE(QByteArray::fromStdString(format.headerLine()), kDefaultHeader);
    QCOMPARE(QByteArray::fromStdString(format.formatString()), consoleForm(kDefaultHeader));
    // Same fields in another order are a custom format.
    auto fields = format.fields();
    std::swap(fields[3], fields[4]);
    QVERIFY(!LogFormat(fields).isDefaultV2());
    fields.pop_back();
    QVERIFY(!LogFormat(fields).isDefaultV2());
}

void TestLogFormat::emptyFormat()
{
    const LogFormat format;
    QVERIFY(format.isEmpty());
    QVERIFY(!format.isDefaultV2());
    QVERIFY(format.headerLine().empty());
    QVERIFY(format.formatString().empty());
    QCOMPARE(format.version(), 2);
}

void TestLogFormat::contains()
{
    const LogFormat nat = LogFormat::parse(view(kExample6Header), nullptr);
    QVERIFY(nat.contains(Field::InstanceId));
    QVERIFY(nat.contains(Field::PktDstAddr));
    QVERIFY(!nat.contains(Field::Version));
    QVERIFY(!nat.contains(Field::Action));
    QVERIFY(LogFormat::defaultV2().contains(Field::LogStatus));
    QVERIFY(!LogFormat::defaultV2().contains(Field::TcpFlags));
}

QTEST_APPLESS_MAIN(TestLogFormat)
#include "tst_logformat.moc"
