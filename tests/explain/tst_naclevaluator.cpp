// SPDX-License-Identifier: GPL-3.0-or-later
// One network ACL direction on one packet: rule-number order, the first match,
// and entries on an ICMP type that flow logs do not record.

#include "explain/nacl_evaluator.h"

#include <QTest>

using namespace flowscope::explain;

namespace {

// "100 allow 6 10.0.0.0/8 22-22", "110 deny 1 0.0.0.0/0 icmp=8", "120 allow -1 ::/0"
NaclEntry entry(const QString &text)
{
    const QStringList parts = text.split(u' ');
    NaclEntry e;
    e.ruleNumber = parts[0].toInt();
    e.allow = parts[1] == u"allow";
    e.protocol = parts[2].toInt();
    e.cidr = *IpCidr::parse(parts[3]);
    if (parts.size() > 4) {
        if (parts[4].startsWith(u"icmp="))
            e.icmpType = parts[4].mid(5).toInt();
        else
            e.ports = {parts[4].section(u'-', 0, 0).toInt(), parts[4].section(u'-', 1, 1).toInt()};
    }
    return e;
}

} // namespace

class TestNaclEvaluator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<QStringList>("entries"); // ingress entries, in any order
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("icmpType"); // -1: not logged
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("rule"); // 0: no entry

        const QStringList star{"32767 deny -1 0.0.0.0/0", "32768 deny -1 ::/0"};
        QTest::addRow("lowest number first") << (QStringList{"200 allow -1 0.0.0.0/0", "100 deny 6 10.0.0.0/8 22-22"} + star)
                                             << "10.1.2.3" << 6 << 22 << -1 << "deny" << 100;
        QTest::addRow("port outside the range") << (QStringList{"100 deny 6 10.0.0.0/8 22-22", "200 allow 6 0.0.0.0/0 80-80"} + star)
                                                << "10.1.2.3" << 6 << 81 << -1 << "deny" << 32767;
        QTest::addRow("udp is not tcp") << (QStringList{"200 allow 6 0.0.0.0/0 80-80"} + star) << "10.1.2.3" << 17 << 80 << -1 << "deny" << 32767;
        QTest::addRow("ipv6 skips ipv4 entries") << (QStringList{"100 allow -1 0.0.0.0/0"} + star) << "2001:db8::1" << 6 << 443 << -1
                                                 << "deny" << 32768;
        QTest::addRow("ipv6 entry") << (QStringList{"100 allow -1 0.0.0.0/0", "101 allow 6 2001:db8::/32 443-443"} + star)
                                    << "2001:db8::1" << 6 << 443 << -1 << "allow" << 101;
        QTest::addRow("icmp type unknown, later deny") << (QStringList{"100 allow 1 0.0.0.0/0 icmp=8"} + star) << "10.1.2.3" << 1 << 0 << -1
                                                       << "inconclusive" << 100;
        QTest::addRow("icmp type unknown, later allow alike") << (QStringList{"100 allow 1 0.0.0.0/0 icmp=8", "200 allow -1 0.0.0.0/0"} + star)
                                                              << "10.1.2.3" << 1 << 0 << -1 << "allow" << 200;
        QTest::addRow("icmp type unknown, deny either way") << (QStringList{"100 deny 1 0.0.0.0/0 icmp=3"} + star) << "10.1.2.3" << 1 << 0 << -1
                                                            << "deny" << 32767;
        QTest::addRow("icmp type known") << (QStringList{"100 allow 1 0.0.0.0/0 icmp=8"} + star) << "10.1.2.3" << 1 << 0 << 8 << "allow" << 100;
        QTest::addRow("no star entry still denies") << QStringList{"100 allow 6 192.0.2.0/24 443-443"} << "10.1.2.3" << 6 << 443 << -1
                                                    << "deny" << 0;
    }

    void evaluate()
    {
        QFETCH(QStringList, entries);
        QFETCH(QString, source);
        QFETCH(int, protocol);
        QFETCH(int, port);
        QFETCH(int, icmpType);
        QFETCH(QString, outcome);
        QFETCH(int, rule);
        NetworkAcl acl;
        acl.id = QStringLiteral("acl-1");
        for (const QString &text : entries)
            acl.entries.push_back(entry(text));
        std::sort(acl.entries.begin(), acl.entries.end(), [](const NaclEntry &a, const NaclEntry &b) { return a.ruleNumber < b.ruleNumber; });
        Packet packet;
        packet.src = *IpAddress::parse(source);
        packet.dst = *IpAddress::parse(packet.src.v6 ? QStringLiteral("2001:db8:ffff::9") : QStringLiteral("10.0.1.10"));
        packet.protocol = protocol;
        packet.srcPort = 50000;
        packet.dstPort = port;
        if (icmpType >= 0)
            packet.icmpType = icmpType;
        const NaclVerdict verdict = evaluateNacl(acl, false, packet);
        const QString actual = verdict.outcome == Outcome::Allow ? QStringLiteral("allow")
            : verdict.outcome == Outcome::Deny                   ? QStringLiteral("deny")
                                                                 : QStringLiteral("inconclusive");
        QCOMPARE(actual, outcome);
        QCOMPARE(verdict.rule ? verdict.rule->ruleNumber : 0, rule);
        QCOMPARE(evaluateNacl(acl, true, packet).rule, nullptr); // egress entries are another list
    }
};

QTEST_GUILESS_MAIN(TestNaclEvaluator)
#include "tst_naclevaluator.moc"
