// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Picking an index by fixed integer weights in O(log n): the Zipf-like
// popularity of addresses and the heavy-tailed activity of interfaces in the
// realistic benchmark. Integer weights keep the draws the same everywhere.

#include "demo_random.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace flowscope::demo {

class WeightedPick {
public:
    WeightedPick() = default;
    explicit WeightedPick(const std::vector<std::uint64_t> &weights)
    {
        m_cumulative.reserve(weights.size());
        std::uint64_t total = 0;
        for (std::uint64_t w : weights)
            m_cumulative.push_back(total += w);
    }

    // Zipf with exponent 1: item i (from 0) is drawn in proportion to 1 / (i + 1).
    static WeightedPick zipf(std::size_t size)
    {
        std::vector<std::uint64_t> weights(size);
        for (std::size_t i = 0; i < size; ++i)
            weights[i] = (std::uint64_t{1} << 32) / (i + 1);
        return WeightedPick(weights);
    }

    bool isEmpty() const { return m_cumulative.empty() || m_cumulative.back() == 0; }
    std::size_t size() const { return m_cumulative.size(); }

    std::size_t pick(DemoRandom &random) const
    {
        const std::uint64_t r = random.below(m_cumulative.back());
        return static_cast<std::size_t>(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), r)
                                        - m_cumulative.begin());
    }

private:
    std::vector<std::uint64_t> m_cumulative;
};

} // namespace flowscope::demo
