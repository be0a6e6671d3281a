// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/flow_graph_builder.h"
#include "graph/graph_format.h"
#include "graph_fixture.h"
#include "explain/config_snapshot.h"
#include "incident/ioc_list_store.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/sqlite_handle.h"
#include "schema5_case.h"
#include "test_files.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <limits>
#include <map>

using namespace flowscope;
using namespace flowscope::graph;
using namespace flowscope::test;

namespace {

// A flow logged at both ends (eni-a → eni-b and the reply), an outside /24
// reached twice, a rejected probe, IPv6 and S3.
const QByteArray kMixed = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 10.0.2.6:443 tcp 1000 ACCEPT 2 egress - -
eni-b subnet-2 vpc-1 10.0.1.5:40000 > 10.0.2.6:443 tcp 1000 ACCEPT 2 ingress - -
eni-b subnet-2 vpc-1 10.0.2.6:443 > 10.0.1.5:40000 tcp 500 ACCEPT 18 egress - -
eni-a subnet-1 vpc-1 10.0.2.6:443 > 10.0.1.5:40000 tcp 500 ACCEPT 18 ingress - -
eni-a subnet-1 vpc-1 10.0.1.5:40001 > 198.51.100.7:443 tcp 100 ACCEPT 3 egress - -
eni-a subnet-1 vpc-1 198.51.100.9:443 > 10.0.1.5:40002 tcp 200 ACCEPT - ingress - -
eni-b subnet-2 vpc-1 203.0.113.4:5555 > 10.0.2.6:22 tcp 60 REJECT - ingress - -
eni-c subnet-2 vpc-2 2600:1f18:0:1::10:40003 > 2001:db8:1:2::5:443 tcp 300 ACCEPT - egress - -
eni-c subnet-2 vpc-2 2001:db8:1:77::9:443 > 2600:1f18:0:1::10:40004 tcp 700 ACCEPT - ingress - -
eni-a subnet-1 vpc-1 10.0.1.5:40005 > 52.216.1.2:443 tcp 400 ACCEPT - egress - S3
)";

// Four peers of eni-a, lighter and lighter in bytes, busier and busier in flows.
const QByteArray kFour = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 198.51.1.1:443 tcp 4000 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40001 > 198.51.2.1:443 tcp 3000 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40002 > 198.51.2.1:443 tcp 1 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40003 > 198.51.3.1:443 tcp 200 REJECT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40004 > 198.51.3.1:443 tcp 1 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40005 > 198.51.3.1:443 tcp 1 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40006 > 198.51.4.1:443 tcp 100 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40007 > 198.51.4.1:443 tcp 1 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40008 > 198.51.4.1:443 tcp 1 ACCEPT - egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40009 > 198.51.4.1:443 tcp 1 ACCEPT - egress - -
)";

// eni-b logged a request and the reply that eni-a's logs lack.
const QByteArray kOneSideMissing = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 10.0.2.6:443 tcp 1000 ACCEPT 2 egress - -
eni-b subnet-2 vpc-1 10.0.1.5:40000 > 10.0.2.6:443 tcp 1000 ACCEPT 2 ingress - -
eni-b subnet-2 vpc-1 10.0.1.5:40001 > 10.0.2.6:443 tcp 700 ACCEPT 2 ingress - -
eni-b subnet-2 vpc-1 10.0.2.6:443 > 10.0.1.5:40000 tcp 500 ACCEPT 18 egress - -
)";

// Without flow-direction: an interface's own address is the one in most of its records.
const QByteArray kUndirected = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 198.51.100.7:443 tcp 100 ACCEPT - - - -
eni-a subnet-1 vpc-1 198.51.100.7:443 > 10.0.1.5:40000 tcp 100 ACCEPT - - - -
eni-a subnet-1 vpc-1 10.0.1.5:40001 > 192.0.2.8:53 udp 50 ACCEPT - - - -
)";

// Outside groups that talk among themselves (one with itself), all folded.
const QByteArray kFoldedTalk = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 198.51.1.1:443 tcp 4000 ACCEPT - - - -
eni-a subnet-1 vpc-1 10.0.1.5:40001 > 198.51.1.1:443 tcp 10 ACCEPT - - - -
eni-a subnet-1 vpc-1 198.51.5.1:40002 > 198.51.6.1:443 tcp 50 ACCEPT - - - -
eni-a subnet-1 vpc-1 198.51.7.1:40003 > 198.51.7.2:443 tcp 30 REJECT - - - -
)";

FlowFixture importCase(const QTemporaryDir &dir, const QByteArray &records)
{
    return importFlowLog(dir, QStringLiteral("graph"), graphFlowLogOf(records));
}

std::shared_ptr<const CaseFilter> compiled(CaseDb &caseDb, const QString &expression)
{
    auto result = CaseFilter::compile(caseDb, expression.toStdString());
    const auto *filter = std::get_if<std::shared_ptr<const CaseFilter>>(&result);
    if (!filter)
        qFatal("filter '%s' does not compile", qPrintable(expression));
    return *filter;
}

std::uint64_t matching(CaseDb &caseDb, const QString &expression)
{
    const auto filter = compiled(caseDb, expression);
    std::uint64_t count = 0;
    scanRecords(caseDb, filter->blocks(), [&](const EncodedFlow &flow, std::int64_t) {
        count += filter->matchesEverything() || filter->predicate()(flow);
    });
    return count;
}

QString describe(const Traffic &t)
{
    return QStringLiteral("%1 %2 %3 %4 %5").arg(t.flows).arg(t.bytes).arg(t.packets).arg(t.accept).arg(t.reject);
}

QString nodesOf(const FlowGraph &graph)
{
    QStringList out;
    for (const GraphNode &n : graph.nodes)
        out << n.id + QLatin1Char(' ') + nodeKindName(n.kind) + QLatin1Char(' ') + describe(n.traffic);
    return out.join(QStringLiteral("; "));
}

// Everything a graph shows, filters and labels included.
QString dump(const FlowGraph &graph)
{
    QStringList out;
    for (const GraphNode &n : graph.nodes)
        out << QStringLiteral("node %1 %2 %3 [%4] %5 | %6").arg(n.id, nodeKindName(n.kind), n.label, describe(n.traffic), n.group, n.filter);
    for (const GraphEdge &e : graph.edges)
        out << QStringLiteral("edge %1 %2 %3 %4 [%5] | %6")
                   .arg(e.source, e.target)
                   .arg(e.directed)
                   .arg(QString(), describe(e.traffic), e.filter);
    out << QStringLiteral("left out %1 [%2]").arg(graph.nodesLeftOut).arg(describe(graph.trafficLeftOut));
    return out.join(QLatin1Char('\n'));
}

// A case of the shape the graph meets: interfaces with IPv4 and IPv6
// addresses talking to each other (logged at both ends, one end now and
// then missing), to outside peers, some in an interface's own /24, to AWS
// services, records without flow-direction, handshakes and replies.
QByteArray randomCase(quint32 seed, int records)
{
    QRandomGenerator random(seed);
    const int enis = 7;
    const auto eniName = [](int i) { return QStringLiteral("eni-%1").arg(i); };
    const auto own = [](int i) {
        return i % 3 == 2 ? QStringLiteral("2001:db8:a:%1::5").arg(i) : QStringLiteral("10.0.%1.%2").arg(i % 2).arg(10 + i);
    };
    const QStringList outside{QStringLiteral("198.51.100.7"), QStringLiteral("198.51.100.99"), QStringLiteral("203.0.113.1"),
                              QStringLiteral("10.0.1.200"), QStringLiteral("2001:db8:5:1::1"), QStringLiteral("2001:db8:a:99::2"),
                              QStringLiteral("52.216.1.2"), QStringLiteral("52.216.9.9")};
    const QStringList flags{QStringLiteral("-"), QStringLiteral("2"), QStringLiteral("18"), QStringLiteral("3")};
    QByteArray out;
    const auto line = [&](int logger, const QString &src, int sport, const QString &dst, int dport, bool reject,
                          const QString &direction, const QString &srcService, const QString &dstService) {
        out += QStringLiteral("%1 subnet-%2 vpc-%3 %4:%5 > %6:%7 tcp %8 %9 %10 %11 %12 %13\n")
                   .arg(eniName(logger))
                   .arg(logger % 3)
                   .arg(logger % 2)
                   .arg(src)
                   .arg(sport)
                   .arg(dst)
                   .arg(dport)
                   .arg(1 + random.bounded(5000))
                   .arg(reject ? "REJECT" : "ACCEPT", flags[random.bounded(flags.size())], direction, srcService, dstService)
                   .toUtf8();
    };
    const auto port = [&] { return random.bounded(3) == 0 ? 22 + random.bounded(1000) : 1024 + random.bounded(60000); };
    for (int i = 0; i < records; ++i) {
        const int a = random.bounded(enis);
        const bool reject = random.bounded(5) == 0;
        const int sport = port();
        const int dport = port();
        if (random.bounded(2) == 0) {
            int b = random.bounded(enis - 1);
            b += b >= a;
            if (own(a).contains(':') != own(b).contains(':'))
                continue;
            if (random.bounded(8) != 0)
                line(a, own(a), sport, own(b), dport, reject, QStringLiteral("egress"), QStringLiteral("-"), QStringLiteral("-"));
            if (random.bounded(8) != 0)
                line(b, own(a), sport, own(b), dport, reject, QStringLiteral("ingress"), QStringLiteral("-"), QStringLiteral("-"));
            continue;
        }
        const QString peer = outside[random.bounded(outside.size())];
        if (peer.contains(':') != own(a).contains(':'))
            continue;
        const QString service = peer.startsWith(QStringLiteral("52.216.")) ? QStringLiteral("S3") : QStringLiteral("-");
        const int way = random.bounded(3);
        if (way == 0)
            line(a, peer, sport, own(a), dport, reject, QStringLiteral("ingress"), service, QStringLiteral("-"));
        else if (way == 1)
            line(a, own(a), sport, peer, dport, reject, QStringLiteral("egress"), QStringLiteral("-"), service);
        else
            line(a, own(a), sport, peer, dport, reject, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"));
    }
    return out;
}

// The graph of the whole case from the stored totals and from the records.
std::pair<QString, QString> bothWays(CaseDb &caseDb, GraphOptions options)
{
    const auto everything = compiled(caseDb, {});
    options.useStoredTotals = true;
    const QString stored = dump(buildFlowGraph(caseDb, *everything, options));
    options.useStoredTotals = false;
    return {stored, dump(buildFlowGraph(caseDb, *everything, options))};
}

QString edgesOf(const FlowGraph &graph)
{
    QStringList out;
    for (const GraphEdge &e : graph.edges)
        out << e.source + (e.directed ? QStringLiteral(" > ") : QStringLiteral(" - ")) + e.target + QLatin1Char(' ')
                + describe(e.traffic);
    return out.join(QStringLiteral("; "));
}

// Adds an IOC list of the given lines to the case.
void addIocList(CaseDb &caseDb, const QTemporaryDir &dir, const QString &name, const QByteArray &lines)
{
    const QString path = dir.filePath(name + QStringLiteral(".txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size())
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    if (!incident::addIocFiles(caseDb, name.toStdString(), {path.toStdString()}).stored)
        qFatal("IOC list %s not stored", qPrintable(name));
}

std::map<QString, GraphNode> nodesById(const FlowGraph &graph)
{
    std::map<QString, GraphNode> nodes;
    for (const GraphNode &n : graph.nodes)
        nodes[n.id] = n;
    return nodes;
}

} // namespace

class TestFlowGraphBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aggregates_data();
    void aggregates();
    void labelsAndFiltersOfNodes();
    void expandsAGroupIntoItsAddresses_data();
    void expandsAGroupIntoItsAddresses();
    void interfacesKnowTheirSubnetAndVpc();
    void clustersCarryTheSnapshotsNames();
    void groupsAddressesOfAnIocList();
    void expandsAnIocListIntoItsAddresses();
    void expandedAddressesStayWhateverTheTopN_data();
    void expandedAddressesStayWhateverTheTopN();
    void iocListsAnswerAsTheRecords_data();
    void iocListsAnswerAsTheRecords();
    void goldenOutput_data();
    void goldenOutput();
    void matchesBruteForceOnRandomCase();
    void cancelStopsTheBuild();
    void storedTotalsAnswerAsTheRecords_data();
    void storedTotalsAnswerAsTheRecords();
    void upgradedCaseDerivesTheTotals();
    void schema12CaseConvertsTheTotals();
    void columnScanAnswersAsTheRecords_data();
    void columnScanAnswersAsTheRecords();
};

void TestFlowGraphBuilder::aggregates_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<int>("top");
    QTest::addColumn<QString>("nodes"); // "id kind flows bytes packets accept reject; ..."
    QTest::addColumn<QString>("edges"); // "source > target ..." (directed) or "a - b ..."
    QTest::addColumn<int>("leftOut");

    // Traffic of eni-a and eni-b counted once (at the sender), the rest as logged.
    QTest::newRow("eni") << kMixed << QString() << "eni" << "bytes" << 150
                         << "eni-a eni 5 2200 10 5 0; eni-b eni 3 1560 6 2 1; 2001:db8:1::/48 outside 2 1000 4 2 0; "
                            "eni-c eni 2 1000 4 2 0; aws:S3 aws-service 1 400 2 1 0; 198.51.100.0/24 outside 2 300 4 2 0; "
                            "203.0.113.0/24 outside 1 60 2 0 1"
                         << "eni-a > eni-b 2 1500 4 2 0; eni-c > 2001:db8:1::/48 2 1000 4 2 0; "
                            "eni-a > aws:S3 1 400 2 1 0; eni-a > 198.51.100.0/24 2 300 4 2 0; "
                            "203.0.113.0/24 > eni-b 1 60 2 0 1"
                         << 0;
    QTest::newRow("subnet") << kMixed << QString() << "subnet" << "bytes" << 150
                            << "subnet-2 subnet 5 2560 10 4 1; subnet-1 subnet 5 2200 10 5 0; 2001:db8:1::/48 outside 2 1000 4 2 0; "
                               "aws:S3 aws-service 1 400 2 1 0; 198.51.100.0/24 outside 2 300 4 2 0; 203.0.113.0/24 outside 1 60 2 0 1"
                            << "subnet-1 > subnet-2 2 1500 4 2 0; subnet-2 > 2001:db8:1::/48 2 1000 4 2 0; "
                               "subnet-1 > aws:S3 1 400 2 1 0; subnet-1 > 198.51.100.0/24 2 300 4 2 0; "
                               "203.0.113.0/24 > subnet-2 1 60 2 0 1"
                            << 0;
    // Inside one VPC the pair is a loop on its node.
    QTest::newRow("vpc") << kMixed << QString() << "vpc" << "flows" << 150
                         << "vpc-1 vpc 6 2260 12 5 1; 198.51.100.0/24 outside 2 300 4 2 0; 2001:db8:1::/48 outside 2 1000 4 2 0; "
                            "vpc-2 vpc 2 1000 4 2 0; 203.0.113.0/24 outside 1 60 2 0 1; aws:S3 aws-service 1 400 2 1 0"
                         << "vpc-1 > 198.51.100.0/24 2 300 4 2 0; vpc-1 - vpc-1 2 1500 4 2 0; vpc-2 > 2001:db8:1::/48 2 1000 4 2 0; "
                            "203.0.113.0/24 > vpc-1 1 60 2 0 1; vpc-1 > aws:S3 1 400 2 1 0"
                         << 0;
    QTest::newRow("account") << kMixed << QString() << "account" << "bytes" << 150
                             << "123456789012 account 8 3260 16 7 1; 2001:db8:1::/48 outside 2 1000 4 2 0; "
                                "aws:S3 aws-service 1 400 2 1 0; 198.51.100.0/24 outside 2 300 4 2 0; 203.0.113.0/24 outside 1 60 2 0 1"
                             << "123456789012 - 123456789012 2 1500 4 2 0; 123456789012 > 2001:db8:1::/48 2 1000 4 2 0; "
                                "123456789012 > aws:S3 1 400 2 1 0; 123456789012 > 198.51.100.0/24 2 300 4 2 0; "
                                "203.0.113.0/24 > 123456789012 1 60 2 0 1"
                             << 0;
    // Only eni-b's records kept: they count, whatever their direction.
    QTest::newRow("one end kept") << kMixed << "interface-id == \"eni-b\"" << "eni" << "bytes" << 150
                                  << "eni-b eni 3 1560 6 2 1; eni-a eni 2 1500 4 2 0; 203.0.113.0/24 outside 1 60 2 0 1"
                                  << "eni-a > eni-b 2 1500 4 2 0; 203.0.113.0/24 > eni-b 1 60 2 0 1" << 0;
    QTest::newRow("one side missing") << kOneSideMissing << QString() << "eni" << "bytes" << 150
                                      << "eni-a eni 3 2200 6 3 0; eni-b eni 3 2200 6 3 0"
                                      << "eni-a > eni-b 3 2200 6 3 0" << 0;
    QTest::newRow("top by bytes") << kFour << QString() << "eni" << "bytes" << 3
                                  << "eni-a eni 10 7306 20 9 1; 198.51.1.0/24 outside 1 4000 2 1 0; 198.51.2.0/24 outside 2 3001 4 2 0; "
                                     "more more 7 305 14 6 1"
                                  << "eni-a > 198.51.1.0/24 1 4000 2 1 0; eni-a > 198.51.2.0/24 2 3001 4 2 0; "
                                     "eni-a - more 7 305 14 6 1"
                                  << 2;
    QTest::newRow("top by flows") << kFour << QString() << "eni" << "flows" << 2
                                  << "eni-a eni 10 7306 20 9 1; 198.51.4.0/24 outside 4 103 8 4 0; more more 6 7203 12 5 1"
                                  << "eni-a - more 6 7203 12 5 1; eni-a > 198.51.4.0/24 4 103 8 4 0" << 3;
    QTest::newRow("folded nodes among themselves") << kFoldedTalk << QString() << "eni" << "bytes" << 2
                                                   << "198.51.1.0/24 outside 2 4010 4 2 0; eni-a eni 2 4010 4 2 0; more more 2 80 4 1 1"
                                                   << "eni-a > 198.51.1.0/24 2 4010 4 2 0; more - more 2 80 4 1 1" << 3;
    QTest::newRow("owner without direction") << kUndirected << QString() << "eni" << "flows" << 150
                                             << "eni-a eni 3 250 6 3 0; 198.51.100.0/24 outside 2 200 4 2 0; 192.0.2.0/24 outside 1 50 2 1 0"
                                             << "eni-a > 198.51.100.0/24 2 200 4 2 0; eni-a > 192.0.2.0/24 1 50 2 1 0" << 0;
}

void TestFlowGraphBuilder::aggregates()
{
    QFETCH(QByteArray, records);
    QFETCH(QString, filter);
    QFETCH(QString, level);
    QFETCH(QString, metric);
    QFETCH(int, top);
    QFETCH(QString, nodes);
    QFETCH(QString, edges);
    QFETCH(int, leftOut);

    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, records);
    GraphOptions options;
    options.level = *graphLevelFromName(level);
    options.metric = *graphMetricFromName(metric);
    options.topNodes = std::size_t(top);
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, filter), options);
    QCOMPARE(nodesOf(graph), nodes);
    QCOMPARE(edgesOf(graph), edges);
    QCOMPARE(graph.nodesLeftOut, std::size_t(leftOut));
    std::uint64_t moreFlows = 0;
    for (const GraphEdge &e : graph.edges)
        moreFlows += e.target == QLatin1String("more") ? e.traffic.flows : 0;
    QCOMPARE(graph.trafficLeftOut.flows, moreFlows);

    // Every filter parses, and an edge's shows at least the records it counts.
    for (const GraphNode &n : graph.nodes)
        QVERIFY2(matching(*fixture.caseDb, n.filter) >= n.traffic.flows, qPrintable(n.filter));
    for (const GraphEdge &e : graph.edges)
        QVERIFY2(matching(*fixture.caseDb, e.filter) >= e.traffic.flows, qPrintable(e.filter));
}

void TestFlowGraphBuilder::labelsAndFiltersOfNodes()
{
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), {});
    std::map<QString, GraphNode> byId;
    for (const GraphNode &n : graph.nodes)
        byId[n.id] = n;
    QCOMPARE(byId["eni-a"].filter, QStringLiteral("interface-id == \"eni-a\" or addr == 10.0.1.5"));
    QCOMPARE(byId["eni-c"].filter, QStringLiteral("interface-id == \"eni-c\" or addr == 2600:1f18:0:1::10"));
    QCOMPARE(byId["aws:S3"].label, QStringLiteral("S3 (AWS)"));
    // The /24 node shows both its addresses' records; the edge eni-a – eni-b the four records of the pair.
    QCOMPARE(matching(*fixture.caseDb, byId["198.51.100.0/24"].filter), 2U);
    for (const GraphEdge &e : graph.edges)
        if (e.source == QLatin1String("eni-a") && e.target == QLatin1String("eni-b"))
            QCOMPARE(matching(*fixture.caseDb, e.filter), 4U);
}

void TestFlowGraphBuilder::expandsAGroupIntoItsAddresses_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("addresses");
    QTest::newRow("IPv4 /24") << "198.51.100.0/24" << QStringList{"198.51.100.7", "198.51.100.9"};
    QTest::newRow("IPv6 /48") << "2001:db8:1::/48" << QStringList{"2001:db8:1:2::5", "2001:db8:1:77::9"};
    QTest::newRow("AWS service") << "aws:S3" << QStringList{"52.216.1.2"};
}

// The group's node gives way to a node per address, which together carry
// its traffic, each with the group it came from and its own filter; the
// other groups stay.
void TestFlowGraphBuilder::expandsAGroupIntoItsAddresses()
{
    QFETCH(QString, group);
    QFETCH(QStringList, addresses);
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    const FlowGraph collapsed = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), {});
    GraphOptions options;
    options.expanded = {group};
    const FlowGraph expanded = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options);
    std::map<QString, GraphNode> before, after;
    for (const GraphNode &n : collapsed.nodes)
        before[n.id] = n;
    for (const GraphNode &n : expanded.nodes)
        after[n.id] = n;
    QVERIFY(before.count(group));
    QVERIFY(!after.count(group));
    Traffic sum;
    for (const QString &address : addresses) {
        QVERIFY2(after.count(address), qPrintable(address));
        const GraphNode &node = after[address];
        QCOMPARE(node.group, group);
        QCOMPARE(node.kind, before[group].kind);
        QCOMPARE(node.filter, QStringLiteral("addr == ") + address);
        QVERIFY(matching(*fixture.caseDb, node.filter) >= node.traffic.flows);
        sum += node.traffic;
    }
    QCOMPARE(describe(sum), describe(before[group].traffic));
    QCOMPARE(after.size(), before.size() - 1 + std::size_t(addresses.size()));
}

void TestFlowGraphBuilder::interfacesKnowTheirSubnetAndVpc()
{
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), {});
    for (const GraphNode &n : graph.nodes) {
        if (n.id == QLatin1String("eni-b"))
            QCOMPARE(n.subnet + QLatin1Char(' ') + n.vpc, QStringLiteral("subnet-2 vpc-1"));
        if (n.kind != NodeKind::Eni)
            QVERIFY(n.subnet.isEmpty() && n.vpc.isEmpty());
    }
}

// The subnets and VPCs drawn around the interfaces carry their Name tags
// where the snapshot has them, else their ids; the interfaces their
// instance's name and type.
void TestFlowGraphBuilder::clustersCarryTheSnapshotsNames()
{
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    auto snapshot = std::make_shared<explain::ConfigSnapshot>();
    snapshot->subnets[QStringLiteral("subnet-1")] = {QStringLiteral("subnet-1"), QStringLiteral("vpc-1"), QStringLiteral("web-a"), {}};
    snapshot->vpcs[QStringLiteral("vpc-1")] = {QStringLiteral("vpc-1"), QStringLiteral("production"), {}, {}};
    explain::NetworkInterface nat;
    nat.id = QStringLiteral("eni-b");
    nat.subnetId = QStringLiteral("subnet-2");
    nat.vpcId = QStringLiteral("vpc-1");
    nat.type = QStringLiteral("nat_gateway");
    nat.description = QStringLiteral("Interface for NAT Gateway nat-1");
    snapshot->interfaces[nat.id] = nat;
    GraphOptions options;
    options.snapshot = snapshot;
    const FlowGraph named = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options);
    QCOMPARE(named.clusterLabels.at(QStringLiteral("subnet-1")), QStringLiteral("subnet-1 (web-a)"));
    QCOMPARE(named.clusterLabels.at(QStringLiteral("subnet-2")), QStringLiteral("subnet-2"));
    QCOMPARE(named.clusterLabels.at(QStringLiteral("vpc-1")), QStringLiteral("vpc-1 (production)"));
    QCOMPARE(named.clusterLabels.at(QStringLiteral("vpc-2")), QStringLiteral("vpc-2"));
    QCOMPARE(nodesById(named)[QStringLiteral("eni-b")].label,
             QStringLiteral("eni-b (Interface for NAT Gateway nat-1, nat_gateway)"));
    // Details name a node once: its label already begins with its id.
    QCOMPARE(nodeTitle(nodesById(named)[QStringLiteral("eni-b")]),
             QStringLiteral("eni-b (Interface for NAT Gateway nat-1, nat_gateway)"));

    // Without a snapshot: the ids; at the subnet level the nodes themselves carry the names.
    const FlowGraph plain = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), {});
    QCOMPARE(plain.clusterLabels.at(QStringLiteral("vpc-1")), QStringLiteral("vpc-1"));
    options.level = GraphLevel::Subnet;
    const FlowGraph subnets = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options);
    QVERIFY(subnets.clusterLabels.empty());
    QCOMPARE(nodesById(subnets)[QStringLiteral("subnet-1")].label, QStringLiteral("subnet-1 (web-a)"));
}

// 198.51.100.7 and 203.0.113.4 lie in @threat-feed: one node for both,
// the rest of 198.51.100.0/24 stays its own group; an interface's address
// in a list stays the interface.
void TestFlowGraphBuilder::groupsAddressesOfAnIocList()
{
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    addIocList(*fixture.caseDb, dir, QStringLiteral("threat-feed"), "198.51.100.7\n203.0.113.0/24\n");
    addIocList(*fixture.caseDb, dir, QStringLiteral("own"), "10.0.1.5\n");
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), {});
    auto nodes = nodesById(graph);
    QVERIFY(nodes.count(QStringLiteral("ioc:threat-feed")));
    const GraphNode ioc = nodes[QStringLiteral("ioc:threat-feed")];
    QCOMPARE(ioc.kind, NodeKind::Ioc);
    QCOMPARE(nodeKindName(ioc.kind), QStringLiteral("ioc"));
    QCOMPARE(ioc.label, QStringLiteral("IOC: threat-feed"));
    QCOMPARE(nodeTitle(ioc), QStringLiteral("IOC: threat-feed [ioc:threat-feed]")); // a label without the id keeps it
    QCOMPARE(ioc.filter, QStringLiteral("addr in @threat-feed"));
    QCOMPARE(describe(ioc.traffic), QStringLiteral("2 160 4 1 1")); // 100 bytes accepted, 60 rejected, 2 packets each
    QCOMPARE(describe(nodes[QStringLiteral("198.51.100.0/24")].traffic), QStringLiteral("1 200 2 1 0"));
    QVERIFY(!nodes.count(QStringLiteral("203.0.113.0/24")));
    QVERIFY(nodes.count(QStringLiteral("eni-a")));
    QVERIFY(!nodes.count(QStringLiteral("ioc:own")));
    QCOMPARE(matching(*fixture.caseDb, ioc.filter), ioc.traffic.flows);
    for (const GraphEdge &e : graph.edges) {
        if (e.source != ioc.id && e.target != ioc.id)
            continue;
        QVERIFY2(e.filter.contains(QStringLiteral("addr in @threat-feed")), qPrintable(e.filter));
        QCOMPARE(matching(*fixture.caseDb, e.filter), e.traffic.flows);
    }
}

void TestFlowGraphBuilder::expandsAnIocListIntoItsAddresses()
{
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    addIocList(*fixture.caseDb, dir, QStringLiteral("threat-feed"), "198.51.100.7\n203.0.113.0/24\n");
    GraphOptions options;
    options.expanded = {QStringLiteral("ioc:threat-feed")};
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options);
    auto nodes = nodesById(graph);
    QVERIFY(!nodes.count(QStringLiteral("ioc:threat-feed")));
    for (const QString &address : {QStringLiteral("198.51.100.7"), QStringLiteral("203.0.113.4")}) {
        QVERIFY2(nodes.count(address), qPrintable(address));
        QCOMPARE(nodes[address].kind, NodeKind::Ioc);
        QCOMPARE(nodes[address].group, QStringLiteral("ioc:threat-feed"));
        QCOMPARE(nodes[address].label, address + QStringLiteral(" (IOC: threat-feed)"));
        QCOMPARE(matching(*fixture.caseDb, nodes[address].filter), nodes[address].traffic.flows);
    }
    QCOMPARE(describe(nodes[QStringLiteral("198.51.100.7")].traffic), QStringLiteral("1 100 2 1 0"));
    QCOMPARE(describe(nodes[QStringLiteral("203.0.113.4")].traffic), QStringLiteral("1 60 2 0 1"));
}

void TestFlowGraphBuilder::expandedAddressesStayWhateverTheTopN_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("addresses");
    QTest::newRow("IOC list") << "ioc:threat-feed" << QStringList{"198.51.100.7", "203.0.113.4"};
    QTest::newRow("IPv4 /24") << "198.51.100.0/24" << QStringList{"198.51.100.9"};
    QTest::newRow("IPv6 /48") << "2001:db8:1::/48" << QStringList{"2001:db8:1:2::5", "2001:db8:1:77::9"};
    QTest::newRow("AWS service") << "aws:S3" << QStringList{"52.216.1.2"};
}

// Expanding a group shows all of its addresses, still of their group and
// kind, even those lighter than the top N's cut; the top N counts the other
// nodes, and what it folds is what would fold without the expansion.
void TestFlowGraphBuilder::expandedAddressesStayWhateverTheTopN()
{
    QFETCH(QString, group);
    QFETCH(QStringList, addresses);
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    addIocList(*fixture.caseDb, dir, QStringLiteral("threat-feed"), "198.51.100.7\n203.0.113.0/24\n");
    const auto everything = compiled(*fixture.caseDb, {});
    GraphOptions options;
    options.topNodes = 2;
    const FlowGraph collapsed = buildFlowGraph(*fixture.caseDb, *everything, options);
    options.expanded = {group};
    const FlowGraph expanded = buildFlowGraph(*fixture.caseDb, *everything, options);
    options.topNodes = 1000;
    const FlowGraph whole = buildFlowGraph(*fixture.caseDb, *everything, options);
    const auto all = nodesById(whole);
    auto shown = nodesById(expanded);

    // The members lie below the cut: lighter than every other node kept.
    std::uint64_t lightestKept = std::numeric_limits<std::uint64_t>::max();
    std::size_t others = 0;
    for (const GraphNode &n : expanded.nodes) {
        if (n.kind == NodeKind::More || n.group == group)
            continue;
        ++others;
        lightestKept = std::min(lightestKept, n.traffic.bytes);
    }
    QCOMPARE(others, std::size_t(2));
    bool belowTheCut = false;
    for (const QString &address : addresses) {
        QVERIFY2(shown.count(address), qPrintable(address + QStringLiteral(" missing from ") + nodesOf(expanded)));
        const GraphNode &node = shown[address];
        QCOMPARE(node.group, group);
        QCOMPARE(node.kind, all.at(address).kind);
        QCOMPARE(describe(node.traffic), describe(all.at(address).traffic));
        belowTheCut = belowTheCut || node.traffic.bytes < lightestKept;
    }
    QVERIFY2(belowTheCut, qPrintable(nodesOf(expanded)));
    // Every address of the group is shown: none is folded into "more".
    std::size_t members = 0;
    for (const GraphNode &n : whole.nodes)
        members += n.group == group;
    QCOMPARE(members, std::size_t(addresses.size()));
    QCOMPARE(expanded.nodes.size() - 1 + expanded.nodesLeftOut, whole.nodes.size());
    // The other nodes shown are those shown before the expansion.
    for (const GraphNode &n : collapsed.nodes)
        if (n.id != group && n.kind != NodeKind::More)
            QVERIFY2(shown.count(n.id), qPrintable(n.id));
}

void TestFlowGraphBuilder::iocListsAnswerAsTheRecords_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<QStringList>("expanded");
    // 198.51.100.0/30 holds the /24's own address but none of the case's:
    // 198.51.100.99 must stay in its /24.
    for (const quint32 seed : {5u, 6u}) {
        QTest::addRow("random %u", seed) << randomCase(seed, 900) << QStringList();
        QTest::addRow("random %u, expanded", seed) << randomCase(seed, 900)
                                                   << QStringList{QStringLiteral("ioc:bad"), QStringLiteral("198.51.100.0/24")};
    }
}

void TestFlowGraphBuilder::iocListsAnswerAsTheRecords()
{
    QFETCH(QByteArray, records);
    QFETCH(QStringList, expanded);
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, records);
    addIocList(*fixture.caseDb, dir, QStringLiteral("bad"), "198.51.100.7\n52.216.1.2\n2001:db8:5:1::/64\n");
    addIocList(*fixture.caseDb, dir, QStringLiteral("edge"), "198.51.100.0/30\n");
    GraphOptions options;
    options.expanded = std::set<QString>(expanded.begin(), expanded.end());
    const auto [stored, scanned] = bothWays(*fixture.caseDb, options);
    QVERIFY(scanned.contains(expanded.isEmpty() ? QStringLiteral("node ioc:bad ioc") : QStringLiteral("node 52.216.1.2 ioc")));
    QVERIFY(!scanned.contains(QStringLiteral("ioc:edge")));
    QCOMPARE(stored, scanned);
}

void TestFlowGraphBuilder::goldenOutput_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << "json";
    QTest::newRow("dot") << "dot";
}

void TestFlowGraphBuilder::goldenOutput()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    GraphOptions options;
    options.topNodes = 5;
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options);
    const std::string out = format == QLatin1String("json") ? graphJson(graph) : graphDot(graph, options.metric);
    const QString golden = QStringLiteral(FLOWSCOPE_GRAPH_DATA "/mixed.") + format;
    QFile file(golden);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(golden));
    QCOMPARE(QString::fromStdString(out), QString::fromUtf8(file.readAll()));
}

// Interfaces with one address each talk to each other and to outside
// peers; each flow between two interfaces is logged at both ends. The
// expected edges come from a plain walk over the generated flows.
void TestFlowGraphBuilder::matchesBruteForceOnRandomCase()
{
    QRandomGenerator random(12);
    const int enis = 6;
    const QStringList outside{QStringLiteral("198.51.100.7"), QStringLiteral("198.51.100.99"), QStringLiteral("203.0.113.1"),
                              QStringLiteral("2001:db8:5:1::1"), QStringLiteral("2001:db8:6::2")};
    const auto eniName = [](int i) { return QStringLiteral("eni-%1").arg(i); };
    const auto own = [](int i) { return QStringLiteral("10.0.%1.%2").arg(i % 2).arg(10 + i); };
    QByteArray records;
    std::map<std::pair<QString, QString>, Traffic> expected; // sorted pair → traffic
    const auto line = [&](int logger, const QString &src, int sport, const QString &dst, int dport, int bytes, bool reject,
                          bool egress) {
        const QString subnet = QStringLiteral("subnet-%1").arg(logger % 2);
        records += QStringLiteral("%1 %2 vpc-1 %3:%4 > %5:%6 tcp %7 %8 - %9 - -\n")
                       .arg(eniName(logger), subnet, src)
                       .arg(sport)
                       .arg(dst)
                       .arg(dport)
                       .arg(bytes)
                       .arg(reject ? "REJECT" : "ACCEPT", egress ? "egress" : "ingress")
                       .toUtf8();
    };
    const auto count = [&](QString a, QString b, int bytes, bool reject) {
        if (b < a)
            std::swap(a, b);
        Traffic &t = expected[{a, b}];
        ++t.flows;
        t.bytes += bytes;
        t.packets += 2;
        ++(reject ? t.reject : t.accept);
    };
    const auto groupOf = [&](const QString &address) {
        return address.contains(':') ? address.section(':', 0, 2) + QStringLiteral("::/48")
                                     : address.section('.', 0, 2) + QStringLiteral(".0/24");
    };
    for (int i = 0; i < 400; ++i) {
        const int a = random.bounded(enis);
        const int bytes = 1 + random.bounded(5000);
        const bool reject = random.bounded(5) == 0;
        const int port = 1024 + random.bounded(60000);
        if (random.bounded(2) == 0) { // between two interfaces: logged at both
            int b = random.bounded(enis - 1);
            b += b >= a;
            line(a, own(a), port, own(b), 443, bytes, reject, true);
            line(b, own(a), port, own(b), 443, bytes, reject, false);
            count(eniName(a), eniName(b), bytes, reject);
        } else {
            const QString peer = outside[random.bounded(outside.size())];
            if (peer.contains(':'))
                continue; // the interfaces here have IPv4 addresses only
            const bool inbound = random.bounded(2) == 0;
            if (inbound)
                line(a, peer, port, own(a), 22, bytes, reject, false);
            else
                line(a, own(a), port, peer, 443, bytes, reject, true);
            count(eniName(a), groupOf(peer), bytes, reject);
        }
    }
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, records);
    GraphOptions options;
    options.topNodes = 1000;
    const FlowGraph graph = buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options);
    std::map<std::pair<QString, QString>, Traffic> actual;
    for (const GraphEdge &e : graph.edges)
        actual[e.source < e.target ? std::make_pair(e.source, e.target) : std::make_pair(e.target, e.source)] = e.traffic;
    QCOMPARE(actual.size(), expected.size());
    for (const auto &[pair, traffic] : expected) {
        QVERIFY2(actual.count(pair), qPrintable(pair.first + QLatin1Char(' ') + pair.second));
        QCOMPARE(describe(actual[pair]), describe(traffic));
    }
}

void TestFlowGraphBuilder::cancelStopsTheBuild()
{
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, kMixed);
    GraphOptions options;
    options.cancelled = [] { return true; };
    QVERIFY_THROWS_EXCEPTION(GraphCancelled, buildFlowGraph(*fixture.caseDb, *compiled(*fixture.caseDb, {}), options));
}

void TestFlowGraphBuilder::storedTotalsAnswerAsTheRecords_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("top");
    QTest::addColumn<QStringList>("expanded");
    const QList<std::pair<const char *, QByteArray>> cases{
        {"mixed", kMixed}, {"one side missing", kOneSideMissing}, {"undirected", kUndirected},
        {"random 1", randomCase(1, 600)}, {"random 2", randomCase(2, 600)}, {"random 3", randomCase(3, 1500)}};
    const QList<std::pair<const char *, GraphLevel>> levels{
        {"eni", GraphLevel::Eni}, {"subnet", GraphLevel::Subnet}, {"vpc", GraphLevel::Vpc}, {"account", GraphLevel::Account}};
    for (const auto &[caseName, records] : cases) {
        for (const auto &[levelName, level] : levels) {
            QTest::addRow("%s, %s", caseName, levelName) << records << int(level) << 150 << QStringList();
            QTest::addRow("%s, %s, top 4", caseName, levelName) << records << int(level) << 4 << QStringList();
            QTest::addRow("%s, %s, expanded", caseName, levelName)
                << records << int(level) << 150
                << QStringList{QStringLiteral("198.51.100.0/24"), QStringLiteral("2001:db8:5::/48"), QStringLiteral("aws:S3")};
        }
    }
}

void TestFlowGraphBuilder::storedTotalsAnswerAsTheRecords()
{
    QFETCH(QByteArray, records);
    QFETCH(int, level);
    QFETCH(int, top);
    QFETCH(QStringList, expanded);
    QTemporaryDir dir;
    const FlowFixture fixture = importCase(dir, records);
    GraphOptions options;
    options.level = static_cast<GraphLevel>(level);
    options.topNodes = static_cast<std::size_t>(top);
    options.expanded = std::set<QString>(expanded.begin(), expanded.end());
    const auto [stored, scanned] = bothWays(*fixture.caseDb, options);
    QVERIFY(scanned.contains(QStringLiteral("edge ")));
    QCOMPARE(stored, scanned);
}

void TestFlowGraphBuilder::upgradedCaseDerivesTheTotals()
{
    QTemporaryDir dir;
    FlowFixture fixture = importCase(dir, randomCase(4, 800));
    GraphOptions options;
    const auto [before, scannedBefore] = bothWays(*fixture.caseDb, options);
    QCOMPARE(before, scannedBefore);
    fixture.caseDb.reset();
    const std::string file = dir.filePath(QStringLiteral("graph.flowcase")).toStdString();
    downgradeToSchema5(file);
    auto older = CaseDb::open(file, CaseDb::Mode::ReadOnly);
    QCOMPARE(bothWays(*older, options).first, before); // no totals yet: the records answer
    older.reset();
    auto upgraded = CaseDb::open(file, CaseDb::Mode::ReadWrite);
    QCOMPARE(queryInt(upgraded->handle(), "SELECT count(*) FROM graph_total_run") > 0, true);
    const auto [after, scannedAfter] = bothWays(*upgraded, options);
    QCOMPARE(after, before);
    QCOMPARE(scannedAfter, before);
}

void TestFlowGraphBuilder::schema12CaseConvertsTheTotals()
{
    QTemporaryDir dir;
    FlowFixture fixture = importCase(dir, randomCase(5, 800));
    GraphOptions options;
    options.level = GraphLevel::Subnet;
    const auto [before, scannedBefore] = bothWays(*fixture.caseDb, options);
    QCOMPARE(before, scannedBefore);
    fixture.caseDb.reset();
    const std::string file = dir.filePath(QStringLiteral("graph.flowcase")).toStdString();
    downgradeToSchema12(file);
    auto upgraded = CaseDb::open(file, CaseDb::Mode::ReadWrite);
    QCOMPARE(queryInt(upgraded->handle(), "SELECT count(*) FROM graph_total_run"), std::int64_t{1});
    QCOMPARE(bothWays(*upgraded, options).first, before);
}

void TestFlowGraphBuilder::columnScanAnswersAsTheRecords_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("level");
    QTest::addColumn<QStringList>("expanded");
    // Tested a column at a time (times, actions, addresses, ports, numbers)
    // or record by record (interface fields, services), keeping few records
    // (summed) or most (the totals less those left out): each answers as
    // the general scan does.
    const QStringList filters{
        QStringLiteral("bytes > 0"),
        QStringLiteral("bytes > 2500"),
        QStringLiteral("action == REJECT"),
        QStringLiteral("action == ACCEPT and tcp-flags has syn"),
        QStringLiteral("time >= 2023-11-15T06:00Z and time < 2023-11-16T02:00Z"),
        QStringLiteral("time >= 2023-11-18T00:00Z"),
        QStringLiteral("addr == 198.51.100.7"),
        QStringLiteral("srcaddr == 10.0.0.0/16 and not dstaddr == 10.0.1.11"),
        QStringLiteral("addr == 2001:db8:a:2::5"),
        QStringLiteral("dstport == 443 or srcport < 1024"),
        QStringLiteral("dstport >= 1024 and flow-direction == egress"),
        QStringLiteral("interface-id == \"eni-3\""),
        QStringLiteral("pkt-dst-aws-service == \"S3\" or subnet-id == \"subnet-1\""),
        QStringLiteral("bytes > 100 and not action == REJECT"), // most records: the totals less the others
        QStringLiteral("not interface-id == \"eni-3\""),
        QStringLiteral("dstport == 9"), // no record
        QStringLiteral("time >= 2030-01-01T00:00Z"), // no block
    };
    const QList<std::pair<const char *, GraphLevel>> levels{{"eni", GraphLevel::Eni}, {"subnet", GraphLevel::Subnet}};
    for (const QString &filter : filters) {
        for (const auto &[levelName, level] : levels) {
            QTest::addRow("%s, %s", qPrintable(filter), levelName) << filter << int(level) << QStringList();
            QTest::addRow("%s, %s, expanded", qPrintable(filter), levelName)
                << filter << int(level)
                << QStringList{QStringLiteral("198.51.100.0/24"), QStringLiteral("2001:db8:5::/48"), QStringLiteral("aws:S3")};
        }
    }
}

void TestFlowGraphBuilder::columnScanAnswersAsTheRecords()
{
    QFETCH(QString, filter);
    QFETCH(int, level);
    QFETCH(QStringList, expanded);
    // Three blocks of records, shared by the rows.
    static QTemporaryDir dir;
    static const FlowFixture fixture = importCase(dir, randomCase(5, 9000));
    GraphOptions options;
    options.level = static_cast<GraphLevel>(level);
    options.topNodes = 6;
    options.expanded = std::set<QString>(expanded.begin(), expanded.end());
    const auto expression = compiled(*fixture.caseDb, filter);
    options.columnScan = true;
    const QString columns = dump(buildFlowGraph(*fixture.caseDb, *expression, options));
    options.columnScan = false;
    const QString records = dump(buildFlowGraph(*fixture.caseDb, *expression, options));
    QCOMPARE(columns, records);
    // Filters that keep records draw them; the others draw nothing.
    QCOMPARE(columns.contains(QStringLiteral("edge ")), matching(*fixture.caseDb, filter) > 0);
}

QTEST_GUILESS_MAIN(TestFlowGraphBuilder)
#include "tst_flowgraphbuilder.moc"
