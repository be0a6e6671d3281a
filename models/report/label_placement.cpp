// SPDX-License-Identifier: GPL-3.0-or-later
#include "label_placement.h"

namespace flowscope::report {

namespace {

constexpr double kGap = 1.5;

std::vector<QRectF> candidates(const LabelRequest &request, double radius)
{
    const QPointF c = request.node;
    const double w = request.size.width(), h = request.size.height();
    const double d = radius + kGap;
    return {QRectF(c.x() - w / 2, c.y() + d, w, h),          // below
            QRectF(c.x() - w / 2, c.y() - d - h, w, h),      // above
            QRectF(c.x() + d, c.y() - h / 2, w, h),          // right
            QRectF(c.x() - d - w, c.y() - h / 2, w, h),      // left
            QRectF(c.x() + d * 0.7, c.y() + d * 0.7, w, h),  // below right
            QRectF(c.x() - d * 0.7 - w, c.y() + d * 0.7, w, h),
            QRectF(c.x() + d * 0.7, c.y() - d * 0.7 - h, w, h),
            QRectF(c.x() - d * 0.7 - w, c.y() - d * 0.7 - h, w, h)};
}

} // namespace

std::vector<std::optional<QRectF>> placeLabels(const std::vector<LabelRequest> &requests, double radius,
                                               const QRectF &area)
{
    std::vector<QRectF> taken;
    taken.reserve(requests.size() * 2);
    for (const LabelRequest &request : requests)
        taken.emplace_back(request.node - QPointF(radius + kGap, radius + kGap),
                           QSizeF(2 * (radius + kGap), 2 * (radius + kGap)));
    std::vector<std::optional<QRectF>> placed;
    placed.reserve(requests.size());
    for (const LabelRequest &request : requests) {
        std::optional<QRectF> chosen;
        for (const QRectF &candidate : candidates(request, radius)) {
            if (!area.contains(candidate))
                continue;
            bool free = true;
            for (const QRectF &other : taken)
                if (other.intersects(candidate)) {
                    free = false;
                    break;
                }
            if (free) {
                chosen = candidate;
                break;
            }
        }
        if (chosen)
            taken.push_back(*chosen);
        placed.push_back(chosen);
    }
    return placed;
}

} // namespace flowscope::report
