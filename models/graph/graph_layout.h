// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Node positions for a graph from Graphviz, run as a separate process
// (`sfdp -Tplain` by default, splines=false: positions only, the view draws
// the edges). A small graph with subnets and VPCs is laid out first by a
// containment engine (`fdp`, which keeps a cluster's nodes inside it and
// clusters apart); when that fails or hangs, sfdp places the nodes and the
// result says why. Graphviz is not thread-safe and some of its engines crash; a
// crash, a hang past the timeout or a missing command costs only the child:
// the caller gets a circle and the reason.

#include "graph_geometry.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace flowscope::graph {

// A subnet or VPC drawn around its nodes.
struct LayoutCluster {
    QString name;             // "subnet:ID" or "vpc:ID"
    QString label;            // as the view draws it: its box is at least as wide
    int parent = -1;          // the enclosing cluster's index, -1 for none
    std::vector<int> members; // indexes into LayoutRequest::nodes
};

struct LayoutRequest {
    QStringList nodes;                       // ids
    // Indexes into nodes, strongest first: past a few a node, the layout is
    // given each node's strongest and a spanning forest (layout_edges.h).
    std::vector<std::pair<int, int>> edges;
    std::map<QString, QPointF> seeds;        // previous positions, kept where the node still exists
    std::vector<double> widths;              // per node, in inches (the default box when missing)
    double charWidth = kDefaultCharWidth;    // points per label character (graph_geometry.h)
    QString program = QStringLiteral("sfdp");
    int timeoutMs = 10000;
    std::vector<LayoutCluster> clusters;
    // Tried first when the graph has clusters and at most containmentLimit
    // nodes (fdp takes seconds past a few hundred and has crashed at 500);
    // empty: never.
    QString containmentProgram = QStringLiteral("fdp");
    int containmentLimit = 100;
};

struct LayoutResult {
    std::map<QString, QPointF> positions; // points, y pointing down as in Qt
    bool fallback = false;                // Graphviz failed: a circle
    QString error;                        // why, when it failed
    bool contained = false;               // the containment engine placed the nodes
    QString note;                         // why it did not, when it was tried
};

// Runs on the calling thread (a worker's, not the GUI's); `cancelled` is
// asked while the layout runs and kills it: the result is then the circle.
// Seeded nodes keep their seeds (settleOnSeeds), on a circle too. Then the
// clusters are made disjoint blocks that hold only their members
// (separateClusters), whichever engine placed the nodes.
LayoutResult layoutGraph(const LayoutRequest &request, const std::function<bool()> &cancelled = {});

// Positions that hold still: a node with a seed stays there, and the
// others go where `fresh` puts them, moved and scaled into the seeds' frame
// (fitted on the nodes both hold). Graphviz's sfdp ignores `pos`, so the
// stability is this.
std::map<QString, QPointF> settleOnSeeds(const std::map<QString, QPointF> &fresh, const std::map<QString, QPointF> &seeds);

// The fallback: nodes evenly on a circle, in their order.
std::map<QString, QPointF> circleLayout(const QStringList &nodes);

} // namespace flowscope::graph
