// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration snapshots of the open case, parsed once and shared by the
// views that explain rejects (the panel and the overview), on whatever
// worker thread first needs them. A snapshot loaded into the case later
// or removed makes them stale (invalidate()); a caller whose connection sees other
// snapshots than the ones kept gets them read again.

#include "explain/snapshot_timeline.h"

#include <QString>

#include <cstdint>

#include <memory>
#include <mutex>
#include <string>

namespace flowscope {

class CaseDb;

class CaseSnapshots {
public:
    // The case's snapshots, read through `caseDb` (a connection to
    // `casePath`) the first time and kept until invalidate().
    std::shared_ptr<const explain::SnapshotTimeline> timeline(const QString &casePath, CaseDb &caseDb);
    void invalidate();

private:
    std::mutex m_mutex;
    QString m_casePath;
    std::string m_key; // the snapshots m_timeline was read with (see case_snapshots.cpp)
    std::shared_ptr<const explain::SnapshotTimeline> m_timeline;
};

} // namespace flowscope
