// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A flow is logged at every interface of the case it crosses: at both ends
// between two instances, at the instance and again at a NAT gateway (its
// inside record) on the way out, at an inspection appliance besides. A
// finding counts such a flow once, as the graph counts a flow logged at both
// ends: per address pair and direction, the records of the interface that
// logged most of them (on a tie the one that logged more bytes, then the
// lower interface number); the other interfaces' records are the same flows
// again. Tallied per address pair, so a finding over many pairs adds up each
// pair's counted interface.

#include <cstdint>
#include <vector>

namespace flowscope {

struct InterfaceShare {
    std::uint32_t interface = 0; // InterfaceDictionary id, 0 = none
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
};

class LoggedOnce {
public:
    void add(std::uint32_t interface, std::uint64_t records, std::uint64_t bytes);
    void add(const LoggedOnce &other);
    // The interface that counts (all zero when nothing was added).
    InterfaceShare counted() const { return m_shares.size() == 1 ? m_shares.front() : busiest(); }
    // How many interfaces logged the pair.
    std::size_t interfaces() const { return m_shares.size(); }

private:
    InterfaceShare busiest() const;

    std::vector<InterfaceShare> m_shares; // a few interfaces at most
};

} // namespace flowscope
