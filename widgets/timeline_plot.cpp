// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_plot.h"

#include "analysis/timeline_coverage.h"
#include "timeline_marker_layout.h"
#include "timeline_value_ticker.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace flowscope {

namespace {

const QColor kAcceptColor(46, 139, 87);
const QColor kRejectColor(192, 57, 43);
const QColor kNoDataColor(120, 120, 120, 40);
const QColor kSkipDataColor(230, 150, 20, 70);
const QColor kRemovedColor(142, 68, 173);
// The strips along the top, over the bars, and the legend's keys.
const QColor kNoDataKeyColor(128, 128, 128, 110);
const QColor kSkipDataStripColor(230, 150, 20, 210);
constexpr double kStripRatio = 0.05; // of the plot's height
constexpr int kMarkerHitPixels = 4;
constexpr int kMarkerClusterPixels = 6; // markers closer share a label and a tooltip
constexpr int kMinimumDragPixels = 3;
constexpr double kValueTickSpacingLines = 1.8; // between two value ticks, in lines of text
constexpr double kMinimumViewSeconds = 10;
// More shaded intervals than this would not be told apart on screen.
constexpr std::size_t kMaxShadedIntervals = 2000;
constexpr std::size_t kNamedEnis = 5;

QString namesLine(const QString &status, const std::vector<std::string> &names)
{
    if (names.empty())
        return {};
    QStringList shown;
    for (std::size_t i = 0; i < std::min(names.size(), kNamedEnis); ++i)
        shown << QString::fromStdString(names[i]);
    QString line = status + QLatin1String(": ") + shown.join(QLatin1String(", "));
    if (names.size() > kNamedEnis)
        line += TimelinePlot::tr(" and %n more", nullptr, int(names.size() - kNamedEnis));
    return line;
}

// A brush over time: the band between the press and the pointer, the full
// height of the plot, however the pointer moved up or down.
class TimeBrush : public QCPSelectionRect {
public:
    using QCPSelectionRect::QCPSelectionRect;

protected:
    void draw(QCPPainter *painter) override
    {
        if (!mActive)
            return;
        const QRect area = mParentPlot->axisRect()->rect();
        const QRect swept = mRect.normalized();
        painter->setPen(mPen);
        painter->setBrush(mBrush);
        painter->drawRect(QRect(QPoint(swept.left(), area.top()), QPoint(swept.right(), area.bottom())));
    }
};

} // namespace

TimelinePlot::TimelinePlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_accept(new QCPBars(xAxis, yAxis))
    , m_reject(new QCPBars(xAxis, yAxis))
    , m_noDataKey(new QCPBars(xAxis, yAxis))
    , m_skipDataKey(new QCPBars(xAxis, yAxis))
    , m_removedKey(new QCPBars(xAxis, yAxis))
    , m_message(new QCPItemText(this))
    , m_timeTicker(new QCPAxisTickerDateTime)
{
    setObjectName(QStringLiteral("timelinePlot"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(140);
    setNoAntialiasingOnDrag(true);

    addLayer(QStringLiteral("coverage"), layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    addLayer(QStringLiteral("markers"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    addLayer(QStringLiteral("coverageStrips"), layer(QStringLiteral("main")), QCustomPlot::limAbove);

    for (QCPBars *bars : {m_accept, m_reject}) {
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setStackingGap(0);
        bars->setSelectable(QCP::stNone);
    }
    // An outline in the fill colour closes the hairline gaps between
    // neighbouring bars that antialiasing would leave.
    m_accept->setName(tr("ACCEPT"));
    m_accept->setBrush(kAcceptColor);
    m_accept->setPen(QPen(kAcceptColor, 0));
    m_reject->setName(tr("REJECT"));
    m_reject->setBrush(kRejectColor);
    m_reject->setPen(QPen(kRejectColor, 0));
    m_reject->moveAbove(m_accept);
    m_noDataKey->setName(tr("Quiet (NODATA, no records)"));
    m_skipDataKey->setName(tr("SKIPDATA (records skipped)"));
    m_removedKey->setName(tr("Removed file"));
    for (QCPBars *key : {m_noDataKey, m_skipDataKey, m_removedKey}) {
        const QColor color = key == m_noDataKey ? kNoDataKeyColor : key == m_skipDataKey ? kSkipDataStripColor : kRemovedColor;
        key->setBrush(key == m_removedKey ? QBrush(color, Qt::BDiagPattern) : QBrush(color));
        key->setPen(QPen(color, 0));
        key->setSelectable(QCP::stNone);
        key->removeFromLegend();
    }

    // One compact row above the plot, at the right: never over the bars or
    // the markers. A spacer to its left takes the rest of the row.
    legend->setVisible(true);
    legend->setFont(font());
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setIconSize(10, 10);
    legend->setColumnSpacing(10);
    legend->setMargins(QMargins(5, 0, 5, 0));
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    axisRect()->insetLayout()->take(legend);
    auto *keyRow = new QCPLayoutGrid;
    keyRow->setMargins(QMargins(0, 2, 0, 0));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, keyRow);
    plotLayout()->setRowStretchFactor(0, 0.001);
    keyRow->addElement(0, 0, new QCPLayoutElement(this));
    keyRow->addElement(0, 1, legend);
    keyRow->setColumnStretchFactor(0, 1);
    keyRow->setColumnStretchFactor(1, 0.001);

    m_timeTicker->setDateTimeSpec(Qt::UTC);
    xAxis->setTicker(m_timeTicker);
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new ValueTicker));
    yAxis->setRange(0, 1);

    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setClipToAxisRect(false);
    m_message->setSelectable(false);

    // On the overlay layer, as QCustomPlot's own: redrawing it alone while
    // dragging leaves the rest of the plot (and its layout) as it is.
    auto *brush = new TimeBrush(this);
    brush->setLayer(QStringLiteral("overlay"));
    setSelectionRect(brush);
    setSelectionRectMode(QCP::srmCustom);
    selectionRect()->setBrush(QColor(52, 152, 219, 60));
    selectionRect()->setPen(QPen(QColor(52, 152, 219)));
    connect(selectionRect(), &QCPSelectionRect::accepted, this,
            [this](const QRect &rect, QMouseEvent *) { onSelectionAccepted(rect); });
    // Labels go where the lines are once the plot's rectangle and the legend have their places.
    connect(this, &QCustomPlot::afterLayout, this, &TimelinePlot::placeMarkerLabelItems);
    // The value ticks as many as the plot's height holds: estimated before the
    // layout from the last one's margins, checked after it (a resize).
    connect(this, &QCustomPlot::beforeReplot, this, [this] {
        if (m_valueAxisChrome >= 0)
            fitValueTicks(viewport().height() - m_valueAxisChrome);
    });
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        m_valueAxisChrome = viewport().height() - axisRect()->height();
        if (fitValueTicks(axisRect()->height()))
            replot(rpQueuedReplot);
    });
    applyPalette();
    updateTimeAxis();
}

bool TimelinePlot::fitValueTicks(int axisPixels)
{
    const int intervals =
        valueTickIntervals(axisPixels, int(std::ceil(QFontMetrics(yAxis->tickLabelFont()).height() * kValueTickSpacingLines)));
    int *current = nullptr;
    if (auto linear = yAxis->ticker().dynamicCast<ValueTicker>())
        current = &linear->intervals;
    else if (auto log = yAxis->ticker().dynamicCast<LogValueTicker>())
        current = &log->intervals;
    if (!current || *current == intervals)
        return false;
    *current = intervals;
    return true;
}

void TimelinePlot::applyPalette()
{
    const QPalette &p = palette();
    const QColor text = p.color(QPalette::Text);
    const QColor base = p.color(QPalette::Base);
    setBackground(base);
    QColor grid = text;
    grid.setAlpha(45);
    QColor zero = text;
    zero.setAlpha(100);
    for (QCPAxis *axis : {xAxis, yAxis, xAxis2, yAxis2}) {
        axis->setBasePen(QPen(text, 0));
        axis->setTickPen(QPen(text, 0));
        axis->setSubTickPen(QPen(text, 0));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(zero, 0));
    }
    legend->setTextColor(text);
    m_message->setColor(text);
    if (m_caption)
        m_caption->setTextColor(text);
}

void TimelinePlot::changeEvent(QEvent *event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        rebuildMarkers(); // their lines and label boxes in the new colours
        replot(rpQueuedReplot);
    }
}

QString TimelinePlot::valueLabel(double value, TimelineMetric metric, const QLocale &locale)
{
    if (metric != TimelineMetric::Bytes)
        return locale.toString(static_cast<qlonglong>(std::llround(value)));
    static const char *const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    std::size_t unit = 0;
    while (std::abs(value) >= 1000 && unit + 1 < std::size(kUnits)) {
        value /= 1000;
        ++unit;
    }
    return locale.toString(value, 'g', 3) + QLatin1Char(' ') + QLatin1String(kUnits[unit]);
}

QStringList TimelinePlot::valueTickLabels() const
{
    QStringList labels;
    for (const QString &label : yAxis->tickVectorLabels())
        labels << label;
    return labels;
}

void TimelinePlot::setCaption(const QString &caption)
{
    if (caption.isEmpty()) {
        if (m_caption) {
            plotLayout()->remove(m_caption);
            plotLayout()->simplify();
            m_caption = nullptr;
        }
    } else {
        if (!m_caption) {
            plotLayout()->insertRow(0);
            m_caption = new QCPTextElement(this, caption, font());
            plotLayout()->addElement(0, 0, m_caption);
        }
        m_caption->setText(caption);
        m_caption->setTextColor(palette().color(QPalette::Text));
    }
    replot(rpImmediateRefresh);
}

void TimelinePlot::setTimeline(const Timeline &timeline, TimelineMetric metric)
{
    m_timeline = timeline;
    m_metric = metric;
    m_message->setText({});
    switch (metric) {
    case TimelineMetric::Flows: yAxis->setLabel(tr("Flows")); break;
    case TimelineMetric::Bytes: yAxis->setLabel(tr("Bytes")); break;
    case TimelineMetric::Packets: yAxis->setLabel(tr("Packets")); break;
    }
    if (auto linear = yAxis->ticker().dynamicCast<ValueTicker>())
        linear->metric = metric;
    if (auto log = yAxis->ticker().dynamicCast<LogValueTicker>())
        log->metric = metric;
    rebuildBars();
    rebuildCoverage();
    showAxes(true);
    applyRange(xAxis->range().lower, xAxis->range().upper, false);
}

// Without bars the axes would only show a meaningless default range.
void TimelinePlot::showAxes(bool shown)
{
    legend->setVisible(shown);
    xAxis->setTickLabels(shown);
    yAxis->setTickLabels(shown);
}

void TimelinePlot::setMessage(const QString &message)
{
    m_message->setText(message);
    if (!message.isEmpty()) {
        m_timeline = {};
        rebuildBars();
        rebuildCoverage();
        showAxes(false);
    }
    replot(rpQueuedReplot);
}

void TimelinePlot::setNote(const QString &note)
{
    m_message->setText(note);
    replot(rpQueuedReplot);
}

QString TimelinePlot::message() const { return m_message->text(); }

void TimelinePlot::setLogScale(bool on)
{
    m_logScale = on;
    yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) {
        QSharedPointer<LogValueTicker> ticker(new LogValueTicker);
        ticker->metric = m_metric;
        yAxis->setTicker(ticker);
    } else {
        QSharedPointer<ValueTicker> ticker(new ValueTicker);
        ticker->metric = m_metric;
        yAxis->setTicker(ticker);
    }
    fitValueTicks(axisRect()->height());
    rebuildBars();
    applyRange(xAxis->range().lower, xAxis->range().upper, false);
}

void TimelinePlot::setUtc(bool utc)
{
    m_utc = utc;
    m_timeTicker->setDateTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
    updateTimeAxis();
    replot(rpQueuedReplot);
}

void TimelinePlot::setExtent(const TimeRange &extent) { m_extent = extent; }

void TimelinePlot::setZoomLimits(const TimeRange &limits)
{
    m_zoomLimits = limits;
    const bool wider = limits.begin < m_extent.begin || limits.end > m_extent.end;
    if (!m_windowShade) {
        m_windowShade = new QCPItemRect(this);
        m_windowShade->setLayer(QStringLiteral("coverage"));
        m_windowShade->setSelectable(false);
        m_windowShade->setPen(Qt::NoPen);
        m_windowShade->setBrush(QColor(52, 152, 219, 28)); // the brush's colour, lighter
        m_windowShade->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        m_windowShade->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_windowShade->topLeft->setCoords(double(m_extent.begin), 0);
    m_windowShade->bottomRight->setCoords(double(m_extent.end), 1);
    m_windowShade->setVisible(wider && m_extent.end > m_extent.begin);
    replot(rpQueuedReplot);
}

TimeRange TimelinePlot::zoomLimits() const
{
    return m_zoomLimits.end > m_zoomLimits.begin ? m_zoomLimits : m_extent;
}

TimeRange TimelinePlot::visibleRange() const
{
    return {static_cast<qint64>(std::floor(xAxis->range().lower)), static_cast<qint64>(std::ceil(xAxis->range().upper))};
}

void TimelinePlot::setVisibleRange(const TimeRange &range)
{
    applyRange(double(range.begin), double(range.end), false);
}

void TimelinePlot::resetZoom()
{
    if (m_extent.end > m_extent.begin)
        applyRange(double(m_extent.begin), double(m_extent.end), true);
}

void TimelinePlot::zoomBy(double factor, std::optional<double> aboutSecond)
{
    const QCPRange range = xAxis->range();
    const double center = aboutSecond.value_or(range.center());
    applyRange(center - (center - range.lower) * factor, center + (range.upper - center) * factor, true);
}

void TimelinePlot::panBy(double fractionOfView)
{
    const QCPRange range = xAxis->range();
    const double shift = range.size() * fractionOfView;
    applyRange(range.lower + shift, range.upper + shift, true);
}

void TimelinePlot::setMarkers(const QList<TimelineMarker> &markers)
{
    m_markers = markers;
    rebuildMarkers();
    replot(rpQueuedReplot);
}

// Keeps the view inside the zoom limits (when there are) and at least a few
// seconds wide, then fits the value axis to the bars in view.
void TimelinePlot::applyRange(double lower, double upper, bool byUser)
{
    if (upper - lower < kMinimumViewSeconds) {
        const double center = (lower + upper) / 2;
        lower = center - kMinimumViewSeconds / 2;
        upper = center + kMinimumViewSeconds / 2;
    }
    if (const TimeRange limits = zoomLimits(); limits.end > limits.begin) {
        const double begin = double(limits.begin);
        const double end = double(limits.end);
        const double width = std::min(upper - lower, end - begin);
        lower = std::clamp(lower, begin, end - width);
        upper = lower + width;
    }
    xAxis->setRange(lower, upper);

    std::uint64_t highest = 0;
    const auto width = m_timeline.bucketSeconds;
    for (const TimelineBucket &b : m_timeline.buckets)
        if (double(b.start + width) > lower && double(b.start) < upper)
            highest = std::max(highest, b.accept + b.reject);
    if (m_logScale)
        yAxis->setRange(0.8, std::max(10.0, double(highest) * 2));
    else
        yAxis->setRange(0, std::max(1.0, double(highest) * 1.08));
    updateTimeAxis();
    replot(rpQueuedReplot);
    if (byUser)
        Q_EMIT viewChanged(visibleRange());
}

void TimelinePlot::rebuildBars()
{
    // A bar of no height still draws its outline: a bucket without rejects
    // gets no REJECT bar, or a red line on top would read as some rejects.
    // In log scale side by side, ACCEPT left and REJECT right in the bucket.
    QVector<double> keys, accepts, rejectKeys, rejects;
    keys.reserve(qsizetype(m_timeline.buckets.size()));
    accepts.reserve(keys.capacity());
    const double width = double(std::max<std::int64_t>(m_timeline.bucketSeconds, 1));
    const double acceptAt = m_logScale ? width / 4 : width / 2;
    const double rejectAt = m_logScale ? width * 3 / 4 : width / 2;
    for (const TimelineBucket &b : m_timeline.buckets) {
        keys << double(b.start) + acceptAt;
        accepts << double(b.accept);
        if (b.reject > 0) {
            rejectKeys << double(b.start) + rejectAt;
            rejects << double(b.reject);
        }
    }
    m_reject->moveAbove(m_logScale ? nullptr : m_accept);
    for (QCPBars *bars : {m_accept, m_reject})
        bars->setWidth(m_logScale ? width / 2 : width);
    m_accept->setData(keys, accepts, true);
    m_reject->setData(rejectKeys, rejects, true);
}

// Bands over the whole height: grey where interfaces reported NODATA and no
// record falls (quiet, light: an idle interface beside busy ones is normal
// and not shaded), amber for SKIPDATA (evidence lost), hatched purple where
// a file removed from the case held records (a hole the analyst made).
// SKIPDATA and removed files also get a strip along the top, over the bars
// that may hide their band.
void TimelinePlot::rebuildCoverage()
{
    for (QCPAbstractItem *item : std::as_const(m_coverageItems))
        removeItem(item);
    m_coverageItems.clear();
    const auto band = [this](double begin, double end, const QBrush &brush, const QString &layer, double bottom) {
        auto *rect = new QCPItemRect(this);
        rect->setLayer(layer);
        rect->setSelectable(false);
        rect->setPen(Qt::NoPen);
        rect->setBrush(brush);
        for (QCPItemPosition *corner : {rect->topLeft, rect->bottomRight}) {
            corner->setTypeX(QCPItemPosition::ptPlotCoords);
            corner->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        rect->topLeft->setCoords(begin, 0);
        rect->bottomRight->setCoords(end, bottom);
        m_coverageItems << rect;
    };
    const auto quiet = quietIntervals(m_timeline);
    for (std::size_t i = 0; i < std::min(quiet.size(), kMaxShadedIntervals); ++i)
        band(double(quiet[i].begin), double(quiet[i].end), kNoDataColor, QStringLiteral("coverage"), 1);
    const auto skipped = coverageUnion(m_timeline, LogStatus::SkipData);
    for (std::size_t i = 0; i < std::min(skipped.size(), kMaxShadedIntervals); ++i) {
        band(double(skipped[i].begin), double(skipped[i].end), kSkipDataColor, QStringLiteral("coverage"), 1);
        band(double(skipped[i].begin), double(skipped[i].end), kSkipDataStripColor, QStringLiteral("coverageStrips"),
             kStripRatio);
    }
    for (const RemovedSpan &removed : m_timeline.removed) {
        QColor hatch = kRemovedColor;
        hatch.setAlpha(110);
        band(double(removed.span.begin), double(removed.span.end), QBrush(hatch, Qt::BDiagPattern),
             QStringLiteral("coverage"), 1);
        band(double(removed.span.begin), double(removed.span.end), kRemovedColor, QStringLiteral("coverageStrips"),
             kStripRatio);
    }
    updateLegend();
}

// The shades' keys while the timeline shows them; SKIPDATA's, once the
// case has shown some, stays ("none shown"): its absence would read as none in the case.
void TimelinePlot::updateLegend()
{
    const bool skipped = !coverageUnion(m_timeline, LogStatus::SkipData).empty();
    m_caseSkipped = m_caseSkipped || skipped;
    m_skipDataKey->setName(skipped ? tr("SKIPDATA (records skipped)") : tr("SKIPDATA (none shown)"));
    const std::pair<QCPBars *, bool> keys[] = {{m_noDataKey, !quietIntervals(m_timeline).empty()},
                                               {m_skipDataKey, m_caseSkipped},
                                               {m_removedKey, !m_timeline.removed.empty()}};
    for (const auto &[key, shown] : keys) {
        if (shown)
            key->addToLegend();
        else
            key->removeFromLegend();
    }
}

QString TimelinePlot::legendToolTip(const QPoint &pos) const
{
    auto *item = qobject_cast<QCPPlottableLegendItem *>(layerableAt(pos, false));
    if (!item)
        return {};
    if (item->plottable() == m_noDataKey)
        return tr("Grey: interfaces reported NODATA (no traffic in their capture window) and no record of the filter "
                  "falls here. Quiet, not lost evidence. An interface that is idle while others carry traffic is "
                  "normal and not shaded; a bucket's tooltip names the interfaces that reported NODATA.");
    if (item->plottable() == m_skipDataKey && coverageUnion(m_timeline, LogStatus::SkipData).empty())
        return tr("The case has SKIPDATA records, but none from the interfaces of the filter's records in this "
                  "range: nothing here is shaded amber.");
    if (item->plottable() == m_skipDataKey)
        return tr("Amber: interfaces reported SKIPDATA. The flow log service skipped records (capacity or an "
                  "internal error), so evidence may be missing here.");
    if (item->plottable() == m_removedKey)
        return tr("Hatched: a file removed from the case (Remove File from Case) held records here. Its evidence is "
                  "no longer in the case; import the file again to fill the hole.");
    return {};
}

void TimelinePlot::forgetCoverageKinds()
{
    m_caseSkipped = false; // the new case's first timeline redraws the legend
}

void TimelinePlot::rebuildMarkers()
{
    for (QCPAbstractItem *item : std::as_const(m_markerItems))
        removeItem(item);
    m_markerItems.clear();
    for (QCPAbstractItem *item : std::as_const(m_markerLabelItems))
        removeItem(item);
    m_markerLabelItems.clear();
    m_markerLabels.clear();
    for (const TimelineMarker &marker : std::as_const(m_markers)) {
        // A marker without a colour of its own in the text's: it reads on the dark theme too.
        const QColor color = marker.color.isValid() ? marker.color : palette().color(QPalette::Text);
        auto *line = new QCPItemStraightLine(this);
        line->setLayer(QStringLiteral("markers"));
        line->setSelectable(false);
        line->setPen(QPen(color, 1.5, Qt::DashLine));
        line->point1->setCoords(double(marker.time), 0);
        line->point2->setCoords(double(marker.time), 1);
        m_markerItems << line;
    }
}

// The labels go where the lines are now (after a zoom, pan or resize): see
// placeMarkerLabels(). Items beyond the labels placed are kept hidden for the next time.
void TimelinePlot::placeMarkerLabelItems()
{
    QList<MarkerLabelRequest> requests;
    for (const TimelineMarker &marker : std::as_const(m_markers))
        requests.append({xAxis->coordToPixel(double(marker.time)), marker.label});
    MarkerLabelArea area;
    area.plot = axisRect()->rect();
    area.clusterPixels = kMarkerClusterPixels;
    if (legend->visible() && legend->outerRect().isValid())
        area.blocked << legend->outerRect();
    if (!m_message->text().isEmpty()) // a note over the plot ("no records match here") stays readable
        area.blocked << QRect(m_message->topLeft->pixelPosition().toPoint(), m_message->bottomRight->pixelPosition().toPoint());
    m_markerLabels = m_markers.isEmpty() ? QList<PlacedMarkerLabel>()
                                         : placeMarkerLabels(requests, area, QFontMetrics(font()));
    while (m_markerLabelItems.size() < m_markerLabels.size()) {
        auto *label = new QCPItemText(this);
        label->setLayer(QStringLiteral("markers"));
        label->setSelectable(false);
        label->setFont(font());
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPadding(QMargins(3, 0, 3, 0));
        m_markerLabelItems << label;
    }
    for (qsizetype i = 0; i < m_markerLabelItems.size(); ++i) {
        QCPItemText *item = m_markerLabelItems[i];
        item->setVisible(i < m_markerLabels.size());
        if (i >= m_markerLabels.size())
            continue;
        const PlacedMarkerLabel &placed = m_markerLabels[i];
        // A shared label in the text colour, one marker's in its own.
        const TimelineMarker &first = m_markers[placed.markers.first()];
        const bool one = placed.markers.size() == 1;
        const QColor color = one && first.color.isValid() ? first.color : palette().color(QPalette::Text);
        item->setColor(color);
        // On a box of the background, edged in its colour: the bars and the
        // other markers' lines behind it never run through its text.
        QColor box = palette().color(QPalette::Base);
        box.setAlpha(235);
        item->setBrush(box);
        QColor edge = color;
        edge.setAlpha(150);
        item->setPen(QPen(edge, 0));
        item->setText(placed.text);
        item->position->setCoords(placed.rect.topLeft());
    }
}

void TimelinePlot::openMarkerCluster(const QList<int> &markers, QPoint at)
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const int m : markers) {
        if (m < 0 || m >= m_markers.size())
            return; // markers changed under the click
        first = std::min(first, m_markers[m].time);
        last = std::max(last, m_markers[m].time);
    }
    if (last > first) {
        // A margin of a quarter of the span each side keeps the outer labels inside the plot.
        const double margin = std::max(1.0, double(last - first) / 4);
        const QCPRange previous = xAxis->range();
        applyRange(double(first) - margin, double(last) + margin, false);
        if (xAxis->range().size() < previous.size() - 0.5) { // a closer look parts them
            Q_EMIT viewChanged(visibleRange());
            return;
        }
        applyRange(previous.lower, previous.upper, false);
    }
    // One instant (or as close as the timeline zooms): the analyst chooses.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("markerChoice"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const int m : markers) {
        const TimelineMarker &marker = m_markers[m];
        const QString text = QStringLiteral("%1 \u2014 %2").arg(marker.detail.isEmpty() ? marker.label : marker.detail,
                                                                formatTime(marker.time, true));
        const QString id = marker.id;
        connect(menu->addAction(text), &QAction::triggered, this, [this, id] { Q_EMIT markerActivated(id); });
    }
    menu->popup(at);
}

QList<int> TimelinePlot::markersNear(int x) const
{
    QList<int> near;
    for (qsizetype i = 0; i < m_markers.size(); ++i)
        if (std::abs(xAxis->coordToPixel(double(m_markers[i].time)) - x) <= kMarkerClusterPixels)
            near << int(i);
    std::sort(near.begin(), near.end(), [this, x](int a, int b) {
        return std::abs(xAxis->coordToPixel(double(m_markers[a].time)) - x)
            < std::abs(xAxis->coordToPixel(double(m_markers[b].time)) - x);
    });
    return near;
}

// Tick labels of one line (the plot's height goes to the bars): the time of
// day, the date said once in the axis's label while the view stays in a day.
void TimelinePlot::updateTimeAxis()
{
    const QCPRange range = xAxis->range();
    const auto dateOf = [this](double second) {
        return QDateTime::fromSecsSinceEpoch(qint64(std::floor(second)), m_utc ? Qt::UTC : Qt::LocalTime).date();
    };
    const QDate first = dateOf(range.lower), last = dateOf(std::max(range.lower, range.upper - 1));
    QString zone = m_utc ? tr("Time (UTC)") : tr("Time (local)");
    if (range.size() > 2 * 86400) {
        m_timeTicker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    } else if (first == last) {
        m_timeTicker->setDateTimeFormat(range.size() <= 600 ? QStringLiteral("hh:mm:ss") : QStringLiteral("hh:mm"));
        zone = tr("%1, %2").arg(zone, first.toString(Qt::ISODate));
    } else {
        m_timeTicker->setDateTimeFormat(QStringLiteral("MM-dd hh:mm"));
        zone = tr("%1, %2 to %3").arg(zone, first.toString(Qt::ISODate), last.toString(Qt::ISODate));
    }
    xAxis->setLabel(zone);
}

std::optional<std::size_t> TimelinePlot::bucketAt(double second) const
{
    if (m_timeline.buckets.empty() || m_timeline.bucketSeconds <= 0)
        return std::nullopt;
    const double offset = second - double(m_timeline.buckets.front().start);
    if (offset < 0)
        return std::nullopt;
    const auto index = static_cast<std::size_t>(offset / double(m_timeline.bucketSeconds));
    return index < m_timeline.buckets.size() ? std::optional(index) : std::nullopt;
}

QString TimelinePlot::formatTime(qint64 seconds, bool withDate) const
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, m_utc ? Qt::UTC : Qt::LocalTime);
    return time.toString(withDate ? QStringLiteral("yyyy-MM-dd hh:mm:ss") : QStringLiteral("hh:mm:ss"));
}

QString TimelinePlot::formatValue(std::uint64_t value) const
{
    const QLocale locale;
    // One or many by hand: tr()'s %n takes an int, and a bucket's packets can exceed one.
    const QString number = locale.toString(qulonglong(value));
    switch (m_metric) {
    case TimelineMetric::Flows: return value == 1 ? tr("%1 flow").arg(number) : tr("%1 flows").arg(number);
    case TimelineMetric::Bytes: return locale.formattedDataSize(qint64(value), 1, QLocale::DataSizeSIFormat);
    case TimelineMetric::Packets: return value == 1 ? tr("%1 packet").arg(number) : tr("%1 packets").arg(number);
    }
    return locale.toString(qulonglong(value));
}

QString TimelinePlot::toolTipAt(int x) const
{
    const double second = xAxis->pixelToCoord(x);
    // Every marker there, the ones whose labels were left out or shared too.
    if (const QList<int> near = markersNear(x); !near.isEmpty()) {
        QStringList lines;
        for (const int index : near) {
            const TimelineMarker &marker = m_markers[index];
            lines << QStringLiteral("%1 \u2014 %2").arg(marker.detail.isEmpty() ? marker.label : marker.detail,
                                                        formatTime(marker.time, true));
        }
        return lines.join(QLatin1Char('\n'));
    }
    const auto index = bucketAt(second);
    if (!index)
        return {};
    const TimelineBucket &b = m_timeline.buckets[*index];
    const qint64 end = b.start + m_timeline.bucketSeconds;
    QStringList lines;
    lines << QStringLiteral("%1 – %2 %3")
                 .arg(formatTime(b.start, true), formatTime(end, m_timeline.bucketSeconds >= 86400),
                      m_utc ? QStringLiteral("UTC") : tr("local time"));
    lines << tr("ACCEPT: %1").arg(formatValue(b.accept)) << tr("REJECT: %1").arg(formatValue(b.reject));
    const TimeRange bucket{b.start, end};
    for (const RemovedSpan &removed : m_timeline.removed)
        if (removed.span.begin < bucket.end && bucket.begin < removed.span.end)
            lines << tr("Removed from the case: %1").arg(QString::fromStdString(removed.path));
    for (const auto &[status, name] :
         {std::pair{LogStatus::NoData, QStringLiteral("NODATA")}, std::pair{LogStatus::SkipData, QStringLiteral("SKIPDATA")}}) {
        const QString line = namesLine(name, enisMissingIn(m_timeline, bucket, status));
        if (!line.isEmpty())
            lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void TimelinePlot::onSelectionAccepted(const QRect &rect)
{
    if (rect.normalized().width() < kMinimumDragPixels)
        return;
    const QCPRange range = selectionRect()->range(xAxis);
    auto begin = static_cast<qint64>(std::floor(range.lower));
    auto end = static_cast<qint64>(std::ceil(range.upper));
    if (!m_timeline.buckets.empty() && m_timeline.bucketSeconds > 0) {
        // Outward to whole buckets: the bars the analyst swept, entirely.
        const qint64 origin = m_timeline.buckets.front().start;
        const qint64 width = m_timeline.bucketSeconds;
        const auto floorDiv = [](qint64 a, qint64 b) { return a / b - ((a % b != 0 && a < 0) ? 1 : 0); };
        begin = origin + floorDiv(begin - origin, width) * width;
        end = origin + (floorDiv(end - origin - 1, width) + 1) * width;
    }
    if (end > begin)
        Q_EMIT rangeSelected(begin, end);
}

void TimelinePlot::mousePressEvent(QMouseEvent *event)
{
    const bool pan = event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (pan) {
        m_panFrom = event->pos();
        m_panStartRange = xAxis->range();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        // A label stands for its marker: a click on it is a click on its line; a shared one opens its markers.
        for (const PlacedMarkerLabel &label : std::as_const(m_markerLabels)) {
            if (label.rect.contains(event->pos()) && !label.markers.isEmpty() && label.markers.first() < m_markers.size()) {
                if (label.markers.size() > 1)
                    openMarkerCluster(label.markers, event->globalPosition().toPoint());
                else
                    Q_EMIT markerActivated(m_markers[label.markers.first()].id);
                event->accept();
                return;
            }
        }
        const QList<int> near = markersNear(event->pos().x());
        if (!near.isEmpty()
            && std::abs(xAxis->coordToPixel(double(m_markers[near.first()].time)) - event->pos().x()) <= kMarkerHitPixels) {
            Q_EMIT markerActivated(m_markers[near.first()].id);
            event->accept();
            return;
        }
    }
    QCustomPlot::mousePressEvent(event);
}

void TimelinePlot::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        const double secondsPerPixel = m_panStartRange.size() / std::max(1, axisRect()->width());
        const double shift = -(event->pos().x() - m_panFrom->x()) * secondsPerPixel;
        applyRange(m_panStartRange.lower + shift, m_panStartRange.upper + shift, true);
        event->accept();
        return;
    }
    QCustomPlot::mouseMoveEvent(event);
}

void TimelinePlot::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        m_panFrom.reset();
        unsetCursor();
        event->accept();
        return;
    }
    QCustomPlot::mouseReleaseEvent(event);
}

void TimelinePlot::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        event->accept();
        return;
    }
    QCustomPlot::mouseDoubleClickEvent(event);
}

void TimelinePlot::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        panBy(-event->angleDelta().x() / 120.0 * 0.1);
    } else {
        const double about = xAxis->pixelToCoord(event->position().x());
        zoomBy(std::pow(0.85, steps), about);
    }
    event->accept();
}

void TimelinePlot::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(0.5); break;
    case Qt::Key_Minus: zoomBy(2); break;
    case Qt::Key_Left: panBy(-0.25); break;
    case Qt::Key_Right: panBy(0.25); break;
    case Qt::Key_Home: resetZoom(); break;
    default: QCustomPlot::keyPressEvent(event); return;
    }
    event->accept();
}

bool TimelinePlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = axisRect()->rect().contains(help->pos()) ? toolTipAt(help->pos().x())
                                                                       : legendToolTip(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QCustomPlot::event(event);
}

} // namespace flowscope
