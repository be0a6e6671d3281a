// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Addresses numbered 0, 1, 2 ... in the order they were first given: the
// graph sums its records by address numbers, so that a key is a few
// integers and what the graph knows of an address (its owner, its outside
// group) sits in arrays indexed by number. IPv4 addresses, nearly all of
// them, are found through a flat table keyed by their 32 bits.

#include "flat_index.h"
#include "format/ip_address.h"
#include "outside_groups.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace flowscope::graph {

class AddressNumbers {
public:
    static constexpr std::uint32_t kAbsent = FlatIndex::kAbsent;

    // The address's number, given now when it has none.
    std::uint32_t number(const IpAddress &address)
    {
        const auto next = static_cast<std::uint32_t>(m_addresses.size());
        if (address.isV4()) {
            const auto [n, created] = m_v4.findOrInsert(address.v4(), next);
            if (created)
                m_addresses.push_back(address);
            return n;
        }
        const auto [it, created] = m_v6.try_emplace(address, next);
        if (created)
            m_addresses.push_back(address);
        return it->second;
    }

    // The address's number, kAbsent when it has none. Safe from several
    // threads while nothing is numbered.
    std::uint32_t find(const IpAddress &address) const
    {
        if (address.isV4())
            return m_v4.find(address.v4());
        const auto it = m_v6.find(address);
        return it == m_v6.end() ? kAbsent : it->second;
    }

    const IpAddress &address(std::uint32_t number) const { return m_addresses[number]; }
    std::size_t size() const { return m_addresses.size(); }
    void reserve(std::size_t count)
    {
        m_v4.reserve(count);
        m_addresses.reserve(count);
    }

private:
    FlatIndex m_v4;
    std::unordered_map<IpAddress, std::uint32_t, AddressHash> m_v6;
    std::vector<IpAddress> m_addresses;
};

} // namespace flowscope::graph
