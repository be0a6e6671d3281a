// SPDX-License-Identifier: GPL-3.0-or-later
#include "time_buckets.h"

#include <algorithm>
#include <array>
#include <limits>

namespace flowscope {

namespace {

// Products of a 64-bit value and a span length need 128 bits to stay exact.
__extension__ typedef __int128 Wide;
__extension__ typedef unsigned __int128 UWide;

std::int64_t clampToInt64(Wide v)
{
    constexpr Wide lo = std::numeric_limits<std::int64_t>::min();
    constexpr Wide hi = std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(std::clamp(v, lo, hi));
}

// A group of buckets while the shares are worked out.
struct Portion {
    std::int64_t first = 0;
    std::int64_t count = 0;
    UWide floor = 0;
    UWide remainder = 0;
    UWide extras = 0;
};

} // namespace

std::int64_t BucketGrid::indexOf(std::int64_t t) const
{
    const Wide offset = Wide(t) - origin;
    Wide index = offset / width;
    if (offset % width != 0 && offset < 0)
        --index; // floor, not truncation, for seconds before the origin
    return clampToInt64(index);
}

std::optional<BucketGrid::Range> BucketGrid::covered(std::int64_t start, std::int64_t end) const
{
    const std::int64_t first = indexOf(start);
    const std::int64_t last = indexOf(std::max(start, end));
    if (count == 0 || last < 0 || first >= static_cast<std::int64_t>(count))
        return std::nullopt;
    return Range{static_cast<std::size_t>(std::max<std::int64_t>(first, 0)),
                 static_cast<std::size_t>(std::min<std::int64_t>(last, static_cast<std::int64_t>(count) - 1))};
}

SpanShares::SpanShares(const BucketGrid &grid, std::int64_t start, std::int64_t end, std::uint64_t value, bool spread)
{
    const std::int64_t firstIndex = grid.indexOf(start);
    const std::int64_t lastIndex = grid.indexOf(std::max(start, end));
    m_first = m_last = firstIndex;
    if (!spread || value == 0 || firstIndex == lastIndex) {
        m_groups[m_used++] = Group{firstIndex, 1, value, 0};
        return;
    }
    m_last = lastIndex;
    const Wide spanEnd = Wide(std::max(start, end)) + 1;
    const auto length = static_cast<UWide>(spanEnd - start);
    const auto bucketStart = [&](std::int64_t index) { return Wide(grid.origin) + Wide(index) * grid.width; };
    std::array<Portion, 3> portions{};
    std::size_t used = 0;
    const auto addPortion = [&](std::int64_t first, std::int64_t count, Wide overlap) {
        if (count <= 0)
            return;
        const UWide product = UWide(value) * static_cast<UWide>(overlap);
        portions[used++] = Portion{first, count, product / length, product % length, 0};
    };
    addPortion(firstIndex, 1, bucketStart(firstIndex + 1) - start);
    addPortion(firstIndex + 1, lastIndex - firstIndex - 1, grid.width);
    addPortion(lastIndex, 1, spanEnd - bucketStart(lastIndex));

    // Largest remainder: what the integer parts leave over goes one by one to
    // the buckets with the largest remainders. Portions are in time order, so
    // a stable sort breaks ties toward the earlier bucket.
    UWide handedOut = 0;
    for (std::size_t g = 0; g < used; ++g)
        handedOut += portions[g].floor * static_cast<UWide>(portions[g].count);
    UWide left = UWide(value) - handedOut;
    std::array<Portion *, 3> order{};
    for (std::size_t g = 0; g < used; ++g)
        order[g] = &portions[g];
    std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(used),
                     [](const Portion *a, const Portion *b) { return a->remainder > b->remainder; });
    for (std::size_t g = 0; g < used && left > 0; ++g) {
        order[g]->extras = std::min<UWide>(left, static_cast<UWide>(order[g]->count));
        left -= order[g]->extras;
    }
    // A share is at most the value, and extras at most a count: both fit.
    for (std::size_t g = 0; g < used; ++g)
        m_groups[m_used++] = Group{portions[g].first, portions[g].count, static_cast<std::uint64_t>(portions[g].floor),
                                   static_cast<std::int64_t>(portions[g].extras)};
}

std::uint64_t SpanShares::at(std::int64_t index) const
{
    for (std::size_t g = 0; g < m_used; ++g) {
        const Group &group = m_groups[g];
        if (index >= group.first && index - group.first < group.count)
            return group.share + (index - group.first < group.extras ? 1 : 0);
    }
    return 0;
}

void addToBuckets(const BucketGrid &grid, std::int64_t start, std::int64_t end, std::uint64_t value, bool spread,
                  std::vector<std::uint64_t> &buckets)
{
    const SpanShares shares(grid, start, end, value, spread);
    const auto n = static_cast<std::int64_t>(std::min(grid.count, buckets.size()));
    // Only the buckets inside the grid are visited, however long the span.
    const std::int64_t to = std::min(shares.last(), n - 1);
    for (std::int64_t index = std::max<std::int64_t>(shares.first(), 0); index <= to; ++index)
        buckets[static_cast<std::size_t>(index)] += shares.at(index);
}

} // namespace flowscope
