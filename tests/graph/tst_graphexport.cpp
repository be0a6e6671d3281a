// SPDX-License-Identifier: GPL-3.0-or-later
// A laid-out graph written out: positioned DOT that Graphviz keeps in
// place, SVG drawn from it, and a failing command named in the error.

#include "graph/graph_export.h"
#include "graph/graph_format.h"

#include <QProcess>
#include <QTest>

using namespace flowscope::graph;

namespace {

FlowGraph twoNodes()
{
    FlowGraph graph;
    GraphNode a;
    a.id = QStringLiteral("eni-a");
    a.label = QStringLiteral("eni-a (web)");
    GraphNode b;
    b.id = QStringLiteral("198.51.100.0/24");
    b.kind = NodeKind::Outside;
    b.label = b.id;
    graph.nodes = {a, b};
    GraphEdge edge;
    edge.source = a.id;
    edge.target = b.id;
    edge.directed = true;
    edge.traffic.flows = 3;
    edge.traffic.reject = 1;
    graph.edges = {edge};
    return graph;
}

const std::map<QString, QPointF> kPositions = {{QStringLiteral("eni-a"), QPointF(10, 20)},
                                               {QStringLiteral("198.51.100.0/24"), QPointF(300, -150)}};

} // namespace

class TestGraphExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // neato -n2 keeps the positions given (y flipped back to Graphviz's axis).
    void positionedDotKeepsItsPlaces()
    {
        const std::string dot = positionedGraphDot(twoNodes(), GraphMetric::Flows, kPositions);
        QProcess neato;
        neato.start(QStringLiteral("neato"), {QStringLiteral("-n2"), QStringLiteral("-Tplain")});
        QVERIFY(neato.waitForStarted());
        neato.write(dot.data(), qint64(dot.size()));
        neato.closeWriteChannel();
        QVERIFY(neato.waitForFinished());
        QCOMPARE(neato.exitCode(), 0);
        std::map<QString, QPointF> placed;
        for (const QByteArray &line : neato.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() > 3 && parts[0] == "node")
                placed[QString::fromUtf8(parts[1]).remove(QLatin1Char('"'))] = QPointF(parts[2].toDouble() * 72, parts[3].toDouble() * 72);
        }
        QCOMPARE(placed.size(), std::size_t(2));
        // neato translates the drawing, so compare the offset between the two.
        const QPointF offset = placed.at(QStringLiteral("198.51.100.0/24")) - placed.at(QStringLiteral("eni-a"));
        QVERIFY2(std::abs(offset.x() - 290) < 1 && std::abs(offset.y() - 170) < 1,
                 qPrintable(QStringLiteral("%1,%2").arg(offset.x()).arg(offset.y())));
    }

    void svgIsDrawnByGraphviz()
    {
        const SvgOutput output = renderSvg(positionedGraphDot(twoNodes(), GraphMetric::Bytes, kPositions));
        QVERIFY2(output.error.isEmpty(), qPrintable(output.error));
        QVERIFY(output.svg.contains("<svg"));
        QVERIFY(output.svg.contains("a (web)")); // Graphviz writes the hyphen as &#45;
        QVERIFY(output.svg.contains("#E24D42") || output.svg.contains("#e24d42")); // the reject edge
    }

    void aMissingCommandIsNamed()
    {
        const SvgOutput output = renderSvg(graphDot(twoNodes(), GraphMetric::Bytes), QStringLiteral("/nonexistent/neato"));
        QVERIFY(output.svg.isEmpty());
        QVERIFY2(output.error.contains(QStringLiteral("/nonexistent/neato")), qPrintable(output.error));
    }
};

QTEST_GUILESS_MAIN(TestGraphExport)
#include "tst_graphexport.moc"
