// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which edges the layout engine is given. sfdp's time grows with the edges:
// 500 nodes of the ENI level hold some 20,000, most of them light ones from
// a busy node to many others. Each node's few strongest edges carry the
// picture's neighbourhoods, and a spanning forest of the strongest edges
// keeps every part that was connected in one piece; every edge is still
// drawn by the view.

#include <cstddef>
#include <utility>
#include <vector>

namespace flowscope::graph {

// A node's strongest edges given to the layout (and up to this many edges a
// node on average, every edge).
constexpr std::size_t kLayoutEdgesPerNode = 4;

// The positions in `edges` (strongest first) of those the layout is given:
// all of them when there are at most `perNode` a node; else each
// node's `perNode` strongest, the strongest edges that join what the
// others leave apart (a maximum spanning forest), and every edge that
// touches an anchor (`isAnchor` of a node's index). In their order.
std::vector<std::size_t> layoutEdges(std::size_t nodeCount, const std::vector<std::pair<int, int>> &edges,
                                     const std::vector<bool> &isAnchor, std::size_t perNode = kLayoutEdgesPerNode);

} // namespace flowscope::graph
