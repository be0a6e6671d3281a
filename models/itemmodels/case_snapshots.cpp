// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_snapshots.h"

#include "explain/snapshot_store.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <exception>

namespace flowscope {

namespace {

// Which snapshots the caller's connection sees. A job that began reading
// before a snapshot was stored or removed sees the case without that change:
// the timeline it loads must not be served to the jobs that come after it.
// Ids are reused after a removal, so a snapshot is told by its times and its
// files' SHA-256 too.
std::string snapshotsKey(CaseDb &caseDb)
{
    try {
        Statement key(caseDb.handle(),
                      "SELECT coalesce(group_concat(s.id || ':' || s.as_of || ':' || s.loaded_at || ':' ||"
                      " (SELECT coalesce(group_concat(f.sha256), '') FROM config_snapshot_file f WHERE f.snapshot = s.id), ','), '')"
                      " FROM (SELECT id, as_of, loaded_at FROM config_snapshot ORDER BY id) s");
        return key.step() ? key.text(0) : std::string();
    } catch (const std::exception &) {
        return {}; // a case from before snapshots
    }
}

} // namespace

std::shared_ptr<const explain::SnapshotTimeline> CaseSnapshots::timeline(const QString &casePath, CaseDb &caseDb)
{
    const std::string key = snapshotsKey(caseDb);
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
