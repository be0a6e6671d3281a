// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_value_ticker.h"

#include "timeline_plot.h"

#include <algorithm>
#include <cmath>

namespace flowscope {

int valueTickIntervals(int axisPixels, int minimumSpacing)
{
    return std::max(1, axisPixels / std::max(1, minimumSpacing));
}

double roundValueStep(double rangeSize, int intervals, bool whole)
{
    rangeSize = std::abs(rangeSize);
    const double exact = rangeSize / std::max(1, intervals);
    if (!(exact > 0) || !std::isfinite(exact))
        return 1;
    // The round steps from the one below `exact` up, each power of ten computed
    // afresh (multiplying 0.1 up by tens drifts off whole numbers).
    double below = 0;
    for (int exponent = int(std::floor(std::log10(exact)));; ++exponent) {
        const double power = std::pow(10.0, exponent);
        for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double step = mantissa * power;
            if (whole && (step < 1 || step != std::floor(step)))
                continue;
            if (step < exact * (1 - 1e-9)) {
                below = step;
                continue;
            }
            // Rounded up, the ticks are never closer than the spacing asked for;
            // but a step past the whole range would leave one tick in view:
            // then the largest round step within it (two ticks on a short axis).
            return step > rangeSize && below > 0 ? below : step;
        }
    }
}

int logDecadeStep(double lower, double upper, int intervals)
{
    if (!(lower > 0) || !(upper > lower))
        return 1;
    const double decades = std::log10(upper / lower);
    return std::max(1, int(std::ceil(decades / std::max(1, intervals) - 1e-9)));
}

double ValueTicker::getTickStep(const QCPRange &range)
{
    return roundValueStep(range.size(), intervals, true);
}

QString ValueTicker::getTickLabel(double tick, const QLocale &, QChar, int)
{
    return TimelinePlot::valueLabel(tick, metric, QLocale());
}

// Whole decades only: a log axis of less than two decades (a few flows per
// bucket) still gets 1 and 10 rather than a crowd of linear ticks near its top.
QVector<double> LogValueTicker::createTickVector(double, const QCPRange &range)
{
    QVector<double> ticks;
    if (!(range.lower > 0) || !(range.upper > range.lower))
        return ticks;
    m_decadeStep = logDecadeStep(range.lower, range.upper, intervals);
    const int first = int(std::floor(std::log10(range.lower) / m_decadeStep)) * m_decadeStep;
    for (int exponent = first;; exponent += m_decadeStep) {
        ticks << std::pow(10.0, exponent);
        if (ticks.last() >= range.upper)
            break;
    }
    return ticks;
}

// The 2..9 between two decades; none between ticks decades apart, where
// linear sub-ticks would mislead.
int LogValueTicker::getSubTickCount(double) { return m_decadeStep == 1 ? 8 : 0; }

QString LogValueTicker::getTickLabel(double tick, const QLocale &, QChar, int)
{
    return TimelinePlot::valueLabel(tick, metric, QLocale());
}

} // namespace flowscope
