// SPDX-License-Identifier: GPL-3.0-or-later
#include "logged_once.h"

#include <tuple>

namespace flowscope {

void LoggedOnce::add(std::uint32_t interface, std::uint64_t records, std::uint64_t bytes)
{
    for (InterfaceShare &share : m_shares)
        if (share.interface == interface) {
            share.records += records;
            share.bytes += bytes;
            return;
        }
    m_shares.push_back({interface, records, bytes});
}

void LoggedOnce::add(const LoggedOnce &other)
{
    for (const InterfaceShare &share : other.m_shares)
        add(share.interface, share.records, share.bytes);
}

InterfaceShare LoggedOnce::busiest() const
{
    InterfaceShare best;
    bool found = false;
    for (const InterfaceShare &share : m_shares) {
        // More records, then more bytes, then the lower number.
        if (!found
            || std::make_tuple(share.records, share.bytes, -static_cast<std::int64_t>(share.interface))
                > std::make_tuple(best.records, best.bytes, -static_cast<std::int64_t>(best.interface)))
            best = share;
        found = true;
    }
    return best;
}

} // namespace flowscope
