// SPDX-License-Identifier: GPL-3.0-or-later
// IpAddress: the IPv4/IPv6 text forms that appear in srcaddr, dstaddr,
// pkt-srcaddr and pkt-dstaddr, and the canonical form we print back.

#include "format/ip_address.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>

#include <arpa/inet.h>

#include <string>
#include <string_view>
#include <vector>

using flowscope::IpAddress;

namespace {
std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}
} // namespace

class TestIpAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseV4_data();
    void parseV4();
    void parseV6_data();
    void parseV6();
    void roundTrip_data();
    void roundTrip();
    void printedAsInetNtopPrints();
    void fromV4();
    void familiesDiffer();
};

void TestIpAddress::parseV4_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint32>("hostOrder");

    QTest::newRow("all zero") << QByteArray("0.0.0.0") << true << 0x00000000u;
    QTest::newRow("broadcast") << QByteArray("255.255.255.255") << true << 0xFFFFFFFFu;
    QTest::newRow("private 10/8") << QByteArray("10.0.0.62") << true << 0x0A00003Eu;
    QTest::newRow("aws example srcaddr") << QByteArray("172.31.16.139") << true << 0xAC1F108Bu;
    QTest::newRow("documentation net") << QByteArray("203.0.113.12") << true << 0xCB00710Cu;
    QTest::newRow("public s3") << QByteArray("52.95.128.179") << true << 0x345F80B3u;
    QTest::newRow("zero octets inside") << QByteArray("10.0.0.0") << true << 0x0A000000u;
    QTest::newRow("three-digit octets") << QByteArray("100.200.250.199") << true << 0x64C8FAC7u;

    // Leading zeros are octal to inet_aton: refuse rather than guess.
    QTest::newRow("leading zero first") << QByteArray("01.2.3.4") << false << 0u;
    QTest::newRow("leading zero last") << QByteArray("1.2.3.04") << false << 0u;
    QTest::newRow("double zero") << QByteArray("00.0.0.0") << false << 0u;
    QTest::newRow("zero padded 255") << QByteArray("1.2.3.0255") << false << 0u;
    QTest::newRow("octet 256") << QByteArray("256.0.0.1") << false << 0u;
    QTest::newRow("last octet 256") << QByteArray("1.2.3.256") << false << 0u;
    QTest::newRow("octet 999") << QByteArray("999.1.1.1") << false << 0u;
    QTest::newRow("four digits") << QByteArray("1234.1.1.1") << false << 0u;
    QTest::newRow("missing octet") << QByteArray("172.31.16") << false << 0u;
    QTest::newRow("trailing dot") << QByteArray("1.2.3.4.") << false << 0u;
    QTest::newRow("leading dot") << QByteArray(".1.2.3.4") << false << 0u;
    QTest::newRow("empty octet") << QByteArray("1..2.3") << false << 0u;
    QTest::newRow("five octets") << QByteArray("1.2.3.4.5") << false << 0u;
    QTest::newRow("leading space") << QByteArray(" 1.2.3.4") << false << 0u;
    QTest::newRow("trailing space") << QByteArray("1.2.3.4 ") << false << 0u;
    QTest::newRow("inner space") << QByteArray("1. 2.3.4") << false << 0u;
    QTest::newRow("trailing tab") << QByteArray("1.2.3.4\t") << false << 0u;
    QTest::newRow("empty") << QByteArray("") << false << 0u;
    QTest::newRow("letters") << QByteArray("a.b.c.d") << false << 0u;
    QTest::newRow("negative octet") << QByteArray("1.2.3.-4") << false << 0u;
    QTest::newRow("plus sign") << QByteArray("+1.2.3.4") << false << 0u;
    QTest::newRow("hex octet") << QByteArray("0x1.2.3.4") << false << 0u;
    QTest::newRow("cidr suffix") << QByteArray("10.0.0.0/8") << false << 0u;
    QTest::newRow("single number") << QByteArray("167772161") << false << 0u;
    QTest::newRow("dash") << QByteArray("-") << false << 0u;
    QTest::newRow("embedded nul") << QByteArray("1.2.3.4\0", 8) << false << 0u;
}

void TestIpAddress::parseV4()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(quint32, hostOrder);

    const auto address = IpAddress::parse(view(text));
    QCOMPARE(address.has_value(), valid);
    if (!valid)
        return;
    QVERIFY(address->isV4());
    QCOMPARE(address->v4(), hostOrder);
    QCOMPARE(QByteArray::fromStdString(address->toString()), text);
}

void TestIpAddress::parseV6_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("canonical");

    QTest::newRow("full zero padded") << QByteArray("2001:0db8:0000:0000:0000:ff00:0042:8329") << true
                                      << QByteArray("2001:db8::ff00:42:8329");
    QTest::newRow("aws example src") << QByteArray("2001:db8:1234:a100:8d6e:3477:df66:f105") << true
                                     << QByteArray("2001:db8:1234:a100:8d6e:3477:df66:f105");
    QTest::newRow("aws example dst") << QByteArray("2001:db8:1234:a102:3304:8879:34cf:4071") << true
                                     << QByteArray("2001:db8:1234:a102:3304:8879:34cf:4071");
    QTest::newRow("compressed middle") << QByteArray("2001:db8::1") << true << QByteArray("2001:db8::1");
    QTest::newRow("unspecified") << QByteArray("::") << true << QByteArray("::");
    QTest::newRow("unspecified long") << QByteArray("0:0:0:0:0:0:0:0") << true << QByteArray("::");
    QTest::newRow("zero compressed") << QByteArray("0::0") << true << QByteArray("::");
    QTest::newRow("loopback") << QByteArray("::1") << true << QByteArray("::1");
    QTest::newRow("link local") << QByteArray("fe80::") << true << QByteArray("fe80::");
    QTest::newRow("upper case") << QByteArray("FE80::ABCD") << true << QByteArray("fe80::abcd");
    QTest::newRow("eight groups") << QByteArray("1:2:3:4:5:6:7:8") << true << QByteArray("1:2:3:4:5:6:7:8");
    QTest::newRow("zeros become ::") << QByteArray("1:0:0:0:0:0:0:8") << true << QByteArray("1::8");
    // RFC 5952: the first of two equally long zero runs is the one compressed.
    QTest::newRow("first longest run") << QByteArray("2001:db8:0:0:1:0:0:1") << true
                                       << QByteArray("2001:db8::1:0:0:1");
    // RFC 5952: a single zero group is not compressed.
    QTest::newRow("single zero group") << QByteArray("2001:db8:0:1:1:1:1:1") << true
                                       << QByteArray("2001:db8:0:1:1:1:1:1");
    QTest::newRow("redundant zero") << QByteArray("2001:db8::0:1") << true << QByteArray("2001:db8::1");
    QTest::newRow("trailing ::") << QByteArray("1:2:3:4:5:6:7::") << true << QByteArray("1:2:3:4:5:6:7:0");
    QTest::newRow("leading ::") << QByteArray("::2:3:4:5:6:7:8") << true << QByteArray("0:2:3:4:5:6:7:8");
    QTest::newRow("v4-mapped") << QByteArray("::ffff:192.0.2.128") << true << QByteArray("::ffff:192.0.2.128");
    QTest::newRow("v4-mapped private") << QByteArray("::ffff:10.0.0.1") << true << QByteArray("::ffff:10.0.0.1");
    QTest::newRow("nat64 embedded") << QByteArray("64:ff9b::192.0.2.33") << true << QByteArray("64:ff9b::c000:221");
    QTest::newRow("six groups + v4") << QByteArray("1:2:3:4:5:6:1.2.3.4") << true << QByteArray("1:2:3:4:5:6:102:304");
    QTest::newRow("longest text form") << QByteArray("0000:0000:0000:0000:0000:ffff:255.255.255.255") << true
                                       << QByteArray("::ffff:255.255.255.255");

    QTest::newRow("triple colon") << QByteArray(":::") << false << QByteArray();
    QTest::newRow("two ::") << QByteArray("1::2::3") << false << QByteArray();
    QTest::newRow("five hex digits") << QByteArray("12345::") << false << QByteArray();
    QTest::newRow("non-hex digit") << QByteArray("2001:db8::g") << false << QByteArray();
    QTest::newRow("nine groups") << QByteArray("1:2:3:4:5:6:7:8:9") << false << QByteArray();
    QTest::newRow("seven groups") << QByteArray("1:2:3:4:5:6:7") << false << QByteArray();
    QTest::newRow("leading single colon") << QByteArray(":1:2:3:4:5:6:7") << false << QByteArray();
    QTest::newRow("trailing single colon") << QByteArray("1:2:3:4:5:6:7:") << false << QByteArray();
    QTest::newRow("embedded v4 octet 256") << QByteArray("::ffff:256.1.1.1") << false << QByteArray();
    QTest::newRow("embedded v4 short") << QByteArray("::ffff:1.2.3") << false << QByteArray();
    QTest::newRow("embedded v4 leading zero") << QByteArray("::ffff:01.2.3.4") << false << QByteArray();
    QTest::newRow("trailing space") << QByteArray("::1 ") << false << QByteArray();
    QTest::newRow("leading space") << QByteArray(" ::1") << false << QByteArray();
    QTest::newRow("zone id") << QByteArray("fe80::1%eth0") << false << QByteArray();
    QTest::newRow("brackets") << QByteArray("[::1]") << false << QByteArray();
    QTest::newRow("prefix length") << QByteArray("2001:db8::/32") << false << QByteArray();
    QTest::newRow("v4 with port") << QByteArray("10.0.0.1:80") << false << QByteArray();
    QTest::newRow("single colon") << QByteArray(":") << false << QByteArray();
    QTest::newRow("too long") << QByteArray("0000:0000:0000:0000:0000:0000:0000:0000:0000") << false << QByteArray();
    // A NUL must not end the text early: "::1<NUL>junk" is not ::1.
    QTest::newRow("embedded nul") << QByteArray("::1\0junk", 8) << false << QByteArray();
}

void TestIpAddress::parseV6()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, canonical);

    const auto address = IpAddress::parse(view(text));
    QCOMPARE(address.has_value(), valid);
    if (!valid)
        return;
    QVERIFY(!address->isV4());
    QCOMPARE(address->family, IpAddress::Family::V6);
    QCOMPARE(QByteArray::fromStdString(address->toString()), canonical);
}

void TestIpAddress::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("v4 zero") << QByteArray("0.0.0.0");
    QTest::newRow("v4 max") << QByteArray("255.255.255.255");
    QTest::newRow("v4 example") << QByteArray("10.40.2.236");
    QTest::newRow("v6 example") << QByteArray("2001:db8:1234:a100:8d6e:3477:df66:f105");
    QTest::newRow("v6 unspecified") << QByteArray("::");
    QTest::newRow("v6 loopback") << QByteArray("::1");
    QTest::newRow("v6 mapped") << QByteArray("::ffff:203.0.113.5");
    QTest::newRow("v6 all ones") << QByteArray("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    QTest::newRow("v6 v4-compatible range") << QByteArray("::1:2");
    QTest::newRow("v6 not canonical") << QByteArray("2001:0DB8:0:0:0:0:0:0001");
}

void TestIpAddress::roundTrip()
{
    QFETCH(QByteArray, text);

    const auto first = IpAddress::parse(view(text));
    QVERIFY(first.has_value());
    const std::string printed = first->toString();
    QVERIFY(!printed.empty());
    const auto second = IpAddress::parse(printed);
    QVERIFY2(second.has_value(), printed.c_str());
    QCOMPARE(*second, *first);
    // Printing is idempotent: the canonical form prints as itself.
    QCOMPARE(second->toString(), printed);
}

void TestIpAddress::fromV4()
{
    const IpAddress address = IpAddress::fromV4(0xAC1F108Bu);
    QVERIFY(address.isV4());
    QCOMPARE(address.v4(), 0xAC1F108Bu);
    QCOMPARE(QByteArray::fromStdString(address.toString()), QByteArray("172.31.16.139"));
    QCOMPARE(address.bytes[0], std::uint8_t(172));
    QCOMPARE(address.bytes[3], std::uint8_t(139));
    QCOMPARE(IpAddress::parse("172.31.16.139").value(), address);
}

void TestIpAddress::familiesDiffer()
{
    // The mapped IPv6 form is a different address value from the plain IPv4 one.
    const auto v4 = IpAddress::parse("10.0.0.1");
    const auto mapped = IpAddress::parse("::ffff:10.0.0.1");
    QVERIFY(v4 && mapped);
    QVERIFY(!(*v4 == *mapped));
    QVERIFY(!(*IpAddress::parse("::") == *IpAddress::parse("0.0.0.0")));
}

// The IPv6 text is written by hand; it is the C library's, byte for byte:
// every run of zero groups (none, one, several of equal length, at either
// end), mapped and compatible IPv4 tails, groups of one to four digits.
void TestIpAddress::printedAsInetNtopPrints()
{
    std::vector<IpAddress> addresses;
    for (const char *text : {"::", "::1", "1::", "::ffff:1.2.3.4", "::1.2.3.4", "::0.0.0.1", "::ffff:0:1.2.3.4",
                             "::fffe:1.2.3.4", "1:0:0:2:0:0:0:3", "1:0:0:2:0:0:3:4", "0:1:0:1:0:1:0:1", "1:2:3:4:5:6:7::",
                             "0:0:1::", "ffff::", "::ffff:0:0"}) {
        IpAddress address;
        address.family = IpAddress::Family::V6;
        QVERIFY(inet_pton(AF_INET6, text, address.bytes.data()) == 1);
        addresses.push_back(address);
    }
    QRandomGenerator random(14);
    const quint16 groups[] = {0, 0, 0, 1, 0xf, 0x10, 0xff, 0x100, 0xfff, 0x1000, 0xffff, 0xdb8, 0x2001};
    for (int n = 0; n < 100000; ++n) {
        IpAddress address;
        address.family = IpAddress::Family::V6;
        for (std::size_t word = 0; word < 8; ++word) {
            const quint16 value = n % 2 ? groups[random.bounded(int(std::size(groups)))] : quint16(random.bounded(0x10000));
            address.bytes[2 * word] = static_cast<std::uint8_t>(value >> 8);
            address.bytes[2 * word + 1] = static_cast<std::uint8_t>(value & 0xff);
        }
        addresses.push_back(address);
    }
    for (const IpAddress &address : addresses) {
        char expected[INET6_ADDRSTRLEN];
        QVERIFY(inet_ntop(AF_INET6, address.bytes.data(), expected, sizeof expected));
        if (address.toString() != expected)
            QFAIL(qPrintable(QStringLiteral("%1 printed as %2").arg(expected, QString::fromStdString(address.toString()))));
    }
}

QTEST_APPLESS_MAIN(TestIpAddress)
#include "tst_ipaddress.moc"
