// SPDX-License-Identifier: GPL-3.0-or-later
#include "network_numbers.h"

#include "store/graph_total_runs.h"

#include <algorithm>

namespace flowscope::graph {

void NetworkNumbers::cover(const AddressNumbers &numbers)
{
    m_network.reserve(numbers.size());
    for (std::size_t n = m_network.size(); n < numbers.size(); ++n) {
        const IpAddress &address = numbers.address(static_cast<std::uint32_t>(n));
        const IpAddress *previous = n > 0 ? &numbers.address(static_cast<std::uint32_t>(n - 1)) : nullptr;
        if (m_stillSorted && (!previous || graphAddressLess(*previous, address))) {
            // While every address so far is in order, a network's addresses are neighbours.
            bool sameNetwork = false;
            if (previous && previous->isV4() && address.isV4())
                sameNetwork = (previous->v4() >> 8) == (address.v4() >> 8);
            else if (previous)
                sameNetwork = networkOf(*previous) == networkOf(address);
            m_network.push_back(sameNetwork ? m_network.back() : m_count++);
            m_sorted = n + 1;
            continue;
        }
        m_stillSorted = false;
        m_network.push_back(kNotYet);
    }
}

std::uint32_t NetworkNumbers::numberOf(const AddressNumbers &numbers, const IpAddress &network)
{
    // The first sorted address at or after the network's first is in it when any is.
    std::size_t low = 0;
    std::size_t high = m_sorted;
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (graphAddressLess(numbers.address(static_cast<std::uint32_t>(middle)), network))
            low = middle + 1;
        else
            high = middle;
    }
    if (low < m_sorted && networkOf(numbers.address(static_cast<std::uint32_t>(low))) == network)
        return m_network[low];
    const auto [it, created] = m_others.try_emplace(network, m_count);
    if (created)
        ++m_count;
    return it->second;
}

} // namespace flowscope::graph
