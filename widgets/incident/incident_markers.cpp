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
        const QString text = QString::fromStdString(e.text);
        if (e.kind == incident::EntryKind::Finding) {
            const QString reference = QString::fromStdString(e.reference);
            markers.append({kFindingPrefix + reference, *e.time, reference, findingColour(e.severity),
                            text.isEmpty() ? reference : QStringLiteral("%1: %2").arg(reference, text)});
        } else if (e.kind == incident::EntryKind::StarredRecord && e.record) {
            // What the table shows of the record; the store's id stays internal.
            markers.append({kRecordPrefix + QString::number(*e.record), *e.time, QStringLiteral("★ %1").arg(text),
                            QColor(183, 149, 11), QStringLiteral("★ %1").arg(text)});
        }
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
