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

// Buckets of one span that get the same share: the partial first and last
// buckets, and the full ones between them.
struct Group {
    std::int64_t first = 0; // bucket index
    std::int64_t count = 0;
    UWide floor = 0;
    UWide remainder = 0;
    UWide extras = 0; // how many of its buckets (the earliest) get one more
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

void addToBuckets(const BucketGrid &grid, std::int64_t start, std::int64_t end, std::uint64_t value, bool spread,
                  std::vector<std::uint64_t> &buckets)
{
    const auto n = static_cast<std::int64_t>(std::min(grid.count, buckets.size()));
    const auto add = [&](std::int64_t index, std::uint64_t amount) {
        if (index >= 0 && index < n)
            buckets[static_cast<std::size_t>(index)] += amount;
    };
    const std::int64_t firstIndex = grid.indexOf(start);
    const std::int64_t lastIndex = grid.indexOf(std::max(start, end));
    if (!spread || value == 0 || firstIndex == lastIndex) {
        add(firstIndex, value);
        return;
    }
    const Wide spanEnd = Wide(std::max(start, end)) + 1;
    const auto length = static_cast<UWide>(spanEnd - start);
    const auto bucketStart = [&](std::int64_t index) { return Wide(grid.origin) + Wide(index) * grid.width; };
    std::array<Group, 3> groups{};
    std::size_t used = 0;
    const auto addGroup = [&](std::int64_t first, std::int64_t count, Wide overlap) {
        if (count <= 0)
            return;
        const UWide product = UWide(value) * static_cast<UWide>(overlap);
        groups[used++] = Group{first, count, product / length, product % length, 0};
    };
    addGroup(firstIndex, 1, bucketStart(firstIndex + 1) - start);
    addGroup(firstIndex + 1, lastIndex - firstIndex - 1, grid.width);
    addGroup(lastIndex, 1, spanEnd - bucketStart(lastIndex));

    // Largest remainder: what the integer parts leave over goes one by one to
    // the buckets with the largest remainders. Groups are in time order, so a
    // stable sort breaks ties toward the earlier bucket.
    UWide handedOut = 0;
    for (std::size_t g = 0; g < used; ++g)
        handedOut += groups[g].floor * static_cast<UWide>(groups[g].count);
    UWide left = UWide(value) - handedOut;
    std::array<Group *, 3> order{};
    for (std::size_t g = 0; g < used; ++g)
        order[g] = &groups[g];
    std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(used),
                     [](const Group *a, const Group *b) { return a->remainder > b->remainder; });
    for (std::size_t g = 0; g < used && left > 0; ++g) {
        order[g]->extras = std::min<UWide>(left, static_cast<UWide>(order[g]->count));
        left -= order[g]->extras;
    }

    // Only the buckets inside the grid are visited, however long the span.
    for (std::size_t g = 0; g < used; ++g) {
        const Group &group = groups[g];
        const std::int64_t from = std::max<std::int64_t>(group.first, 0);
        const std::int64_t to = std::min<std::int64_t>(group.first + group.count, n); // exclusive
        for (std::int64_t index = from; index < to; ++index)
            add(index, static_cast<std::uint64_t>(group.floor + (UWide(index - group.first) < group.extras ? 1 : 0)));
    }
}

} // namespace flowscope
