// SPDX-License-Identifier: GPL-3.0-or-later
// The exact reject-path evaluator on a small estate (three subnets, six
// security groups, a transit gateway interface): the verdict, every blocking
// layer in path order with its code and rule, and the deciding rules.

#include "explain/path_evaluator.h"
#include "explain/snapshot_loader.h"

#include <QTest>

using namespace flowscope::explain;

namespace {

const QString kData = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA);

// "eni-0app1 in request 6 10.1.2.3 50000 10.0.1.10 22 [pkt-dst=… icmp=8 bpa]"
ExplainFlow parseFlow(const QString &text)
{
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    ExplainFlow flow;
    flow.interfaceId = parts[0];
    flow.direction = parts[1] == u"in" ? FlowDirection::Ingress : FlowDirection::Egress;
    flow.role = parts[2] == u"reply" ? FlowRole::Reply : FlowRole::Request;
    flow.protocol = parts[3].toInt();
    flow.srcAddr = parts[4];
    flow.srcPort = parts[5].toInt();
    flow.dstAddr = parts[6];
    flow.dstPort = parts[7].toInt();
    for (const QString &option : parts.mid(8)) {
        if (option.startsWith(u"pkt-src="))
            flow.pktSrcAddr = option.mid(8);
        else if (option.startsWith(u"pkt-dst="))
            flow.pktDstAddr = option.mid(8);
        else if (option.startsWith(u"icmp="))
            flow.icmpType = option.mid(5).toInt();
        else if (option == u"bpa")
            flow.rejectedByBlockPublicAccess = true;
    }
    return flow;
}

// "SUBNET_ACL_RESTRICTION acl-0app in 100", "... far" when beyond the logging interface.
QStringList blockingText(const PathExplanation &explanation)
{
    QStringList list;
    for (const BlockingLayer &block : explanation.blocking) {
        QString rule = QStringLiteral("-");
        if (block.layer >= 0) {
            const LayerResult &layer = explanation.layers[block.layer];
            if (!layer.isSecurityGroup())
                rule = layer.aclRule ? QString::number(layer.aclRule->ruleNumber) : QStringLiteral("none");
        }
        list << block.code + u' ' + block.component + u' ' + (block.egress ? QStringLiteral("out") : QStringLiteral("in")) + u' ' + rule
                + (block.atLoggingInterface ? QString() : QStringLiteral(" far"));
    }
    return list;
}

const char *const kLayerNames[] = {"srcSg", "srcAcl", "dstAcl", "dstSg"};

// "srcAcl allow 130", "dstSg allow sg-0web", "srcAcl skipped", "srcSg stateful"
QString layerText(const PathExplanation &explanation, const QString &name)
{
    int index = 0;
    while (QLatin1String(kLayerNames[index]) != name)
        ++index;
    const LayerResult &layer = explanation.layers[index];
    if (!layer.evaluated)
        return name + QStringLiteral(" skipped");
    if (layer.statefulReply)
        return name + QStringLiteral(" stateful");
    const QString outcome = layer.outcome == Outcome::Allow ? QStringLiteral("allow")
        : layer.outcome == Outcome::Deny                    ? QStringLiteral("deny")
                                                            : QStringLiteral("inconclusive");
    QString rule;
    if (layer.isSecurityGroup() && layer.groups.group)
        rule = layer.groups.group->id;
    else if (!layer.isSecurityGroup() && layer.aclRule)
        rule = QString::number(layer.aclRule->ruleNumber);
    return name + u' ' + outcome + (rule.isEmpty() ? QString() : u' ' + rule);
}

} // namespace

class TestPathEvaluator : public QObject {
    Q_OBJECT

private:
    SnapshotLoad m_estate;
    SnapshotLoad m_withEntries; // the estate plus the prefix list's entries

    const SnapshotLoad &snapshotFor(bool withEntries) const { return withEntries ? m_withEntries : m_estate; }

private Q_SLOTS:
    void initTestCase()
    {
        m_estate = loadSnapshot({kData + QStringLiteral("/estate")});
        m_withEntries = loadSnapshot({kData + QStringLiteral("/estate"), kData + QStringLiteral("/prefix-list-entries")});
        QCOMPARE(m_estate.filesRefused, 0);
        QCOMPARE(m_withEntries.filesRefused, 0);
    }

    void explain_data()
    {
        QTest::addColumn<bool>("withEntries");
        QTest::addColumn<QString>("flow");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QStringList>("blocking");
        QTest::addColumn<QStringList>("layers");

        const QStringList none;
        // 1. Rule number order, not the file's (which lists 200 first).
        QTest::addRow("1 nacl rule 100 before 200") << false << "eni-0app1 in request 6 10.1.2.3 50000 10.0.1.10 22"
                                                    << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app in 100"}
                                                    << QStringList{"dstAcl deny 100"};
        QTest::addRow("1 nacl rule 200 admits the rest") << false << "eni-0app1 in request 6 10.1.2.3 50000 10.0.1.10 443"
                                                         << "not-explained" << none << QStringList{"dstAcl allow 200", "dstSg allow sg-0app"};
        // 2. The "*" rules; IPv4 entries never match IPv6.
        QTest::addRow("2 nacl * ipv4") << false << "eni-0app1 out request 6 10.0.1.10 40000 203.0.113.9 8080"
                                       << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 32767"} << none;
        QTest::addRow("2 nacl * ipv6") << false << "eni-0app1 in request 6 2001:db8::9 50000 2600:1f18:abcd:1201::10 443"
                                       << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app in 32768"}
                                       << QStringList{"dstSg allow sg-0app"};
        // 3. Ports apply to tcp/udp entries only.
        QTest::addRow("3 tcp 80 entry ignores udp 80") << false << "eni-0app1 out request 17 10.0.1.10 40000 203.0.113.9 80"
                                                       << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 32767"} << none;
        QTest::addRow("3 tcp 80 entry ignores tcp 81") << false << "eni-0app1 out request 6 10.0.1.10 40000 203.0.113.9 81"
                                                       << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 32767"} << none;
        QTest::addRow("3 tcp 80 entry matches tcp 80") << false << "eni-0app1 out request 6 10.0.1.10 40000 203.0.113.9 80"
                                                       << "not-explained" << none << QStringList{"srcAcl allow 110"};
        QTest::addRow("3 protocol 50 ignores its port range") << false << "eni-0app1 out request 50 10.0.1.10 0 203.0.113.9 0"
                                                              << "not-explained" << none << QStringList{"srcAcl allow 130"};
        // 4. ICMP type and code are not logged.
        QTest::addRow("4 icmp type unknown") << false << "eni-0db1 in request 1 10.0.3.21 0 10.0.2.20 0"
                                             << "inconclusive" << none << QStringList{"dstAcl inconclusive 110", "dstSg allow sg-0db"};
        QTest::addRow("4 icmp echo known") << false << "eni-0db1 in request 1 10.0.3.21 0 10.0.2.20 0 icmp=8"
                                           << "not-explained" << none << QStringList{"dstAcl allow 110"};
        QTest::addRow("4 icmp unreachable known") << false << "eni-0db1 in request 1 10.0.3.21 0 10.0.2.20 0 icmp=3"
                                                  << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0db in 32767"} << none;
        // 5, 6. Network ACLs are stateless, security groups stateful.
        QTest::addRow("5 reply blocked by the egress nacl") << false << "eni-0app1 out reply 6 10.0.1.10 443 203.0.113.7 51234"
                                                            << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 32767"}
                                                            << QStringList{"srcSg stateful"};
        QTest::addRow("6 reply passes a group without outbound rules") << false << "eni-0db1 out reply 6 10.0.2.20 5432 10.0.1.10 40000"
                                                                       << "not-explained" << none
                                                                       << QStringList{"srcSg stateful", "srcAcl allow 100", "dstAcl allow 200", "dstSg stateful"};
        QTest::addRow("6 reply of a request no group admitted") << false << "eni-0db1 out reply 6 10.0.2.20 5432 203.0.113.7 40000"
                                                                << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0db out -"}
                                                                << QStringList{"srcSg deny"};
        QTest::addRow("6 echo reply passes as the reply of an echo request")
            << false << "eni-0web1 out reply 1 10.0.3.21 0 10.0.2.20 0 icmp=0"
            << "not-explained" << QStringList{"SUBNET_ACL_RESTRICTION acl-0db in 32767 far"} << QStringList{"srcSg stateful", "srcAcl allow 100"};
        QTest::addRow("6 echo request needs the group") << false << "eni-0web1 in request 1 10.0.3.22 0 10.0.3.21 0 icmp=8"
                                                        << "not-explained" << none << QStringList{"dstSg allow sg-0web"};
        QTest::addRow("6 other icmp from the vpc is denied") << false << "eni-0web1 in request 1 10.0.3.22 0 10.0.3.21 0 icmp=13"
                                                             << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0web, sg-0mgmt in -"} << none;
        // 7, 8. Every group of the interface; any allow wins.
        QTest::addRow("7 implicit deny over every group") << false << "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 22"
                                                          << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0web, sg-0mgmt in -"}
                                                          << QStringList{"dstAcl allow 100", "dstSg deny"};
        QTest::addRow("8 the first group allows") << false << "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 443"
                                                  << "not-explained" << none << QStringList{"dstSg allow sg-0web"};
        QTest::addRow("8 the second group allows") << false << "eni-0web1 in request 6 192.0.2.10 50000 10.0.3.21 22"
                                                   << "not-explained" << none << QStringList{"dstSg allow sg-0mgmt"};
        // 9, 10. Referenced groups: members' private addresses; unknown groups are inconclusive.
        QTest::addRow("9 referenced group admits a secondary address") << false << "eni-0db1 in request 6 10.0.1.11 40000 10.0.2.20 5432"
                                                                       << "not-explained" << none << QStringList{"dstSg allow sg-0db"};
        QTest::addRow("9 referenced group ignores the public address") << false << "eni-0db1 in request 6 54.10.20.30 40000 10.0.2.20 5432"
                                                                       << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0db in -"}
                                                                       << QStringList{"dstAcl allow 120"};
        QTest::addRow("10 another account's group") << false << "eni-0db1 in request 6 10.20.0.5 40000 10.0.2.20 6432"
                                                    << "inconclusive" << none << QStringList{"dstSg inconclusive"};
        // 11. Prefix lists: inconclusive without entries, exact with them.
        QTest::addRow("11 prefix list without entries") << false << "eni-0web1 in request 6 192.0.2.77 50000 10.0.3.21 8443"
                                                        << "inconclusive" << none << QStringList{"dstSg inconclusive"};
        QTest::addRow("11 prefix list entries admit") << true << "eni-0web1 in request 6 198.18.7.9 50000 10.0.3.21 8443"
                                                      << "not-explained" << none << QStringList{"dstSg allow sg-0web"};
        QTest::addRow("11 prefix list entries refuse") << true << "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 8443"
                                                       << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0web, sg-0mgmt in -"} << none;
        // 12, 13. Where network ACLs are crossed.
        QTest::addRow("12 same subnet crosses no nacl") << false << "eni-0app1 in request 6 10.0.1.12 40000 10.0.1.10 22"
                                                        << "not-explained" << none
                                                        << QStringList{"srcAcl skipped", "dstAcl skipped", "dstSg allow sg-0app"};
        QTest::addRow("12 different subnets cross both") << false << "eni-0app1 in request 6 10.0.3.21 50000 10.0.1.10 22"
                                                         << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app in 100"}
                                                         << QStringList{"srcAcl allow 100", "dstAcl deny 100"};
        QTest::addRow("12 replies cross them in reverse") << false << "eni-0app1 out reply 6 10.0.1.10 22 10.0.3.21 50000"
                                                          << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 32767"}
                                                          << QStringList{"srcAcl deny 32767", "dstAcl allow 100"};
        QTest::addRow("13 to a transit gateway in the subnet") << false << "eni-0app1 out request 6 10.0.1.10 40000 10.0.1.100 22"
                                                               << "network-acl"
                                                               << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 32767",
                                                                              "SUBNET_ACL_RESTRICTION acl-0app in 100 far"}
                                                               << QStringList{"dstSg skipped"};
        QTest::addRow("13 from a transit gateway in the subnet") << false << "eni-0app1 in request 6 10.0.1.100 40000 10.0.1.10 22"
                                                                 << "not-explained" << none
                                                                 << QStringList{"srcSg skipped", "srcAcl skipped", "dstAcl skipped"};
        // 14. The packet's own addresses decide.
        QTest::addRow("14 pkt-dstaddr checked") << false << "eni-0nat in request 6 10.0.1.10 40000 10.0.3.30 443 pkt-dst=198.51.100.7"
                                                << "not-explained" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 90 far"} << none;
        QTest::addRow("14 dstaddr alone") << false << "eni-0nat in request 6 10.0.1.10 40000 10.0.3.30 443"
                                          << "not-explained" << none << QStringList{"srcAcl allow 100"};
        // 15. Block Public Access whatever the rules say.
        QTest::addRow("15 reject-reason bpa") << false << "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 443 bpa"
                                              << "block-public-access" << QStringList{"VPC_BLOCK_PUBLIC_ACCESS_ENABLED vpc-0prod in -"} << none;
        // 17. Egress denied by the network ACL, not the all-outbound group.
        QTest::addRow("17 egress nacl rule") << false << "eni-0app1 out request 6 10.0.1.10 40000 198.51.100.7 443"
                                             << "network-acl" << QStringList{"SUBNET_ACL_RESTRICTION acl-0app out 90"}
                                             << QStringList{"srcSg allow sg-0app", "srcAcl deny 90"};
        // 18. The default group admits its members.
        QTest::addRow("18 default group member") << false << "eni-0web2 in request 6 10.0.3.23 40000 10.0.3.22 8080"
                                                 << "not-explained" << none << QStringList{"dstSg allow sg-0default"};
        QTest::addRow("18 default group outsider") << false << "eni-0web2 in request 6 10.0.3.30 40000 10.0.3.22 8080"
                                                   << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0default in -"} << none;
        // 19. IPv6 ranges and icmpv6 rules apply.
        QTest::addRow("19 ipv6 range") << false << "eni-0web1 in request 6 2001:db8::5 50000 2600:1f18:abcd:1203::21 443"
                                       << "not-explained" << none << QStringList{"dstAcl allow 101", "dstSg allow sg-0web"};
        QTest::addRow("19 icmpv6 rule") << false << "eni-0web1 in request 58 2001:db8::5 0 2600:1f18:abcd:1203::21 0"
                                        << "not-explained" << none << QStringList{"dstSg allow sg-0web"};
        QTest::addRow("19 ipv4 rule ignores ipv6") << false << "eni-0web1 in request 6 2001:db8::5 50000 2600:1f18:abcd:1203::21 22"
                                                   << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0web, sg-0mgmt in -"} << none;
        // 20. One protocol whatever its spelling: a group's "6" and "tcp" are tcp and never udp, an ACL's "1"
        // is ICMP and never tcp (no ICMP type question for a tcp flow), "-1" every protocol in both.
        QTest::addRow("20 group rule \"6\" admits tcp") << false << "eni-0app1 in request 6 10.0.1.12 40000 10.0.1.10 22"
                                                        << "not-explained" << none << QStringList{"dstSg allow sg-0app"};
        QTest::addRow("20 group rule \"6\" is no udp") << false << "eni-0app1 in request 17 10.0.1.12 40000 10.0.1.10 22"
                                                       << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0app in -"}
                                                       << QStringList{"dstSg deny"};
        QTest::addRow("20 group rule \"tcp\" admits protocol 6") << false << "eni-0web1 in request 6 192.0.2.10 50000 10.0.3.21 22"
                                                                 << "not-explained" << none << QStringList{"dstSg allow sg-0mgmt"};
        QTest::addRow("20 group rule \"tcp\" is no udp") << false << "eni-0web1 in request 17 192.0.2.10 50000 10.0.3.21 22"
                                                         << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0web, sg-0mgmt in -"}
                                                         << QStringList{"dstAcl allow 100", "dstSg deny"};
        QTest::addRow("20 acl entry \"1\" is no tcp") << false << "eni-0db1 in request 6 10.0.3.21 40000 10.0.2.20 22"
                                                      << "security-group-and-network-acl"
                                                      << QStringList{"SUBNET_ACL_RESTRICTION acl-0db in 32767", "ENI_SG_RULES_MISMATCH sg-0db in -"}
                                                      << QStringList{"srcAcl allow 100", "dstAcl deny 32767"};
        QTest::addRow("20 group rule \"-1\" admits udp") << false << "eni-0nat in request 17 10.0.3.22 40000 10.0.3.30 5353"
                                                         << "not-explained" << none
                                                         << QStringList{"srcSg allow sg-0default", "dstSg allow sg-0nat"};
        QTest::addRow("20 acl entry \"-1\" admits udp") << false << "eni-0app1 in request 17 10.0.3.21 40000 10.0.1.10 5353"
                                                        << "security-group" << QStringList{"ENI_SG_RULES_MISMATCH sg-0app in -"}
                                                        << QStringList{"dstAcl allow 200", "dstSg deny"};
        // 21. Both layers, in path order.
        QTest::addRow("21 nacl and group") << false << "eni-0app1 in request 6 2001:db8::9 50000 2600:1f18:abcd:1201::10 22"
                                           << "security-group-and-network-acl"
                                           << QStringList{"SUBNET_ACL_RESTRICTION acl-0app in 32768", "ENI_SG_RULES_MISMATCH sg-0app in -"}
                                           << none;
    }

    void explain()
    {
        QFETCH(bool, withEntries);
        QFETCH(QString, flow);
        QFETCH(QString, verdict);
        QFETCH(QStringList, blocking);
        QFETCH(QStringList, layers);
        const PathExplanation explanation = explainFlow(snapshotFor(withEntries).snapshot, parseFlow(flow));
        QCOMPARE(verdictName(explanation.verdict), verdict);
        QCOMPARE(blockingText(explanation), blocking);
        for (const QString &expected : layers)
            QCOMPARE(layerText(explanation, expected.section(u' ', 0, 0)), expected);
        QVERIFY(!explanation.explanation.isEmpty());
    }

    // A near miss differs from the packet in one thing only, worded by what
    // differs; a rule open to every address is no near miss by its port alone
    // (it would be one of every probe), and an ICMP rule is never "right port".
    void nearMissesNameTheRulesThatCameClose_data()
    {
        QTest::addColumn<QString>("flow");
        QTest::addColumn<QStringList>("misses");
        QTest::newRow("internet SSH probe: the office's SSH rule, not the web's 443")
            << "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 22"
            << QStringList{"sg-0mgmt tcp 192.0.2.0/24 only the source differs"};
        QTest::newRow("internet RDP probe: neither 443 from anywhere nor SSH from the office")
            << "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 3389" << QStringList{};
        QTest::newRow("RDP from the VPC: the VPC's ICMP rule has no port to be right about")
            << "eni-0web1 in request 6 10.0.3.22 50000 10.0.3.21 3389" << QStringList{};
        QTest::newRow("udp to the office's SSH port: only the protocol")
            << "eni-0web1 in request 17 192.0.2.10 50000 10.0.3.21 22"
            << QStringList{"sg-0mgmt tcp 192.0.2.0/24 only the protocol differs: the rule admits tcp"};
        QTest::newRow("telnet from the office: only the port")
            << "eni-0web1 in request 6 192.0.2.10 50000 10.0.3.21 23"
            << QStringList{"sg-0mgmt tcp 192.0.2.0/24 only the port differs"};
        QTest::newRow("timestamp request from the VPC: only the ICMP type")
            << "eni-0web1 in request 1 10.0.3.22 0 10.0.3.21 0 icmp=13"
            << QStringList{"sg-0web icmp 10.0.0.0/16 only the ICMP type or code differs"};
    }

    void nearMissesNameTheRulesThatCameClose()
    {
        QFETCH(QString, flow);
        QFETCH(QStringList, misses);
        const auto explanation = explainFlow(m_estate.snapshot, parseFlow(flow));
        const LayerResult &layer = explanation.layers[3];
        QCOMPARE(layer.outcome, Outcome::Deny);
        QStringList found;
        for (const SgNearMiss &miss : layer.groups.nearMisses)
            found << miss.group->id + u' ' + protocolName(miss.rule->protocol) + u' ' + miss.rule->peerText() + u' ' + miss.what;
        QCOMPARE(found, misses);
        QVERIFY(!explanation.explanation.contains(u"right port"));
        QCOMPARE(explanation.explanation.contains(u"near misses: "), !misses.isEmpty());
        for (const QString &miss : misses)
            QVERIFY2(explanation.explanation.contains(u'(' + miss.section(u' ', 3) + u')'), qPrintable(explanation.explanation));
    }

    void explanationsAndFixes_data()
    {
        QTest::addColumn<QString>("flow");
        QTest::addColumn<QString>("explanation");
        QTest::addColumn<QString>("suggestion");
        QTest::addRow("request denied by a numbered entry")
            << "eni-0app1 in request 6 10.1.2.3 50000 10.0.1.10 22"
            << "network ACL acl-0app (subnet app) inbound rule 100 denies tcp from 10.1.2.3:50000 to 10.0.1.10:22"
            << "add to acl-0app an inbound rule allowing tcp port 22 from 10.1.2.3/32, numbered below 100";
        QTest::addRow("reply to an unknown client")
            << "eni-0app1 out reply 6 10.0.1.10 443 203.0.113.7 51234"
            << "network ACL acl-0app (subnet app) outbound rule * denies tcp from 10.0.1.10:443 to 203.0.113.7:51234 — the reply of a request"
            << "add to acl-0app an outbound rule allowing tcp ports 1024-65535 (the ephemeral ports of an unknown client) to 203.0.113.7/32";
        QTest::addRow("reply to a Windows instance")
            << "eni-0app1 out reply 6 10.0.1.10 22 10.0.3.21 50000"
            << "network ACL acl-0app (subnet app) outbound rule * denies tcp from 10.0.1.10:22 to 10.0.3.21:50000 — the reply of a request"
            << "add to acl-0app an outbound rule allowing tcp ports 49152-65535 (the ephemeral ports of Windows) to 10.0.3.21/32";
        QTest::addRow("reply to a Linux instance over IPv6")
            << "eni-0app1 in reply 6 2600:1f18:abcd:1203::21 443 2600:1f18:abcd:1201::10 40000"
            << "network ACL acl-0app (subnet app) inbound rule * denies tcp from [2600:1f18:abcd:1203::21]:443 to "
               "[2600:1f18:abcd:1201::10]:40000 — the reply of a request"
            << "add to acl-0app an inbound rule allowing tcp ports 32768-61000 (the ephemeral ports of Linux) from 2600:1f18:abcd:1203::21/128";
        QTest::addRow("egress denied by a numbered entry")
            << "eni-0app1 out request 6 10.0.1.10 40000 198.51.100.7 443"
            << "network ACL acl-0app (subnet app) outbound rule 90 denies tcp from 10.0.1.10:40000 to 198.51.100.7:443"
            << "add to acl-0app an outbound rule allowing tcp port 443 to 198.51.100.7/32, numbered below 90";
        QTest::addRow("security group implicit deny")
            << "eni-0db1 in request 6 54.10.20.30 40000 10.0.2.20 5432"
            << "no inbound rule of security group(s) sg-0db on eni-0db1 allows tcp from 54.10.20.30:40000 to 10.0.2.20:5432"
            << "if this traffic is wanted: add to sg-0db an inbound rule allowing tcp port 5432 from 54.10.20.30/32. "
               "54.10.20.30 lies outside the VPC: unsolicited requests from the internet are often scans, so check the "
               "source before opening the port to it";
        QTest::addRow("security group denies a request from a peered network")
            << "eni-0db1 in request 6 192.168.20.30 40000 10.0.2.20 5432"
            << "no inbound rule of security group(s) sg-0db on eni-0db1 allows tcp from 192.168.20.30:40000 to 10.0.2.20:5432"
            << "add to sg-0db an inbound rule allowing tcp port 5432 from 192.168.20.30/32";
    }

    void explanationsAndFixes()
    {
        QFETCH(QString, flow);
        QFETCH(QString, explanation);
        QFETCH(QString, suggestion);
        const auto result = explainFlow(m_estate.snapshot, parseFlow(flow));
        QVERIFY2(result.explanation.startsWith(explanation), qPrintable(result.explanation));
        QCOMPARE(result.suggestion, suggestion);
    }

    // Without sentences (grouping) the verdict and the blocking layers are the same.
    void withoutTextTheVerdictStays()
    {
        for (const char *spec : {"eni-0app1 in request 6 10.1.2.3 50000 10.0.1.10 22", "eni-0app1 out reply 6 10.0.1.10 443 203.0.113.7 51234",
                                 "eni-0db1 in request 6 54.10.20.30 40000 10.0.2.20 5432",
                                 "eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 443",
                                 "eni-0db1 in request 1 10.0.3.21 0 10.0.2.20 0"}) {
            ExplainFlow flow = parseFlow(spec);
            const PathExplanation full = explainFlow(m_estate.snapshot, flow);
            flow.withText = false;
            const PathExplanation bare = explainFlow(m_estate.snapshot, flow);
            QCOMPARE(verdictName(bare.verdict), verdictName(full.verdict));
            QCOMPARE(bare.blocking.size(), full.blocking.size());
            for (std::size_t i = 0; i < bare.blocking.size(); ++i) {
                QCOMPARE(bare.blocking[i].code, full.blocking[i].code);
                QCOMPARE(bare.blocking[i].component, full.blocking[i].component);
                QCOMPARE(bare.blocking[i].layer, full.blocking[i].layer);
            }
            QVERIFY(bare.explanation.isEmpty() && bare.suggestion.isEmpty());
        }
    }

    void notExplainedNamesTheSnapshotTime()
    {
        const auto explanation = explainFlow(m_estate.snapshot, parseFlow("eni-0web1 in request 6 203.0.113.50 50000 10.0.3.21 443"));
        QCOMPARE(explanation.verdict, Verdict::NotExplained);
        QVERIFY(explanation.blocking.empty());
        QVERIFY(explanation.explanation.contains(m_estate.snapshot.asOf().toString(Qt::ISODate)));
        QVERIFY(explanation.suggestion.isEmpty());
    }

    void caveatsSayWhatWasNotChecked()
    {
        const auto icmp = explainFlow(m_estate.snapshot, parseFlow("eni-0db1 in request 1 10.0.3.21 0 10.0.2.20 0"));
        QVERIFY(icmp.caveats.join(u'\n').contains(u"ICMP type"));
        QVERIFY(icmp.explanation.contains(u"rule 110 matches only some ICMP types"));
        const auto pkt = explainFlow(m_estate.snapshot, parseFlow("eni-0nat in request 6 10.0.1.10 40000 10.0.3.30 443 pkt-dst=198.51.100.7"));
        QVERIFY(pkt.caveats.join(u'\n').contains(u"pkt-srcaddr"));
        QVERIFY(pkt.caveats.join(u'\n').contains(u"further along the path"));
        const auto undecidedFurther = explainFlow(m_estate.snapshot, parseFlow("eni-0web1 out request 6 10.0.3.21 50000 10.0.2.20 6432"));
        QCOMPARE(undecidedFurther.verdict, Verdict::NotExplained);
        QVERIFY2(undecidedFurther.caveats.join(u'\n').contains(u"further along the path, undecided: sg-0db: the rule references group 444455556666/sg-0peer"),
                 qPrintable(undecidedFurther.caveats.join(u'\n')));
        const auto unknownPeer = explainFlow(m_estate.snapshot, parseFlow("eni-0web1 in request 6 10.0.9.9 50000 10.0.3.21 443"));
        QVERIFY(unknownPeer.caveats.join(u'\n').contains(u"10.0.9.9 lies in vpc-0prod"));
    }

    void anOverlappingAddressIsTheLoggingVpcs()
    {
        ConfigSnapshot snapshot = m_estate.snapshot;
        NetworkInterface twin = snapshot.interfaces.at("eni-0web1");
        twin.id = QStringLiteral("eni-0aaaother");
        twin.vpcId = QStringLiteral("vpc-0other");
        twin.subnetId = QStringLiteral("subnet-0other");
        snapshot.interfaces[twin.id] = twin; // sorts before eni-0web1
        const auto explanation = explainFlow(snapshot, parseFlow("eni-0app1 in request 6 10.0.3.21 50000 10.0.1.10 22"));
        QCOMPARE(explanation.layers[0].eni->id, QStringLiteral("eni-0web1"));
    }

    void unknownInterfaceIsInconclusive()
    {
        const auto explanation = explainFlow(m_estate.snapshot, parseFlow("eni-0gone in request 6 203.0.113.50 50000 10.0.3.99 443"));
        QCOMPARE(explanation.verdict, Verdict::Inconclusive);
        QVERIFY(explanation.explanation.contains(u"eni-0gone is not in the snapshot"));
        QVERIFY(explanation.blocking.empty());
    }
};

QTEST_GUILESS_MAIN(TestPathEvaluator)
#include "tst_pathevaluator.moc"
