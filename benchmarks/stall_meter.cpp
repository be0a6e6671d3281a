// SPDX-License-Identifier: GPL-3.0-or-later
#include "stall_meter.h"

#include <QFile>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <execinfo.h>
#include <pthread.h>
#include <unistd.h>

namespace flowscope::bench {

namespace {

// The stack of the thread the signal lands on, as raw frames on stderr;
// backtrace() was called once before, so it allocates nothing here.
void printStack(int)
{
    void *frames[64];
    const int depth = backtrace(frames, 64);
    backtrace_symbols_fd(frames, depth, STDERR_FILENO);
    static const char end[] = "-- end of stack\n";
    [[maybe_unused]] const auto written = write(STDERR_FILENO, end, sizeof end - 1);
}

double statusMb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

StallFigures summarise(const QString &phase, std::vector<double> stalls)
{
    StallFigures figures{phase, stalls.size()};
    if (stalls.empty())
        return figures;
    std::sort(stalls.begin(), stalls.end());
    auto at = [&](double q) { return stalls[std::min(stalls.size() - 1, std::size_t(q * double(stalls.size())))]; };
    figures.median = at(0.5);
    figures.p99 = at(0.99);
    figures.max = stalls.back();
    return figures;
}

} // namespace

double peakRssMb() { return statusMb("VmHWM:"); }
double currentRssMb() { return statusMb("VmRSS:"); }

StallMeter::StallMeter(bool traces)
    : m_traces(traces)
{
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &StallMeter::tick);
    m_phases.push_back(QStringLiteral("start"));
}

StallMeter::~StallMeter()
{
    m_stop = true;
    if (m_watchdog.joinable())
        m_watchdog.join();
}

void StallMeter::start()
{
    m_sinceStart.start();
    m_clock.start();
    m_ticker.start();
    if (m_traces) {
        void *warm[4];
        backtrace(warm, 4);
        std::signal(SIGUSR2, printStack);
        m_watchdog = std::thread([this, owner = pthread_self()] {
            qint64 traced = -1, tracedAt = 0;
            while (!m_stop) {
                std::this_thread::sleep_for(std::chrono::milliseconds(kTickMs));
                const qint64 last = m_lastTickMs.load();
                const qint64 now = m_sinceStart.elapsed();
                // A stall's first stack, then one every 100 ms while it lasts.
                if (now - last > kTraceAfterMs && (last != traced || now - tracedAt >= 100)) {
                    traced = last;
                    tracedAt = now;
                    QString phase;
                    {
                        std::lock_guard lock(m_phaseMutex);
                        phase = m_phases.back();
                    }
                    std::fprintf(stderr, "-- stalled over %d ms at %.3f s, phase %s\n", kTraceAfterMs,
                                 double(m_sinceStart.elapsed()) / 1000.0, qPrintable(phase));
                    pthread_kill(owner, SIGUSR2);
                }
            }
        });
    }
}

void StallMeter::setPhase(const QString &phase)
{
    std::lock_guard lock(m_phaseMutex);
    m_phases.push_back(phase);
}

void StallMeter::tick()
{
    m_samples.push_back({int(m_phases.size()) - 1, std::max(0.0, double(m_clock.nsecsElapsed()) / 1e6 - kTickMs)});
    m_clock.restart();
    m_lastTickMs = m_sinceStart.elapsed();
}

std::vector<StallFigures> StallMeter::figures() const
{
    std::vector<StallFigures> out;
    std::vector<double> all;
    for (int phase = 0; phase < int(m_phases.size()); ++phase) {
        std::vector<double> stalls;
        for (const Sample &sample : m_samples)
            if (sample.phase == phase)
                stalls.push_back(sample.stallMs);
        all.insert(all.end(), stalls.begin(), stalls.end());
        if (!stalls.empty())
            out.push_back(summarise(m_phases[std::size_t(phase)], std::move(stalls)));
    }
    out.push_back(summarise(QStringLiteral("all"), std::move(all)));
    return out;
}

} // namespace flowscope::bench
