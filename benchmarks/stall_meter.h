// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Event-loop stalls as an analyst feels them: a 5 ms timer on the thread that
// owns the meter, whose lateness is how long that thread could not answer.
// Stalls are kept per phase (open, filters, zoom ...), so a figure says what
// the window was doing. With traces on, a watchdog thread prints the stalled
// thread's stack (raw frames for addr2line) when it stalls over 50 ms, and
// every 100 ms while the stall lasts.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace flowscope::bench {

struct StallFigures {
    QString phase;
    std::size_t ticks = 0;
    double median = 0, p99 = 0, max = 0;
};

class StallMeter : public QObject {
public:
    static constexpr int kTickMs = 5;
    static constexpr int kTraceAfterMs = 50;

    explicit StallMeter(bool traces = false);
    ~StallMeter() override;

    void start();
    // Later stalls count in `phase`.
    void setPhase(const QString &phase);
    // Per phase in the order they began, then "all".
    std::vector<StallFigures> figures() const;

private:
    void tick();
    void watch();

    struct Sample {
        int phase;
        double stallMs;
    };
    QTimer m_ticker;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceStart;
    mutable std::mutex m_phaseMutex; // the watchdog names the phase
    std::vector<QString> m_phases;
    std::vector<Sample> m_samples;
    bool m_traces;
    std::atomic<qint64> m_lastTickMs{0};
    std::atomic<bool> m_stop{false};
    std::thread m_watchdog;
};

// The process's peak resident set (VmHWM) and current one (VmRSS), in MB.
double peakRssMb();
double currentRssMb();

} // namespace flowscope::bench
