// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The IPv4 /24 blocks that address ranges touch, one bit each (2 MB): a hunt
// turns away most addresses of a case with one bit, rather than a binary
// search through a hundred thousand indicators. A clear bit means no range
// holds the address; a set one only that one may.

#include "query/filter_ast.h"

#include <cstdint>
#include <vector>

namespace flowscope::incident {

class Ipv4BlockBitmap {
public:
    // The IPv4 ones of `ranges`; IPv6 ranges are not kept (mayHold says yes to every IPv6 address).
    explicit Ipv4BlockBitmap(const std::vector<AddressRange> &ranges);

    bool mayHold(const IpAddress &address) const
    {
        if (!address.isV4())
            return true;
        const std::uint32_t block = address.v4() >> 8;
        return (m_bits[block >> 6] >> (block & 63)) & 1;
    }

private:
    std::vector<std::uint64_t> m_bits;
};

} // namespace flowscope::incident
