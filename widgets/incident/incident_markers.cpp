// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_markers.h"

#include <algorithm>
#include <map>
#include <set>

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

// The dated findings to mark: all of them, or, when there are too many, the
// most severe, of the rarest detectors, the earliest.
std::set<const incident::IncidentEntry *> markedFindings(const std::vector<incident::IncidentEntry> &entries, int maxFindings)
{
    std::vector<const incident::IncidentEntry *> findings;
    for (const incident::IncidentEntry &e : entries)
        if (e.time && e.kind == incident::EntryKind::Finding)
            findings.push_back(&e);
    const auto keep = static_cast<std::size_t>(std::max(0, maxFindings));
    if (findings.size() > keep) {
        // Among equals, a detector that found little says more than one that found hundreds.
        std::map<std::pair<incident::Severity, std::string>, int> alike;
        const auto detector = [](const incident::IncidentEntry *e) { return e->reference.substr(0, e->reference.rfind('-')); };
        for (const incident::IncidentEntry *e : findings)
            ++alike[{e->severity, detector(e)}];
        std::stable_sort(findings.begin(), findings.end(), [&](const incident::IncidentEntry *a, const incident::IncidentEntry *b) {
            if (a->severity != b->severity)
                return a->severity > b->severity;
            const int aAlike = alike[{a->severity, detector(a)}];
            const int bAlike = alike[{b->severity, detector(b)}];
            return aAlike != bAlike ? aAlike < bAlike : *a->time < *b->time;
        });
        findings.resize(keep);
    }
    return {findings.begin(), findings.end()};
}

} // namespace

QList<TimelineMarker> incidentMarkers(const std::vector<incident::IncidentEntry> &entries, int maxFindings)
{
    const std::set<const incident::IncidentEntry *> marked = markedFindings(entries, maxFindings);
    QList<TimelineMarker> markers;
    for (const incident::IncidentEntry &e : entries) {
        if (!e.time)
            continue;
        const QString text = QString::fromStdString(e.text);
        if (e.kind == incident::EntryKind::Finding) {
            if (!marked.count(&e))
                continue;
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
            if (e.kind == incident::EntryKind::Finding && e.reference == reference) {
                jump.filter = QString::fromStdString(e.filter);
                jump.finding = QString::fromStdString(e.reference);
                jump.title = QString::fromStdString(e.text);
            }
    }
    return jump;
}

} // namespace flowscope
