// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Arkime's baseline for a graph over a time range: the nodes and edges the
// case never showed before the range ("new": a new talker is often the
// incident), and those it showed before but not in the range ("gone").

#include "flow_graph.h"

#include <set>
#include <utility>
#include <vector>

namespace flowscope::graph {

using EdgeEnds = std::pair<QString, QString>; // the two ids, the lower first

EdgeEnds edgeEnds(const GraphEdge &edge);

struct GraphBaseline {
    std::set<QString> newNodes;
    std::set<EdgeEnds> newEdges;
    // Heaviest first, at most the limit given; gone edges join two nodes
    // that the graph or goneNodes hold.
    std::vector<GraphNode> goneNodes;
    std::vector<GraphEdge> goneEdges;
    std::size_t goneNodesLeftOut = 0; // gone nodes beyond the limit
};

// `before`: the graph of every record before the range, at the same level
// and expansion, nothing folded into "more". The "more" node is never new.
GraphBaseline compareWithBefore(const FlowGraph &current, const FlowGraph &before, GraphMetric metric,
                                std::size_t goneLimit);

} // namespace flowscope::graph
