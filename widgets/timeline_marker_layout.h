// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the timeline's marker labels go, so that none is drawn over another:
// markers a few pixels apart share one label ("3 markers"); each label takes
// the first of a few rows along the top of the plot where it overlaps no
// other label and no blocked area (the legend), to the right of its line or,
// where the right edge or the legend leaves no room, to its left; a label that fits nowhere is left out,
// and the marker's tooltip still names it. Long labels are elided.

#include <QFontMetrics>
#include <QList>
#include <QRect>
#include <QString>

namespace flowscope {

struct MarkerLabelRequest {
    double x = 0;  // the marker's line, in widget pixels
    QString label; // its own label
};

struct PlacedMarkerLabel {
    QList<int> markers; // the requests it stands for, by index
    QString text;       // elided, or "N markers"
    QRect rect;         // where it is drawn, in widget pixels
};

struct MarkerLabelArea {
    QRect plot;             // the plot's rectangle: labels stay inside it
    QList<QRect> blocked;   // where no label may go (the legend)
    int rows = 3;           // rows of labels along the top
    int clusterPixels = 6;  // markers closer than this share a label
    int maxLabelWidth = 220;
    int gap = 10;           // between two labels in a row, and a label and the legend: they read apart
};

// The labels to draw; requests in no returned label were left out.
QList<PlacedMarkerLabel> placeMarkerLabels(const QList<MarkerLabelRequest> &requests, const MarkerLabelArea &area,
                                           const QFontMetrics &metrics);

} // namespace flowscope
