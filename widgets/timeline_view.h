// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline dock: the plot, its controls (what to count, bucket width,
// spreading, scale, time zone, export) and the requests behind it. It
// follows the display filter like every view; a range dragged on the plot
// goes back to the filter bar as a time condition. Timelines are computed
// off the GUI thread and only while the view is shown; zoom and pan ask for
// the range in view (and a margin either side, so a pan shows bars at once)
// at the bucket width that range calls for.

#include "analysis/timeline.h"
#include "timeline_marker.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QTimer;

namespace flowscope {

class TimelineLoader;
class TimelinePlot;
struct TimelineResult;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    // The case (none when empty) and the display filter whose records count.
    void setCase(const QString &casePath);
    void setFilter(const QString &filterText);
    QString filter() const { return m_filter; }
    // Markers come in layers, one per owner ("ioc", "incident"): setting a
    // layer replaces only its own markers; an empty list removes it.
    void setMarkers(const QString &layer, const QList<TimelineMarker> &markers);
    QList<TimelineMarker> markers(const QString &layer) const { return m_markerLayers.value(layer); }
    // The marker with that id in any layer, if there is one.
    std::optional<TimelineMarker> marker(const QString &id) const;

    void setMetric(TimelineMetric metric);
    TimelineMetric metric() const;
    // A fixed bucket width, or none to follow the zoom.
    void setFixedBucketSeconds(std::optional<qint64> seconds);
    std::optional<qint64> fixedBucketSeconds() const;
    void setSpread(bool on);
    void setLogScale(bool on);
    void setUtc(bool utc);

    TimelinePlot *plot() const { return m_plot; }
    TimelineLoader *loader() const { return m_loader; }
    bool isComputing() const;

    // Writes the series in view (CSV) or the plot (PNG or PDF, by suffix);
    // false with `error` set when the file cannot be written.
    bool exportSeries(const QString &path, QString *error = nullptr) const;
    bool exportPlot(const QString &path, QString *error = nullptr);
    // What the exports say about themselves: metric, buckets, filter, case.
    QStringList exportDescription() const;

Q_SIGNALS:
    void filterRequested(const QString &expression, bool apply);
    void markerActivated(const QString &id);
    // A timeline arrived and is shown.
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createControls();
    void loadSettings();
    void saveSettings() const;
    void markStale();
    void requestWhole();
    void requestView();
    void onLoaded(const TimelineResult &result);
    void updateStatus();
    int targetBuckets() const;
    void exportDialog(const QString &nameFilter, const QString &suffix);

    TimelinePlot *m_plot;
    TimelineLoader *m_loader;
    QTimer *m_viewDebounce;
    QComboBox *m_metric = nullptr;
    QComboBox *m_bucket = nullptr;
    QComboBox *m_zone = nullptr;
    QAction *m_spread = nullptr;
    QAction *m_log = nullptr;
    QLabel *m_status = nullptr;
    QMap<QString, QList<TimelineMarker>> m_markerLayers;
    QString m_case;
    QString m_filter;
    QString m_error;
    bool m_stale = true;
    bool m_hasExtent = false;
};

} // namespace flowscope
