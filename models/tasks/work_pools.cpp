// SPDX-License-Identifier: GPL-3.0-or-later
#include "work_pools.h"

#include <QThreadPool>

#include <latch>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace flowscope {

namespace {

// Work in the background yields the processor to the GUI thread and to the
// threads of Qt's global pool, on which the raster engine fills while the
// GUI thread waits: on two cores, scans of three threads each at the same
// priority kept a paint waiting a tenth of a second for its time slices.
// A niceness of 10 gives a background thread about a tenth of the share of
// a normal one when both want the processor, and all of it otherwise.
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    constexpr int kBackgroundNiceness = 10;
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNiceness);
#endif
}

// Process-wide, destroyed at exit after waiting for what still runs (the
// models that start jobs wait for theirs when they go).
struct NamedPool : QThreadPool {
    NamedPool(const char *name, int threads)
    {
        setObjectName(QString::fromLatin1(name));
        setMaxThreadCount(threads);
        // Every thread of the pool at a background priority, for good: each
        // is started now and lowers itself (the threads a job starts, like a
        // scan's decoders, inherit it), and none expires to be replaced by
        // one at normal priority.
        setExpiryTimeout(-1);
        auto started = std::make_shared<std::latch>(threads);
        for (int i = 0; i < threads; ++i)
            start([started] {
                lowerThisThreadsPriority();
                started->arrive_and_wait(); // so that each of these runs on a thread of its own
            });
    }
};

} // namespace

QThreadPool *analysisPool()
{
    // Statistics, timeline and later analyses may each run one job at once.
    static NamedPool pool("flowscope-analysis", 4);
    return &pool;
}

QThreadPool *lookupPool()
{
    static NamedPool pool("flowscope-lookup", 2);
    return &pool;
}

QThreadPool *settingsWriter()
{
    static NamedPool pool("flowscope-settings", 1);
    return &pool;
}

} // namespace flowscope
