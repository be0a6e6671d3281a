// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Each numbered address's /24 (IPv4) or /48 (IPv6) numbered 0, 1, 2 ...: the
// outside nodes of a graph are mostly these networks, and a node found in an
// array by its address's number costs no look-up by key. Numbered from the
// totals, addresses come sorted, so a network's addresses are neighbours and
// a new network is told by comparing with the address before; any address
// out of that order (numbered later) finds its network when first asked, by
// a binary search in the sorted ones or in a table of the others.

#include "address_numbers.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace flowscope::graph {

class NetworkNumbers {
public:
    // The network number of address number `address` (below covered()).
    std::uint32_t of(const AddressNumbers &numbers, std::uint32_t address)
    {
        const std::uint32_t network = m_network[address];
        return network != kNotYet ? network : (m_network[address] = numberOf(numbers, networkOf(numbers.address(address))));
    }
    // Addresses numbered so far that have a network number.
    std::size_t covered() const { return m_network.size(); }
    // Networks numbered.
    std::size_t count() const { return m_count; }
    // Gives the addresses `numbers` holds beyond covered() their network numbers.
    void cover(const AddressNumbers &numbers);

private:
    static constexpr std::uint32_t kNotYet = 0xFFFFFFFFU;
    std::uint32_t numberOf(const AddressNumbers &numbers, const IpAddress &network);

    std::vector<std::uint32_t> m_network; // address number → network number
    std::size_t m_sorted = 0;             // addresses 0 .. m_sorted-1 are in increasing order
    bool m_stillSorted = true;
    std::uint32_t m_count = 0;
    std::unordered_map<IpAddress, std::uint32_t, AddressHash> m_others; // networks of addresses out of order
};

} // namespace flowscope::graph
