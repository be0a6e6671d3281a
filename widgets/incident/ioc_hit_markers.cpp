// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_hit_markers.h"

namespace flowscope {

QList<TimelineMarker> iocHitMarkers(const incident::IocHunt &hunt, int limit)
{
    QList<TimelineMarker> markers;
    for (const incident::IocHit &hit : hunt.hits) { // most records first
        if (markers.size() >= limit)
            break;
        if (hit.firstSeen == 0)
            continue;
        const QString list = QString::fromStdString(hit.list), indicator = QString::fromStdString(hit.indicator);
        markers.append({QStringLiteral("ioc:%1:%2").arg(list, indicator), hit.firstSeen,
                        QStringLiteral("@%1 %2").arg(list, indicator), QColor(142, 68, 173), QString()});
    }
    return markers;
}

} // namespace flowscope
