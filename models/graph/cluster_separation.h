// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Makes a layout's subnet and VPC boxes honest: sfdp ignores clusters, so
// an outside peer can land among a subnet's interfaces and two subnets'
// boxes can overlap. Each cluster is treated as one block (its members
// where the layout put them, relative to each other), innermost first:
// inside a VPC its subnets' boxes and its other interfaces are pushed apart,
// then the VPC boxes, the lone subnets and every node in no cluster are
// pushed apart at the top. Afterwards no box holds a node that is not its
// member and boxes overlap only when one holds the other.

#include "graph_layout.h"

#include <QRectF>

#include <map>
#include <vector>

namespace flowscope::graph {

// The boxes as the view draws them around `positions` (clusters by index
// into request.clusters; a VPC is named "vpc:…"). Nodes without a position
// are left out.
std::vector<QRectF> clusterBoxes(const LayoutRequest &request, const std::map<QString, QPointF> &positions);

// Moves the nodes of `positions` so that the request's clusters are
// disjoint blocks that hold only their members. Nodes with a seed move
// only when they must, so the picture holds still while the filter narrows.
void separateClusters(const LayoutRequest &request, std::map<QString, QPointF> &positions);

} // namespace flowscope::graph
