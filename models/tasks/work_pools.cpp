// SPDX-License-Identifier: GPL-3.0-or-later
#include "work_pools.h"

#include <QThreadPool>

namespace flowscope {

namespace {

// Process-wide, destroyed at exit after waiting for what still runs (the
// models that start jobs wait for theirs when they go).
struct NamedPool : QThreadPool {
    NamedPool(const char *name, int threads)
    {
        setObjectName(QString::fromLatin1(name));
        setMaxThreadCount(threads);
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

} // namespace flowscope
