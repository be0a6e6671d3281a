// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace flowscope::graph {

namespace {

constexpr const char *kRejectColour = "#E24D42"; // as the AWS sample VPC flow dashboard
constexpr const char *kAcceptColour = "#7EB26D";

// Appends UTF-8 `utf8` escaped for a JSON string.
void appendEscaped(std::string &out, const QByteArray &utf8)
{
    // Runs of characters that need no escape are copied at once.
    std::size_t run = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(utf8.size()); ++i) {
        const char c = utf8.constData()[i];
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(utf8.constData() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default: {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        }
        }
    }
    out.append(utf8.constData() + run, static_cast<std::size_t>(utf8.size()) - run);
}

// Appends `text` as a JSON string. A "more" node's filter can be megabytes
// long: ASCII, nearly all there is, is narrowed straight into `out` (quotes
// and backslashes escaped on the way), and only from the first other
// character on does the text go through UTF-8.
void appendQuoted(std::string &out, const QString &text)
{
    out += '"';
    const auto *in = reinterpret_cast<const char16_t *>(text.constData());
    const auto size = static_cast<std::size_t>(text.size());
    const std::size_t start = out.size();
    out.resize(start + 2 * size); // every character escaped at most
    char *narrow = out.data() + start;
    std::size_t i = 0;
    for (; i < size; ++i) {
        const char16_t c = in[i];
        if (c >= 0x80 || c < 0x20)
            break;
        if (c == u'"' || c == u'\\')
            *narrow++ = '\\';
        *narrow++ = static_cast<char>(c);
    }
    out.resize(static_cast<std::size_t>(narrow - out.data()));
    if (i < size)
        appendEscaped(out, QStringView(text).mid(static_cast<qsizetype>(i)).toUtf8());
    out += '"';
}

std::string quoted(const QString &text)
{
    std::string out;
    appendQuoted(out, text);
    return out;
}

std::string number(std::uint64_t value) { return std::to_string(value); }

} // namespace

std::string graphJson(const FlowGraph &graph)
{
    // Room made at once (ASCII texts, each escaped at most twice its
    // length): the "more" filter is written twice, megabytes each.
    std::size_t estimate = 64;
    for (const GraphNode &n : graph.nodes)
        estimate += 160 + 2 * static_cast<std::size_t>(n.id.size() + n.label.size() + n.filter.size());
    for (const GraphEdge &e : graph.edges)
        estimate += 200 + 2 * static_cast<std::size_t>(e.source.size() + e.target.size() + e.filter.size());
    std::string out;
    out.reserve(estimate);
    out += "{\"nodes\":[";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const GraphNode &n = graph.nodes[i];
        out += i ? ",{\"id\":" : "{\"id\":";
        appendQuoted(out, n.id);
        out += ",\"kind\":";
        appendQuoted(out, nodeKindName(n.kind));
        out += ",\"label\":";
        appendQuoted(out, n.label);
        out += ",\"bytes\":" + number(n.traffic.bytes) + ",\"flows\":" + number(n.traffic.flows) + ",\"accept\":"
            + number(n.traffic.accept) + ",\"reject\":" + number(n.traffic.reject) + ",\"filter\":";
        appendQuoted(out, n.filter);
        out += '}';
    }
    out += "],\"edges\":[";
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const GraphEdge &e = graph.edges[i];
        out += i ? ",{\"source\":" : "{\"source\":";
        appendQuoted(out, e.source);
        out += ",\"target\":";
        appendQuoted(out, e.target);
        out += ",\"flows\":" + number(e.traffic.flows) + ",\"bytes\":" + number(e.traffic.bytes) + ",\"packets\":"
            + number(e.traffic.packets) + ",\"accept\":" + number(e.traffic.accept) + ",\"reject\":"
            + number(e.traffic.reject) + ",\"filter\":";
        appendQuoted(out, e.filter);
        out += e.directed ? ",\"directed\":true}" : ",\"directed\":false}";
    }
    out += "],\"left_out\":{\"nodes\":" + number(graph.nodesLeftOut) + ",\"flows\":"
        + number(graph.trafficLeftOut.flows) + ",\"bytes\":" + number(graph.trafficLeftOut.bytes) + "}}\n";
    return out;
}

namespace {

std::string dotOf(const FlowGraph &graph, GraphMetric metric, const std::map<QString, QPointF> *positions)
{
    std::uint64_t heaviest = 1;
    for (const GraphEdge &e : graph.edges)
        heaviest = std::max(heaviest, e.traffic.weight(metric));
    std::string out = std::string("digraph flows {\n  graph [layout=") + (positions ? "neato" : "sfdp")
        + ", overlap=prism, splines=false, outputorder=edgesfirst];\n"
          "  node [shape=box, style=rounded, fontsize=10];\n";
    for (const GraphNode &n : graph.nodes) {
        const char *shape = n.kind == NodeKind::Outside ? "ellipse"
            : n.kind == NodeKind::AwsService            ? "hexagon"
            : n.kind == NodeKind::Ioc                   ? "octagon"
            : n.kind == NodeKind::More                  ? "note"
                                                        : "box";
        std::string pos;
        if (positions && positions->count(n.id)) { // Graphviz's y axis points up
            char text[64];
            const QPointF p = positions->at(n.id);
            std::snprintf(text, sizeof text, ", pos=\"%.1f,%.1f!\"", p.x(), -p.y());
            pos = text;
        }
        out += "  " + quoted(n.id) + " [label=" + quoted(n.label) + ", shape=" + shape + pos + "];\n";
    }
    for (const GraphEdge &e : graph.edges) {
        // Pen width 1 to 6 on a log scale, as busy graphs stay readable.
        const double share = std::log1p(double(e.traffic.weight(metric))) / std::log1p(double(heaviest));
        char width[16];
        std::snprintf(width, sizeof width, "%.1f", 1.0 + 5.0 * share);
        out += "  " + quoted(e.source) + " -> " + quoted(e.target) + " [penwidth=" + width + ", color=\""
            + (e.traffic.reject ? kRejectColour : kAcceptColour) + "\"" + (e.directed ? "" : ", dir=none")
            + ", tooltip=" + quoted(QStringLiteral("%1 flows, %2 bytes, %3 accept, %4 reject")
                                        .arg(e.traffic.flows).arg(e.traffic.bytes).arg(e.traffic.accept).arg(e.traffic.reject))
            + "];\n";
    }
    return out + "}\n";
}

} // namespace

std::string graphDot(const FlowGraph &graph, GraphMetric metric) { return dotOf(graph, metric, nullptr); }

std::string positionedGraphDot(const FlowGraph &graph, GraphMetric metric, const std::map<QString, QPointF> &positions)
{
    return dotOf(graph, metric, &positions);
}

} // namespace flowscope::graph
