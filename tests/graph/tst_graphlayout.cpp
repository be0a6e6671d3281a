// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/cluster_separation.h"
#include "graph/graph_layout.h"
#include "graph/graph_layout_input.h"
#include "graph/layout_edges.h"
#include "test_files.h"

#include <QFile>
#include <QLineF>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <set>

using namespace flowscope::graph;

namespace {

// A stand-in for the layout command: a shell script.
QString script(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    flowscope::test::writeFile(path, "#!/bin/sh\n" + body + '\n');
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

LayoutRequest triangle(const QString &program, int timeoutMs = 10000)
{
    LayoutRequest request;
    request.nodes = {QStringLiteral("eni-a"), QStringLiteral("eni-b"), QStringLiteral("198.51.100.0/24")};
    request.edges = {{0, 1}, {1, 2}, {2, 0}};
    request.program = program;
    request.timeoutMs = timeoutMs;
    return request;
}

// eni-a and eni-b in subnet-1, eni-c in subnet-2, both of vpc-1, and an outside peer.
FlowGraph twoSubnets()
{
    FlowGraph graph;
    const auto eni = [](const char *id, const char *subnet) {
        GraphNode node;
        node.id = QString::fromLatin1(id);
        node.label = node.id;
        node.subnet = QString::fromLatin1(subnet);
        node.vpc = QStringLiteral("vpc-1");
        return node;
    };
    GraphNode outside;
    outside.id = QStringLiteral("198.51.100.0/24");
    outside.kind = NodeKind::Outside;
    graph.nodes = {eni("eni-a", "subnet-1"), eni("eni-b", "subnet-1"), eni("eni-c", "subnet-2"), outside};
    const auto edge = [](const char *source, const char *target) {
        GraphEdge e;
        e.source = QString::fromLatin1(source);
        e.target = QString::fromLatin1(target);
        return e;
    };
    graph.edges = {edge("eni-a", "eni-c"), edge("eni-b", "198.51.100.0/24"), edge("eni-c", "198.51.100.0/24")};
    return graph;
}

// A graph of the shape the ENI level draws: a quarter of the nodes
// interfaces in subnets of three VPCs (some in a VPC alone), the rest
// outside /24 groups, three edges a node, mostly between an interface and a
// peer, with long labels.
FlowGraph clusteredGraph(int nodes, quint32 seed)
{
    QRandomGenerator random(seed);
    FlowGraph graph;
    const int enis = nodes / 4;
    const int subnets = std::max(2, nodes / 20);
    for (int i = 0; i < nodes; ++i) {
        GraphNode node;
        if (i < enis) {
            node.id = QStringLiteral("eni-%1").arg(i, 17, 16, QLatin1Char('0'));
            node.label = node.id + QStringLiteral(" (app-%1)").arg(i % 7);
            const int subnet = int(random.bounded(subnets));
            node.vpc = QStringLiteral("vpc-%1").arg(subnet % 3);
            if (random.bounded(10) != 0) {
                node.subnet = QStringLiteral("subnet-%1").arg(subnet);
                graph.clusterLabels[node.subnet] = node.subnet + QStringLiteral(" (private-%1)").arg(subnet);
            }
        } else {
            node.id = QStringLiteral("52.%1.%2.0/24").arg(i / 200).arg(i % 200);
            node.kind = NodeKind::Outside;
            node.label = node.id;
        }
        graph.nodes.push_back(node);
    }
    for (int e = 0; e < 3 * nodes; ++e) {
        GraphEdge edge;
        const int a = int(random.bounded(enis));
        const int b = random.bounded(4) == 0 ? int(random.bounded(enis)) : enis + int(random.bounded(nodes - enis));
        if (a == b)
            continue;
        edge.source = graph.nodes[std::size_t(a)].id;
        edge.target = graph.nodes[std::size_t(b)].id;
        graph.edges.push_back(edge);
    }
    return graph;
}

// Cluster `c` and every cluster inside it.
std::set<int> clusterAndInner(const LayoutRequest &request, int c)
{
    std::set<int> inner{c};
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t d = 0; d < request.clusters.size(); ++d)
            if (inner.count(request.clusters[d].parent) && inner.insert(int(d)).second)
                grew = true;
    }
    return inner;
}

// What the geometry breaks, empty when nothing: a box holding (touching) a
// node that is not its member, two boxes overlapping where neither holds the other.
QStringList brokenBoxes(const LayoutRequest &request, const std::map<QString, QPointF> &positions)
{
    QStringList broken;
    const std::vector<QRectF> boxes = clusterBoxes(request, positions);
    for (std::size_t c = 0; c < request.clusters.size(); ++c) {
        const std::set<int> inner = clusterAndInner(request, int(c));
        std::set<int> members;
        for (const int d : inner)
            members.insert(request.clusters[std::size_t(d)].members.begin(), request.clusters[std::size_t(d)].members.end());
        for (int n = 0; n < request.nodes.size(); ++n) {
            if (members.count(n) || isLayoutAnchor(request.nodes[n]))
                continue;
            const QRectF node = nodeBox(positions.at(request.nodes[n]), request.widths[std::size_t(n)] * 72);
            if (boxes[c].intersects(node))
                broken << request.clusters[c].name + QStringLiteral(" holds ") + request.nodes[n];
        }
        for (std::size_t d = c + 1; d < request.clusters.size(); ++d)
            if (!inner.count(int(d)) && !clusterAndInner(request, int(d)).count(int(c)) && boxes[c].intersects(boxes[d]))
                broken << request.clusters[c].name + QStringLiteral(" overlaps ") + request.clusters[d].name;
    }
    return broken;
}

// Union-find, to test what the chosen edges connect.
struct Parts {
    std::vector<std::size_t> parent;
    explicit Parts(std::size_t n)
        : parent(n)
    {
        std::iota(parent.begin(), parent.end(), std::size_t(0));
    }
    std::size_t find(std::size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// `count` random edges among `nodes`, a few of them within a busy core, plus
// a pair off on their own; the last `anchors` nodes are anchors tied to 3 nodes each.
std::vector<std::pair<int, int>> randomEdges(int nodes, int count, int anchors, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<std::pair<int, int>> edges;
    const int plain = nodes - anchors - 2;
    for (int e = 0; e < count; ++e) {
        const int a = random.bounded(4) == 0 ? int(random.bounded(std::min(plain, 10))) : int(random.bounded(plain));
        const int b = int(random.bounded(plain));
        if (a != b)
            edges.emplace_back(a, b);
    }
    edges.emplace_back(plain, plain + 1);
    for (int anchor = nodes - anchors; anchor < nodes; ++anchor)
        for (int k = 0; k < 3; ++k)
            edges.emplace_back(anchor, int(random.bounded(plain)));
    return edges;
}

} // namespace

class TestGraphLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void failuresFallBackToACircle_data();
    void failuresFallBackToACircle();
    void cancelKillsTheLayout();
    void readsPlainOutputInPointsWithYDown();
    void sfdpPlacesEveryNode();
    void subnetsGetAnAnchorTiedToTheirInterfaces();
    void seededNodesKeepTheirPlaces();
    void smallGraphsKeepSubnetsApart();
    void containmentGetsNestedClustersWithoutAnchors();
    void failedContainmentFallsBackToSfdp();
    void largeGraphsSkipContainment();
    void newNodesFollowTheSeedsFrame();
    void sfdpClustersAreDisjointAndHoldOnlyTheirMembers_data();
    void sfdpClustersAreDisjointAndHoldOnlyTheirMembers();
    void separationMovesOutsidersOutOfABox();
    void separationLeavesDisjointClustersAlone();
    void separationEndsWhereBlocksCannotMove();
    void fewEdgesAllGoToTheLayout();
    void layoutGetsStrongestEdgesAndASpanningForest_data();
    void layoutGetsStrongestEdgesAndASpanningForest();
    void sfdpIsGivenTheChosenEdgesOnly();
};

void TestGraphLayout::failuresFallBackToACircle_data()
{
    QTest::addColumn<QByteArray>("body"); // empty: no such command
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << QByteArray() << 10000 << "could not be started";
    QTest::newRow("crash") << QByteArray("kill -SEGV $$") << 10000 << "crashed";
    QTest::newRow("hang") << QByteArray("exec tail -f /dev/null") << 300 << "did not finish within 300 ms";
    QTest::newRow("error exit") << QByteArray("echo 'Error: syntax error in line 1' >&2; exit 1") << 10000
                                << "failed (exit 1): Error: syntax error in line 1";
    QTest::newRow("garbage") << QByteArray("cat >/dev/null; echo 'node n0 x y'") << 10000 << "gave no usable positions";
    QTest::newRow("nodes missing") << QByteArray("cat >/dev/null; echo 'node n0 1 1 1 1 a'") << 10000
                                   << "placed 1 of 3 nodes";
}

void TestGraphLayout::failuresFallBackToACircle()
{
    QFETCH(QByteArray, body);
    QFETCH(int, timeoutMs);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString program = body.isEmpty() ? dir.filePath(QStringLiteral("no-such-sfdp")) : script(dir, QStringLiteral("fake"), body);
    const LayoutRequest request = triangle(program, timeoutMs);
    const LayoutResult result = layoutGraph(request);
    QVERIFY(result.fallback);
    QVERIFY2(result.error.contains(reason), qPrintable(result.error));
    QCOMPARE(result.positions, circleLayout(request.nodes));
    QCOMPARE(result.positions.size(), std::size_t(3));
}

void TestGraphLayout::cancelKillsTheLayout()
{
    QTemporaryDir dir;
    const LayoutResult result = layoutGraph(triangle(script(dir, QStringLiteral("hang"), "exec tail -f /dev/null")),
                                            [] { return true; });
    QVERIFY(result.fallback);
    QVERIFY2(result.error.contains(QStringLiteral("cancelled")), qPrintable(result.error));
}

void TestGraphLayout::readsPlainOutputInPointsWithYDown()
{
    QTemporaryDir dir;
    // Echoes the seeds back as positions, so the test sees what was sent too.
    const QString echo = script(dir, QStringLiteral("echo-layout"),
                                "sed -n 's/^  n\\([0-9]*\\) \\[pos=\"\\([-0-9.]*\\),\\([-0-9.]*\\)\"\\];/\\1 \\2 \\3/p' |"
                                " awk '{ printf \"node n%s %f %f 1 0.5 x\\n\", $1, $2/72, $3/72 }'; echo stop");
    LayoutRequest request = triangle(echo);
    request.seeds = {{QStringLiteral("eni-a"), QPointF(72, 144)}, {QStringLiteral("eni-b"), QPointF(-36, 0)},
                     {QStringLiteral("198.51.100.0/24"), QPointF(0, -72)}};
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QCOMPARE(result.positions, request.seeds);
}

void TestGraphLayout::sfdpPlacesEveryNode()
{
    const LayoutResult result = layoutGraph(triangle(QStringLiteral("sfdp")));
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QCOMPARE(result.positions.size(), std::size_t(3));
    QVERIFY(result.positions.at(QStringLiteral("eni-a")) != result.positions.at(QStringLiteral("eni-b")));
}

// Two interfaces of subnet-1 share an anchor; subnet-2's lone one needs none.
void TestGraphLayout::subnetsGetAnAnchorTiedToTheirInterfaces()
{
    FlowGraph graph;
    const auto eni = [](const char *id, const char *subnet) {
        GraphNode node;
        node.id = QString::fromLatin1(id);
        node.label = node.id + QStringLiteral(" (a longer name)");
        node.subnet = QString::fromLatin1(subnet);
        return node;
    };
    graph.nodes = {eni("eni-a", "subnet-1"), eni("eni-b", "subnet-1"), eni("eni-c", "subnet-2")};
    GraphEdge edge;
    edge.source = QStringLiteral("eni-a");
    edge.target = QStringLiteral("eni-c");
    graph.edges = {edge};
    const LayoutRequest request = layoutRequestOf(graph);
    QCOMPARE(request.nodes.size(), 4);
    QVERIFY(isLayoutAnchor(request.nodes[3]));
    QVERIFY(!isLayoutAnchor(request.nodes[0]));
    const std::vector<std::pair<int, int>> edges{{0, 2}, {3, 0}, {3, 1}};
    QCOMPARE(request.edges, edges);
    QCOMPARE(request.widths.size(), std::size_t(4));
    QVERIFY(request.widths[0] > request.widths[3]); // a label's box, an anchor's dot
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    // Boxes as wide as their labels do not overlap.
    const double apart = std::abs(result.positions.at(QStringLiteral("eni-a")).x() - result.positions.at(QStringLiteral("eni-b")).x());
    const double above = std::abs(result.positions.at(QStringLiteral("eni-a")).y() - result.positions.at(QStringLiteral("eni-b")).y());
    QVERIFY(apart >= request.widths[0] * 72 - 1 || above >= 0.4 * 72 - 1);
}

// fdp draws subnet-1 as a box that eni-c (of subnet-2) stays out of.
void TestGraphLayout::smallGraphsKeepSubnetsApart()
{
    const LayoutRequest request = layoutRequestOf(twoSubnets());
    QCOMPARE(request.clusters.size(), std::size_t(3)); // vpc-1, subnet-1, subnet-2
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QVERIFY(result.contained);
    QVERIFY(result.note.isEmpty());
    const QPointF a = result.positions.at(QStringLiteral("eni-a"));
    const QPointF b = result.positions.at(QStringLiteral("eni-b"));
    const QPointF c = result.positions.at(QStringLiteral("eni-c"));
    const QRectF subnet1 = QRectF(a, b).normalized();
    QVERIFY(!subnet1.contains(c));
}

void TestGraphLayout::containmentGetsNestedClustersWithoutAnchors()
{
    QTemporaryDir dir;
    LayoutRequest request = layoutRequestOf(twoSubnets());
    const QString input = dir.filePath(QStringLiteral("input.dot"));
    request.containmentProgram = script(dir, QStringLiteral("fake-fdp"), "cat > '" + input.toUtf8() + "'; exit 3");
    const LayoutResult result = layoutGraph(request);
    QVERIFY(!result.contained);
    QFile file(input);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray dot = file.readAll();
    QVERIFY2(dot.contains("subgraph cluster_0 {"), dot.constData());
    // subnet-1 (cluster 1) inside vpc-1 (cluster 0), holding n0 and n1.
    const qsizetype vpc = dot.indexOf("subgraph cluster_0 {");
    const qsizetype subnet = dot.indexOf("subgraph cluster_1 {");
    QVERIFY(vpc >= 0 && subnet > vpc);
    QVERIFY(dot.indexOf("n0;", subnet) > subnet && dot.indexOf("n1;", subnet) > subnet);
    for (int i = 0; i < request.nodes.size(); ++i)
        if (isLayoutAnchor(request.nodes[i]))
            QVERIFY(!dot.contains(" n" + QByteArray::number(i)));
}

void TestGraphLayout::failedContainmentFallsBackToSfdp()
{
    QTemporaryDir dir;
    LayoutRequest request = layoutRequestOf(twoSubnets());
    request.containmentProgram = script(dir, QStringLiteral("crashing-fdp"), "cat >/dev/null; kill -SEGV $$");
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QVERIFY(!result.contained);
    QVERIFY2(result.note.contains(QStringLiteral("crashed")), qPrintable(result.note));
    QCOMPARE(result.positions.size(), std::size_t(request.nodes.size())); // sfdp placed the anchors too
}

void TestGraphLayout::largeGraphsSkipContainment()
{
    QTemporaryDir dir;
    LayoutRequest request = layoutRequestOf(twoSubnets());
    const QString marker = dir.filePath(QStringLiteral("ran"));
    request.containmentProgram = script(dir, QStringLiteral("marking-fdp"), "touch '" + marker.toUtf8() + "'; exit 1");
    request.containmentLimit = 3;
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(result.note.isEmpty());
}

// sfdp lays out afresh; the seeded nodes still end where they were.
void TestGraphLayout::seededNodesKeepTheirPlaces()
{
    LayoutRequest request = triangle(QStringLiteral("sfdp"));
    request.seeds = {{QStringLiteral("eni-a"), QPointF(1000, 1000)}, {QStringLiteral("eni-b"), QPointF(1300, 1000)},
                     {QStringLiteral("gone"), QPointF(0, 0)}};
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QCOMPARE(result.positions.size(), std::size_t(3));
    QCOMPARE(result.positions.at(QStringLiteral("eni-a")), QPointF(1000, 1000));
    QCOMPARE(result.positions.at(QStringLiteral("eni-b")), QPointF(1300, 1000));
    // The newcomer is placed near them, not where sfdp's own frame has it.
    const QPointF c = result.positions.at(QStringLiteral("198.51.100.0/24"));
    QVERIFY2(QLineF(c, QPointF(1150, 1000)).length() < 1000, qPrintable(QStringLiteral("%1,%2").arg(c.x()).arg(c.y())));
}

// The fresh layout moved and scaled: seeds twice as far apart, shifted.
void TestGraphLayout::newNodesFollowTheSeedsFrame()
{
    const std::map<QString, QPointF> fresh = {{QStringLiteral("a"), QPointF(0, 0)}, {QStringLiteral("b"), QPointF(10, 0)},
                                              {QStringLiteral("new"), QPointF(5, 5)}};
    const std::map<QString, QPointF> seeds = {{QStringLiteral("a"), QPointF(100, 100)}, {QStringLiteral("b"), QPointF(120, 100)}};
    const auto settled = settleOnSeeds(fresh, seeds);
    QCOMPARE(settled.at(QStringLiteral("a")), QPointF(100, 100));
    QCOMPARE(settled.at(QStringLiteral("new")), QPointF(110, 110));
    QCOMPARE(settleOnSeeds(fresh, {}), fresh);
}

// At the default 150 nodes and at 300 the graph goes to sfdp, which
// ignores clusters: the boxes drawn around subnets and VPCs must still hold
// only their members and not overlap.
void TestGraphLayout::sfdpClustersAreDisjointAndHoldOnlyTheirMembers_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<quint32>("seed");
    for (const int nodes : {150, 300})
        for (const quint32 seed : {1u, 2u})
            QTest::addRow("%d nodes, seed %u", nodes, seed) << nodes << seed;
}

void TestGraphLayout::sfdpClustersAreDisjointAndHoldOnlyTheirMembers()
{
    QFETCH(int, nodes);
    QFETCH(quint32, seed);
    const LayoutRequest request = layoutRequestOf(clusteredGraph(nodes, seed));
    QVERIFY(request.clusters.size() > 5);
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QVERIFY(!result.contained); // past the containment limit: sfdp's positions
    const QStringList broken = brokenBoxes(request, result.positions);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.mid(0, 10).join(QStringLiteral("; "))));

    // What sfdp gives by itself breaks them: the test looks at something.
    LayoutRequest unseparated = request;
    unseparated.clusters.clear();
    const LayoutResult raw = layoutGraph(unseparated);
    QVERIFY(!brokenBoxes(request, raw.positions).isEmpty());
}

// An outside node in the middle of a subnet's interfaces ends outside its box, which stays whole.
void TestGraphLayout::separationMovesOutsidersOutOfABox()
{
    LayoutRequest request;
    request.nodes = {QStringLiteral("eni-a"), QStringLiteral("eni-b"), QStringLiteral("198.51.100.0/24"), QStringLiteral("eni-c")};
    request.widths = {1.5, 1.5, 1.5, 1.5};
    request.clusters = {{QStringLiteral("vpc:vpc-1"), QStringLiteral("vpc-1"), -1, {}},
                        {QStringLiteral("subnet:subnet-1"), QStringLiteral("subnet-1"), 0, {0, 1}},
                        {QStringLiteral("subnet:subnet-2"), QStringLiteral("subnet-2"), 0, {3}}};
    std::map<QString, QPointF> positions{{QStringLiteral("eni-a"), QPointF(0, 0)},
                                         {QStringLiteral("eni-b"), QPointF(0, 120)},
                                         {QStringLiteral("198.51.100.0/24"), QPointF(0, 60)},
                                         {QStringLiteral("eni-c"), QPointF(20, 70)}};
    QVERIFY(!brokenBoxes(request, positions).isEmpty());
    separateClusters(request, positions);
    const QStringList broken = brokenBoxes(request, positions);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral("; "))));
    // The subnet's interfaces keep their places relative to each other.
    QCOMPARE(positions.at(QStringLiteral("eni-b")) - positions.at(QStringLiteral("eni-a")), QPointF(0, 120));
}

// Nothing to mend: nobody moves (the picture holds still).
void TestGraphLayout::separationLeavesDisjointClustersAlone()
{
    LayoutRequest request;
    request.nodes = {QStringLiteral("eni-a"), QStringLiteral("eni-b"), QStringLiteral("198.51.100.0/24")};
    request.widths = {1.5, 1.5, 1.5};
    request.clusters = {{QStringLiteral("subnet:subnet-1"), QStringLiteral("subnet-1"), -1, {0}},
                        {QStringLiteral("subnet:subnet-2"), QStringLiteral("subnet-2"), -1, {1}}};
    const std::map<QString, QPointF> before{{QStringLiteral("eni-a"), QPointF(0, 0)},
                                            {QStringLiteral("eni-b"), QPointF(400, 0)},
                                            {QStringLiteral("198.51.100.0/24"), QPointF(200, 300)}};
    std::map<QString, QPointF> after = before;
    separateClusters(request, after);
    QCOMPARE(after, before);
}

// A new node between two subnets that were placed before (seeded) and
// leave it no room: pushes go back and forth; it still ends outside both,
// and nothing flies far away.
void TestGraphLayout::separationEndsWhereBlocksCannotMove()
{
    LayoutRequest request;
    request.nodes = {QStringLiteral("eni-a"), QStringLiteral("eni-b"), QStringLiteral("198.51.100.0/24")};
    request.widths = {2.0, 2.0, 2.0};
    request.clusters = {{QStringLiteral("subnet:subnet-1"), QStringLiteral("subnet-1"), -1, {0}},
                        {QStringLiteral("subnet:subnet-2"), QStringLiteral("subnet-2"), -1, {1}}};
    std::map<QString, QPointF> positions{{QStringLiteral("eni-a"), QPointF(0, 0)},
                                         {QStringLiteral("eni-b"), QPointF(200, 0)},
                                         {QStringLiteral("198.51.100.0/24"), QPointF(100, 0)}};
    request.seeds = {{QStringLiteral("eni-a"), QPointF(0, 0)}, {QStringLiteral("eni-b"), QPointF(200, 0)}};
    separateClusters(request, positions);
    const QStringList broken = brokenBoxes(request, positions);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral("; "))));
    for (const auto &[id, at] : positions)
        QVERIFY2(QLineF(at, QPointF(100, 0)).length() < 1000, qPrintable(id));
}

void TestGraphLayout::fewEdgesAllGoToTheLayout()
{
    const std::vector<std::pair<int, int>> edges = {{0, 1}, {1, 2}, {2, 0}, {0, 1}};
    QCOMPARE(layoutEdges(3, edges, {}, 2), (std::vector<std::size_t>{0, 1, 2, 3}));
}

void TestGraphLayout::layoutGetsStrongestEdgesAndASpanningForest_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<int>("anchors");
    QTest::addColumn<int>("perNode");
    QTest::newRow("500 nodes, 20,000 edges") << 500 << 20000 << 30 << 4;
    QTest::newRow("150 nodes, 2,700 edges, 2 a node") << 150 << 2700 << 20 << 2;
    QTest::newRow("sparse parts, 1 a node") << 400 << 500 << 0 << 1;
}

// Every anchor's edge, each node's strongest, and for each edge left out a
// path of stronger chosen edges between its ends (a maximum spanning forest):
// what was connected stays connected.
void TestGraphLayout::layoutGetsStrongestEdgesAndASpanningForest()
{
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(int, anchors);
    QFETCH(int, perNode);
    const std::vector<std::pair<int, int>> all = randomEdges(nodes, edges, anchors, 7);
    std::vector<bool> isAnchor(std::size_t(nodes), false);
    for (int a = nodes - anchors; a < nodes; ++a)
        isAnchor[std::size_t(a)] = true;
    const std::vector<std::size_t> chosen = layoutEdges(std::size_t(nodes), all, isAnchor, std::size_t(perNode));
    QVERIFY(std::is_sorted(chosen.begin(), chosen.end()));
    std::vector<bool> kept(all.size(), false);
    for (const std::size_t e : chosen)
        kept[e] = true;
    if (all.size() > std::size_t(nodes * perNode))
        QVERIFY2(chosen.size() < all.size() / 2 || edges < nodes * 2, qPrintable(QString::number(chosen.size())));
    const auto anchored = [&](std::pair<int, int> edge) { return isAnchor[std::size_t(edge.first)] || isAnchor[std::size_t(edge.second)]; };
    Parts stronger{std::size_t(nodes)}; // the anchors' edges and the chosen edges before the one looked at
    for (std::size_t e = 0; e < all.size(); ++e) {
        if (anchored(all[e])) {
            QVERIFY2(kept[e], "an anchor's edge left out");
            stronger.join(std::size_t(all[e].first), std::size_t(all[e].second));
        }
    }
    std::vector<int> met(std::size_t(nodes), 0);
    for (std::size_t e = 0; e < all.size(); ++e) {
        const auto [a, b] = all[e];
        if (anchored(all[e]))
            continue;
        const bool strongest = met[std::size_t(a)] < perNode || met[std::size_t(b)] < perNode;
        ++met[std::size_t(a)];
        ++met[std::size_t(b)];
        if (strongest)
            QVERIFY2(kept[e], qPrintable(QStringLiteral("edge %1 is among %2's or %3's strongest").arg(e).arg(a).arg(b)));
        else if (!kept[e])
            QVERIFY2(stronger.find(std::size_t(a)) == stronger.find(std::size_t(b)),
                     qPrintable(QStringLiteral("edge %1 left out joins two parts").arg(e)));
        if (kept[e])
            stronger.join(std::size_t(a), std::size_t(b));
    }
}

// A graph of 300 nodes with 20 edges each: sfdp gets the chosen ones and places every node.
void TestGraphLayout::sfdpIsGivenTheChosenEdgesOnly()
{
    QTemporaryDir dir;
    const QString sent = dir.filePath(QStringLiteral("sent.dot"));
    LayoutRequest request;
    const std::vector<std::pair<int, int>> edges = randomEdges(300, 6000, 0, 11);
    for (int i = 0; i < 300; ++i)
        request.nodes << QStringLiteral("n%1").arg(i);
    request.edges = edges;
    request.program = script(dir, QStringLiteral("keeping-sfdp"), "tee '" + sent.toUtf8() + "' | sfdp \"$@\"");
    const LayoutResult result = layoutGraph(request);
    QVERIFY2(!result.fallback, qPrintable(result.error));
    QCOMPARE(result.positions.size(), std::size_t(300));
    QFile file(sent);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray dot = file.readAll();
    QCOMPARE(std::size_t(dot.count(" -- ")), layoutEdges(300, edges, std::vector<bool>(300, false)).size());
    QVERIFY(dot.count(" -- ") < qsizetype(edges.size() / 2));
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
