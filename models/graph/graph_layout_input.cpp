// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layout_input.h"

#include <QHash>

#include <map>

namespace flowscope::graph {

namespace {
const QString kAnchorPrefix = QStringLiteral("\x01subnet:"); // no node id starts so
}

bool isLayoutAnchor(const QString &id) { return id.startsWith(kAnchorPrefix); }

LayoutRequest layoutRequestOf(const FlowGraph &graph, const std::vector<GraphNode> &extraNodes,
                              const std::vector<GraphEdge> &extraEdges)
{
    LayoutRequest request;
    QHash<QString, int> index;
    std::map<QString, std::vector<int>> subnets;
    const auto addNode = [&](const GraphNode &node) {
        if (index.contains(node.id))
            return;
        index.insert(node.id, int(request.nodes.size()));
        if (!node.subnet.isEmpty())
            subnets[node.subnet].push_back(int(request.nodes.size()));
        request.nodes << node.id;
    };
    for (const GraphNode &node : graph.nodes)
        addNode(node);
    for (const GraphNode &node : extraNodes)
        addNode(node);
    const auto addEdge = [&](const GraphEdge &edge) {
        if (index.contains(edge.source) && index.contains(edge.target) && edge.source != edge.target)
            request.edges.emplace_back(index.value(edge.source), index.value(edge.target));
    };
    for (const GraphEdge &edge : graph.edges)
        addEdge(edge);
    for (const GraphEdge &edge : extraEdges)
        addEdge(edge);
    for (const auto &[subnet, members] : subnets) {
        if (members.size() < 2)
            continue;
        const int anchor = int(request.nodes.size());
        request.nodes << kAnchorPrefix + subnet;
        for (const int member : members)
            request.edges.emplace_back(anchor, member);
    }
    return request;
}

} // namespace flowscope::graph
