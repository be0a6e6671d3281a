// SPDX-License-Identifier: GPL-3.0-or-later
#include "minute_rollup.h"

#include "time_buckets.h"

#include <limits>

namespace flowscope {

namespace {

constexpr BucketGrid kMinutes{0, 60, 0};

// Where minute `index` from the epoch begins; the one minute that would
// begin before the lowest second there is starts at that second.
std::int64_t minuteStart(std::int64_t index)
{
    return index < std::numeric_limits<std::int64_t>::min() / 60 ? std::numeric_limits<std::int64_t>::min() : index * 60;
}

} // namespace

void MinuteRollup::add(const EncodedFlow &flow)
{
    if (!flow.has(Field::Start))
        return; // a record without a time has no place on a timeline
    const std::uint8_t action = rollupActionCode(flow);
    const std::uint8_t logStatus = rollupLogStatusCode(flow);
    const auto packets = static_cast<std::int64_t>(flow.has(Field::Packets) ? flow.packets : 0);
    const auto bytes = static_cast<std::int64_t>(flow.has(Field::Bytes) ? flow.bytes : 0);
    const std::int64_t last = lastSecondOf(flow);

    const std::int64_t startIndex = kMinutes.indexOf(flow.start); // floor: right before 1970 too
    const std::int64_t lastIndex = kMinutes.indexOf(last);
    RollupTotals &byStart = m_totals[RollupKey{minuteStart(startIndex), flow.interface, action, logStatus}];
    ++byStart.flows;
    byStart.packets += packets;
    byStart.bytes += bytes;
    if (lastIndex == startIndex) { // the common case: the whole record in its minute
        byStart.spreadPackets += packets;
        byStart.spreadBytes += bytes;
        return;
    }

    if (lastIndex - startIndex >= kMaxSpreadMinutes) {
        m_longSpans.push_back({flow.interface, action, logStatus, flow.start, last, packets, bytes});
        return;
    }
    if (packets == 0 && bytes == 0)
        return;
    const SpanShares packetShares(kMinutes, flow.start, last, static_cast<std::uint64_t>(packets), true);
    const SpanShares byteShares(kMinutes, flow.start, last, static_cast<std::uint64_t>(bytes), true);
    for (std::int64_t index = startIndex; index <= lastIndex; ++index) {
        const auto packetShare = static_cast<std::int64_t>(packetShares.at(index));
        const auto byteShare = static_cast<std::int64_t>(byteShares.at(index));
        if (packetShare == 0 && byteShare == 0)
            continue;
        // Looked up again: adding other minutes may move the entries (byStart too).
        RollupTotals &totals = m_totals[RollupKey{minuteStart(index), flow.interface, action, logStatus}];
        totals.spreadPackets += packetShare;
        totals.spreadBytes += byteShare;
    }
}

std::vector<std::pair<RollupKey, RollupTotals>> MinuteRollup::takeMinutesBefore(std::int64_t minute)
{
    std::vector<std::pair<RollupKey, RollupTotals>> taken;
    std::vector<std::pair<RollupKey, RollupTotals>> kept;
    for (const auto &entry : m_totals)
        (entry.first.minute < minute ? taken : kept).push_back(entry);
    if (taken.empty())
        return taken;
    m_totals.clear();
    for (const auto &[key, totals] : kept)
        m_totals[key] = totals;
    return taken;
}

void MinuteRollup::clear()
{
    m_totals.clear();
    m_longSpans.clear();
}

RollupMinuteWriter::RollupMinuteWriter(sqlite3 *db)
    : m_upsert(db, "INSERT INTO rollup_minute(minute, interface, action, log_status, flows, packets, bytes,"
                   " spread_packets, spread_bytes) VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET"
                   " flows = flows + excluded.flows, packets = packets + excluded.packets,"
                   " bytes = bytes + excluded.bytes, spread_packets = spread_packets + excluded.spread_packets,"
                   " spread_bytes = spread_bytes + excluded.spread_bytes")
{
}

void RollupMinuteWriter::add(const RollupKey &key, const RollupTotals &totals, std::int64_t sign)
{
    m_upsert.bind(1, key.minute);
    m_upsert.bind(2, static_cast<std::int64_t>(key.interface));
    m_upsert.bind(3, key.action);
    m_upsert.bind(4, key.logStatus);
    m_upsert.bind(5, sign * totals.flows);
    m_upsert.bind(6, sign * totals.packets);
    m_upsert.bind(7, sign * totals.bytes);
    m_upsert.bind(8, sign * totals.spreadPackets);
    m_upsert.bind(9, sign * totals.spreadBytes);
    m_upsert.exec();
}

RollupMinuteTotalWriter::RollupMinuteTotalWriter(sqlite3 *db)
    : m_upsert(db, "INSERT INTO rollup_minute_total(minute, action, log_status, flows, packets, bytes,"
                   " spread_packets, spread_bytes) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET"
                   " flows = flows + excluded.flows, packets = packets + excluded.packets,"
                   " bytes = bytes + excluded.bytes, spread_packets = spread_packets + excluded.spread_packets,"
                   " spread_bytes = spread_bytes + excluded.spread_bytes")
{
}

void RollupMinuteTotalWriter::add(const RollupKey &key, const RollupTotals &totals)
{
    // Minutes are epoch seconds of whole minutes: the shift keeps their sign and order.
    RollupTotals &sum = m_sums[static_cast<std::uint64_t>(key.minute) << 16 | std::uint64_t(key.action) << 8
                               | key.logStatus];
    sum.flows += totals.flows;
    sum.packets += totals.packets;
    sum.bytes += totals.bytes;
    sum.spreadPackets += totals.spreadPackets;
    sum.spreadBytes += totals.spreadBytes;
}

void RollupMinuteTotalWriter::flush()
{
    for (const auto &[key, totals] : m_sums) {
        m_upsert.bind(1, static_cast<std::int64_t>(key) >> 16);
        m_upsert.bind(2, static_cast<std::int64_t>((key >> 8) & 0xff));
        m_upsert.bind(3, static_cast<std::int64_t>(key & 0xff));
        m_upsert.bind(4, totals.flows);
        m_upsert.bind(5, totals.packets);
        m_upsert.bind(6, totals.bytes);
        m_upsert.bind(7, totals.spreadPackets);
        m_upsert.bind(8, totals.spreadBytes);
        m_upsert.exec();
    }
    m_sums.clear();
}

void deriveRollupMinuteTotals(sqlite3 *db)
{
    execSql(db, "DELETE FROM rollup_minute_total;"
                " INSERT INTO rollup_minute_total(minute, action, log_status, flows, packets, bytes, spread_packets,"
                " spread_bytes) SELECT minute, action, log_status, sum(flows), sum(packets), sum(bytes),"
                " sum(spread_packets), sum(spread_bytes) FROM rollup_minute GROUP BY minute, action, log_status");
}

} // namespace flowscope
