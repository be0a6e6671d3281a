// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Choosing the first rows of a statistic in the asked order without sorting
// every key: each key gets a rank (a number, smaller first), and a bounded
// heap keeps the `top` best ranks seen so far, so choosing costs one pass
// over the keys and memory for `top` of them. Keys are compared only where
// ranks tie.

#include "traffic_stats.h"

#include <algorithm>
#include <compare>
#include <cstdint>
#include <utility>
#include <vector>

namespace flowscope {

struct StatsRank {
    std::uint8_t absent = 0; // a time no record gave: after every other, whichever the direction
    std::uint64_t value = 0; // smaller first
    friend auto operator<=>(const StatsRank &, const StatsRank &) = default;
};

inline StatsRank countRank(std::uint64_t count, SortDirection direction)
{
    return {0, direction == SortDirection::Ascending ? count : ~count};
}

inline StatsRank timeRank(bool present, std::int64_t time, SortDirection direction)
{
    if (!present)
        return {1, 0};
    // Flipping the sign bit orders signed times as unsigned numbers.
    const std::uint64_t ordered = static_cast<std::uint64_t>(time) ^ (std::uint64_t(1) << 63);
    return {0, direction == SortDirection::Ascending ? ordered : ~ordered};
}

// The indexes among [0, count) of the `top` first by rankOf(index), ties by
// keyLess(index, index), in that order.
template <typename RankOf, typename KeyLess>
std::vector<std::size_t> selectTop(std::size_t count, std::size_t top, RankOf rankOf, KeyLess keyLess)
{
    struct Candidate {
        StatsRank rank;
        std::size_t index;
    };
    auto before = [&keyLess](const Candidate &x, const Candidate &y) {
        return x.rank != y.rank ? x.rank < y.rank : keyLess(x.index, y.index);
    };
    std::vector<Candidate> heap; // the worst kept candidate on top
    heap.reserve(std::min(count, top));
    for (std::size_t index = 0; index < count && top > 0; ++index) {
        const Candidate candidate{rankOf(index), index};
        if (heap.size() < top) {
            heap.push_back(candidate);
            std::push_heap(heap.begin(), heap.end(), before);
        } else if (candidate.rank <= heap.front().rank && before(candidate, heap.front())) {
            std::pop_heap(heap.begin(), heap.end(), before);
            heap.back() = candidate;
            std::push_heap(heap.begin(), heap.end(), before);
        }
    }
    std::sort_heap(heap.begin(), heap.end(), before);
    std::vector<std::size_t> indexes;
    indexes.reserve(heap.size());
    for (const Candidate &candidate : heap)
        indexes.push_back(candidate.index);
    return indexes;
}

} // namespace flowscope
