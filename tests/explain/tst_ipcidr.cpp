// SPDX-License-Identifier: GPL-3.0-or-later
// Addresses and CIDR blocks as security-group and network ACL rules match them,
// and the protocol names of describe-* output.

#include "explain/config_snapshot.h"
#include "explain/ip_address.h"

#include <QTest>

using namespace flowscope::explain;

class TestIpCidr : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void contains_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("contained");
        QTest::addRow("inside /8") << "10.0.0.0/8" << "10.200.3.4" << true;
        QTest::addRow("outside /8") << "10.0.0.0/8" << "11.0.0.1" << false;
        QTest::addRow("odd prefix inside") << "10.0.96.0/19" << "10.0.127.255" << true;
        QTest::addRow("odd prefix outside") << "10.0.96.0/19" << "10.0.128.0" << false;
        QTest::addRow("host bits ignored") << "10.0.1.77/24" << "10.0.1.5" << true;
        QTest::addRow("any ipv4") << "0.0.0.0/0" << "203.0.113.9" << true;
        QTest::addRow("ipv4 any never ipv6") << "0.0.0.0/0" << "2001:db8::1" << false;
        QTest::addRow("ipv6 any never ipv4") << "::/0" << "10.0.0.1" << false;
        QTest::addRow("ipv6 /64 inside") << "2600:1f18:abcd:1201::/64" << "2600:1f18:abcd:1201::10" << true;
        QTest::addRow("ipv6 /64 outside") << "2600:1f18:abcd:1201::/64" << "2600:1f18:abcd:1202::10" << false;
        QTest::addRow("host /32") << "192.0.2.7/32" << "192.0.2.7" << true;
    }

    void contains()
    {
        QFETCH(QString, cidr);
        QFETCH(QString, address);
        QFETCH(bool, contained);
        const auto block = IpCidr::parse(cidr);
        const auto ip = IpAddress::parse(address);
        QVERIFY(block && ip);
        QCOMPARE(block->contains(*ip), contained);
    }

    void rejectsWhatIsNotABlock_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("prefix too long") << "10.0.0.0/33";
        QTest::addRow("ipv6 prefix too long") << "::/129";
        QTest::addRow("not an address") << "ten.0.0.0/8";
        QTest::addRow("empty prefix") << "10.0.0.0/";
    }

    void rejectsWhatIsNotABlock()
    {
        QFETCH(QString, text);
        QVERIFY(!IpCidr::parse(text));
    }

    void protocols_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("number");
        QTest::addRow("tcp") << "tcp" << 6;
        QTest::addRow("6") << "6" << 6;
        QTest::addRow("udp") << "udp" << 17;
        QTest::addRow("icmp") << "icmp" << 1;
        QTest::addRow("1") << "1" << 1;
        QTest::addRow("icmpv6") << "icmpv6" << 58;
        QTest::addRow("all") << "-1" << -1;
        QTest::addRow("esp") << "50" << 50;
    }

    void protocols()
    {
        QFETCH(QString, text);
        QFETCH(int, number);
        QCOMPARE(protocolFromText(text), std::optional<int>(number));
        QVERIFY(!protocolFromText(QStringLiteral("tcpp")));
        QVERIFY(!protocolFromText(QStringLiteral("256")));
    }
};

QTEST_GUILESS_MAIN(TestIpCidr)
#include "tst_ipcidr.moc"
