// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Round ticks for a value axis from zero: steps of 1, 2 or 5 times a power of
// ten (163 / 327 / 490 reads as noise, 200 / 400 / 600 as a scale), whole
// numbers only, the axis's top the first tick at or above the highest value.

#include <cstdint>
#include <vector>

namespace flowscope::report {

struct AxisTicks {
    std::uint64_t step = 1;
    std::uint64_t top = 1; // a multiple of step, at least the highest value
    std::vector<std::uint64_t> values() const; // 0, step, ..., top
};

// About `wanted` steps (at most that many) from zero to `highest`.
AxisTicks roundTicks(std::uint64_t highest, int wanted = 4);

} // namespace flowscope::report
