// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_baseline.h"

#include <algorithm>

namespace flowscope::graph {

EdgeEnds edgeEnds(const GraphEdge &edge)
{
    return edge.source < edge.target ? EdgeEnds(edge.source, edge.target) : EdgeEnds(edge.target, edge.source);
}

GraphBaseline compareWithBefore(const FlowGraph &current, const FlowGraph &before, GraphMetric metric,
                                std::size_t goneLimit)
{
    std::set<QString> beforeNodes;
    for (const GraphNode &node : before.nodes)
        beforeNodes.insert(node.id);
    std::set<EdgeEnds> beforeEdges;
    for (const GraphEdge &edge : before.edges)
        beforeEdges.insert(edgeEnds(edge));

    GraphBaseline baseline;
    std::set<QString> shown;
    for (const GraphNode &node : current.nodes) {
        shown.insert(node.id);
        if (node.kind != NodeKind::More && !beforeNodes.count(node.id))
            baseline.newNodes.insert(node.id);
    }
    std::set<EdgeEnds> currentEdges;
    for (const GraphEdge &edge : current.edges) {
        currentEdges.insert(edgeEnds(edge));
        if (edge.source != QStringLiteral("more") && edge.target != QStringLiteral("more") && !beforeEdges.count(edgeEnds(edge)))
            baseline.newEdges.insert(edgeEnds(edge));
    }
    // A node folded into "more" is not gone: only those the whole graph lacks.
    std::vector<const GraphNode *> gone;
    for (const GraphNode &node : before.nodes)
        if (node.kind != NodeKind::More && !shown.count(node.id))
            gone.push_back(&node);
    std::stable_sort(gone.begin(), gone.end(), [metric](const GraphNode *a, const GraphNode *b) {
        return a->traffic.weight(metric) > b->traffic.weight(metric);
    });
    const std::size_t kept = std::min(goneLimit, gone.size());
    baseline.goneNodesLeftOut = gone.size() - kept;
    for (std::size_t i = 0; i < kept; ++i) {
        baseline.goneNodes.push_back(*gone[i]);
        shown.insert(gone[i]->id);
    }
    for (const GraphEdge &edge : before.edges)
        if (shown.count(edge.source) && shown.count(edge.target) && !currentEdges.count(edgeEnds(edge)))
            baseline.goneEdges.push_back(edge);
    return baseline;
}

} // namespace flowscope::graph
