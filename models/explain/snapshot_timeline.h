// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration snapshots of a case in time order, and the one in force at
// a record's time: the newest taken at or before it. A record older than every
// snapshot gets the oldest, and the explanation says how far apart they are,
// since the configuration may have changed in between.

#include "config_snapshot.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace flowscope::explain {

struct TimedSnapshot {
    qint64 id = 0; // the case's snapshot id
    QDateTime asOf;
    std::shared_ptr<const ConfigSnapshot> snapshot;
};

struct SnapshotInForce {
    qint64 id = 0;
    QDateTime asOf;
    const ConfigSnapshot *snapshot = nullptr;
    qint64 secondsApart = 0; // record time minus as-of: negative when the snapshot is newer
    bool takenAfter() const { return secondsApart < 0; }
};

class SnapshotTimeline {
public:
    void add(TimedSnapshot snapshot);
    bool isEmpty() const { return m_snapshots.empty(); }
    const std::vector<TimedSnapshot> &snapshots() const { return m_snapshots; }
    std::optional<SnapshotInForce> inForceAt(qint64 epochSeconds) const;

private:
    std::vector<TimedSnapshot> m_snapshots; // by as-of, oldest first
};

// A snapshot taken far (over a week) before the case's first record or after
// its last: "taken 9 months after the case's last record: explanations of
// earlier records may not match the configuration then". Empty when it is
// close, or the case has no record times.
QString snapshotDistanceNote(const QDateTime &asOf, std::optional<qint64> firstRecord, std::optional<qint64> lastRecord);

} // namespace flowscope::explain
