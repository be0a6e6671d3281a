// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Computes timelines off the GUI thread for a view that asks again on every
// zoom, pan or filter change: one computation at a time, only the newest
// waiting request kept, and a running computation that a newer request has
// made stale is cancelled and its result dropped.

#include "analysis/timeline.h"

#include "tasks/latest_result_job.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace flowscope {

struct TimelineRequest {
    QString casePath;
    QString filter; // display filter text; empty selects every record
    TimelineOptions options;
};

struct TimelineResult {
    TimelineRequest request;
    Timeline timeline;
    QString error; // set instead of a timeline when the request failed
    bool cancelled = false; // stopped early by a newer request or a cancel: never delivered
};

class TimelineLoader : public QObject {
    Q_OBJECT
public:
    explicit TimelineLoader(QObject *parent = nullptr);
    ~TimelineLoader() override;

    void request(TimelineRequest request);
    // Drops what is waiting and cancels what runs; nothing more is delivered
    // for requests made before.
    void cancel();
    bool isBusy() const { return m_job.isBusy(); }
    // Computations started so far (for tests of coalescing).
    int started() const { return m_job.started(); }
    // Computations that a newer request or a cancel stopped before their end.
    int stoppedEarly() const { return m_stoppedEarly->load(); }
    // Called on the worker as each computation starts (tests hold a
    // computation there to make it long).
    void setStartHook(std::function<void()> hook) { m_startHook = std::move(hook); }

Q_SIGNALS:
    // The result of the newest request.
    void finished(const flowscope::TimelineResult &result);

private:
    std::function<void()> m_startHook;
    const std::shared_ptr<std::atomic<int>> m_stoppedEarly = std::make_shared<std::atomic<int>>(0);
    LatestResultJob<TimelineResult> m_job;
};

} // namespace flowscope
