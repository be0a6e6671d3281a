// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How addresses are stored: IPv4 as an integer biased by -2^31 (so it fits
// SQLite's 4-byte integer and sorts by address), IPv6 as a 16-byte blob.

#include "format/ip_address.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace flowscope {

constexpr std::int64_t kIpv4Bias = std::int64_t(1) << 31;

inline std::int64_t storedIpv4(std::uint32_t address) { return std::int64_t(address) - kIpv4Bias; }

inline IpAddress ipv4FromStored(std::int64_t value)
{
    return IpAddress::fromV4(static_cast<std::uint32_t>(value + kIpv4Bias));
}

inline std::optional<IpAddress> ipv6FromStored(std::string_view blob)
{
    if (blob.size() != 16)
        return std::nullopt;
    IpAddress address;
    address.family = IpAddress::Family::V6;
    for (std::size_t i = 0; i < 16; ++i)
        address.bytes[i] = static_cast<std::uint8_t>(blob[i]);
    return address;
}

} // namespace flowscope
