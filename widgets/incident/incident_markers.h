// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The incident timeline's findings and starred records as timeline markers,
// and where a click on a marker takes the table: a starred record, a
// finding's evidence (its filter), or else the marker's time.

#include "incident/incident_entry.h"
#include "timeline_marker.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace flowscope {

// Findings ("finding:NAME", coloured by severity, labelled by name) and
// starred records ("record:ID", gold, labelled by what the table shows of
// them: protocol, addresses and ports, action, interface); undated entries
// have no place on the timeline. A busy case's detectors find thousands
// (the internet scans all day): only `maxFindings` are marked, the most
// severe, among equals those of the detector that found fewest, then the
// earliest, so the plot stays readable; every star is.
inline constexpr int kMarkedFindings = 40;
QList<TimelineMarker> incidentMarkers(const std::vector<incident::IncidentEntry> &entries,
                                      int maxFindings = kMarkedFindings);

struct MarkerJump {
    std::optional<qint64> record; // go to this record (it starts at `time`)
    QString filter;               // or show a finding's evidence
    QString finding, title;       // that finding's name and title, for the filter bar's notice
    qint64 time = 0;              // or go to this time
};
MarkerJump markerJump(const TimelineMarker &marker, const std::vector<incident::IncidentEntry> &entries);

} // namespace flowscope
