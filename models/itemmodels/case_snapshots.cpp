// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_snapshots.h"

#include "explain/snapshot_store.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <exception>

namespace flowscope {

namespace {

// Which snapshots the caller's connection sees. A job that began reading
// before a snapshot was stored sees the case without it: the timeline it
// loads must not be served to the jobs that come after the store.
std::int64_t snapshotsKey(CaseDb &caseDb)
{
    try {
        return queryInt(caseDb.handle(), "SELECT coalesce(max(id), 0) * 1000003 + count(*) FROM config_snapshot");
    } catch (const std::exception &) {
        return 0; // a case from before snapshots
    }
}

} // namespace

std::shared_ptr<const explain::SnapshotTimeline> CaseSnapshots::timeline(const QString &casePath, CaseDb &caseDb)
{
    const std::int64_t key = snapshotsKey(caseDb);
    std::lock_guard lock(m_mutex);
    if (!m_timeline || m_casePath != casePath || m_key != key) {
        m_casePath = casePath;
        m_key = key;
        m_timeline = std::make_shared<const explain::SnapshotTimeline>(explain::loadSnapshotTimeline(caseDb));
    }
    return m_timeline;
}

void CaseSnapshots::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_timeline.reset();
}

} // namespace flowscope
