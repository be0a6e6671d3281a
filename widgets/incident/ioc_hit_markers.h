// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A retro-hunt's hits as timeline markers: where each of the busiest
// indicators was first seen, in the purple of the flow table's hit rows.

#include "incident/ioc_hunt.h"
#include "timeline_marker.h"

#include <QList>

namespace flowscope {

// At most `limit` markers, for the hits with the most records; ids "ioc:LIST:INDICATOR".
QList<TimelineMarker> iocHitMarkers(const incident::IocHunt &hunt, int limit = 20);

} // namespace flowscope
