// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The indicators of an IOC list as the filter language tests them: address
// ranges, each with an optional port. `addr in @name` holds for a record when
// one of its sides lies in an indicator's range and, when the indicator has a
// port, that side's port is the indicator's (1.2.3.4:443 matches a record
// from 1.2.3.4 port 443 or to it, not 1.2.3.4 port 80).

#include "filter_ast.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace flowscope {

struct IocIndicator {
    AddressRange range;
    std::optional<std::uint16_t> port;
    friend bool operator==(const IocIndicator &, const IocIndicator &) = default;
};

class IocIndicatorSet {
public:
    IocIndicatorSet() = default;
    // Any order, overlaps allowed; positions in `indicators()` follow the
    // sorted order (by family, then low address).
    explicit IocIndicatorSet(std::vector<IocIndicator> indicators);

    const std::vector<IocIndicator> &indicators() const { return m_indicators; }
    // Where the indicator at `position` was in the vector given.
    std::size_t givenIndex(std::size_t position) const { return m_given[position]; }
    bool empty() const { return m_indicators.empty(); }

    // The ranges the indicators cover, merged (sorted, disjoint): what the
    // block index of addresses is asked for, whatever the ports.
    const std::vector<AddressRange> &coveredRanges() const { return m_covered; }

    // Whether an indicator holds the address with the port (absent port:
    // only indicators without one).
    bool matches(const IpAddress &address, std::optional<std::uint16_t> port) const;
    // Calls fn with the position of every indicator that holds them.
    void forEachMatch(const IpAddress &address, std::optional<std::uint16_t> port,
                      const std::function<void(std::size_t)> &fn) const;

private:
    template<typename Fn>
    bool visit(const IpAddress &address, std::optional<std::uint16_t> port, Fn &&fn) const;

    std::vector<IocIndicator> m_indicators;  // by range.lo
    std::vector<std::uint32_t> m_given;
    std::vector<IpAddress> m_highestSoFar;   // max range.hi of indicators [0, i] of the same family
    std::vector<AddressRange> m_covered;
};

// A list's indicators by name, or null when the case holds no such list.
using IocListResolver = std::function<std::shared_ptr<const IocIndicatorSet>(std::string_view name)>;

} // namespace flowscope
