// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_snapshots.h"

#include "explain/snapshot_store.h"

namespace flowscope {

std::shared_ptr<const explain::SnapshotTimeline> CaseSnapshots::timeline(const QString &casePath, CaseDb &caseDb)
{
    std::lock_guard lock(m_mutex);
    if (!m_timeline || m_casePath != casePath) {
        m_casePath = casePath;
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
