// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layout.h"

#include "cluster_separation.h"
#include "graph_geometry.h"
#include "layout_edges.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>

namespace flowscope::graph {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr int kPollMs = 50;

QString tr(const char *text) { return QCoreApplication::translate("flowscope::graph::GraphLayout", text); }

bool isAnchor(const QString &id) { return id.startsWith(QChar(1)); } // as graph_layout_input.h names them

// Nodes are named by index: ids need no quoting, and `plain` output stays
// one token per name. With `clusters`, subnets and VPCs are nested
// subgraphs and the anchors that stand in for them are left out.
QByteArray dotOf(const LayoutRequest &request, bool clusters)
{
    QByteArray dot = "graph layout {\n  graph [splines=false, overlap=prism";
    dot += clusters ? ", sep=\"+8\"];\n" : "];\n";
    dot += "  node [shape=box, width=1.4, height=" + QByteArray::number(kNodeHeight / kPointsPerInch, 'f', 3) + ", fixedsize=true];\n";
    for (int i = 0; i < request.nodes.size(); ++i) {
        if (clusters && isAnchor(request.nodes[i]))
            continue;
        QByteArrayList attributes;
        const auto seed = request.seeds.find(request.nodes[i]);
        if (seed != request.seeds.end()) // Graphviz's y axis points up
            attributes << "pos=\"" + QByteArray::number(seed->second.x(), 'f', 1) + ','
                    + QByteArray::number(-seed->second.y(), 'f', 1) + '"';
        if (std::size_t(i) < request.widths.size())
            attributes << "width=" + QByteArray::number(request.widths[std::size_t(i)], 'f', 2);
        dot += "  n" + QByteArray::number(i);
        if (!attributes.isEmpty())
            dot += " [" + attributes.join(", ") + ']';
        dot += ";\n";
    }
    std::vector<bool> anchors(std::size_t(request.nodes.size()));
    for (int i = 0; i < request.nodes.size(); ++i)
        anchors[std::size_t(i)] = isAnchor(request.nodes[i]);
    // The containment layout takes small graphs only: every edge; sfdp the strongest (layout_edges.h).
    const auto writeEdge = [&](std::pair<int, int> edge) {
        dot += "  n" + QByteArray::number(edge.first) + " -- n" + QByteArray::number(edge.second) + ";\n";
    };
    if (clusters) {
        for (const auto &edge : request.edges)
            if (!anchors[std::size_t(edge.first)] && !anchors[std::size_t(edge.second)])
                writeEdge(edge);
    } else {
        for (const std::size_t e : layoutEdges(anchors.size(), request.edges, anchors))
            writeEdge(request.edges[e]);
    }
    if (clusters) {
        const std::function<void(int, const QByteArray &)> write = [&](int parent, const QByteArray &indent) {
            for (std::size_t c = 0; c < request.clusters.size(); ++c) {
                if (request.clusters[c].parent != parent)
                    continue;
                // A top margin for the label the view draws inside the cluster.
                dot += indent + "subgraph cluster_" + QByteArray::number(qulonglong(c)) + " {\n" + indent
                    + "  graph [margin=20, label=\" \"];\n";
                write(int(c), indent + "  ");
                for (const int member : request.clusters[c].members)
                    dot += indent + "  n" + QByteArray::number(member) + ";\n";
                dot += indent + "}\n";
            }
        };
        write(-1, "  ");
    }
    return dot + "}\n";
}

// `plain`: "node NAME X Y W H ..." in inches, y up. `expected`: how many
// nodes it must place.
bool parsePlain(const QByteArray &output, const QStringList &nodes, qsizetype expected, std::map<QString, QPointF> &positions,
                QString &error)
{
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith("node "))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        bool okIndex = false, okX = false, okY = false;
        const int index = parts.size() > 3 && parts[1].startsWith('n') ? parts[1].mid(1).toInt(&okIndex) : -1;
        const double x = parts.size() > 3 ? parts[2].toDouble(&okX) : 0;
        const double y = parts.size() > 3 ? parts[3].toDouble(&okY) : 0;
        if (!okIndex || !okX || !okY || index < 0 || index >= nodes.size()) {
            error = tr("unreadable layout line: %1").arg(QString::fromUtf8(line.left(80)));
            return false;
        }
        positions[nodes[index]] = QPointF(x * kPointsPerInch, -y * kPointsPerInch);
    }
    if (positions.size() != std::size_t(expected)) {
        error = tr("the layout placed %1 of %2 nodes").arg(positions.size()).arg(expected);
        return false;
    }
    return true;
}

LayoutResult failed(const LayoutRequest &request, const QString &error)
{
    LayoutResult result;
    result.positions = settleOnSeeds(circleLayout(request.nodes), request.seeds);
    result.fallback = true;
    result.error = error;
    return result;
}

QPointF centroid(const std::vector<QPointF> &points)
{
    QPointF sum;
    for (const QPointF &p : points)
        sum += p;
    return points.empty() ? sum : sum / double(points.size());
}

double spread(const std::vector<QPointF> &points, QPointF centre)
{
    double sum = 0;
    for (const QPointF &p : points)
        sum += QPointF::dotProduct(p - centre, p - centre);
    return sum;
}

} // namespace

std::map<QString, QPointF> settleOnSeeds(const std::map<QString, QPointF> &fresh, const std::map<QString, QPointF> &seeds)
{
    std::vector<QPointF> from, to;
    for (const auto &[node, position] : fresh) {
        const auto seed = seeds.find(node);
        if (seed != seeds.end()) {
            from.push_back(position);
            to.push_back(seed->second);
        }
    }
    if (from.empty())
        return fresh;
    const QPointF fromCentre = centroid(from);
    const QPointF toCentre = centroid(to);
    const double fromSpread = spread(from, fromCentre);
    const double scale = fromSpread > 0 ? std::sqrt(spread(to, toCentre) / fromSpread) : 1.0;
    std::map<QString, QPointF> settled;
    for (const auto &[node, position] : fresh) {
        const auto seed = seeds.find(node);
        settled[node] = seed != seeds.end() ? seed->second : toCentre + (position - fromCentre) * (scale > 0 ? scale : 1.0);
    }
    return settled;
}

std::map<QString, QPointF> circleLayout(const QStringList &nodes)
{
    std::map<QString, QPointF> positions;
    const double radius = std::max(100.0, nodes.size() * 120.0 / (2 * std::numbers::pi));
    for (int i = 0; i < nodes.size(); ++i) {
        const double angle = 2 * std::numbers::pi * i / std::max<qsizetype>(1, nodes.size());
        positions[nodes[i]] = QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return positions;
}

namespace {

// One run of `program` on the request; fallback set when it failed.
LayoutResult runLayout(const LayoutRequest &request, const QString &program, bool clusters,
                       const std::function<bool()> &cancelled)
{
    QProcess process;
    process.start(program, {QStringLiteral("-Tplain")});
    if (!process.waitForStarted(request.timeoutMs))
        return failed(request, tr("the layout command '%1' could not be started: %2")
                                   .arg(program, process.errorString()));
    process.write(dotOf(request, clusters));
    process.closeWriteChannel();
    const QDeadlineTimer deadline(request.timeoutMs);
    while (!process.waitForFinished(kPollMs)) {
        if (process.state() == QProcess::NotRunning)
            break;
        const bool stop = cancelled && cancelled();
        if (stop || deadline.hasExpired()) {
            process.kill();
            process.waitForFinished(-1);
            return failed(request, stop ? tr("the layout was cancelled")
                                        : tr("the layout command '%1' did not finish within %2 ms")
                                              .arg(program).arg(request.timeoutMs));
        }
    }
    if (process.exitStatus() == QProcess::CrashExit)
        return failed(request, tr("the layout command '%1' crashed").arg(program));
    if (process.exitCode() != 0)
        return failed(request, tr("the layout command '%1' failed (exit %2): %3")
                                   .arg(program)
                                   .arg(process.exitCode())
                                   .arg(QString::fromUtf8(process.readAllStandardError().trimmed().left(200))));
    LayoutResult result;
    const qsizetype expected = clusters ? std::count_if(request.nodes.begin(), request.nodes.end(), [](const QString &id) { return !isAnchor(id); })
                                       : request.nodes.size();
    if (!parsePlain(process.readAllStandardOutput(), request.nodes, expected, result.positions, result.error))
        return failed(request, tr("the layout command '%1' gave no usable positions: %2").arg(program, result.error));
    result.positions = settleOnSeeds(result.positions, request.seeds);
    return result;
}

} // namespace

namespace {

LayoutResult placeNodes(const LayoutRequest &request, const std::function<bool()> &cancelled)
{
    if (request.nodes.isEmpty())
        return {};
    const auto shown = std::count_if(request.nodes.begin(), request.nodes.end(), [](const QString &id) { return !isAnchor(id); });
    if (request.clusters.empty() || request.containmentProgram.isEmpty() || shown > request.containmentLimit)
        return runLayout(request, request.program, false, cancelled);
    LayoutResult contained = runLayout(request, request.containmentProgram, true, cancelled);
    if (!contained.fallback) {
        contained.contained = true;
        return contained;
    }
    if (cancelled && cancelled())
        return contained;
    LayoutResult result = runLayout(request, request.program, false, cancelled);
    result.note = contained.error;
    return result;
}

} // namespace

LayoutResult layoutGraph(const LayoutRequest &request, const std::function<bool()> &cancelled)
{
    LayoutResult result = placeNodes(request, cancelled);
    // sfdp ignores clusters, and fdp's boxes are not the view's.
    separateClusters(request, result.positions);
    return result;
}

} // namespace flowscope::graph
