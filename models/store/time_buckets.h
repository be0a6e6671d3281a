// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bucket arithmetic for the timeline, and for the per-minute rollups the
// store writes for it: which fixed-width buckets a record's time span covers,
// and how a counter (bytes, packets) is shared among them the way SiLK's
// rwcount does, in exact integers so the parts add up to the record's value.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace flowscope {

// AWS start and end are whole seconds and both belong to the record, so a
// span [start, end] covers the seconds [start, end + 1). An end before the
// start is read as a span of its start second alone.
struct BucketGrid {
    std::int64_t origin = 0; // epoch second where bucket 0 begins
    std::int64_t width = 60; // seconds per bucket, > 0
    std::size_t count = 0;

    std::int64_t startOf(std::size_t index) const { return origin + static_cast<std::int64_t>(index) * width; }
    // The bucket holding second t, counted from bucket 0; may lie outside [0, count).
    std::int64_t indexOf(std::int64_t t) const;
    // The first and last buckets of the grid that the span touches; nothing
    // when it lies wholly outside the grid.
    struct Range {
        std::size_t first = 0;
        std::size_t last = 0;
    };
    std::optional<Range> covered(std::int64_t start, std::int64_t end) const;
};

// How `value` for a record spanning [start, end] is shared among buckets of
// `grid`'s width and origin (see addToBuckets), whatever its count: buckets
// are counted from bucket 0 and may lie before it.
class SpanShares {
public:
    SpanShares(const BucketGrid &grid, std::int64_t start, std::int64_t end, std::uint64_t value, bool spread);

    // The first and last buckets the span shares the value among (the start
    // bucket alone without spreading); a bucket between may get 0.
    std::int64_t first() const { return m_first; }
    std::int64_t last() const { return m_last; }
    // The share of a bucket; 0 outside [first(), last()].
    std::uint64_t at(std::int64_t index) const;

private:
    // Consecutive buckets with the same share: the partial first and last
    // buckets, and the full ones between them.
    struct Group {
        std::int64_t first = 0;
        std::int64_t count = 0;
        std::uint64_t share = 0;
        std::int64_t extras = 0; // how many of its buckets (the earliest) get one more
    };
    std::array<Group, 3> m_groups{};
    std::size_t m_used = 0;
    std::int64_t m_first = 0;
    std::int64_t m_last = 0;
};

// Adds `value` for a record spanning [start, end] to `buckets` (one element
// per grid bucket). With `spread`, each bucket gets the share of the value
// proportional to the seconds of the span inside it: the integer part of
// that share, plus one for the buckets with the largest remainders until the
// whole value is handed out (ties go to the earlier bucket), so the shares
// always sum to `value`. Without `spread`, the value goes to the start
// bucket. Shares of buckets outside the grid are dropped; the shares a bucket
// gets do not depend on where the grid begins or ends.
void addToBuckets(const BucketGrid &grid, std::int64_t start, std::int64_t end, std::uint64_t value, bool spread,
                  std::vector<std::uint64_t> &buckets);

} // namespace flowscope
