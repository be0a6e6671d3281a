// SPDX-License-Identifier: GPL-3.0-or-later
#include "ipv4_block_bitmap.h"

namespace flowscope::incident {

Ipv4BlockBitmap::Ipv4BlockBitmap(const std::vector<AddressRange> &ranges)
    : m_bits((std::size_t(1) << 24) / 64, 0)
{
    for (const AddressRange &range : ranges) {
        if (!range.lo.isV4() || !range.hi.isV4())
            continue;
        const std::uint32_t last = range.hi.v4() >> 8;
        for (std::uint32_t block = range.lo.v4() >> 8;; ++block) {
            m_bits[block >> 6] |= std::uint64_t(1) << (block & 63);
            if (block >= last)
                break;
        }
    }
}

} // namespace flowscope::incident
