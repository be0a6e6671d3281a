// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layout.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>

#include <cmath>
#include <numbers>

namespace flowscope::graph {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr int kPollMs = 50;

QString tr(const char *text) { return QCoreApplication::translate("flowscope::graph::GraphLayout", text); }

// Nodes are named by index: ids need no quoting, and `plain` output stays
// one token per name.
QByteArray dotOf(const LayoutRequest &request)
{
    QByteArray dot = "graph layout {\n  graph [splines=false, overlap=prism];\n  node [shape=box, width=1.4, height=0.4, fixedsize=true];\n";
    for (int i = 0; i < request.nodes.size(); ++i) {
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
    for (const auto &[from, to] : request.edges)
        dot += "  n" + QByteArray::number(from) + " -- n" + QByteArray::number(to) + ";\n";
    return dot + "}\n";
}

// `plain`: "node NAME X Y W H ..." in inches, y up.
bool parsePlain(const QByteArray &output, const QStringList &nodes, std::map<QString, QPointF> &positions, QString &error)
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
    if (positions.size() != std::size_t(nodes.size())) {
        error = tr("the layout placed %1 of %2 nodes").arg(positions.size()).arg(nodes.size());
        return false;
    }
    return true;
}

LayoutResult failed(const LayoutRequest &request, const QString &error)
{
    return {settleOnSeeds(circleLayout(request.nodes), request.seeds), true, error};
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

LayoutResult layoutGraph(const LayoutRequest &request, const std::function<bool()> &cancelled)
{
    if (request.nodes.isEmpty())
        return {};
    QProcess process;
    process.start(request.program, {QStringLiteral("-Tplain")});
    if (!process.waitForStarted(request.timeoutMs))
        return failed(request, tr("the layout command '%1' could not be started: %2")
                                   .arg(request.program, process.errorString()));
    process.write(dotOf(request));
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
                                              .arg(request.program).arg(request.timeoutMs));
        }
    }
    if (process.exitStatus() == QProcess::CrashExit)
        return failed(request, tr("the layout command '%1' crashed").arg(request.program));
    if (process.exitCode() != 0)
        return failed(request, tr("the layout command '%1' failed (exit %2): %3")
                                   .arg(request.program)
                                   .arg(process.exitCode())
                                   .arg(QString::fromUtf8(process.readAllStandardError().trimmed().left(200))));
    LayoutResult result;
    if (!parsePlain(process.readAllStandardOutput(), request.nodes, result.positions, result.error))
        return failed(request, tr("the layout command '%1' gave no usable positions: %2").arg(request.program, result.error));
    result.positions = settleOnSeeds(result.positions, request.seeds);
    return result;
}

} // namespace flowscope::graph
