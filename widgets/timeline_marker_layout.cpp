// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_marker_layout.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace flowscope {

namespace {

constexpr int kPadding = 3; // the label's text from its line and its box
constexpr int kRowSpacing = 1; // between two rows' boxes

bool overlapsAny(const QRect &rect, const QList<QRect> &others)
{
    return std::any_of(others.begin(), others.end(), [&rect](const QRect &other) { return rect.intersects(other); });
}

} // namespace

QList<PlacedMarkerLabel> placeMarkerLabels(const QList<MarkerLabelRequest> &requests, const MarkerLabelArea &area,
                                           const QFontMetrics &metrics)
{
    QList<int> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return requests[a].x < requests[b].x; });

    // Neighbours closer than clusterPixels to the previous one share a label.
    QList<QList<int>> clusters;
    for (const int index : std::as_const(order)) {
        if (requests[index].x < area.plot.left() || requests[index].x > area.plot.right())
            continue; // out of view
        if (!clusters.isEmpty() && requests[index].x - requests[clusters.last().last()].x < area.clusterPixels)
            clusters.last() << index;
        else
            clusters.append(QList<int>{index});
    }

    QList<PlacedMarkerLabel> placed;
    QList<QRect> taken = area.blocked;
    const int height = metrics.height();
    for (const QList<int> &cluster : std::as_const(clusters)) {
        const QString text = cluster.size() == 1
            ? metrics.elidedText(requests[cluster.first()].label, Qt::ElideRight, area.maxLabelWidth)
            : QCoreApplication::translate("flowscope::TimelinePlot", "%n markers", nullptr, int(cluster.size()));
        if (text.isEmpty())
            continue;
        // As wide as the text is drawn (its bounding box can pass its advance by a pixel).
        const int textWidth = std::max(metrics.horizontalAdvance(text),
                                       metrics.boundingRect(QRect(), Qt::TextDontClip, text).width());
        const int width = textWidth + 2 * kPadding;
        const int x = int(requests[cluster.first()].x);
        for (int row = 0; row < area.rows; ++row) {
            const int top = area.plot.top() + 2 + row * (height + kRowSpacing);
            if (top + height > area.plot.bottom())
                break;
            // Right of the line, else (near the plot's right edge) left of it.
            const QRect right(x + 1, top, width, height), left(x - width, top, width, height);
            const auto fits = [&](const QRect &rect) {
                return rect.left() >= area.plot.left() && rect.right() <= area.plot.right()
                    && !overlapsAny(rect.adjusted(-area.gap, 0, area.gap, 0), taken);
            };
            // Left only where the edge or the legend leaves no room on the right, never in a crowd.
            const bool rightWalled = right.right() > area.plot.right() || overlapsAny(right, area.blocked);
            const QRect *chosen = fits(right) ? &right : (rightWalled && fits(left) ? &left : nullptr);
            if (!chosen)
                continue;
            placed.append({cluster, text, *chosen});
            taken << *chosen;
            break;
        }
    }
    return placed;
}

} // namespace flowscope
