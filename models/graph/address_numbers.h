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
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace flowscope::graph {

class AddressNumbers {
public:
    static constexpr std::uint32_t kAbsent = FlatIndex::kAbsent;

    // The address's number, given now when it has none.
    std::uint32_t number(const IpAddress &address)
    {
        indexAll();
        const auto next = static_cast<std::uint32_t>(m_addresses.size());
        if (address.isV4()) {
            const auto [n, created] = m_v4.findOrInsert(address.v4(), next);
            if (created) {
                m_addresses.push_back(address);
                ++m_indexed;
            }
            return n;
        }
        const auto [it, created] = m_v6.try_emplace(address, next);
        if (created) {
            m_addresses.push_back(address);
            ++m_indexed;
        }
        return it->second;
    }

    // Numbers `addresses` (distinct, when none is numbered yet) 0, 1, 2 ...
    // in their order, found by address only from the next number() or
    // indexAll() on: the graph of a whole case looks none up.
    void adopt(std::vector<IpAddress> addresses)
    {
        if (!m_addresses.empty())
            throw std::logic_error("AddressNumbers::adopt on numbered addresses");
        m_addresses = std::move(addresses);
    }

    // Makes every number found by address (find() needs it).
    void indexAll()
    {
        if (m_indexed == m_addresses.size())
            return;
        m_v4.reserve(m_addresses.size());
        for (; m_indexed < m_addresses.size(); ++m_indexed) {
            const IpAddress &address = m_addresses[m_indexed];
            const auto n = static_cast<std::uint32_t>(m_indexed);
            if (address.isV4())
                m_v4.findOrInsert(address.v4(), n);
            else
                m_v6.try_emplace(address, n);
        }
    }

    // The address's number, kAbsent when it has none. Safe from several
    // threads while nothing is numbered.
    std::uint32_t find(const IpAddress &address) const
    {
        if (m_indexed != m_addresses.size())
            throw std::logic_error("AddressNumbers::find before indexAll");
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
    std::size_t m_indexed = 0; // m_addresses before this are in m_v4 or m_v6
};

} // namespace flowscope::graph
