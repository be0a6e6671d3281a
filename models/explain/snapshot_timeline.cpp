// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_timeline.h"

#include <algorithm>

namespace flowscope::explain {

void SnapshotTimeline::add(TimedSnapshot snapshot)
{
    const auto at = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), snapshot.asOf,
                                     [](const QDateTime &asOf, const TimedSnapshot &other) { return asOf < other.asOf; });
    m_snapshots.insert(at, std::move(snapshot));
}

std::optional<SnapshotInForce> SnapshotTimeline::inForceAt(qint64 epochSeconds) const
{
    if (m_snapshots.empty())
        return std::nullopt;
    // The last snapshot taken at or before the record, else the oldest.
    const auto after = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), epochSeconds,
                                        [](qint64 time, const TimedSnapshot &s) { return time < s.asOf.toSecsSinceEpoch(); });
    const TimedSnapshot &chosen = after == m_snapshots.begin() ? m_snapshots.front() : *std::prev(after);
    return SnapshotInForce{chosen.id, chosen.asOf, chosen.snapshot.get(), epochSeconds - chosen.asOf.toSecsSinceEpoch()};
}

} // namespace flowscope::explain
