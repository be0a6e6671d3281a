// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A point in time the timeline marks with a vertical line and a label: a
// bookmark, a finding, a detection. Labels that would collide are shared
// or left to the tooltip (timeline_marker_layout.h). Whoever owns them (the incident timeline
// of a case) hands the timeline view the current list; the view reports a
// click on one by its id.

#include <QColor>
#include <QList>
#include <QString>

namespace flowscope {

struct TimelineMarker {
    QString id;
    qint64 time = 0; // epoch seconds
    QString label;
    QColor color;
    QString detail; // the tooltip's line for it, when more than the label
    friend bool operator==(const TimelineMarker &, const TimelineMarker &) = default;
};

} // namespace flowscope
