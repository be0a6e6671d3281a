// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-minute totals (by interface, action and log status) gathered while
// blocks are written, so the timeline of a whole case never scans records:
// flows, packets and bytes by the minute a record starts in, and the shares
// of its packets and bytes that fall in each minute of its span, worked out
// as the timeline spreads them (SpanShares over minutes from the epoch).
// Records spanning more than a day are kept whole instead, for a reader to
// spread over its own buckets.

#include "dense_hash_map.h"
#include "encoded_flow.h"
#include "sqlite_handle.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace flowscope {

// Spans over this many minutes go to the long spans, not the minute rows.
constexpr std::int64_t kMaxSpreadMinutes = 1440;

struct RollupKey {
    std::int64_t minute; // epoch seconds where the minute begins
    std::uint32_t interface;
    std::uint8_t action;    // 0 ACCEPT, 1 REJECT, 2 absent
    std::uint8_t logStatus; // 0 OK, 1 NODATA, 2 SKIPDATA, 3 absent
    friend bool operator==(const RollupKey &, const RollupKey &) = default;
};

inline std::uint8_t rollupActionCode(const EncodedFlow &flow)
{
    return static_cast<std::uint8_t>(flow.has(Field::Action) ? static_cast<int>(flow.action) : 2);
}

inline std::uint8_t rollupLogStatusCode(const EncodedFlow &flow)
{
    return static_cast<std::uint8_t>(flow.has(Field::LogStatus) ? static_cast<int>(flow.logStatus) : 3);
}

struct RollupTotals {
    // Of the records starting in the minute.
    std::int64_t flows = 0;
    std::int64_t packets = 0;
    std::int64_t bytes = 0;
    // The shares of the minute, from the records whose span covers it.
    std::int64_t spreadPackets = 0;
    std::int64_t spreadBytes = 0;
};

// Adds a minute row's totals, times `sign`, to rollup_minute (an import adds
// with 1; a record replaced in place takes its old copy's away with -1).
class RollupMinuteWriter {
public:
    explicit RollupMinuteWriter(sqlite3 *db);
    void add(const RollupKey &key, const RollupTotals &totals, std::int64_t sign = 1);

private:
    Statement m_upsert;
};

// Adds minute rows to rollup_minute_total, rollup_minute summed over the
// interfaces (a row per minute, action and log status): the timeline of the
// whole case reads a few thousand rows a day instead of one per minute and
// interface. Rows come from MinuteRollup totals, summed here first.
class RollupMinuteTotalWriter {
public:
    explicit RollupMinuteTotalWriter(sqlite3 *db);
    void add(const RollupKey &key, const RollupTotals &totals);
    // Writes what was added and forgets it.
    void flush();

private:
    Statement m_upsert;
    std::unordered_map<std::uint64_t, RollupTotals> m_sums; // key: minute << 16 | action << 8 | log status
};

// Fills rollup_minute_total from rollup_minute, inside the caller's
// transaction: for a case written before the table existed.
void deriveRollupMinuteTotals(sqlite3 *db);

struct RollupKeyHash {
    std::uint64_t operator()(const RollupKey &k) const noexcept
    {
        return mixBits(static_cast<std::uint64_t>(k.minute) ^ mixBits(std::uint64_t(k.interface) << 16
                                                                       | std::uint64_t(k.action) << 8 | k.logStatus));
    }
};

// A record spanning more than kMaxSpreadMinutes minutes, with the codes of
// RollupKey.
struct LongSpan {
    std::uint32_t interface = 0;
    std::uint8_t action = 0;
    std::uint8_t logStatus = 0;
    std::int64_t start = 0;
    std::int64_t last = 0; // the inclusive last second
    std::int64_t packets = 0;
    std::int64_t bytes = 0;
};

// The inclusive last second of a record as the timeline reads it: its end,
// or its start when the end is missing or earlier.
inline std::int64_t lastSecondOf(const EncodedFlow &flow)
{
    return flow.has(Field::End) ? std::max(flow.start, flow.end) : flow.start;
}

class MinuteRollup {
public:
    void add(const EncodedFlow &flow);
    const DenseHashMap<RollupKey, RollupTotals, RollupKeyHash> &totals() const { return m_totals; }
    const std::vector<LongSpan> &longSpans() const { return m_longSpans; }
    // Entries held: what a writer weighs to bound memory.
    std::size_t size() const { return m_totals.size() + m_longSpans.size(); }
    // Takes out the entries of the minutes that begin before `minute`,
    // keeping the others (and the long spans).
    std::vector<std::pair<RollupKey, RollupTotals>> takeMinutesBefore(std::int64_t minute);
    void clear();

private:
    DenseHashMap<RollupKey, RollupTotals, RollupKeyHash> m_totals;
    std::vector<LongSpan> m_longSpans;
};

} // namespace flowscope
