// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_record.h"

#include <charconv>

namespace flowscope::demo {

std::uint32_t ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
{
    return (std::uint32_t{a} << 24) | (std::uint32_t{b} << 16) | (std::uint32_t{c} << 8) | d;
}

SimAddress SimAddress::v4(std::uint32_t hostOrder)
{
    SimAddress address;
    char *out = address.m_text.data();
    char *const end = out + address.m_text.size();
    for (int shift = 24; shift >= 0; shift -= 8) {
        out = std::to_chars(out, end, (hostOrder >> shift) & 0xFF).ptr;
        if (shift > 0)
            *out++ = '.';
    }
    address.m_size = static_cast<std::uint8_t>(out - address.m_text.data());
    return address;
}

SimAddress SimAddress::v6(const std::array<std::uint16_t, 8> &groups)
{
    // RFC 5952: compress the longest run (>= 2) of zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }

    SimAddress address;
    address.m_v6 = true;
    char *out = address.m_text.data();
    char *const end = out + address.m_text.size();
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            *out++ = ':';
            if (i == 0)
                *out++ = ':';
            i += bestLength - 1;
            continue;
        }
        out = std::to_chars(out, end, groups[i], 16).ptr;
        if (i < 7)
            *out++ = ':';
    }
    address.m_size = static_cast<std::uint8_t>(out - address.m_text.data());
    return address;
}

} // namespace flowscope::demo
