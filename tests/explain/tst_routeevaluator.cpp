// SPDX-License-Identifier: GPL-3.0-or-later
// Route lookup for requests that were never answered: the subnet's route
// table (its own, else the VPC's main one), the longest prefix match over CIDR
// and prefix-list routes, the target's kind, and for an internet gateway
// whether the source has a public address.

#include "explain/route_evaluator.h"
#include "explain/snapshot_loader.h"

#include <QTest>

using namespace flowscope::explain;

namespace {

const QString kData = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA);

QString outcomeName(RouteOutcome outcome)
{
    switch (outcome) {
    case RouteOutcome::Routed: return QStringLiteral("routed");
    case RouteOutcome::Blackhole: return QStringLiteral("blackhole");
    case RouteOutcome::NoRoute: return QStringLiteral("no-route");
    case RouteOutcome::Inconclusive: return QStringLiteral("inconclusive");
    }
    return {};
}

// "routed internet-gateway rtb-0pub 0.0.0.0/0 igw-0r public": outcome, kind,
// table (+main), matched CIDR, target, and for an internet gateway public|private.
QString describe(const RouteDecision &d)
{
    QStringList parts{outcomeName(d.outcome), routeTargetKindName(d.kind)};
    parts << (d.table ? d.table->id + (d.viaMainTable ? QStringLiteral("+main") : QString()) : QStringLiteral("-"));
    parts << (d.route ? d.matched : QStringLiteral("-")) << (d.route ? d.route->target : QStringLiteral("-"));
    if (d.sourceHasPublicAddress)
        parts << (*d.sourceHasPublicAddress ? QStringLiteral("public") : QStringLiteral("private"));
    return parts.join(u' ');
}

} // namespace

class TestRouteEvaluator : public QObject {
    Q_OBJECT

private:
    SnapshotLoad m_load;

    RouteDecision lookUp(const QString &source, const QString &destination) const
    {
        const auto address = IpAddress::parse(destination);
        if (source.startsWith(u"eni-"))
            return evaluateRoute(m_load.snapshot, m_load.snapshot.interfaces.at(source), *address);
        const QStringList subnetAndVpc = source.split(u'/');
        return evaluateRoute(m_load.snapshot, subnetAndVpc[0], subnetAndVpc.value(1), *address);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_load = loadSnapshot({kData + QStringLiteral("/routes")});
        QVERIFY(!m_load.hasErrors());
        QCOMPARE(m_load.filesLoaded, 6);
    }

    void decidesTheRoute_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("expected");
        QTest::addRow("local") << "eni-0app" << "10.0.2.30" << "routed local rtb-0pub 10.0.0.0/16 local";
        QTest::addRow("local ipv6") << "eni-0web" << "2600:1f18:aaaa:2::5" << "routed local rtb-0pub 2600:1f18:aaaa::/56 local";
        QTest::addRow("internet gateway, public address") << "eni-0web" << "192.0.2.1" << "routed internet-gateway rtb-0pub 0.0.0.0/0 igw-0r public";
        QTest::addRow("internet gateway, no public address") << "eni-0app" << "192.0.2.1" << "routed internet-gateway rtb-0pub 0.0.0.0/0 igw-0r private";
        QTest::addRow("internet gateway ipv6, global address") << "eni-0web" << "2001:db8::1" << "routed internet-gateway rtb-0pub ::/0 igw-0r public";
        QTest::addRow("internet gateway ipv6, no ipv6 address") << "eni-0app" << "2001:db8::1" << "routed internet-gateway rtb-0pub ::/0 igw-0r private";
        QTest::addRow("peering") << "eni-0app" << "10.50.1.1" << "routed peering rtb-0pub 10.50.0.0/16 pcx-0peer";
        QTest::addRow("transit gateway") << "eni-0app" << "10.60.1.1" << "routed transit-gateway rtb-0pub 10.60.0.0/16 tgw-0hub";
        QTest::addRow("longest prefix wins") << "eni-0app" << "10.60.5.9" << "routed network-interface rtb-0pub 10.60.5.0/24 eni-0fw";
        QTest::addRow("blackhole") << "eni-0app" << "10.70.0.1" << "blackhole blackhole rtb-0pub 10.70.0.0/16 nat-0gone";
        QTest::addRow("prefix list to an endpoint") << "eni-0app" << "3.5.0.10" << "routed endpoint rtb-0pub 3.5.0.0/19 vpce-0s3";
        QTest::addRow("a CIDR route wins a tie with a prefix list") << "eni-0app" << "52.216.1.1"
                                                                   << "routed internet-gateway rtb-0pub 52.216.0.0/15 igw-0r private";
        QTest::addRow("nat gateway") << "eni-0db" << "192.0.2.1" << "routed nat-gateway rtb-0priv 0.0.0.0/0 nat-0r";
        QTest::addRow("egress-only internet gateway") << "eni-0db" << "2001:db8::1" << "routed egress-only-internet-gateway rtb-0priv ::/0 eigw-0r";
        QTest::addRow("ipv4 routes never match ipv6") << "eni-0db" << "2600:1f18:aaaa::5" << "routed egress-only-internet-gateway rtb-0priv ::/0 eigw-0r";
        QTest::addRow("main table, no route") << "subnet-0iso" << "192.0.2.1" << "no-route no-route rtb-0main+main - -";
        QTest::addRow("main table, local") << "subnet-0iso" << "10.0.1.10" << "routed local rtb-0main+main 10.0.0.0/16 local";
        QTest::addRow("prefix list without entries") << "subnet-0corp" << "192.0.2.1" << "inconclusive nat-gateway rtb-0corp 0.0.0.0/0 nat-0r";
        QTest::addRow("subnet outside the snapshot") << "subnet-0gone/vpc-0other" << "192.0.2.1" << "inconclusive no-route - - -";
        QTest::addRow("subnet outside the snapshot, its vpc's main table") << "subnet-0gone/vpc-0r" << "192.0.2.1"
                                                                          << "no-route no-route rtb-0main+main - -";
    }

    void decidesTheRoute()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QString, expected);
        const RouteDecision decision = lookUp(source, destination);
        QCOMPARE(describe(decision), expected);
        // Reachability Analyzer's code where one applies: no route, a blackhole, an internet gateway for a private source.
        const QString code = decision.outcome == RouteOutcome::NoRoute    ? QStringLiteral("NO_ROUTE_TO_DESTINATION")
            : decision.outcome == RouteOutcome::Blackhole                 ? QStringLiteral("BAD_STATE_ROUTE")
            : expected.endsWith(QLatin1String(" private"))               ? QStringLiteral("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS")
                                                                          : QString();
        QCOMPARE(decision.code, code);
        QVERIFY(!decision.explanation.isEmpty());
        QCOMPARE(decision.reason.isEmpty(), decision.outcome != RouteOutcome::Inconclusive);
    }

    void explainsInPlainWords_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("explanation");
        QTest::addRow("no route") << "subnet-0iso" << "192.0.2.1"
                                  << "route table rtb-0main (the VPC's main table) has no route to 192.0.2.1";
        QTest::addRow("no public address")
            << "eni-0app" << "192.0.2.1"
            << "route table rtb-0pub sends 192.0.2.1 by 0.0.0.0/0 to internet gateway igw-0r; the source has no public address, "
               "so the internet gateway cannot carry its traffic";
        QTest::addRow("blackhole") << "eni-0app" << "10.70.0.1"
                                   << "route table rtb-0pub sends 10.70.0.1 by 10.70.0.0/16 to nat-0gone, which no longer exists (blackhole)";
        QTest::addRow("unknown prefix list") << "subnet-0corp" << "192.0.2.1"
                                             << "route table rtb-0corp routes to prefix list pl-0corp, whose entries the snapshot lacks: "
                                                "it may match 192.0.2.1 more closely";
    }

    void explainsInPlainWords()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QString, explanation);
        QCOMPARE(lookUp(source, destination).explanation, explanation);
    }

    void namesTargetKinds_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("kind");
        QTest::addRow("local") << "local" << "local";
        QTest::addRow("igw") << "igw-1" << "internet-gateway";
        QTest::addRow("nat") << "nat-1" << "nat-gateway";
        QTest::addRow("tgw") << "tgw-1" << "transit-gateway";
        QTest::addRow("pcx") << "pcx-1" << "peering";
        QTest::addRow("vpce") << "vpce-1" << "endpoint";
        QTest::addRow("eigw") << "eigw-1" << "egress-only-internet-gateway";
        QTest::addRow("vgw") << "vgw-1" << "virtual-private-gateway";
        QTest::addRow("eni") << "eni-1" << "network-interface";
        QTest::addRow("instance") << "i-1" << "instance";
        QTest::addRow("unknown") << "xyz-1" << "other";
    }

    void namesTargetKinds()
    {
        QFETCH(QString, target);
        QFETCH(QString, kind);
        QCOMPARE(routeTargetKindName(routeTargetKindOf(target)), kind);
    }
};

QTEST_GUILESS_MAIN(TestRouteEvaluator)
#include "tst_routeevaluator.moc"
