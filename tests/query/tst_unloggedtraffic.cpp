// SPDX-License-Identifier: GPL-3.0-or-later
// Filters that name traffic flow logs never record: which ones do (asked
// for, not excluded; narrow enough to name it), with and without what a
// configuration snapshot adds (VPC blocks, endpoint and load balancer
// interfaces), and the sentence that says so.

#include "query/filter_parser.h"
#include "query/unlogged_traffic.h"

#include <QTest>

using namespace flowscope;

namespace {

AddressRange block(const char *lo, const char *hi)
{
    return {*IpAddress::parse(lo), *IpAddress::parse(hi)};
}

UnloggedTrafficContext snapshotContext()
{
    UnloggedTrafficContext context;
    context.vpcCidrs = {block("10.0.0.0", "10.0.255.255"), block("172.31.0.0", "172.31.255.255")};
    context.endpointInterfaces = {{"eni-0vpce", {*IpAddress::parse("10.0.5.40")}}};
    context.loadBalancerInterfaces = {{"eni-0nlb", {*IpAddress::parse("10.0.6.50"), *IpAddress::parse("10.0.6.51")}}};
    return context;
}

// "kind:named;kind:named"
QString describe(const std::vector<UnloggedTraffic> &found)
{
    QStringList parts;
    for (const UnloggedTraffic &t : found)
        parts << QStringLiteral("%1:%2").arg(static_cast<int>(t.kind)).arg(QString::fromStdString(t.named));
    return parts.join(u';');
}

QString row(UnloggedTrafficKind kind, const char *named)
{
    return QStringLiteral("%1:%2").arg(static_cast<int>(kind)).arg(QLatin1String(named));
}

} // namespace

class TestUnloggedTraffic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void named_data()
    {
        using K = UnloggedTrafficKind;
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("withSnapshot");
        QTest::addColumn<QString>("expected");
        QTest::newRow("metadata") << "addr == 169.254.169.254" << false << row(K::InstanceMetadata, "169.254.169.254");
        QTest::newRow("metadata as dstaddr with port")
            << "dstaddr == 169.254.169.254 and dstport == 80" << false << row(K::InstanceMetadata, "169.254.169.254");
        QTest::newRow("time sync") << "dstaddr == 169.254.169.123" << false << row(K::TimeSync, "169.254.169.123");
        QTest::newRow("link-local dns") << "addr == 169.254.169.253" << false << row(K::AmazonDns, "169.254.169.253");
        QTest::newRow("windows activation set")
            << "addr in {169.254.169.250, 169.254.169.251}" << false
            << row(K::WindowsActivation, "169.254.169.250") + u';' + row(K::WindowsActivation, "169.254.169.251");
        QTest::newRow("a /24 around them")
            << "addr == 169.254.169.0/24" << false
            << QStringList{row(K::AmazonDns, "169.254.169.253"), row(K::InstanceMetadata, "169.254.169.254"),
                           row(K::TimeSync, "169.254.169.123"), row(K::WindowsActivation, "169.254.169.250"),
                           row(K::WindowsActivation, "169.254.169.251")}
                   .join(u';');
        QTest::newRow("a /16 is too wide") << "addr == 169.254.0.0/16" << false << "";
        QTest::newRow("dhcp") << "protocol == udp and dstport == 67" << false << row(K::Dhcp, "port 67");
        QTest::newRow("dhcp both") << "port in {67..68}" << false
                                   << row(K::Dhcp, "port 67") + u';' + row(K::Dhcp, "port 68");
        QTest::newRow("wide port range") << "dstport in {1..1024}" << false << "";
        QTest::newRow("mirrored") << "dstport == 4789" << false << row(K::MirroredTraffic, "port 4789");
        QTest::newRow("excluded by not") << "not addr == 169.254.169.254" << false << "";
        QTest::newRow("excluded by !=") << "dstaddr != 169.254.169.254" << false << "";
        QTest::newRow("double not") << "not not addr == 169.254.169.254" << false
                                    << row(K::InstanceMetadata, "169.254.169.254");
        QTest::newRow("vpc dns without snapshot") << "addr == 10.0.0.2" << false << "";
        QTest::newRow("vpc dns") << "addr == 10.0.0.2 and dstport == 53" << true << row(K::AmazonDns, "10.0.0.2");
        QTest::newRow("second vpc block router") << "dstaddr == 172.31.0.1" << true << row(K::VpcRouter, "172.31.0.1");
        QTest::newRow("ordinary address") << "addr == 10.0.3.21" << true << "";
        QTest::newRow("endpoint eni") << "eni == eni-0vpce" << true << row(K::EndpointToLoadBalancer, "eni-0vpce");
        QTest::newRow("nlb address")
            << "srcaddr == 10.0.5.40 and dstaddr == 10.0.6.51" << true
            << row(K::EndpointToLoadBalancer, "10.0.5.40") + u';' + row(K::EndpointToLoadBalancer, "10.0.6.51");
        QTest::newRow("or of two kinds")
            << "addr == 169.254.169.254 or port == 68" << false
            << row(K::InstanceMetadata, "169.254.169.254") + u';' + row(K::Dhcp, "port 68");
        QTest::newRow("nothing named") << "action == reject" << true << "";
    }

    void named()
    {
        QFETCH(QString, filter);
        QFETCH(bool, withSnapshot);
        QFETCH(QString, expected);
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        QVERIFY(parsed.ok());
        const auto found = unloggedTrafficNamedBy(*parsed.root, withSnapshot ? snapshotContext() : UnloggedTrafficContext());
        // Order aside: the kinds are checked in the order of the list above.
        QStringList got = describe(found).split(u';', Qt::SkipEmptyParts);
        QStringList want = expected.split(u';', Qt::SkipEmptyParts);
        got.sort();
        want.sort();
        QCOMPARE(got, want);
    }

    void note_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("note");
        QTest::newRow("none") << "port == 443" << "";
        QTest::newRow("one") << "addr == 169.254.169.254"
                             << "Flow logs never record the instance metadata service (169.254.169.254): no records "
                                "here does not mean it did not happen.";
        QTest::newRow("one kind, two names")
            << "port in {67, 68}" << "Flow logs never record DHCP (port 67, port 68): no records here does not mean it "
                                     "did not happen.";
        QTest::newRow("three kinds")
            << "addr == 169.254.169.123 or addr == 169.254.169.254 or port == 4789"
            << "Flow logs never record the instance metadata service (169.254.169.254), the Amazon Time Sync Service "
               "(169.254.169.123) or traffic mirroring's VXLAN copies (port 4789): no records here "
               "does not mean it did not happen.";
    }

    void note()
    {
        QFETCH(QString, filter);
        QFETCH(QString, note);
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        QVERIFY(parsed.ok());
        QCOMPARE(QString::fromStdString(unloggedTrafficNote(unloggedTrafficNamedBy(*parsed.root))), note);
    }
};

QTEST_GUILESS_MAIN(TestUnloggedTraffic)
#include "tst_unloggedtraffic.moc"
