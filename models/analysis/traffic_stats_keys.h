// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compact keys for the statistics' tables: an address as one 32-bit word
// (IPv4 as its number, IPv6 as its place in a table of the IPv6 addresses
// seen), so a conversation's key is 12 bytes however long its addresses, and
// a key turns back into addresses only for the rows shown.

#include "flat_table.h"

#include "format/ip_address.h"

#include <array>
#include <cstdint>
#include <mutex>

namespace flowscope {

struct AddressWord {
    std::uint32_t value = 0;
    bool v6 = false;
};

// wordOf may be called from several threads at once (the IPv6 addresses,
// a few in a hundred, are numbered under a lock); address and less only
// once no thread numbers any more.
class AddressWords {
public:
    AddressWord wordOf(const IpAddress &address)
    {
        const auto &b = address.bytes;
        if (address.isV4())
            return {std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3], false};
        std::lock_guard lock(m_v6Mutex);
        return {static_cast<std::uint32_t>(m_v6.indexOf(b)), true};
    }

    IpAddress address(AddressWord word) const
    {
        if (!word.v6)
            return IpAddress::fromV4(word.value);
        IpAddress address;
        address.family = IpAddress::Family::V6;
        address.bytes = m_v6.at(word.value).key;
        return address;
    }

    // Address order: IPv4 before IPv6, then by value.
    bool less(AddressWord x, AddressWord y) const
    {
        if (x.v6 != y.v6)
            return y.v6;
        if (!x.v6 || x.value == y.value)
            return x.value < y.value;
        return m_v6.at(x.value).key < m_v6.at(y.value).key;
    }

private:
    struct V6Entry {
        std::array<std::uint8_t, 16> key{};
    };
    FlatTable<V6Entry> m_v6;
    std::mutex m_v6Mutex;
};

} // namespace flowscope
