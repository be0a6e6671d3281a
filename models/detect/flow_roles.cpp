// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_roles.h"

#include <cstring>

namespace flowscope {

bool isInternalAddress(const IpAddress &address)
{
    const auto &b = address.bytes;
    if (address.isV4())
        return b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && (b[1] & 0xC0) == 64) || (b[0] == 169 && b[1] == 254);
    return (b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80);
}

std::string_view internalRangesFilterSet()
{
    return "{10.0.0.0/8, 100.64.0.0/10, 169.254.0.0/16, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, fe80::/10}";
}

bool sameNetwork(const IpAddress &a, const IpAddress &b, int prefixBits)
{
    if (a.family != b.family)
        return false;
    const int width = a.isV4() ? 32 : 128;
    int bits = std::min(std::max(prefixBits, 0), width);
    std::size_t i = 0;
    for (; bits >= 8; bits -= 8, ++i)
        if (a.bytes[i] != b.bytes[i])
            return false;
    if (bits == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xFF << (8 - bits));
    return (a.bytes[i] & mask) == (b.bytes[i] & mask);
}

bool isSynOnly(const EncodedFlow &flow)
{
    return flow.has(Field::Protocol) && flow.protocol == kTcp && flow.has(Field::TcpFlags) && flow.tcpFlags == kTcpSyn;
}

bool looksLikeReply(const EncodedFlow &flow)
{
    return flow.has(Field::SrcPort) && flow.has(Field::DstPort) && flow.srcPort < 1024 && flow.dstPort >= 1024;
}

namespace {

std::uint64_t hashV6(const IpAddress &address)
{
    std::uint64_t hi = 0, lo = 0;
    std::memcpy(&hi, address.bytes.data(), 8);
    std::memcpy(&lo, address.bytes.data() + 8, 8);
    std::uint64_t h = (hi ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h ^= lo + (h >> 29);
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
}

} // namespace

std::uint64_t AddressIds::idOf(const IpAddress &address)
{
    if (address.isV4())
        return address.v4();
    if (m_slots.empty() || m_v6.size() * 4 >= m_slots.size() * 3)
        grow();
    const std::uint64_t h = hashV6(address);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.index == 0) {
            m_v6.push_back(address);
            slot = {h, static_cast<std::uint32_t>(m_v6.size())};
            return (std::uint64_t(1) << 32) | (m_v6.size() - 1);
        }
        if (slot.hash == h && m_v6[slot.index - 1] == address)
            return (std::uint64_t(1) << 32) | (slot.index - 1);
    }
}

IpAddress AddressIds::address(std::uint64_t id) const
{
    if ((id >> 32) == 0)
        return IpAddress::fromV4(static_cast<std::uint32_t>(id));
    return m_v6.at(static_cast<std::uint32_t>(id));
}

void AddressIds::grow()
{
    std::vector<Slot> slots(std::max<std::size_t>(64, m_slots.size() * 2));
    const std::size_t mask = slots.size() - 1;
    for (const Slot &slot : m_slots) {
        if (slot.index == 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (slots[i].index != 0)
            i = (i + 1) & mask;
        slots[i] = slot;
    }
    m_slots = std::move(slots);
}

} // namespace flowscope
