// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the layout is asked to place for a graph: its nodes and edges, and
// for each subnet of two or more interfaces an unseen anchor tied to them
// (and for each VPC one tied to its subnets),
// so that sfdp (which ignores clusters) keeps a subnet's interfaces close
// enough for the view to draw the subnet around them; the same subnets and
// VPCs as clusters for a containment layout (fdp) of a small graph.

#include "flow_graph.h"
#include "graph_geometry.h"
#include "graph_layout.h"

namespace flowscope::graph {

// `extraNodes` / `extraEdges`: drawn too (the baseline's gone ones).
// `charWidth`: points per label character, as the view draws them
// (graph_geometry.h), which sizes the nodes' boxes.
LayoutRequest layoutRequestOf(const FlowGraph &graph, const std::vector<GraphNode> &extraNodes = {},
                              const std::vector<GraphEdge> &extraEdges = {}, double charWidth = kDefaultCharWidth);

// True for the ids layoutRequestOf adds as anchors (their positions are no node's).
bool isLayoutAnchor(const QString &id);

} // namespace flowscope::graph
