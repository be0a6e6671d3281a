// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline's plot: ACCEPT and REJECT stacked per bucket, shaded where
// ENIs reported NODATA or SKIPDATA, with markers for bookmarks and findings.
// It computes nothing: it shows the Timeline it is given and reports what
// the analyst does with the mouse and keys (a dragged range, a zoom or pan).
//
// Left drag selects a time range; the wheel zooms about the pointer; middle
// drag or Shift+drag pans; double-click or Home resets the zoom; + and -
// zoom, the arrow keys pan. Hovering shows a bucket's values and the ENIs
// whose evidence is missing there.
//
// It follows the widget's palette (the dark theme included). In log scale
// ACCEPT and REJECT stand side by side in each bucket rather than stacked (a
// stacked REJECT would be a sliver on top). NODATA is shaded lightly and only
// where no record falls (an idle interface beside busy ones is normal);
// SKIPDATA and the spans of files removed from the case shade the whole
// height behind the bars and mark a strip along the top over them, so they
// stay in sight however tall the bars are. The legend sits above the plot,
// never over the bars, names each shade and explains it in its tooltip.
// Bytes read in B, kB, MB, GB; counts in whole, grouped numbers; the value
// ticks keep a readable spacing whatever the height (timeline_value_ticker.h).

#include "analysis/timeline.h"
#include "timeline_marker.h"
#include "timeline_marker_layout.h"

#include "qcustomplot_include.h"

#include <optional>

namespace flowscope {

class TimelinePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit TimelinePlot(QWidget *parent = nullptr);

    // What the bars count, for the axis label and tooltips.
    void setTimeline(const Timeline &timeline, TimelineMetric metric);
    const Timeline &timeline() const { return m_timeline; }
    // Shown instead of bars: no case, nothing selected, an error.
    void setMessage(const QString &message);
    // A line over the bars that stay (axes and all): "nothing matches here".
    void setNote(const QString &note);
    QString message() const;

    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }

    // The range zoom and pan stay within, and Reset returns to.
    void setExtent(const TimeRange &extent);
    TimeRange extent() const { return m_extent; }
    // How far the view may zoom out (the case's extent), when wider than the
    // extent (a filter's time window): what lies outside the window is shown
    // for context and the window is shaded.
    void setZoomLimits(const TimeRange &limits);
    TimeRange zoomLimits() const;
    TimeRange visibleRange() const;
    void setVisibleRange(const TimeRange &range);
    void resetZoom();
    void zoomBy(double factor, std::optional<double> aboutSecond = std::nullopt);
    void panBy(double fractionOfView);

    // A new case: the legend forgets the coverage kinds the last case had.
    void forgetCoverageKinds();

    void setMarkers(const QList<TimelineMarker> &markers);
    QList<TimelineMarker> markers() const { return m_markers; }
    // The marker labels as last drawn (indexes into markers()): none overlaps another.
    QList<PlacedMarkerLabel> markerLabels() const { return m_markerLabels; }
    // What a click on a shared label ("3 markers") does: zooms to the
    // markers' span so that they separate, or, when no zoom can part them
    // (one instant), lists them at `at` (global) to choose one.
    void openMarkerCluster(const QList<int> &markers, QPoint at);

    // The text of the tooltip for the bucket under x (widget pixels).
    QString toolTipAt(int x) const;
    // The value axis's tick labels as drawn (after a replot).
    QStringList valueTickLabels() const;
    // A line above the plot while it is saved as an image (empty: none).
    void setCaption(const QString &caption);
    // An axis label for `value` of `metric`: bytes with units, counts whole.
    static QString valueLabel(double value, TimelineMetric metric, const QLocale &locale);

Q_SIGNALS:
    // The analyst dragged across [begin, end), snapped outward to whole buckets.
    void rangeSelected(qint64 begin, qint64 end);
    // The visible range changed by zoom, pan or reset (not by setVisibleRange).
    void viewChanged(const flowscope::TimeRange &visible);
    void markerActivated(const QString &id);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    // Sets the value tickers' number of intervals for an axis that tall; true when it changed.
    bool fitValueTicks(int axisPixels);
    void updateLegend();
    QString legendToolTip(const QPoint &pos) const;
    void onSelectionAccepted(const QRect &rect);
    void showAxes(bool shown);
    void rebuildBars();
    void rebuildCoverage();
    void rebuildMarkers();
    void placeMarkerLabelItems();
    // The markers within a few pixels of x, nearest first.
    QList<int> markersNear(int x) const;
    void updateTimeAxis();
    void applyRange(double lower, double upper, bool byUser);
    std::optional<std::size_t> bucketAt(double second) const;
    QString formatTime(qint64 seconds, bool withDate) const;
    QString formatValue(std::uint64_t value) const;

    Timeline m_timeline;
    TimelineMetric m_metric = TimelineMetric::Flows;
    TimeRange m_extent;
    TimeRange m_zoomLimits;
    QCPItemRect *m_windowShade = nullptr;
    bool m_logScale = false;
    int m_valueAxisChrome = -1; // the plot's height less its value axis's, at the last layout
    bool m_utc = true;
    QCPBars *m_accept;
    QCPBars *m_reject;
    QCPBars *m_noDataKey;   // legend entries only: no data
    QCPBars *m_skipDataKey;
    // The case had SKIPDATA in an earlier timeline: the legend keeps the
    // entry (saying none is shown) when a filter or zoom leaves out its ENIs.
    bool m_caseSkipped = false;
    QCPBars *m_removedKey;
    QCPTextElement *m_caption = nullptr;
    QCPItemText *m_message;
    QSharedPointer<QCPAxisTickerDateTime> m_timeTicker;
    QList<QCPAbstractItem *> m_coverageItems;
    QList<QCPAbstractItem *> m_markerItems;
    QList<TimelineMarker> m_markers;
    QList<QCPItemText *> m_markerLabelItems;
    QList<PlacedMarkerLabel> m_markerLabels;
    std::optional<QPoint> m_panFrom;
    QCPRange m_panStartRange;
};

} // namespace flowscope
