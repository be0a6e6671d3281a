// SPDX-License-Identifier: GPL-3.0-or-later
// RecordParser: every field of every version, the AWS documentation's
// example records, and the bad input a real import meets.

#include "format/record_parser.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QTest>

#include "aws_example_formats.h"

#include <limits>
#include <string>
#include <string_view>

using flowscope::Field;
using flowscope::FieldKind;
using flowscope::FlowRecord;
using flowscope::LogFormat;
using flowscope::RecordParser;

using namespace flowscope::test;

namespace {
std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

LogFormat formatOf(const QByteArray &header)
{
    std::string error;
    LogFormat format = LogFormat::parse(view(header), &error);
    if (format.isEmpty())
        qFatal("bad format in test data: %s", error.c_str());
    return format;
}

// A decoded value in its canonical text form; "-" when absent. Reads the
// typed FlowRecord members, so a value stored in the wrong member shows up.
QByteArray render(const FlowRecord &r, Field f)
{
    if (!r.has(f))
        return "-";
    switch (f) {
    case Field::Version: return QByteArray::number(r.version);
    case Field::SrcPort: return QByteArray::number(r.srcPort);
    case Field::DstPort: return QByteArray::number(r.dstPort);
    case Field::Protocol: return QByteArray::number(r.protocol);
    case Field::Packets: return QByteArray::number(quint64(r.packets));
    case Field::Bytes: return QByteArray::number(quint64(r.bytes));
    case Field::Start: return QByteArray::number(qint64(r.start));
    case Field::End: return QByteArray::number(qint64(r.end));
    case Field::TcpFlags: return QByteArray::number(r.tcpFlags);
    case Field::TrafficPath: return QByteArray::number(r.trafficPath);
    case Field::EncryptionStatus: return QByteArray::number(r.encryptionStatus);
    case Field::SrcAddr: return QByteArray::fromStdString(r.srcAddr.toString());
    case Field::DstAddr: return QByteArray::fromStdString(r.dstAddr.toString());
    case Field::PktSrcAddr: return QByteArray::fromStdString(r.pktSrcAddr.toString());
    case Field::PktDstAddr: return QByteArray::fromStdString(r.pktDstAddr.toString());
    case Field::Action: return bytes(flowscope::actionName(r.action));
    case Field::LogStatus: return bytes(flowscope::logStatusName(r.logStatus));
    case Field::Type: return bytes(flowscope::trafficTypeName(r.type));
    case Field::FlowDirection: return bytes(flowscope::flowDirectionName(r.direction));
    default: break;
    }
    if (flowscope::fieldInfo(f).kind == FieldKind::Text)
        return bytes(r.textOf(f));
    return "<no renderer>";
}


// Records copied from FIELDS.md (AWS documentation examples).
const QByteArray kEx1Accept =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 "
    "ACCEPT OK";
const QByteArray kEx2NoData =
    "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
const QByteArray kEx4Ipv6 =
    "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 "
    "2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK";
const QByteArray kEx5SynAck =
    "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 "
    "IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 1566848875 1566848933 ACCEPT 18 OK";
const QByteArray kEx6Nat = "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5";
const QByteArray kEx8Ingress =
    "5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 "
    "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 "
    "apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK";
const QByteArray kEx8Egress =
    "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 "
    "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 "
    "apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK";
const QByteArray kEx9Ingress = "ingress - 10.0.133.8 10.0.128.55 43236 80 1";

// `line` with its index-th blank-separated token replaced.
QByteArray withToken(const QByteArray &line, int index, const QByteArray &token)
{
    QByteArrayList tokens = line.split(' ');
    tokens[index] = token;
    return tokens.join(' ');
}
} // namespace

class TestRecordParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fieldValues_data();
    void fieldValues();
    void examples_data();
    void examples();
    void exampleTypedValues();
    void badInput_data();
    void badInput();
    void tolerated_data();
    void tolerated();
    void recordIsReset();
    void textViewsPointIntoLine();
    void failureWithoutReason();
    void oversizedFormat();
    void parseUnsigned_data();
    void parseUnsigned();
    void parseEnums_data();
    void parseEnums();

private:
    static void addExample(const char *name, const QByteArray &header, const QByteArray &line,
                           const QByteArray &expected);
};

void TestRecordParser::fieldValues_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("expected"); // canonical value, "-" = absent

    // One row per (field, value); every field also gets a '-' row. The name
    // is "<field> <token>" so a failure says which.
    const auto add = [](Field f, const char *token, const char *expected) {
        QTest::addRow("%s %s", flowscope::fieldInfo(f).name.data(), token)
            << static_cast<int>(f) << QByteArray(token) << QByteArray(expected);
    };
    // Every field's '-' means absent, never zero.
    for (const auto &info : flowscope::allFields())
        add(info.field, "-", "-");

    add(Field::Version, "2", "2");
    add(Field::Version, "5", "5");
    add(Field::Version, "8", "8");
    add(Field::AccountId, "123456789010", "123456789010");
    add(Field::AccountId, "000000000000", "000000000000"); // a string: zeros kept
    add(Field::AccountId, "unknown", "unknown");
    add(Field::InterfaceId, "eni-1235b8ca123456789", "eni-1235b8ca123456789");
    add(Field::InterfaceId, "eni-abc123de", "eni-abc123de");
    add(Field::SrcAddr, "172.31.16.139", "172.31.16.139");
    add(Field::SrcAddr, "2001:db8:1234:a100:8d6e:3477:df66:f105", "2001:db8:1234:a100:8d6e:3477:df66:f105");
    add(Field::SrcAddr, "2001:0DB8:0:0:0:0:0:1", "2001:db8::1");
    add(Field::DstAddr, "0.0.0.0", "0.0.0.0");
    add(Field::DstAddr, "255.255.255.255", "255.255.255.255");
    add(Field::DstAddr, "::", "::");
    add(Field::SrcPort, "0", "0");
    add(Field::SrcPort, "20641", "20641");
    add(Field::SrcPort, "65535", "65535");
    add(Field::DstPort, "22", "22");
    add(Field::DstPort, "3389", "3389");
    add(Field::Protocol, "1", "1");
    add(Field::Protocol, "6", "6");
    add(Field::Protocol, "58", "58");
    add(Field::Protocol, "255", "255");
    add(Field::Packets, "0", "0");
    add(Field::Packets, "20", "20");
    add(Field::Packets, "9223372036854775807", "9223372036854775807");
    add(Field::Bytes, "4249", "4249");
    add(Field::Bytes, "4294967296", "4294967296"); // over 32 bits
    add(Field::Bytes, "23294588", "23294588");
    add(Field::Start, "0", "0");
    add(Field::Start, "1418530010", "1418530010");
    add(Field::End, "1418530070", "1418530070");
    add(Field::End, "4102444800", "4102444800"); // year 2100: past 32-bit time_t
    add(Field::Action, "ACCEPT", "ACCEPT");
    add(Field::Action, "REJECT", "REJECT");
    add(Field::Action, "accept", "ACCEPT");
    add(Field::LogStatus, "OK", "OK");
    add(Field::LogStatus, "NODATA", "NODATA");
    add(Field::LogStatus, "SKIPDATA", "SKIPDATA");
    add(Field::LogStatus, "SkipData", "SKIPDATA");
    add(Field::VpcId, "vpc-abcdefab012345678", "vpc-abcdefab012345678");
    add(Field::SubnetId, "subnet-aaaaaaaa012345678", "subnet-aaaaaaaa012345678");
    add(Field::InstanceId, "i-01234567890123456", "i-01234567890123456");
    add(Field::TcpFlags, "0", "0");
    add(Field::TcpFlags, "1", "1");
    add(Field::TcpFlags, "2", "2");
    add(Field::TcpFlags, "3", "3");
    add(Field::TcpFlags, "18", "18");
    add(Field::TcpFlags, "19", "19");
    add(Field::TcpFlags, "255", "255");
    add(Field::Type, "IPv4", "IPv4");
    add(Field::Type, "IPv6", "IPv6");
    add(Field::Type, "EFA", "EFA");
    add(Field::Type, "ipv6", "IPv6");
    add(Field::PktSrcAddr, "52.213.180.42", "52.213.180.42");
    add(Field::PktSrcAddr, "::ffff:10.0.0.1", "::ffff:10.0.0.1");
    add(Field::PktDstAddr, "10.40.2.236", "10.40.2.236");
    add(Field::PktDstAddr, "fe80::1", "fe80::1");
    add(Field::Region, "ap-southeast-2", "ap-southeast-2");
    add(Field::AzId, "apse2-az3", "apse2-az3");
    add(Field::SublocationType, "wavelength", "wavelength");
    add(Field::SublocationType, "outpost", "outpost");
    add(Field::SublocationType, "localzone", "localzone");
    add(Field::SublocationId, "us-east-1-wl1-bos-wlz-1", "us-east-1-wl1-bos-wlz-1");
    add(Field::PktSrcAwsService, "S3", "S3");
    add(Field::PktSrcAwsService, "AMAZON_APPFLOW", "AMAZON_APPFLOW");
    add(Field::PktDstAwsService, "ROUTE53_HEALTHCHECKS_PUBLISHING", "ROUTE53_HEALTHCHECKS_PUBLISHING");
    add(Field::PktDstAwsService, "SOME_FUTURE_SERVICE", "SOME_FUTURE_SERVICE"); // open list
    add(Field::FlowDirection, "ingress", "ingress");
    add(Field::FlowDirection, "egress", "egress");
    add(Field::FlowDirection, "EGRESS", "egress");
    add(Field::TrafficPath, "1", "1");
    add(Field::TrafficPath, "8", "8");
    add(Field::EcsClusterArn, "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
        "arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    add(Field::EcsClusterName, "prod", "prod");
    add(Field::EcsContainerInstanceArn,
        "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/0123456789abcdef0123456789abcdef",
        "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/0123456789abcdef0123456789abcdef");
    add(Field::EcsContainerInstanceId, "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef");
    add(Field::EcsContainerId, "3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e-1234567890",
        "3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e-1234567890");
    add(Field::EcsSecondContainerId, "3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e-0987654321",
        "3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e-0987654321");
    add(Field::EcsServiceName, "web", "web");
    add(Field::EcsTaskDefinitionArn, "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7");
    add(Field::EcsTaskArn, "arn:aws:ecs:us-east-1:123456789012:task/prod/3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e",
        "arn:aws:ecs:us-east-1:123456789012:task/prod/3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e");
    add(Field::EcsTaskId, "3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e", "3b7f1c6e0d2a4b5c8d9e0f1a2b3c4d5e");
    add(Field::RejectReason, "BPA", "BPA");
    add(Field::RejectReason, "Accepted", "Accepted"); // open string (OCSF sample)
    add(Field::ResourceId, "vpc-abcdefab012345678", "vpc-abcdefab012345678");
    add(Field::EncryptionStatus, "0", "0");
    add(Field::EncryptionStatus, "1", "1");
    add(Field::EncryptionStatus, "2", "2");
    add(Field::EncryptionStatus, "3", "3");
}

void TestRecordParser::fieldValues()
{
    QFETCH(int, field);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, expected);
    const auto f = static_cast<Field>(field);

    // The field alone, then the field between two others: position must not matter.
    const RecordParser alone(LogFormat({f}));
    FlowRecord record;
    std::string reason;
    QVERIFY2(alone.parse(view(token), record, &reason), reason.c_str());
    QCOMPARE(render(record, f), expected);
    QCOMPARE(record.has(f), expected != "-");
    for (const auto &info : flowscope::allFields())
        if (info.field != f)
            QVERIFY2(!record.has(info.field), info.name.data());

    const Field neighbour = f == Field::Version ? Field::LogStatus : Field::Version;
    const QByteArray neighbourToken = f == Field::Version ? "OK" : "2";
    const RecordParser between(LogFormat({neighbour, f, Field::AccountId == f ? Field::VpcId : Field::AccountId}));
    const QByteArray line = neighbourToken + ' ' + token + " 123456789010";
    QVERIFY2(between.parse(view(line), record, &reason), reason.c_str());
    QCOMPARE(render(record, f), expected);
    QVERIFY(record.has(neighbour));
}

void TestRecordParser::addExample(const char *name, const QByteArray &header, const QByteArray &line,
                                  const QByteArray &expected)
{
    QTest::newRow(name) << header << line << expected;
}

void TestRecordParser::examples_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("line");
    // "field=value ..." for every field of the format; value "-" = absent.
    QTest::addColumn<QByteArray>("expected");

    // FIELDS.md examples 1-9, records copied exactly ('#' annotations included).
    // Example 7's "..." placeholder line is in badInput().

    addExample("ex1 ssh accepted", kDefaultHeader,
               "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 "
               "1418530010 1418530070 ACCEPT OK",
               "version=2 account-id=123456789010 interface-id=eni-1235b8ca123456789 srcaddr=172.31.16.139 "
               "dstaddr=172.31.16.21 srcport=20641 dstport=22 protocol=6 packets=20 bytes=4249 "
               "start=1418530010 end=1418530070 action=ACCEPT log-status=OK");
    addExample("ex1 rdp rejected", kDefaultHeader,
               "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 "
               "1418530070 REJECT OK",
               "version=2 account-id=123456789010 interface-id=eni-1235b8ca123456789 srcaddr=172.31.9.69 "
               "dstaddr=172.31.9.12 srcport=49761 dstport=3389 protocol=6 packets=20 bytes=4249 "
               "start=1418530010 end=1418530070 action=REJECT log-status=OK");
    addExample("ex2 nodata", kDefaultHeader,
               "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA",
               "version=2 account-id=123456789010 interface-id=eni-1235b8ca123456789 srcaddr=- dstaddr=- "
               "srcport=- dstport=- protocol=- packets=- bytes=- start=1431280876 end=1431280934 action=- "
               "log-status=NODATA");
    addExample("ex2 skipdata", kDefaultHeader,
               "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA",
               "version=2 account-id=123456789010 interface-id=eni-11111111aaaaaaaaa srcaddr=- dstaddr=- "
               "srcport=- dstport=- protocol=- packets=- bytes=- start=1431280876 end=1431280934 action=- "
               "log-status=SKIPDATA");
    addExample("ex3 icmp request accepted", kDefaultHeader,
               "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 "
               "1432917142 ACCEPT OK",
               "version=2 account-id=123456789010 interface-id=eni-1235b8ca123456789 srcaddr=203.0.113.12 "
               "dstaddr=172.31.16.139 srcport=0 dstport=0 protocol=1 packets=4 bytes=336 start=1432917027 "
               "end=1432917142 action=ACCEPT log-status=OK");
    addExample("ex3 icmp reply rejected", kDefaultHeader,
               "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 "
               "1432917142 REJECT OK",
               "version=2 account-id=123456789010 interface-id=eni-1235b8ca123456789 srcaddr=172.31.16.139 "
               "dstaddr=203.0.113.12 srcport=0 dstport=0 protocol=1 packets=4 bytes=336 start=1432917094 "
               "end=1432917142 action=REJECT log-status=OK");
    addExample("ex4 ipv6", kDefaultHeader,
               "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 "
               "2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK",
               "version=2 account-id=123456789010 interface-id=eni-1235b8ca123456789 "
               "srcaddr=2001:db8:1234:a100:8d6e:3477:df66:f105 "
               "dstaddr=2001:db8:1234:a102:3304:8879:34cf:4071 srcport=34892 dstport=22 protocol=6 "
               "packets=54 bytes=8855 start=1477913708 end=1477913820 action=ACCEPT log-status=OK");
    addExample("ex5 syn 43416", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 "
               "1566848875 1566848933 ACCEPT 2 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=52.213.180.42 dstaddr=10.0.0.62 srcport=43416 dstport=5001 "
               "pkt-srcaddr=52.213.180.42 pkt-dstaddr=10.0.0.62 protocol=6 bytes=568 packets=8 "
               "start=1566848875 end=1566848933 action=ACCEPT tcp-flags=2 log-status=OK");
    addExample("ex5 syn-ack 43416", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 "
               "1566848875 1566848933 ACCEPT 18 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=10.0.0.62 dstaddr=52.213.180.42 srcport=5001 dstport=43416 "
               "pkt-srcaddr=10.0.0.62 pkt-dstaddr=52.213.180.42 protocol=6 bytes=376 packets=7 "
               "start=1566848875 end=1566848933 action=ACCEPT tcp-flags=18 log-status=OK");
    addExample("ex5 syn 43418", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 100701 70 "
               "1566848875 1566848933 ACCEPT 2 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=52.213.180.42 dstaddr=10.0.0.62 srcport=43418 dstport=5001 "
               "pkt-srcaddr=52.213.180.42 pkt-dstaddr=10.0.0.62 protocol=6 bytes=100701 packets=70 "
               "start=1566848875 end=1566848933 action=ACCEPT tcp-flags=2 log-status=OK");
    addExample("ex5 syn-ack 43418", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 632 12 "
               "1566848875 1566848933 ACCEPT 18 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=10.0.0.62 dstaddr=52.213.180.42 srcport=5001 dstport=43418 "
               "pkt-srcaddr=10.0.0.62 pkt-dstaddr=52.213.180.42 protocol=6 bytes=632 packets=12 "
               "start=1566848875 end=1566848933 action=ACCEPT tcp-flags=18 log-status=OK");
    addExample("ex5 fin server", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 63388 1219 "
               "1566848933 1566849113 ACCEPT 1 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=10.0.0.62 dstaddr=52.213.180.42 srcport=5001 dstport=43418 "
               "pkt-srcaddr=10.0.0.62 pkt-dstaddr=52.213.180.42 protocol=6 bytes=63388 packets=1219 "
               "start=1566848933 end=1566849113 action=ACCEPT tcp-flags=1 log-status=OK");
    addExample("ex5 fin client", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 23294588 "
               "15774 1566848933 1566849113 ACCEPT 1 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=52.213.180.42 dstaddr=10.0.0.62 srcport=43418 dstport=5001 "
               "pkt-srcaddr=52.213.180.42 pkt-dstaddr=10.0.0.62 protocol=6 bytes=23294588 packets=15774 "
               "start=1566848933 end=1566849113 action=ACCEPT tcp-flags=1 log-status=OK");
    addExample("ex5 syn+fin client", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
               "123456789010 IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 "
               "1566933133 1566933193 ACCEPT 3 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=52.213.180.42 dstaddr=10.0.0.62 srcport=43638 dstport=5001 "
               "pkt-srcaddr=52.213.180.42 pkt-dstaddr=10.0.0.62 protocol=6 bytes=1260 packets=17 "
               "start=1566933133 end=1566933193 action=ACCEPT tcp-flags=3 log-status=OK");
    // Kept on one line: the AWS text has two spaces after 43638 (a doc typo real parsers meet).
    addExample("ex5 syn-ack+fin double space", kExample5Header,
               "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638  10.0.0.62 52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK",
               "version=3 vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-01234567890123456 interface-id=eni-1235b8ca123456789 account-id=123456789010 "
               "type=IPv4 srcaddr=10.0.0.62 dstaddr=52.213.180.42 srcport=5001 dstport=43638 "
               "pkt-srcaddr=10.0.0.62 pkt-dstaddr=52.213.180.42 protocol=6 bytes=967 packets=14 "
               "start=1566933133 end=1566933193 action=ACCEPT tcp-flags=19 log-status=OK");
    addExample("ex6 instance to nat", kExample6Header,
               "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5",
               "instance-id=- interface-id=eni-1235b8ca123456789 srcaddr=10.0.1.5 dstaddr=10.0.0.220 "
               "pkt-srcaddr=10.0.1.5 pkt-dstaddr=203.0.113.5");
    addExample("ex6 nat to host", kExample6Header,
               "- eni-1235b8ca123456789 10.0.0.220 203.0.113.5 10.0.0.220 203.0.113.5",
               "instance-id=- interface-id=eni-1235b8ca123456789 srcaddr=10.0.0.220 dstaddr=203.0.113.5 "
               "pkt-srcaddr=10.0.0.220 pkt-dstaddr=203.0.113.5");
    addExample("ex6 host to nat", kExample6Header,
               "- eni-1235b8ca123456789 203.0.113.5 10.0.0.220 203.0.113.5 10.0.0.220",
               "instance-id=- interface-id=eni-1235b8ca123456789 srcaddr=203.0.113.5 dstaddr=10.0.0.220 "
               "pkt-srcaddr=203.0.113.5 pkt-dstaddr=10.0.0.220");
    addExample("ex6 nat to instance", kExample6Header,
               "- eni-1235b8ca123456789 10.0.0.220 10.0.1.5 203.0.113.5 10.0.1.5",
               "instance-id=- interface-id=eni-1235b8ca123456789 srcaddr=10.0.0.220 dstaddr=10.0.1.5 "
               "pkt-srcaddr=203.0.113.5 pkt-dstaddr=10.0.1.5");
    addExample("ex6 instance eni out with comment", kExample6Header,
               "i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5 #Traffic "
               "from the source instance to host on the internet",
               "instance-id=i-01234567890123456 interface-id=eni-1111aaaa2222bbbb3 srcaddr=10.0.1.5 "
               "dstaddr=203.0.113.5 pkt-srcaddr=10.0.1.5 pkt-dstaddr=203.0.113.5");
    addExample("ex6 instance eni in with comment", kExample6Header,
               "i-01234567890123456 eni-1111aaaa2222bbbb3 203.0.113.5 10.0.1.5 203.0.113.5 10.0.1.5 "
               "#Response traffic from host on the internet to the source instance",
               "instance-id=i-01234567890123456 interface-id=eni-1111aaaa2222bbbb3 srcaddr=203.0.113.5 "
               "dstaddr=10.0.1.5 pkt-srcaddr=203.0.113.5 pkt-dstaddr=10.0.1.5");
    addExample("ex7 web server request", kExample7Header,
               "3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb "
               "i-01234567890123456 10.20.33.164 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 "
               "ACCEPT OK",
               "version=3 interface-id=eni-33333333333333333 account-id=123456789010 "
               "vpc-id=vpc-abcdefab012345678 subnet-id=subnet-22222222bbbbbbbbb "
               "instance-id=i-01234567890123456 srcaddr=10.20.33.164 dstaddr=10.40.2.236 srcport=39812 "
               "dstport=80 protocol=6 tcp-flags=3 type=IPv4 pkt-srcaddr=10.20.33.164 pkt-dstaddr=10.40.2.236 "
               "action=ACCEPT log-status=OK");
    addExample("ex7 web server response", kExample7Header,
               "3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb "
               "i-01234567890123456 10.40.2.236 10.20.33.164 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 "
               "ACCEPT OK",
               "version=3 interface-id=eni-33333333333333333 account-id=123456789010 "
               "vpc-id=vpc-abcdefab012345678 subnet-id=subnet-22222222bbbbbbbbb "
               "instance-id=i-01234567890123456 srcaddr=10.40.2.236 dstaddr=10.20.33.164 srcport=80 "
               "dstport=39812 protocol=6 tcp-flags=19 type=IPv4 pkt-srcaddr=10.40.2.236 "
               "pkt-dstaddr=10.20.33.164 action=ACCEPT log-status=OK");
    addExample("ex7 tgw eni request", kExample7Header,
               "3 eni-11111111111111111 123456789010 vpc-abcdefab012345678 subnet-11111111aaaaaaaaa - "
               "10.40.1.175 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK",
               "version=3 interface-id=eni-11111111111111111 account-id=123456789010 "
               "vpc-id=vpc-abcdefab012345678 subnet-id=subnet-11111111aaaaaaaaa instance-id=- "
               "srcaddr=10.40.1.175 dstaddr=10.40.2.236 srcport=39812 dstport=80 protocol=6 tcp-flags=3 "
               "type=IPv4 pkt-srcaddr=10.20.33.164 pkt-dstaddr=10.40.2.236 action=ACCEPT log-status=OK");
    addExample("ex7 tgw eni response", kExample7Header,
               "3 eni-22222222222222222 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - "
               "10.40.2.236 10.40.2.31 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 ACCEPT OK",
               "version=3 interface-id=eni-22222222222222222 account-id=123456789010 "
               "vpc-id=vpc-abcdefab012345678 subnet-id=subnet-22222222bbbbbbbbb instance-id=- "
               "srcaddr=10.40.2.236 dstaddr=10.40.2.31 srcport=80 dstport=39812 protocol=6 tcp-flags=19 "
               "type=IPv4 pkt-srcaddr=10.40.2.236 pkt-dstaddr=10.20.33.164 action=ACCEPT log-status=OK");
    addExample("ex8 ingress from s3", kExample8Header,
               "5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 "
               "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 "
               "ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK",
               "version=5 srcaddr=52.95.128.179 dstaddr=10.0.0.71 srcport=80 dstport=34210 protocol=6 "
               "start=1616729292 end=1616729349 type=IPv4 packets=14 bytes=15044 account-id=123456789012 "
               "vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-0c50d5961bcb2d47b interface-id=eni-1235b8ca123456789 region=ap-southeast-2 "
               "az-id=apse2-az3 sublocation-type=- sublocation-id=- action=ACCEPT tcp-flags=19 "
               "pkt-srcaddr=52.95.128.179 pkt-dstaddr=10.0.0.71 pkt-src-aws-service=S3 pkt-dst-aws-service=- "
               "traffic-path=- flow-direction=ingress log-status=OK");
    addExample("ex8 egress to s3", kExample8Header,
               "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 "
               "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 "
               "ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK",
               "version=5 srcaddr=10.0.0.71 dstaddr=52.95.128.179 srcport=34210 dstport=80 protocol=6 "
               "start=1616729292 end=1616729349 type=IPv4 packets=7 bytes=471 account-id=123456789012 "
               "vpc-id=vpc-abcdefab012345678 subnet-id=subnet-aaaaaaaa012345678 "
               "instance-id=i-0c50d5961bcb2d47b interface-id=eni-1235b8ca123456789 region=ap-southeast-2 "
               "az-id=apse2-az3 sublocation-type=- sublocation-id=- action=ACCEPT tcp-flags=3 "
               "pkt-srcaddr=10.0.0.71 pkt-dstaddr=52.95.128.179 pkt-src-aws-service=- pkt-dst-aws-service=S3 "
               "traffic-path=8 flow-direction=egress log-status=OK");
    addExample("ex9 encrypted ingress with comment", kExample9Header,
               "ingress - 10.0.133.8 10.0.128.55 43236 80 1 # <-- HTTP between web client and server. "
               "Encrypted at hardware-level",
               "flow-direction=ingress traffic-path=- srcaddr=10.0.133.8 dstaddr=10.0.128.55 srcport=43236 "
               "dstport=80 encryption-status=1");
    addExample("ex9 encrypted egress", kExample9Header,
               "egress 1 10.0.128.55 10.0.133.8 80 43236 1",
               "flow-direction=egress traffic-path=1 srcaddr=10.0.128.55 dstaddr=10.0.133.8 srcport=80 "
               "dstport=43236 encryption-status=1");
    addExample("ex9 encrypted ingress 2", kExample9Header,
               "ingress - 10.0.133.8 10.0.128.55 36902 80 1",
               "flow-direction=ingress traffic-path=- srcaddr=10.0.133.8 dstaddr=10.0.128.55 srcport=36902 "
               "dstport=80 encryption-status=1");
    addExample("ex9 encrypted egress 2", kExample9Header,
               "egress 1 10.0.128.55 10.0.133.8 80 36902 1",
               "flow-direction=egress traffic-path=1 srcaddr=10.0.128.55 dstaddr=10.0.133.8 srcport=80 "
               "dstport=36902 encryption-status=1");
    addExample("ex9 clear ingress with comment", kExample9Header,
               "ingress - 10.0.130.104 10.0.128.55 55016 80 0 # <-- HTTP between web client and server. Not "
               "encrypted at hardware-level",
               "flow-direction=ingress traffic-path=- srcaddr=10.0.130.104 dstaddr=10.0.128.55 srcport=55016 "
               "dstport=80 encryption-status=0");
    addExample("ex9 clear egress", kExample9Header,
               "egress 1 10.0.128.55 10.0.130.104 80 55016 0",
               "flow-direction=egress traffic-path=1 srcaddr=10.0.128.55 dstaddr=10.0.130.104 srcport=80 "
               "dstport=55016 encryption-status=0");
    addExample("ex9 clear ingress 2", kExample9Header,
               "ingress - 10.0.130.104 10.0.128.55 60276 80 0",
               "flow-direction=ingress traffic-path=- srcaddr=10.0.130.104 dstaddr=10.0.128.55 srcport=60276 "
               "dstport=80 encryption-status=0");
    addExample("ex9 clear egress 2", kExample9Header,
               "egress 1 10.0.128.55 10.0.130.104 80 60276 0",
               "flow-direction=egress traffic-path=1 srcaddr=10.0.128.55 dstaddr=10.0.130.104 srcport=80 "
               "dstport=60276 encryption-status=0");
}

void TestRecordParser::examples()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expected);

    // Both spellings of a format give the same parser.
    for (const QByteArray &formatText : {header, consoleForm(header)}) {
        const RecordParser parser(formatOf(formatText));
        FlowRecord record;
        std::string reason;
        QVERIFY2(parser.parse(view(line), record, &reason), reason.c_str());

        const QByteArrayList pairs = expected.split(' ');
        QCOMPARE(qsizetype(parser.format().fields().size()), pairs.size());
        for (const QByteArray &pair : pairs) {
            const qsizetype eq = pair.indexOf('=');
            QVERIFY2(eq > 0, pair.constData());
            const QByteArray name = pair.left(eq);
            const QByteArray value = pair.mid(eq + 1);
            const auto field = flowscope::fieldByName(view(name));
            QVERIFY2(field.has_value(), name.constData());
            QVERIFY2(parser.format().contains(*field), name.constData());
            QCOMPARE(name + '=' + render(record, *field), pair);
        }
        // Nothing outside the format is ever present.
        for (const auto &info : flowscope::allFields())
            if (!parser.format().contains(info.field))
                QVERIFY2(!record.has(info.field), info.name.data());
    }
}

void TestRecordParser::exampleTypedValues()
{
    using flowscope::Action;
    using flowscope::FlowDirection;
    using flowscope::LogStatus;
    using flowscope::TrafficType;
    FlowRecord r;
    std::string reason;

    const RecordParser v2(LogFormat::defaultV2());
    QVERIFY2(v2.parse(view(kEx1Accept), r, &reason), reason.c_str());
    QCOMPARE(r.version, 2u);
    QCOMPARE(r.textOf(Field::AccountId), std::string_view("123456789010"));
    QCOMPARE(r.textOf(Field::InterfaceId), std::string_view("eni-1235b8ca123456789"));
    QVERIFY(r.srcAddr.isV4());
    QCOMPARE(r.srcAddr.v4(), 0xAC1F108Bu); // 172.31.16.139
    QCOMPARE(r.dstAddr.v4(), 0xAC1F1015u); // 172.31.16.21
    QCOMPARE(r.srcPort, std::uint16_t(20641));
    QCOMPARE(r.dstPort, std::uint16_t(22));
    QCOMPARE(r.protocol, std::uint8_t(6));
    QCOMPARE(r.packets, std::uint64_t(20));
    QCOMPARE(r.bytes, std::uint64_t(4249));
    QCOMPARE(r.start, std::int64_t(1418530010));
    QCOMPARE(r.end, std::int64_t(1418530070));
    QVERIFY(r.action == Action::Accept);
    QVERIFY(r.logStatus == LogStatus::Ok);

    QVERIFY2(v2.parse(view(kEx2NoData), r, &reason), reason.c_str());
    QVERIFY(r.logStatus == LogStatus::NoData);
    for (Field f : {Field::SrcAddr, Field::DstAddr, Field::SrcPort, Field::DstPort, Field::Protocol,
                    Field::Packets, Field::Bytes, Field::Action})
        QVERIFY2(!r.has(f), flowscope::fieldInfo(f).name.data());
    QVERIFY(r.has(Field::Start) && r.has(Field::End));
    QCOMPARE(r.end - r.start, std::int64_t(58));

    QVERIFY2(v2.parse(view(kEx4Ipv6), r, &reason), reason.c_str());
    QVERIFY(!r.srcAddr.isV4());
    QCOMPARE(r.srcAddr.bytes[0], std::uint8_t(0x20));
    QCOMPARE(r.srcAddr.bytes[15], std::uint8_t(0x05));
    QCOMPARE(r.dstAddr.bytes[15], std::uint8_t(0x71));

    const RecordParser v3(formatOf(kExample5Header));
    QVERIFY2(v3.parse(view(kEx5SynAck), r, &reason), reason.c_str());
    QCOMPARE(r.version, 3u);
    QCOMPARE(r.tcpFlags, std::uint8_t(18)); // SYN-ACK
    QVERIFY(r.type == TrafficType::IPv4);
    QCOMPARE(r.pktSrcAddr, r.srcAddr);
    QCOMPARE(r.bytes, std::uint64_t(376));
    QCOMPARE(r.packets, std::uint64_t(7));

    const RecordParser nat(formatOf(kExample6Header));
    QVERIFY2(nat.parse(view(kEx6Nat), r, &reason), reason.c_str());
    QVERIFY(!r.has(Field::InstanceId)); // requester-managed NAT ENI
    QVERIFY(!r.has(Field::Version));
    QCOMPARE(r.dstAddr.toString(), std::string("10.0.0.220"));
    QCOMPARE(r.pktDstAddr.toString(), std::string("203.0.113.5"));

    const RecordParser v5(formatOf(kExample8Header));
    QVERIFY2(v5.parse(view(kEx8Ingress), r, &reason), reason.c_str());
    QVERIFY(r.direction == FlowDirection::Ingress);
    QVERIFY(!r.has(Field::TrafficPath)); // not reported for ingress
    QCOMPARE(r.textOf(Field::PktSrcAwsService), std::string_view("S3"));
    QVERIFY(!r.has(Field::PktDstAwsService));
    QVERIFY(!r.has(Field::SublocationType));
    QCOMPARE(r.textOf(Field::Region), std::string_view("ap-southeast-2"));
    QVERIFY2(v5.parse(view(kEx8Egress), r, &reason), reason.c_str());
    QVERIFY(r.direction == FlowDirection::Egress);
    QCOMPARE(r.trafficPath, std::uint8_t(8)); // internet gateway
    QCOMPARE(r.textOf(Field::PktDstAwsService), std::string_view("S3"));

    const RecordParser v8(formatOf(kExample9Header));
    QCOMPARE(v8.format().version(), 8);
    QVERIFY2(v8.parse(view(kEx9Ingress + " # <-- annotation"), r, &reason), reason.c_str());
    QCOMPARE(r.encryptionStatus, std::uint8_t(1));
    QVERIFY(!r.has(Field::TrafficPath));
    QCOMPARE(r.dstPort, std::uint16_t(80));
}

void TestRecordParser::badInput_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArrayList>("mustContain");

    const QByteArray ex1 = kEx1Accept;
    const QByteArray ex8 = kEx8Egress;
    const QByteArray ex9 = kEx9Ingress;
    // default format positions
    enum { Ver, Acct, Eni, Src, Dst, SPort, DPort, Proto, Pkts, Bytes, Start, End, Act, Status };
    // example 8 positions of the v3..v5 fields
    enum { E8Type = 8, E8Flags = 21, E8PktSrc = 22, E8PktDst = 23, E8Path = 26, E8Dir = 27, E8End = 7 };

    // Field count: the message says what was expected and what was found.
    QTest::newRow("default 13 fields") << kDefaultHeader << ex1.left(ex1.lastIndexOf(' '))
                                       << QByteArrayList{"expected 14 fields", "default version 2", "found 13"};
    QTest::newRow("default 15 fields") << kDefaultHeader << ex1 + " extra"
                                       << QByteArrayList{"expected 14 fields", "found 15"};
    QTest::newRow("empty line") << kDefaultHeader << QByteArray() << QByteArrayList{"expected 14", "found 0"};
    QTest::newRow("blank line") << kDefaultHeader << QByteArray(" \t \r") << QByteArrayList{"expected 14", "found 0"};
    QTest::newRow("nat 7 fields") << kExample6Header << kEx6Nat + " 10.0.0.1"
                                  << QByteArrayList{"expected 6 fields", "format version 3", "found 7"};
    QTest::newRow("nat 5 fields") << kExample6Header << kEx6Nat.left(kEx6Nat.lastIndexOf(' '))
                                  << QByteArrayList{"expected 6", "found 5"};
    QTest::newRow("tgw example ellipsis") << kExample7Header << QByteArray("...")
                                          << QByteArrayList{"expected 17", "found 1"};
    QTest::newRow("v3 record, default format") << kDefaultHeader << kEx5SynAck
                                               << QByteArrayList{"expected 14", "found 21"};
    QTest::newRow("v2 record, v5 format") << kExample8Header << ex1
                                          << QByteArrayList{"expected 29", "format version 5", "found 14"};
    QTest::newRow("comment too early") << kDefaultHeader << ex1.left(ex1.lastIndexOf(' ')) + " # note"
                                       << QByteArrayList{"expected 14"};

    // Numbers.
    QTest::newRow("srcport 65536") << kDefaultHeader << withToken(ex1, SPort, "65536")
                                   << QByteArrayList{"field 6 (srcport)", "'65536'", "0 to 65535"};
    QTest::newRow("dstport negative") << kDefaultHeader << withToken(ex1, DPort, "-1")
                                      << QByteArrayList{"(dstport)", "'-1'"};
    QTest::newRow("srcport plus sign") << kDefaultHeader << withToken(ex1, SPort, "+22")
                                       << QByteArrayList{"(srcport)", "'+22'"};
    QTest::newRow("dstport decimal point") << kDefaultHeader << withToken(ex1, DPort, "22.0")
                                           << QByteArrayList{"(dstport)", "'22.0'"};
    QTest::newRow("dstport hex") << kDefaultHeader << withToken(ex1, DPort, "0x16")
                                 << QByteArrayList{"(dstport)", "'0x16'"};
    QTest::newRow("protocol 256") << kDefaultHeader << withToken(ex1, Proto, "256")
                                  << QByteArrayList{"(protocol)", "'256'", "0 to 255"};
    QTest::newRow("protocol letters") << kDefaultHeader << withToken(ex1, Proto, "tcp")
                                      << QByteArrayList{"(protocol)", "'tcp'"};
    QTest::newRow("packets 1e3") << kDefaultHeader << withToken(ex1, Pkts, "1e3")
                                 << QByteArrayList{"(packets)", "'1e3'"};
    QTest::newRow("packets negative") << kDefaultHeader << withToken(ex1, Pkts, "-20")
                                      << QByteArrayList{"(packets)", "'-20'"};
    QTest::newRow("bytes 2^64") << kDefaultHeader << withToken(ex1, Bytes, "18446744073709551616")
                                << QByteArrayList{"(bytes)", "'18446744073709551616'"};
    QTest::newRow("bytes 2^64-1") << kDefaultHeader << withToken(ex1, Bytes, "18446744073709551615")
                                  << QByteArrayList{"(bytes)", "'18446744073709551615'"};
    QTest::newRow("bytes 2^63") << kDefaultHeader << withToken(ex1, Bytes, "9223372036854775808")
                                << QByteArrayList{"(bytes)", "'9223372036854775808'", "9223372036854775807"};
    QTest::newRow("bytes 23 digits") << kDefaultHeader << withToken(ex1, Bytes, "99999999999999999999999")
                                     << QByteArrayList{"(bytes)", "'99999999999999999999999'"};
    QTest::newRow("start fractional") << kDefaultHeader << withToken(ex1, Start, "1418530010.5")
                                      << QByteArrayList{"(start)", "'1418530010.5'"};
    QTest::newRow("end double dash") << kDefaultHeader << withToken(ex1, End, "--")
                                     << QByteArrayList{"(end)", "'--'"};
    QTest::newRow("version letters") << kDefaultHeader << withToken(ex1, Ver, "v2")
                                     << QByteArrayList{"field 1 (version)", "'v2'"};
    QTest::newRow("version 256") << kDefaultHeader << withToken(ex1, Ver, "256")
                                 << QByteArrayList{"(version)", "'256'"};
    QTest::newRow("header line as record") << kDefaultHeader << kDefaultHeader
                                           << QByteArrayList{"(version)", "'version'"};

    // Addresses.
    QTest::newRow("srcaddr octet 256") << kDefaultHeader << withToken(ex1, Src, "256.1.1.1")
                                       << QByteArrayList{"field 4 (srcaddr)", "'256.1.1.1'", "IPv4 or IPv6"};
    QTest::newRow("srcaddr missing octet") << kDefaultHeader << withToken(ex1, Src, "172.31.16")
                                           << QByteArrayList{"(srcaddr)", "'172.31.16'"};
    QTest::newRow("dstaddr leading zero") << kDefaultHeader << withToken(ex1, Dst, "172.031.16.21")
                                          << QByteArrayList{"(dstaddr)", "'172.031.16.21'"};
    QTest::newRow("dstaddr bad hex") << kDefaultHeader << withToken(ex1, Dst, "2001:db8::g")
                                     << QByteArrayList{"(dstaddr)", "'2001:db8::g'"};
    QTest::newRow("srcaddr two ::") << kDefaultHeader << withToken(ex1, Src, "1::2::3")
                                    << QByteArrayList{"(srcaddr)", "'1::2::3'"};
    QTest::newRow("srcaddr host name") << kDefaultHeader << withToken(ex1, Src, "localhost")
                                       << QByteArrayList{"(srcaddr)", "'localhost'"};
    // Long tokens are cut in the message: 40 characters then "...".
    QTest::newRow("srcaddr long token")
        << kDefaultHeader << withToken(ex1, Src, QByteArray(30, '1') + '.' + QByteArray(29, '2'))
        << QByteArrayList{"(srcaddr)", "'" + QByteArray(30, '1') + '.' + QByteArray(9, '2') + "...'"};

    // Enumerations.
    QTest::newRow("action ALLOW") << kDefaultHeader << withToken(ex1, Act, "ALLOW")
                                  << QByteArrayList{"field 13 (action)", "'ALLOW'", "ACCEPT or REJECT"};
    QTest::newRow("action ACCEPTED") << kDefaultHeader << withToken(ex1, Act, "ACCEPTED")
                                     << QByteArrayList{"(action)", "'ACCEPTED'"};
    QTest::newRow("action number") << kDefaultHeader << withToken(ex1, Act, "0")
                                   << QByteArrayList{"(action)", "'0'"};
    QTest::newRow("log-status FAIL") << kDefaultHeader << withToken(ex1, Status, "FAIL")
                                     << QByteArrayList{"(log-status)", "'FAIL'", "OK, NODATA or SKIPDATA"};
    QTest::newRow("log-status NO_DATA") << kDefaultHeader << withToken(ex1, Status, "NO_DATA")
                                        << QByteArrayList{"(log-status)", "'NO_DATA'"};
    QTest::newRow("type IPv5") << kExample8Header << withToken(ex8, E8Type, "IPv5")
                               << QByteArrayList{"field 9 (type)", "'IPv5'", "IPv4, IPv6 or EFA"};
    QTest::newRow("type truncated") << kExample8Header << withToken(ex8, E8Type, "ipv")
                                    << QByteArrayList{"(type)", "'ipv'"};
    QTest::newRow("flow-direction inbound") << kExample8Header << withToken(ex8, E8Dir, "inbound")
                                            << QByteArrayList{"(flow-direction)", "'inbound'", "ingress or egress"};
    QTest::newRow("flow-direction in") << kExample8Header << withToken(ex8, E8Dir, "in")
                                       << QByteArrayList{"(flow-direction)", "'in'"};

    // v3..v8 numbers and addresses.
    QTest::newRow("tcp-flags 256") << kExample8Header << withToken(ex8, E8Flags, "256")
                                   << QByteArrayList{"(tcp-flags)", "'256'"};
    QTest::newRow("tcp-flags negative") << kExample8Header << withToken(ex8, E8Flags, "-1")
                                        << QByteArrayList{"(tcp-flags)", "'-1'"};
    QTest::newRow("pkt-srcaddr octet 256") << kExample8Header << withToken(ex8, E8PktSrc, "10.0.0.256")
                                           << QByteArrayList{"(pkt-srcaddr)", "'10.0.0.256'"};
    QTest::newRow("pkt-dstaddr host name") << kExample8Header << withToken(ex8, E8PktDst, "s3.amazonaws.com")
                                           << QByteArrayList{"(pkt-dstaddr)", "'s3.amazonaws.com'"};
    QTest::newRow("traffic-path 256") << kExample8Header << withToken(ex8, E8Path, "256")
                                      << QByteArrayList{"(traffic-path)", "'256'"};
    QTest::newRow("traffic-path letters") << kExample8Header << withToken(ex8, E8Path, "igw")
                                          << QByteArrayList{"(traffic-path)", "'igw'"};
    QTest::newRow("encryption-status 4") << kExample9Header << withToken(ex9, 6, "4")
                                         << QByteArrayList{"field 7 (encryption-status)", "'4'", "0 to 3"};
    QTest::newRow("encryption-status 9") << kExample9Header << withToken(ex9, 6, "9")
                                         << QByteArrayList{"(encryption-status)", "'9'"};
    QTest::newRow("encryption-status 10") << kExample9Header << withToken(ex9, 6, "10")
                                          << QByteArrayList{"(encryption-status)", "'10'"};
    QTest::newRow("encryption srcport 65536") << kExample9Header << withToken(ex9, 4, "65536")
                                              << QByteArrayList{"(srcport)", "'65536'"};

    // Time order.
    QTest::newRow("end before start") << kDefaultHeader << withToken(ex1, End, "1418530009")
                                      << QByteArrayList{"end (1418530009)", "before start (1418530010)"};
    QTest::newRow("v5 end before start") << kExample8Header << withToken(ex8, E8End, "0")
                                         << QByteArrayList{"end (0)", "start (1616729292)"};
}

void TestRecordParser::badInput()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, line);
    QFETCH(QByteArrayList, mustContain);

    const RecordParser parser(formatOf(header));
    FlowRecord record;
    std::string reason;
    QVERIFY(!parser.parse(view(line), record, &reason));
    const QByteArray message = QByteArray::fromStdString(reason);
    for (const QByteArray &needle : mustContain)
        QVERIFY2(message.contains(needle), (message + "  (missing: " + needle + ")").constData());
}

void TestRecordParser::tolerated_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("clean"); // decodes to the same values

    QByteArray tabs = kEx1Accept;
    tabs.replace(' ', '\t');
    QByteArray mixed = kEx1Accept;
    mixed.replace(" eni-", " \t eni-").replace(" ACCEPT", "\t\tACCEPT");

    QTest::newRow("crlf") << kDefaultHeader << kEx1Accept + "\r" << kEx1Accept;
    QTest::newRow("tabs") << kDefaultHeader << tabs << kEx1Accept;
    QTest::newRow("tabs and spaces") << kDefaultHeader << mixed << kEx1Accept;
    QTest::newRow("leading blanks") << kDefaultHeader << " \t  " + kEx1Accept << kEx1Accept;
    QTest::newRow("trailing blanks") << kDefaultHeader << kEx1Accept + "  \t " << kEx1Accept;
    QTest::newRow("blanks and crlf") << kDefaultHeader << "  " + kEx1Accept + " \r" << kEx1Accept;
    QTest::newRow("double spaces") << kDefaultHeader << QByteArray(kEx1Accept).replace(' ', "  ") << kEx1Accept;
    QTest::newRow("nodata crlf") << kDefaultHeader << kEx2NoData + "\r" << kEx2NoData;
    QTest::newRow("comment") << kDefaultHeader << kEx1Accept + " # an annotation" << kEx1Accept;
    QTest::newRow("comment glued") << kDefaultHeader << kEx1Accept + " #annotation" << kEx1Accept;
    QTest::newRow("comment and crlf") << kExample9Header << kEx9Ingress + " # <-- note\r" << kEx9Ingress;
    QTest::newRow("lower-case enums") << kDefaultHeader << QByteArray(kEx1Accept).replace("ACCEPT OK", "accept ok")
                                      << kEx1Accept;
    QTest::newRow("upper-case ipv6") << kDefaultHeader
                                     << QByteArray(kEx4Ipv6)
                                            .replace("2001:db8:1234:a100:8d6e:3477:df66:f105",
                                                     "2001:DB8:1234:A100:8D6E:3477:DF66:F105")
                                            .replace("2001:db8:1234:a102:3304:8879:34cf:4071",
                                                     "2001:0db8:1234:a102:3304:8879:34CF:4071")
                                     << kEx4Ipv6;
    QTest::newRow("start equals end") << kDefaultHeader << withToken(kEx1Accept, 11, "1418530010")
                                      << withToken(kEx1Accept, 11, "1418530010");
    QTest::newRow("v5 crlf") << kExample8Header << kEx8Egress + "\r" << kEx8Egress;
    // Numbers of up to 19 digits are read without a check per digit, longer ones with it.
    QTest::newRow("leading zeros") << kDefaultHeader << withToken(withToken(kEx1Accept, 5, "00020641"), 9, "0004249")
                                   << kEx1Accept;
    QTest::newRow("bytes 19 digits") << kDefaultHeader << withToken(kEx1Accept, 9, "0000000000000004249") << kEx1Accept;
    QTest::newRow("bytes 20 digits") << kDefaultHeader << withToken(kEx1Accept, 9, "00000000000000004249") << kEx1Accept;
    QTest::newRow("bytes 2^63-1") << kDefaultHeader << withToken(kEx1Accept, 9, "9223372036854775807")
                                  << withToken(kEx1Accept, 9, "9223372036854775807");
    QTest::newRow("mixed-case enums") << kDefaultHeader << QByteArray(kEx1Accept).replace("ACCEPT OK", "Accept oK")
                                      << kEx1Accept;
}

void TestRecordParser::tolerated()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, clean);

    const RecordParser parser(formatOf(header));
    FlowRecord got;
    FlowRecord want;
    std::string reason;
    QVERIFY2(parser.parse(view(line), got, &reason), reason.c_str());
    QVERIFY2(parser.parse(view(clean), want, &reason), reason.c_str());
    for (Field f : parser.format().fields())
        QCOMPARE(render(got, f), render(want, f));
}

void TestRecordParser::recordIsReset()
{
    // A record is reused across lines: nothing may leak from the previous one.
    const RecordParser v2(LogFormat::defaultV2());
    FlowRecord r;
    QVERIFY(v2.parse(view(kEx1Accept), r, nullptr));
    QVERIFY(r.has(Field::SrcAddr));
    QVERIFY(v2.parse(view(kEx2NoData), r, nullptr));
    QVERIFY(!r.has(Field::SrcAddr));
    QVERIFY(!r.has(Field::Action));

    const RecordParser v5(formatOf(kExample8Header));
    QVERIFY(v5.parse(view(kEx8Ingress), r, nullptr));
    QCOMPARE(r.textOf(Field::PktSrcAwsService), std::string_view("S3"));
    QVERIFY(v5.parse(view(kEx8Egress), r, nullptr));
    QVERIFY(!r.has(Field::PktSrcAwsService));
    QVERIFY(r.textOf(Field::PktSrcAwsService).empty());
}

void TestRecordParser::textViewsPointIntoLine()
{
    // Text fields are zero-copy views into the caller's buffer.
    const RecordParser v5(formatOf(kExample8Header));
    const QByteArray line = kEx8Egress;
    FlowRecord r;
    QVERIFY(v5.parse(view(line), r, nullptr));
    for (Field f : {Field::AccountId, Field::VpcId, Field::InterfaceId, Field::Region, Field::PktDstAwsService}) {
        const std::string_view text = r.textOf(f);
        QVERIFY(!text.empty());
        QVERIFY(text.data() >= line.constData());
        QVERIFY(text.data() + text.size() <= line.constData() + line.size());
    }
}

void TestRecordParser::failureWithoutReason()
{
    const RecordParser v2(LogFormat::defaultV2());
    FlowRecord r;
    QVERIFY(!v2.parse("2 x", r, nullptr));
    QVERIFY(!v2.parse(view(withToken(kEx1Accept, 5, "99999")), r, nullptr));
    QVERIFY(!v2.parse(view(withToken(kEx1Accept, 11, "1")), r, nullptr));
    // An empty format accepts only an empty line and decodes nothing.
    const RecordParser none{LogFormat()};
    QVERIFY(none.parse("", r, nullptr));
    QVERIFY(r.present.none());
    QVERIFY(!none.parse("2", r, nullptr));
}

void TestRecordParser::oversizedFormat()
{
    // LogFormat's constructor takes any list; more fields than exist must be
    // refused, not written past the parser's token array.
    const RecordParser parser{LogFormat(std::vector<Field>(50, Field::SrcPort))};
    QByteArray line;
    for (int i = 0; i < 50; ++i)
        line += "1 ";
    FlowRecord r;
    std::string reason;
    QVERIFY(!parser.parse(view(line), r, &reason));
    QVERIFY2(QByteArray::fromStdString(reason).contains("50 fields"), reason.c_str());
    QVERIFY(!parser.parse(view(line), r, nullptr));
}

void TestRecordParser::parseUnsigned_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<quint64>("maxValue");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("value");

    constexpr quint64 u64max = std::numeric_limits<quint64>::max();
    QTest::newRow("zero") << QByteArray("0") << quint64(65535) << true << quint64(0);
    QTest::newRow("port max") << QByteArray("65535") << quint64(65535) << true << quint64(65535);
    QTest::newRow("port max+1") << QByteArray("65536") << quint64(65535) << false << quint64(0);
    QTest::newRow("port far over") << QByteArray("655350") << quint64(65535) << false << quint64(0);
    QTest::newRow("leading zeros") << QByteArray("007") << quint64(255) << true << quint64(7);
    QTest::newRow("u64 max") << QByteArray("18446744073709551615") << u64max << true << u64max;
    QTest::newRow("u64 max+1") << QByteArray("18446744073709551616") << u64max << false << quint64(0);
    QTest::newRow("21 digits") << QByteArray("000000000000000000001") << u64max << false << quint64(0);
    QTest::newRow("max 3, 3") << QByteArray("3") << quint64(3) << true << quint64(3);
    // A single digit above a small maximum: must not wrap the bound check.
    QTest::newRow("max 3, 4") << QByteArray("4") << quint64(3) << false << quint64(0);
    QTest::newRow("max 3, 9") << QByteArray("9") << quint64(3) << false << quint64(0);
    QTest::newRow("max 3, 10") << QByteArray("10") << quint64(3) << false << quint64(0);
    QTest::newRow("max 0, 0") << QByteArray("0") << quint64(0) << true << quint64(0);
    QTest::newRow("max 0, 1") << QByteArray("1") << quint64(0) << false << quint64(0);
    QTest::newRow("max 25, 26") << QByteArray("26") << quint64(25) << false << quint64(0);
    QTest::newRow("max 25, 19") << QByteArray("19") << quint64(25) << true << quint64(19);
    QTest::newRow("empty") << QByteArray("") << quint64(255) << false << quint64(0);
    QTest::newRow("minus") << QByteArray("-1") << quint64(255) << false << quint64(0);
    QTest::newRow("dash") << QByteArray("-") << quint64(255) << false << quint64(0);
    QTest::newRow("space") << QByteArray("1 ") << quint64(255) << false << quint64(0);
    QTest::newRow("exponent") << QByteArray("1e3") << u64max << false << quint64(0);
}

void TestRecordParser::parseUnsigned()
{
    QFETCH(QByteArray, token);
    QFETCH(quint64, maxValue);
    QFETCH(bool, ok);
    QFETCH(quint64, value);

    std::uint64_t out = 12345;
    QCOMPARE(flowscope::parseUnsigned(view(token), maxValue, out), ok);
    if (ok)
        QCOMPARE(quint64(out), value);
}

void TestRecordParser::parseEnums_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("expected"); // canonical name, empty = rejected

    QTest::newRow("action ACCEPT") << QByteArray("action") << QByteArray("ACCEPT") << QByteArray("ACCEPT");
    QTest::newRow("action Reject") << QByteArray("action") << QByteArray("Reject") << QByteArray("REJECT");
    QTest::newRow("action empty") << QByteArray("action") << QByteArray("") << QByteArray();
    QTest::newRow("action dash") << QByteArray("action") << QByteArray("-") << QByteArray();
    QTest::newRow("action prefix") << QByteArray("action") << QByteArray("ACC") << QByteArray();
    QTest::newRow("status OK") << QByteArray("log-status") << QByteArray("OK") << QByteArray("OK");
    QTest::newRow("status nodata") << QByteArray("log-status") << QByteArray("nodata") << QByteArray("NODATA");
    QTest::newRow("status SKIPDATA") << QByteArray("log-status") << QByteArray("SKIPDATA") << QByteArray("SKIPDATA");
    QTest::newRow("status OKAY") << QByteArray("log-status") << QByteArray("OKAY") << QByteArray();
    QTest::newRow("type IPv4") << QByteArray("type") << QByteArray("IPv4") << QByteArray("IPv4");
    QTest::newRow("type IPV6") << QByteArray("type") << QByteArray("IPV6") << QByteArray("IPv6");
    QTest::newRow("type efa") << QByteArray("type") << QByteArray("efa") << QByteArray("EFA");
    QTest::newRow("type 4") << QByteArray("type") << QByteArray("4") << QByteArray();
    QTest::newRow("direction ingress") << QByteArray("flow-direction") << QByteArray("ingress")
                                       << QByteArray("ingress");
    QTest::newRow("direction Egress") << QByteArray("flow-direction") << QByteArray("Egress")
                                      << QByteArray("egress");
    QTest::newRow("direction both") << QByteArray("flow-direction") << QByteArray("both") << QByteArray();
}

void TestRecordParser::parseEnums()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, expected);

    bool ok = false;
    QByteArray name;
    if (kind == "action") {
        flowscope::Action v{};
        ok = flowscope::parseAction(view(token), v);
        name = bytes(flowscope::actionName(v));
    } else if (kind == "log-status") {
        flowscope::LogStatus v{};
        ok = flowscope::parseLogStatus(view(token), v);
        name = bytes(flowscope::logStatusName(v));
    } else if (kind == "type") {
        flowscope::TrafficType v{};
        ok = flowscope::parseTrafficType(view(token), v);
        name = bytes(flowscope::trafficTypeName(v));
    } else {
        flowscope::FlowDirection v{};
        ok = flowscope::parseFlowDirection(view(token), v);
        name = bytes(flowscope::flowDirectionName(v));
    }
    QCOMPARE(ok, !expected.isEmpty());
    if (ok)
        QCOMPARE(name, expected);
}

QTEST_APPLESS_MAIN(TestRecordParser)
#include "tst_recordparser.moc"
