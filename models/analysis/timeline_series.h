// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two halves of a timeline as they are gathered: ACCEPT/REJECT values
// per bucket, and the NODATA/SKIPDATA spans per ENI. Whatever the source
// (records or per-minute rollups), a timeline is gathered through these, so
// both sources give the same answer.
//
// Widths of whole minutes gather per minute and then add minutes up:
// spreading a record's bytes over minutes first is what the rollups store,
// so the shares a bucket gets are the same from either source.

#include "timeline.h"
#include "store/time_buckets.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace flowscope {

class BucketSeries {
public:
    BucketSeries(const BucketGrid &grid, bool spread);

    // A record spanning [start, last] (inclusive seconds).
    void add(std::int64_t start, std::int64_t last, std::uint64_t value, bool accept);
    // A value already split per minute (rollups); only for whole-minute grids.
    void addToMinute(std::int64_t minute, std::uint64_t value, bool accept);
    bool byMinute() const { return m_fine.width == 60 && m_grid.width % 60 == 0; }

    // The gathered values laid over `grid`, which must be a whole-minute grid
    // inside this series' range when this series gathers by minute, or this
    // series' own grid otherwise.
    std::vector<TimelineBucket> buckets(const BucketGrid &grid) const;
    std::vector<TimelineBucket> buckets() const { return buckets(m_grid); }

private:
    BucketGrid m_grid; // the buckets asked for
    BucketGrid m_fine; // what is gathered: minutes, or the buckets themselves
    bool m_spread;
    std::vector<std::uint64_t> m_accept, m_reject; // over m_fine
};

class CoverageGaps {
public:
    // A NODATA or SKIPDATA span [begin, end) of one ENI.
    void add(const std::string &eni, LogStatus status, std::int64_t begin, std::int64_t end);
    // Drops the spans of every ENI not named.
    void keepOnly(const std::set<std::string> &enis);
    // Merges each ENI's spans into intervals (cut to `within`, when given),
    // and counts per bucket the ENIs missing there.
    std::vector<EniCoverage> finish(const BucketGrid &grid, std::vector<TimelineBucket> &buckets,
                                    const std::optional<TimeRange> &within) const;

private:
    // ENI name -> its NODATA spans and its SKIPDATA spans, unmerged.
    std::map<std::string, std::pair<std::vector<CoverageInterval>, std::vector<CoverageInterval>>> m_spans;
};

} // namespace flowscope
