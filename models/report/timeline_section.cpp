// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_section.h"

#include "axis_ticks.h"
#include "report_canvas.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TimelineSection", text);
}

QString utc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

const QColor kAccept(0x3a, 0x87, 0x5a);
const QColor kReject(0xc2, 0x3b, 0x3b);

// The top of a stacked series as a closed area over its base.
QPainterPath area(const std::vector<QPointF> &top, const std::vector<QPointF> &base)
{
    QPainterPath path;
    if (top.empty())
        return path;
    path.moveTo(top.front());
    for (const QPointF &point : top)
        path.lineTo(point);
    for (auto it = base.rbegin(); it != base.rend(); ++it)
        path.lineTo(*it);
    path.closeSubpath();
    return path;
}

} // namespace

TimelineSection::TimelineSection(CaseDb &caseDb, const CaseFilter &filter, const std::function<bool()> &cancelled)
{
    TimelineOptions options;
    options.caseRange = true;
    options.targetBuckets = 240;
    options.cancelled = cancelled;
    m_timeline = computeTimeline(caseDb, filter, options);
}

QString TimelineSection::title() const
{
    return tr("Timeline");
}

void TimelineSection::render(ReportCanvas &canvas) const
{
    std::uint64_t accept = 0, reject = 0, peak = 0;
    for (const TimelineBucket &bucket : m_timeline.buckets) {
        accept += bucket.accept;
        reject += bucket.reject;
        peak = std::max<std::uint64_t>(peak, bucket.accept + bucket.reject);
    }
    const QLocale locale = QLocale::system();
    canvas.paragraph(tr("Records the filter keeps per %1 s bucket, from %2 to %3 UTC: %4 ACCEPT, %5 REJECT.")
                         .arg(m_timeline.bucketSeconds)
                         .arg(utc(m_timeline.range.begin), utc(m_timeline.range.end))
                         .arg(locale.toString(static_cast<qulonglong>(accept)),
                              locale.toString(static_cast<qulonglong>(reject))));
    if (m_timeline.buckets.empty() || peak == 0) {
        canvas.paragraph(tr("No ACCEPT or REJECT record in this range."), false, true);
        return;
    }
    const QRectF room = canvas.reserve(250);
    QPainter &painter = canvas.painter();
    painter.save();
    const QRectF plot = room.adjusted(48, 8, -8, -36);
    const double span = std::max<std::int64_t>(1, m_timeline.range.end - m_timeline.range.begin);
    auto xOf = [&](std::int64_t seconds) { return plot.left() + plot.width() * double(seconds - m_timeline.range.begin) / span; };
    const AxisTicks ticks = roundTicks(peak);
    auto yOf = [&](double value) { return plot.bottom() - plot.height() * value / double(ticks.top); };

    // Steps: each bucket holds its value across its width.
    std::vector<QPointF> base, acceptTop, totalTop;
    for (const TimelineBucket &bucket : m_timeline.buckets) {
        const double left = xOf(bucket.start), right = xOf(bucket.start + m_timeline.bucketSeconds);
        for (double x : {left, std::min(right, plot.right())}) {
            base.emplace_back(x, plot.bottom());
            acceptTop.emplace_back(x, yOf(double(bucket.accept)));
            totalTop.emplace_back(x, yOf(double(bucket.accept + bucket.reject)));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillPath(area(acceptTop, base), kAccept);
    painter.fillPath(area(totalTop, acceptTop), kReject);

    painter.setPen(QPen(Qt::black, 0.6));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    painter.setFont(canvas.font(7));
    for (const std::uint64_t value : ticks.values()) {
        const double y = yOf(double(value));
        painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0.4));
        if (value > 0)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(room.left(), y - 6, 44, 12), Qt::AlignRight | Qt::AlignVCenter,
                         locale.toString(qulonglong(value)));
    }
    for (int i = 0; i <= 4; ++i) {
        const std::int64_t seconds = m_timeline.range.begin + std::int64_t(span * i / 4);
        const double x = xOf(seconds);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        const int align = i == 0 ? Qt::AlignLeft : i == 4 ? Qt::AlignRight : Qt::AlignHCenter;
        const double left = i == 0 ? x : i == 4 ? x - 120 : x - 60;
        painter.drawText(QRectF(left, plot.bottom() + 4, 120, 12), align | Qt::AlignTop, utc(seconds));
    }
    const double legendY = room.bottom() - 12;
    painter.fillRect(QRectF(plot.left(), legendY + 2, 8, 8), kAccept);
    painter.drawText(QRectF(plot.left() + 12, legendY, 80, 12), Qt::AlignLeft | Qt::AlignVCenter, tr("ACCEPT"));
    painter.fillRect(QRectF(plot.left() + 80, legendY + 2, 8, 8), kReject);
    painter.drawText(QRectF(plot.left() + 92, legendY, 80, 12), Qt::AlignLeft | Qt::AlignVCenter, tr("REJECT"));
    painter.restore();
    if (!m_timeline.coverage.empty())
        canvas.paragraph(QCoreApplication::translate(
                             "TimelineSection",
                             "%n interface(s) had periods without flow logs (NODATA or SKIPDATA) in this range.",
                             nullptr, int(m_timeline.coverage.size())),
                         true);
}

} // namespace flowscope::report
