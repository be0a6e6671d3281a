// SPDX-License-Identifier: GPL-3.0-or-later
#include "axis_ticks.h"

#include <algorithm>
#include <cstdint>

namespace flowscope::report {

std::vector<std::uint64_t> AxisTicks::values() const
{
    std::vector<std::uint64_t> ticks;
    for (std::uint64_t i = 0; i <= top / step; ++i)
        ticks.push_back(i * step);
    return ticks;
}

AxisTicks roundTicks(std::uint64_t highest, int wanted)
{
    wanted = std::max(1, wanted);
    highest = std::max<std::uint64_t>(highest, 1);
    // The smallest 1-2-5 step that covers the highest value in `wanted` steps.
    for (std::uint64_t power = 1;; power *= 10) {
        if (power > UINT64_MAX / 50)
            return {highest, highest};
        for (const std::uint64_t mantissa : {1, 2, 5}) {
            const std::uint64_t step = mantissa * power;
            const std::uint64_t steps = highest / step + (highest % step != 0 ? 1 : 0);
            if (steps <= std::uint64_t(wanted))
                return {step, steps * step};
        }
    }
}

} // namespace flowscope::report
