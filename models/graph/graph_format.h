// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A FlowGraph written out: JSON for scripts (nodes and edges with their
// totals and filters) and DOT that Graphviz lays out as it is.

#include "flow_graph.h"

#include <QPointF>

#include <map>
#include <string>

namespace flowscope::graph {

// {"nodes":[{"id","kind","label","bytes","flows","accept","reject","filter"}],
//  "edges":[{"source","target","flows","bytes","packets","accept","reject","filter","directed"}],
//  "left_out":{"nodes","flows","bytes"}}
std::string graphJson(const FlowGraph &graph);
// A digraph: node labels, edge pen widths by `metric`, edges with rejects in
// the reject colour, edges whose initiator is unknown without an arrow head.
std::string graphDot(const FlowGraph &graph, GraphMetric metric);
// The same with every node pinned where `positions` (points, y down as in Qt)
// puts it, for `neato -n2`: what a view shows, written out as laid out.
std::string positionedGraphDot(const FlowGraph &graph, GraphMetric metric, const std::map<QString, QPointF> &positions);

} // namespace flowscope::graph
