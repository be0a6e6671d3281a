// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline's value axis ticks: never closer than a readable spacing
// (fewer ticks on a short plot), whole numbers for counts, round steps, and
// in log scale whole decades (every second or third one when short). The
// plot tells the tickers how many intervals its height holds; the labels are
// TimelinePlot::valueLabel()'s (bytes in B, kB, MB, GB; counts grouped).

#include "analysis/timeline.h"

#include "qcustomplot_include.h"

namespace flowscope {

// How many tick intervals an axis of `axisPixels` holds with at least
// `minimumSpacing` pixels between two ticks (at least one).
int valueTickIntervals(int axisPixels, int minimumSpacing);
// The smallest round step (1, 2, 2.5 or 5 times a power of ten) that cuts
// `rangeSize` into at most `intervals` parts; whole (at least 1, never 2.5)
// when `whole`.
double roundValueStep(double rangeSize, int intervals, bool whole);
// Every how many decades a log axis from `lower` to `upper` (both > 0) has a
// tick, for at most `intervals` intervals.
int logDecadeStep(double lower, double upper, int intervals);

class ValueTicker : public QCPAxisTicker {
public:
    TimelineMetric metric = TimelineMetric::Flows;
    int intervals = 5;

protected:
    double getTickStep(const QCPRange &range) override;
    QString getTickLabel(double tick, const QLocale &, QChar, int) override;
};

class LogValueTicker : public QCPAxisTickerLog {
public:
    TimelineMetric metric = TimelineMetric::Flows;
    int intervals = 5;

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &, QChar, int) override;

private:
    int m_decadeStep = 1;
};

} // namespace flowscope
