// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_view.h"

#include "analysis/timeline_scale.h"
#include "export/timeline_series.h"
#include "itemmodels/timeline_loader.h"
#include "pivot/filter_compose.h"
#include "timeline_plot.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include <sstream>

namespace flowscope {

namespace {

constexpr int kPixelsPerBucket = 6;
constexpr int kViewDebounceMs = 60;

// In the largest unit that divides the width: 90 s stays "90 s".
QString widthLabel(qint64 seconds)
{
    if (seconds % 60 != 0)
        return TimelineView::tr("%1 s").arg(seconds);
    if (seconds % 3600 != 0)
        return TimelineView::tr("%1 min").arg(seconds / 60);
    if (seconds % 86400 != 0)
        return TimelineView::tr("%1 h").arg(seconds / 3600);
    return TimelineView::tr("%n day(s)", nullptr, int(seconds / 86400));
}

TimelineRequest baseRequest(const QString &casePath, const QString &filter, TimelineMetric metric, bool spread)
{
    TimelineRequest request;
    request.casePath = casePath;
    request.filter = filter;
    request.options.metric = metric;
    request.options.spread = spread;
    return request;
}

QString metricName(TimelineMetric metric)
{
    switch (metric) {
    case TimelineMetric::Flows: return TimelineView::tr("Flows");
    case TimelineMetric::Bytes: return TimelineView::tr("Bytes");
    case TimelineMetric::Packets: return TimelineView::tr("Packets");
    }
    return {};
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new TimelinePlot(this))
    , m_loader(new TimelineLoader(this))
    , m_viewDebounce(new QTimer(this))
{
    m_viewDebounce->setSingleShot(true);
    m_viewDebounce->setInterval(kViewDebounceMs);
    connect(m_viewDebounce, &QTimer::timeout, this, &TimelineView::requestView);
    connect(m_plot, &TimelinePlot::viewChanged, m_viewDebounce, qOverload<>(&QTimer::start));
    connect(m_plot, &TimelinePlot::rangeSelected, this, [this](qint64 begin, qint64 end) {
        Q_EMIT filterRequested(narrowToTimeRange(m_filter, begin, end), true);
    });
    connect(m_plot, &TimelinePlot::markerActivated, this, &TimelineView::markerActivated);
    connect(m_loader, &TimelineLoader::finished, this, &TimelineView::onLoaded);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createControls());
    layout->addWidget(m_plot, 1);
    loadSettings();
    m_plot->setMessage(tr("No case open"));
    updateStatus();
}

TimelineView::~TimelineView() = default;

QWidget *TimelineView::createControls()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("timelineControls"));
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_metric = new QComboBox(bar);
    m_metric->setObjectName(QStringLiteral("timelineMetric"));
    m_metric->addItem(tr("Flows"), int(TimelineMetric::Flows));
    m_metric->addItem(tr("Bytes"), int(TimelineMetric::Bytes));
    m_metric->addItem(tr("Packets"), int(TimelineMetric::Packets));
    m_metric->setToolTip(tr("What the bars count: flows by their start, or bytes and packets"));
    bar->addWidget(m_metric);

    m_bucket = new QComboBox(bar);
    m_bucket->setObjectName(QStringLiteral("timelineBucket"));
    m_bucket->addItem(tr("Auto"), 0);
    for (const std::int64_t width : roundBucketWidths())
        m_bucket->addItem(widthLabel(width), qlonglong(width));
    m_bucket->setToolTip(tr("Bucket width: Auto follows the zoom, from 1 second to 1 day"));
    bar->addWidget(m_bucket);

    m_spread = bar->addAction(tr("Spread"));
    m_spread->setObjectName(QStringLiteral("timelineSpread"));
    m_spread->setCheckable(true);
    m_spread->setChecked(true);
    m_spread->setToolTip(tr("Share a record's bytes and packets among the buckets its time span covers "
                            "(off: all in the bucket it starts in)"));

    m_log = bar->addAction(tr("Log Scale"));
    m_log->setObjectName(QStringLiteral("timelineLogScale"));
    m_log->setCheckable(true);

    m_zone = new QComboBox(bar);
    m_zone->setObjectName(QStringLiteral("timelineZone"));
    m_zone->addItem(tr("UTC"), true);
    m_zone->addItem(tr("Local Time"), false);
    bar->addWidget(m_zone);

    QAction *reset = bar->addAction(tr("Reset Zoom"));
    reset->setObjectName(QStringLiteral("timelineResetZoom"));
    reset->setToolTip(tr("Show the whole range (Home, or double-click the plot)"));
    connect(reset, &QAction::triggered, m_plot, &TimelinePlot::resetZoom);

    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Series as CSV…"), this,
                          [this] { exportDialog(tr("CSV files (*.csv)"), QStringLiteral("csv")); });
    exportMenu->addAction(tr("Plot as PNG…"), this,
                          [this] { exportDialog(tr("PNG images (*.png)"), QStringLiteral("png")); });
    exportMenu->addAction(tr("Plot as PDF…"), this,
                          [this] { exportDialog(tr("PDF documents (*.pdf)"), QStringLiteral("pdf")); });
    exportButton->setMenu(exportMenu);
    bar->addWidget(exportButton);

    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("timelineStatus"));
    m_status->setContentsMargins(8, 0, 4, 0);
    bar->addWidget(m_status);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        m_spread->setEnabled(metric() != TimelineMetric::Flows);
        saveSettings();
        markStale();
    });
    connect(m_bucket, &QComboBox::currentIndexChanged, this, [this] {
        saveSettings();
        markStale();
    });
    connect(m_spread, &QAction::toggled, this, [this] {
        saveSettings();
        markStale();
    });
    connect(m_log, &QAction::toggled, this, [this](bool on) {
        m_plot->setLogScale(on);
        saveSettings();
    });
    connect(m_zone, &QComboBox::currentIndexChanged, this, [this] {
        m_plot->setUtc(m_zone->currentData().toBool());
        saveSettings();
    });
    return bar;
}

void TimelineView::loadSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("timeline"));
    const QSignalBlocker metricBlock(m_metric), bucketBlock(m_bucket), spreadBlock(m_spread), logBlock(m_log),
        zoneBlock(m_zone);
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(settings.value(QStringLiteral("metric"), 0).toInt())));
    m_bucket->setCurrentIndex(
        std::max(0, m_bucket->findData(settings.value(QStringLiteral("bucket"), 0).toLongLong())));
    m_spread->setChecked(settings.value(QStringLiteral("spread"), true).toBool());
    m_spread->setEnabled(metric() != TimelineMetric::Flows);
    m_log->setChecked(settings.value(QStringLiteral("logScale"), false).toBool());
    m_zone->setCurrentIndex(settings.value(QStringLiteral("utc"), true).toBool() ? 0 : 1);
    m_plot->setLogScale(m_log->isChecked());
    m_plot->setUtc(m_zone->currentData().toBool());
}

void TimelineView::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("timeline"));
    settings.setValue(QStringLiteral("metric"), m_metric->currentData());
    settings.setValue(QStringLiteral("bucket"), m_bucket->currentData());
    settings.setValue(QStringLiteral("spread"), m_spread->isChecked());
    settings.setValue(QStringLiteral("logScale"), m_log->isChecked());
    settings.setValue(QStringLiteral("utc"), m_zone->currentData().toBool());
}

void TimelineView::setCase(const QString &casePath)
{
    // The filter stays: a new case gets its filter from the filter bar.
    if (casePath != m_case)
        m_plot->forgetCoverageKinds();
    m_case = casePath;
    m_hasExtent = false;
    // Hidden, it computes nothing yet; still it says the case is loading, not missing, until its first result.
    m_plot->setMessage(casePath.isEmpty() ? tr("No case open") : tr("Loading the case…"));
    markStale();
}

void TimelineView::setFilter(const QString &filterText)
{
    m_filter = filterText;
    markStale();
}

void TimelineView::setMarkers(const QString &layer, const QList<TimelineMarker> &markers)
{
    if (markers.isEmpty())
        m_markerLayers.remove(layer);
    else
        m_markerLayers.insert(layer, markers);
    QList<TimelineMarker> all;
    for (const QList<TimelineMarker> &some : std::as_const(m_markerLayers))
        all += some;
    m_plot->setMarkers(all);
}

std::optional<TimelineMarker> TimelineView::marker(const QString &id) const
{
    for (const QList<TimelineMarker> &some : m_markerLayers)
        for (const TimelineMarker &m : some)
            if (m.id == id)
                return m;
    return std::nullopt;
}

void TimelineView::setMetric(TimelineMetric metric) { m_metric->setCurrentIndex(m_metric->findData(int(metric))); }

TimelineMetric TimelineView::metric() const { return static_cast<TimelineMetric>(m_metric->currentData().toInt()); }

void TimelineView::setFixedBucketSeconds(std::optional<qint64> seconds)
{
    const qlonglong width = seconds.value_or(0) > 0 ? qlonglong(*seconds) : 0;
    int index = m_bucket->findData(width);
    if (index < 0) { // not a round width: offered from now on, in order
        index = 1;
        while (index < m_bucket->count() && m_bucket->itemData(index).toLongLong() < width)
            ++index;
        m_bucket->insertItem(index, widthLabel(width), width);
    }
    m_bucket->setCurrentIndex(index);
}

std::optional<qint64> TimelineView::fixedBucketSeconds() const
{
    const qint64 width = m_bucket->currentData().toLongLong();
    return width > 0 ? std::optional(width) : std::nullopt;
}

void TimelineView::setSpread(bool on) { m_spread->setChecked(on); }
void TimelineView::setLogScale(bool on) { m_log->setChecked(on); }
void TimelineView::setUtc(bool utc) { m_zone->setCurrentIndex(utc ? 0 : 1); }

bool TimelineView::isComputing() const { return m_loader->isBusy(); }

int TimelineView::targetBuckets() const { return std::max(20, m_plot->axisRect()->width() / kPixelsPerBucket); }

// The whole timeline is recomputed when shown: a hidden timeline costs nothing.
void TimelineView::markStale()
{
    m_stale = true;
    m_viewDebounce->stop();
    if (isVisible())
        requestWhole();
    else
        m_loader->cancel();
    updateStatus();
}

void TimelineView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        requestWhole();
}

void TimelineView::requestWhole()
{
    m_stale = false;
    m_error.clear();
    if (m_case.isEmpty()) {
        m_loader->cancel();
        m_hasExtent = false;
        m_plot->setExtent({});
        m_plot->setZoomLimits({});
        m_plot->setMessage(tr("No case open"));
        updateStatus();
        return;
    }
    // Over the case's extent (or the filter's own time window): the axis
    // stays put as the filter changes, and the rollups can answer.
    TimelineRequest request = baseRequest(m_case, m_filter, metric(), m_spread->isChecked());
    request.options.caseRange = true;
    if (const auto fixed = fixedBucketSeconds())
        request.options.bucketSeconds = *fixed;
    else
        request.options.targetBuckets = targetBuckets();
    if (!m_hasExtent) // a case just opened: nothing of it is drawn yet
        m_plot->setMessage(tr("Loading the case…"));
    m_loader->request(std::move(request));
    updateStatus();
}

// The range in view and a margin either side (zoomRequestRange).
void TimelineView::requestView()
{
    if (!m_hasExtent || m_case.isEmpty())
        return;
    const TimeRange visible = m_plot->visibleRange();
    const TimeRange extent = m_plot->zoomLimits();
    const std::int64_t span = std::max<std::int64_t>(visible.end - visible.begin, 1);
    TimelineRequest request = baseRequest(m_case, m_filter, metric(), m_spread->isChecked());
    request.options.bucketSeconds = fixedBucketSeconds().value_or(autoBucketSeconds(span, targetBuckets()));
    request.options.range = zoomRequestRange(visible, extent, request.options.bucketSeconds);
    m_loader->request(std::move(request));
    updateStatus();
}

void TimelineView::onLoaded(const TimelineResult &result)
{
    m_error = result.error;
    if (!result.error.isEmpty()) {
        m_plot->setMessage(result.error);
    } else if (!result.request.options.range) {
        // A whole timeline: its range becomes the extent, all in view, unless
        // only the filter changed under a zoom: then the zoom stays, and its
        // finer buckets follow.
        const TimeRange before = m_plot->extent();
        const TimeRange visible = m_plot->visibleRange();
        const TimeRange &extent = result.timeline.range;
        const bool keepZoom = m_hasExtent && before.begin == extent.begin && before.end == extent.end
            && (visible.begin != extent.begin || visible.end != extent.end);
        m_hasExtent = extent.end > extent.begin;
        m_plot->setExtent(extent);
        // Zooming out past a filter's time window (a brushed range) shows the case around it.
        const TimeRange &caseExtent = result.timeline.caseExtent;
        m_plot->setZoomLimits(m_hasExtent && caseExtent.end > caseExtent.begin ? caseExtent : extent);
        m_plot->setTimeline(result.timeline, result.request.options.metric);
        m_plot->setVisibleRange(keepZoom ? visible : extent);
        if (keepZoom)
            m_viewDebounce->start();
        const bool empty = std::all_of(result.timeline.buckets.begin(), result.timeline.buckets.end(),
                                       [](const TimelineBucket &b) { return b.accept == 0 && b.reject == 0; });
        if (!m_hasExtent)
            m_plot->setMessage(m_filter.isEmpty() ? tr("No records with a time in this case")
                                                  : tr("No records with a time match the filter"));
        else if (empty && result.timeline.coverage.empty())
            m_plot->setNote(tr("No ACCEPT or REJECT records match the filter here"));
    } else {
        m_plot->setTimeline(result.timeline, result.request.options.metric);
    }
    updateStatus();
    Q_EMIT computed();
}

void TimelineView::updateStatus()
{
    QStringList parts;
    const Timeline &shown = m_plot->timeline();
    if (shown.bucketSeconds > 0 && !shown.buckets.empty())
        parts << tr("Buckets of %1").arg(widthLabel(shown.bucketSeconds));
    if (shown.untimed > 0)
        parts << tr("%n record(s) without a start time not shown", nullptr, int(std::min<std::uint64_t>(shown.untimed, INT_MAX)));
    if (m_loader->isBusy())
        parts << tr("Computing…");
    // A brushed window keeps every record whose span overlaps it, so bars
    // and rows may start before it: said where the window is seen.
    const TimeRange window = m_plot->extent(), limits = m_plot->zoomLimits();
    const bool windowed = m_hasExtent && (limits.begin < window.begin || limits.end > window.end);
    const QString overlap = tr("The filter's time window (shaded) keeps every record whose time span overlaps it, "
                               "including records that start before it");
    if (windowed)
        parts << tr("Window: records overlapping it");
    m_status->setToolTip(windowed ? overlap : QString());
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

QStringList TimelineView::exportDescription() const
{
    const Timeline &shown = m_plot->timeline();
    QString metricText = metricName(metric());
    if (metric() != TimelineMetric::Flows && m_spread->isChecked())
        metricText += tr(" (spread over the buckets a record spans)");
    return {tr("metric: %1").arg(metricText),
            tr("buckets: %1").arg(shown.bucketSeconds > 0 ? widthLabel(shown.bucketSeconds) : QStringLiteral("-")),
            tr("filter: %1").arg(m_filter.trimmed().isEmpty() ? tr("(none: every record)") : m_filter.simplified()),
            tr("case: %1").arg(QDir::toNativeSeparators(m_case))};
}

bool TimelineView::exportSeries(const QString &path, QString *error) const
{
    std::ostringstream text;
    std::vector<std::string> comments;
    for (const QString &line : exportDescription())
        comments.push_back(line.toStdString());
    writeTimelineCsv(text, m_plot->timeline(), comments);
    QSaveFile file(path);
    const std::string bytes = text.str();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())
        || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool TimelineView::exportPlot(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    // A caption says what the image shows once it is away from the case.
    const TimeRange visible = m_plot->visibleRange();
    const auto time = [this](qint64 epoch) {
        return QDateTime::fromSecsSinceEpoch(epoch, m_plot->isUtc() ? Qt::UTC : Qt::LocalTime)
            .toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    };
    const QStringList description = exportDescription();
    m_plot->setCaption(tr("%1 · %2 · %3 · %4 – %5 %6")
                           .arg(QFileInfo(m_case).fileName(), metricName(metric()), description.at(2), time(visible.begin),
                                time(visible.end), m_plot->isUtc() ? QStringLiteral("UTC") : tr("local time")));
    const bool written = suffix == QLatin1String("pdf") ? m_plot->savePdf(path, 0, 0)
                                                         : m_plot->savePng(path, 0, 0, 2.0);
    m_plot->setCaption({});
    if (!written && error)
        *error = tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
    return written;
}

void TimelineView::exportDialog(const QString &nameFilter, const QString &suffix)
{
    // The folder of the last export, else the case's, never the process's working folder.
    QSettings settings;
    const QString folderKey = QStringLiteral("timeline/exportFolder");
    QString folder = settings.value(folderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = m_case.isEmpty() ? QDir::homePath() : QFileInfo(m_case).absolutePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Timeline"), folder, nameFilter);
    if (path.isEmpty())
        return;
    settings.setValue(folderKey, QFileInfo(path).absolutePath());
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    const bool written = suffix == QLatin1String("csv") ? exportSeries(path, &error) : exportPlot(path, &error);
    if (!written)
        QMessageBox::warning(this, tr("Export Timeline"), error);
}

} // namespace flowscope
