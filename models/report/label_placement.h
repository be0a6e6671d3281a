// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the labels of a drawn graph go so that none covers another or a
// node: each node's label is tried below, above, right and left of it (and
// at the corners), in the nodes' order (heaviest first), and left off when
// every place is taken. A dense middle then shows its heaviest names, not a
// smear of all of them.

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>
#include <vector>

namespace flowscope::report {

struct LabelRequest {
    QPointF node;   // the node's centre
    QSizeF size;    // the label's text size
};

// One rectangle per request, nullopt for a label left off. Labels stay
// inside `area` and clear of every node's circle of `radius` (plus a gap).
std::vector<std::optional<QRectF>> placeLabels(const std::vector<LabelRequest> &requests, double radius,
                                               const QRectF &area);

} // namespace flowscope::report
