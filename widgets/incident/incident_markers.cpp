// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_markers.h"

namespace flowscope {

namespace {

const QString kRecordPrefix = QStringLiteral("record:");
const QString kFindingPrefix = QStringLiteral("finding:");

QColor findingColour(incident::Severity severity)
{
    switch (severity) {
    case incident::Severity::Critical:
    case incident::Severity::High: return QColor(192, 57, 43);
    case incident::Severity::Medium: return QColor(211, 84, 0);
    case incident::Severity::Low:
    case incident::Severity::Info: break;
    }
    return QColor(127, 140, 141);
}

} // namespace

QList<TimelineMarker> incidentMarkers(const std::vector<incident::IncidentEntry> &entries)
{
    QList<TimelineMarker> markers;
    for (const incident::IncidentEntry &e : entries) {
        if (!e.time)
            continue;
        if (e.kind == incident::EntryKind::Finding)
            markers.append({kFindingPrefix + QString::fromStdString(e.reference), *e.time,
                            QString::fromStdString(e.reference), findingColour(e.severity)});
        else if (e.kind == incident::EntryKind::StarredRecord && e.record)
            markers.append({kRecordPrefix + QString::number(*e.record), *e.time,
                            QStringLiteral("★ %1").arg(*e.record), QColor(183, 149, 11)});
    }
    return markers;
}

MarkerJump markerJump(const TimelineMarker &marker, const std::vector<incident::IncidentEntry> &entries)
{
    MarkerJump jump;
    jump.time = marker.time;
    if (marker.id.startsWith(kRecordPrefix)) {
        bool ok = false;
        const qint64 record = marker.id.mid(kRecordPrefix.size()).toLongLong(&ok);
        if (ok)
            jump.record = record;
    } else if (marker.id.startsWith(kFindingPrefix)) {
        const std::string reference = marker.id.mid(kFindingPrefix.size()).toStdString();
        for (const incident::IncidentEntry &e : entries)
            if (e.kind == incident::EntryKind::Finding && e.reference == reference)
                jump.filter = QString::fromStdString(e.filter);
    }
    return jump;
}

} // namespace flowscope
