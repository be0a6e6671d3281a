// SPDX-License-Identifier: GPL-3.0-or-later
// The graph loader: the graph and its layout off the GUI thread, only the
// newest of a burst delivered, a layout command that crashes or hangs
// giving the graph on a circle with the reason, and the baseline of a time
// range (new and gone nodes).

#include "graph_fixture.h"
#include "itemmodels/graph_loader.h"
#include "test_files.h"

#include <QFile>
#include <QLocale>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace flowscope;
using namespace flowscope::graph;

Q_DECLARE_METATYPE(flowscope::GraphResult)

namespace {

// Lines start a minute apart from 1700000000: the first two before 1700000120, the rest after.
const QByteArray kRecords = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 198.51.100.7:443 tcp 1000 ACCEPT 2 egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40001 > 192.0.2.9:443 tcp 500 ACCEPT 2 egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40002 > 198.51.100.8:443 tcp 700 ACCEPT 2 egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40003 > 203.0.113.4:22 tcp 60 REJECT 2 egress - -
eni-b subnet-1 vpc-1 10.0.1.6:40004 > 10.0.1.5:443 tcp 90 ACCEPT 2 egress - -
)";

QString script(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    test::writeFile(path, "#!/bin/sh\n" + body + '\n');
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

bool hasNode(const FlowGraph &graph, const QString &id)
{
    return std::any_of(graph.nodes.begin(), graph.nodes.end(), [&](const GraphNode &n) { return n.id == id; });
}

} // namespace

class TestGraphLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    GraphRequest request(const QString &filter, const QString &program = QStringLiteral("sfdp"), int timeoutMs = 10000)
    {
        GraphRequest r;
        r.casePath = m_case;
        r.filter = filter;
        r.layoutProgram = program;
        r.containmentProgram.clear();
        r.layoutTimeoutMs = timeoutMs;
        return r;
    }

    static GraphResult resultOf(const QSignalSpy &spy, int index) { return spy.at(index).at(0).value<GraphResult>(); }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<GraphResult>();
        test::importFlowLog(m_dir, QStringLiteral("graph"), test::graphFlowLogOf(kRecords));
        m_case = m_dir.filePath(QStringLiteral("graph.flowcase"));
    }

    void computesAndLaysOutEveryNode()
    {
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        loader.request(request(QStringLiteral("action == accept")));
        QVERIFY(loader.isBusy());
        QVERIFY(finished.wait(20000));
        const GraphResult result = resultOf(finished, 0);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY2(!result.layout.fallback, qPrintable(result.layout.error));
        QVERIFY(hasNode(result.graph, QStringLiteral("eni-a")));
        QVERIFY(!hasNode(result.graph, QStringLiteral("203.0.113.0/24"))); // only rejected
        QCOMPARE(result.layout.positions.size(), result.graph.nodes.size()); // no anchor left over
        for (const GraphNode &node : result.graph.nodes)
            QVERIFY2(result.layout.positions.count(node.id), qPrintable(node.id));
        QVERIFY(!result.baseline); // no time range
    }

    void failedLayoutsStillDeliverTheGraph_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("reason");
        QTest::newRow("crash") << QByteArray("kill -SEGV $$") << 10000 << "crashed";
        QTest::newRow("hang") << QByteArray("exec tail -f /dev/null") << 300 << "did not finish within 300 ms";
    }

    void failedLayoutsStillDeliverTheGraph()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, timeoutMs);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        loader.request(request(QString(), script(dir, QStringLiteral("fake-sfdp"), body), timeoutMs));
        QVERIFY(finished.wait(20000));
        const GraphResult result = resultOf(finished, 0);
        QVERIFY(result.error.isEmpty());
        QVERIFY(result.layout.fallback);
        QVERIFY2(result.layout.error.contains(reason), qPrintable(result.layout.error));
        QVERIFY(hasNode(result.graph, QStringLiteral("eni-b")));
        QCOMPARE(result.layout.positions.size(), result.graph.nodes.size());
    }

    // A newer filter cancels a hanging layout: the older one's graph never arrives.
    void aNewerRequestCancelsTheOlder()
    {
        QTemporaryDir dir;
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        QSemaphore started;
        loader.setStartHook([&started] { started.release(); });
        loader.request(request(QStringLiteral("eni == eni-b"), script(dir, QStringLiteral("hang"), "exec tail -f /dev/null"), 600000));
        QVERIFY(started.tryAcquire(1, 20000));
        loader.request(request(QStringLiteral("action == reject")));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.count(), 1);
        const GraphResult result = resultOf(finished, 0);
        QCOMPARE(result.request.filter, QStringLiteral("action == reject"));
        QVERIFY(hasNode(result.graph, QStringLiteral("203.0.113.0/24")));
        QCOMPARE(loader.stoppedEarly(), 1);
    }

    void anInvalidFilterIsAnError()
    {
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        loader.request(request(QStringLiteral("port ==")));
        QVERIFY(finished.wait(20000));
        QVERIFY(resultOf(finished, 0).error.contains(QStringLiteral("not valid")));
    }

    // From 1700000120 on: 198.51.100.0/24 was seen before, 203.0.113.0/24 and
    // eni-b are new, 192.0.2.0/24 is gone.
    void aTimeRangeMarksNewAndGone()
    {
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        GraphRequest r = request(QStringLiteral("time >= 1700000120"));
        r.goneNodes = 10;
        loader.request(r);
        QVERIFY(finished.wait(20000));
        const GraphResult result = resultOf(finished, 0);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.baseline);
        QCOMPARE(result.baselineFrom, 1700000120);
        const GraphBaseline &baseline = *result.baseline;
        QCOMPARE(baseline.newNodes, (std::set<QString>{QStringLiteral("203.0.113.0/24"), QStringLiteral("eni-b")}));
        QVERIFY(baseline.newEdges.count({QStringLiteral("203.0.113.0/24"), QStringLiteral("eni-a")}));
        QVERIFY(!baseline.newEdges.count({QStringLiteral("198.51.100.0/24"), QStringLiteral("eni-a")}));
        QCOMPARE(baseline.goneNodes.size(), std::size_t(1));
        QCOMPARE(baseline.goneNodes.front().id, QStringLiteral("192.0.2.0/24"));
        QCOMPARE(baseline.goneEdges.size(), std::size_t(1));
        QVERIFY(result.layout.positions.count(QStringLiteral("192.0.2.0/24"))); // drawn too
    }

    // An expanded /24 shows its two addresses, each with its own filter.
    void anExpandedGroupShowsItsAddresses()
    {
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        GraphRequest r = request(QString());
        r.expanded = {QStringLiteral("198.51.100.0/24")};
        loader.request(r);
        QVERIFY(finished.wait(20000));
        const FlowGraph graph = resultOf(finished, 0).graph;
        QVERIFY(!hasNode(graph, QStringLiteral("198.51.100.0/24")));
        for (const QString &address : {QStringLiteral("198.51.100.7"), QStringLiteral("198.51.100.8")}) {
            const auto node = std::find_if(graph.nodes.begin(), graph.nodes.end(), [&](const GraphNode &n) { return n.id == address; });
            QVERIFY2(node != graph.nodes.end(), qPrintable(address));
            QCOMPARE(node->group, QStringLiteral("198.51.100.0/24"));
            QCOMPARE(node->filter, QStringLiteral("addr == ") + address);
        }
        QVERIFY(hasNode(graph, QStringLiteral("192.0.2.0/24"))); // not expanded
    }

    // "+1,197 more" as the locale groups digits (the command line keeps plain ones).
    void theMoreNodeCountsInTheLocalesDigits_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
    }

    void theMoreNodeCountsInTheLocalesDigits()
    {
        QFETCH(QLocale, locale);
        QTemporaryDir dir;
        QByteArray records;
        for (int i = 0; i < 1200; ++i)
            records += QStringLiteral("eni-a subnet-1 vpc-1 10.0.1.5:40000 > 100.%1.%2.7:443 tcp %3 ACCEPT 2 egress - -\n")
                           .arg(i / 200)
                           .arg(i % 200)
                           .arg(100 + i)
                           .toUtf8();
        test::importFlowLog(dir, QStringLiteral("many"), test::graphFlowLogOf(records));
        const QLocale before;
        QLocale::setDefault(locale);
        GraphLoader loader;
        QSignalSpy finished(&loader, &GraphLoader::finished);
        GraphRequest r = request(QString(), QStringLiteral("/bin/false")); // the layout does not matter here
        r.casePath = dir.filePath(QStringLiteral("many.flowcase"));
        r.topNodes = 5;
        loader.request(r);
        const bool delivered = finished.wait(20000);
        QLocale::setDefault(before);
        QVERIFY(delivered);
        const FlowGraph graph = resultOf(finished, 0).graph;
        QVERIFY(graph.nodesLeftOut >= 1000);
        QCOMPARE(graph.nodes.back().kind, NodeKind::More);
        QCOMPARE(graph.nodes.back().label, QStringLiteral("+%1 more").arg(locale.toString(qulonglong(graph.nodesLeftOut))));
        QVERIFY(graph.nodes.back().label.contains(locale.groupSeparator()));
    }
};

QTEST_GUILESS_MAIN(TestGraphLoader)
#include "tst_graphloader.moc"
