// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_timeline.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>

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

namespace {

constexpr qint64 kDay = 24 * 3600;
constexpr qint64 kCloseEnough = 7 * kDay; // a week: configurations seldom change in between unnoticed

// "9 months", "3 weeks", "10 days", in the largest unit that fits.
QString spanWords(qint64 seconds)
{
    const qint64 days = seconds / kDay;
    if (days >= 365 * 2)
        return QCoreApplication::translate("flowscope::explain::SnapshotTimeline", "%1 years", nullptr, -1).arg(days / 365);
    if (days >= 60)
        return QCoreApplication::translate("flowscope::explain::SnapshotTimeline", "%1 months", nullptr, -1).arg(days / 30);
    if (days >= 14)
        return QCoreApplication::translate("flowscope::explain::SnapshotTimeline", "%1 weeks", nullptr, -1).arg(days / 7);
    return QCoreApplication::translate("flowscope::explain::SnapshotTimeline", "%1 days", nullptr, -1).arg(days);
}

} // namespace

QString snapshotDistanceNote(const QDateTime &asOf, std::optional<qint64> firstRecord, std::optional<qint64> lastRecord)
{
    if (!asOf.isValid() || !firstRecord || !lastRecord)
        return {};
    const qint64 taken = asOf.toSecsSinceEpoch();
    if (taken > *lastRecord + kCloseEnough)
        return QCoreApplication::translate("flowscope::explain::SnapshotTimeline", "taken %1 after the case's last record: explanations of earlier records may not match the configuration then", nullptr, -1)
            .arg(spanWords(taken - *lastRecord));
    if (taken < *firstRecord - kCloseEnough)
        return QCoreApplication::translate("flowscope::explain::SnapshotTimeline", "taken %1 before the case's first record: explanations of later records may not match the configuration then", nullptr, -1)
            .arg(spanWords(*firstRecord - taken));
    return {};
}

} // namespace flowscope::explain
