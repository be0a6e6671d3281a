// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The boxes a graph view draws, in scene units (the layout's points): a
// node's box as wide as its label, and the subnet and VPC boxes around their
// interfaces. The layout keeps them apart with the same numbers the view
// draws them with, so that what it separates is what is seen.

#include <QRectF>
#include <QString>

#include <algorithm>

namespace flowscope::graph {

constexpr int kNodeLabelChars = 32;      // longer labels are elided; the tooltip has them whole
constexpr double kNodeHeight = 30;       // the box with its outline
constexpr double kNodePadding = 22;      // beside the text, outline included
constexpr double kDefaultCharWidth = 6.2; // points per label character when the view does not measure
constexpr double kSubnetMargin = 14;
constexpr double kVpcMargin = 28;
constexpr double kClusterLabelRoom = 16; // above the members, for the cluster's label
constexpr double kClusterLabelInset = 8;  // the label from the box's left and right

// The width of a node's box: up to kNodeLabelChars characters of `charWidth`.
inline double nodeBoxWidth(const QString &label, double charWidth)
{
    return double(std::min<qsizetype>(label.size(), kNodeLabelChars)) * charWidth + kNodePadding;
}

inline QRectF nodeBox(QPointF centre, double width)
{
    return QRectF(centre.x() - width / 2, centre.y() - kNodeHeight / 2, width, kNodeHeight);
}

// Room for a cluster's label, drawn at its top left (elided to the box).
inline double clusterLabelWidth(const QString &label, double charWidth)
{
    return double(label.size()) * charWidth + 2 * kClusterLabelInset;
}

// A subnet's box (or a VPC's, `outer`) around the boxes of its interfaces,
// at least `labelWidth` wide so that its label stays inside.
inline QRectF clusterBox(const QRectF &members, bool outer, double labelWidth)
{
    const double margin = outer ? kVpcMargin : kSubnetMargin;
    // A VPC's label goes above those of the subnets inside it.
    const double labelRoom = outer ? 2 * kClusterLabelRoom : kClusterLabelRoom;
    QRectF box = members.adjusted(-margin, -margin - labelRoom, margin, margin);
    const double wider = (labelWidth - box.width()) / 2;
    return wider > 0 ? box.adjusted(-wider, 0, wider, 0) : box;
}

} // namespace flowscope::graph
