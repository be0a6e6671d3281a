// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_indicators.h"

#include "filter_values.h"

#include <algorithm>

namespace flowscope {

IocIndicatorSet::IocIndicatorSet(std::vector<IocIndicator> indicators)
{
    m_given.resize(indicators.size());
    for (std::size_t i = 0; i < m_given.size(); ++i)
        m_given[i] = static_cast<std::uint32_t>(i);
    std::sort(m_given.begin(), m_given.end(), [&indicators](std::uint32_t x, std::uint32_t y) {
        const AddressRange &a = indicators[x].range, &b = indicators[y].range;
        if (a.lo != b.lo)
            return addressLess(a.lo, b.lo);
        if (a.hi != b.hi)
            return addressLess(a.hi, b.hi);
        return x < y;
    });
    m_indicators.reserve(indicators.size());
    for (const std::uint32_t i : m_given)
        m_indicators.push_back(indicators[i]);
    m_highestSoFar.reserve(m_indicators.size());
    for (std::size_t i = 0; i < m_indicators.size(); ++i) {
        const AddressRange &r = m_indicators[i].range;
        const bool sameFamily = i > 0 && m_indicators[i - 1].range.lo.family == r.lo.family;
        m_highestSoFar.push_back(sameFamily && addressLess(r.hi, m_highestSoFar.back()) ? m_highestSoFar.back() : r.hi);
        // Merged coverage: extend the last range when this one meets or touches it.
        IpAddress next;
        if (!m_covered.empty() && m_covered.back().hi.family == r.lo.family
            && (!addressLess(m_covered.back().hi, r.lo)
                || (nextAddress(m_covered.back().hi, next) && next == r.lo))) {
            if (addressLess(m_covered.back().hi, r.hi))
                m_covered.back().hi = r.hi;
        } else {
            m_covered.push_back(r);
        }
    }
}

// Walks back from the last indicator starting at or below the address while
// an earlier one may still reach it (m_highestSoFar), so overlapping ranges
// are all found. fn returns true to stop.
template<typename Fn>
bool IocIndicatorSet::visit(const IpAddress &address, std::optional<std::uint16_t> port, Fn &&fn) const
{
    auto it = std::upper_bound(m_indicators.begin(), m_indicators.end(), address,
                               [](const IpAddress &a, const IocIndicator &i) { return addressLess(a, i.range.lo); });
    for (auto i = static_cast<std::size_t>(it - m_indicators.begin()); i-- > 0;) {
        const IocIndicator &indicator = m_indicators[i];
        if (indicator.range.lo.family != address.family || addressLess(m_highestSoFar[i], address))
            break;
        if (addressLess(indicator.range.hi, address))
            continue;
        if (indicator.port && indicator.port != port)
            continue;
        if (fn(i))
            return true;
    }
    return false;
}

bool IocIndicatorSet::matches(const IpAddress &address, std::optional<std::uint16_t> port) const
{
    return visit(address, port, [](std::size_t) { return true; });
}

void IocIndicatorSet::forEachMatch(const IpAddress &address, std::optional<std::uint16_t> port,
                                   const std::function<void(std::size_t)> &fn) const
{
    visit(address, port, [&fn](std::size_t i) {
        fn(i);
        return false;
    });
}

} // namespace flowscope
