// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records of a block opened a column at a time (BlockColumns), put
// together one at a time from its columns for the fields a statistic adds
// up. Each column is decoded in one tight loop first, which costs about
// half what reading the records one by one from the stored columns does.

#include "store/block_codec.h"

#include <array>
#include <cstdint>

namespace flowscope {

class ColumnRecords {
public:
    // `columns` must have been opened for at least `fields`, which may hold
    // the fields below only.
    ColumnRecords(BlockColumns &columns, ColumnMask fields)
        : m_size(columns.size())
    {
        for (const Field f : kIntegerFields)
            if (fields & columnOf(f))
                m_integers[m_used++] = {f, columns.presence(f), columns.integers(f)};
        for (const Field f : {Field::SrcAddr, Field::DstAddr})
            if (fields & columnOf(f))
                m_addresses[m_usedAddresses++] = {f, columns.presence(f), columns.addresses(f)};
        if (fields & columnOf(Field::InterfaceId))
            m_interfaces = columns.ids(Field::InterfaceId);
        m_starts = {Field::Start, columns.presence(Field::Start), columns.integers(Field::Start)};
    }

    std::size_t size() const { return m_size; }

    // Record `slot`'s presence bits and values of the fields asked for (and
    // its start); its other fields hold unspecified values.
    void fill(std::size_t slot, EncodedFlow &flow) const
    {
        const std::size_t word = slot / 64;
        const unsigned bit = slot % 64;
        std::uint64_t present = 0;
        const auto has = [&](const std::uint64_t *bits, Field f) {
            const bool set = (bits[word] >> bit) & 1U;
            present |= std::uint64_t(set) << static_cast<unsigned>(f);
            return set;
        };
        if (has(m_starts.presence, Field::Start))
            flow.start = static_cast<std::int64_t>(m_starts.values[slot]);
        for (std::size_t i = 0; i < m_used; ++i) {
            const IntegerColumn &c = m_integers[i];
            if (has(c.presence, c.field))
                assign(flow, c.field, c.values[slot]);
        }
        for (std::size_t i = 0; i < m_usedAddresses; ++i) {
            const AddressColumn &c = m_addresses[i];
            if (has(c.presence, c.field))
                (c.field == Field::SrcAddr ? flow.srcAddr : flow.dstAddr) = c.values[slot];
        }
        if (m_interfaces)
            flow.interface = m_interfaces[slot];
        flow.present = present;
    }

private:
    static constexpr std::array<Field, 8> kIntegerFields{Field::End,     Field::Packets, Field::Bytes,
                                                         Field::Action,  Field::Protocol, Field::SrcPort,
                                                         Field::DstPort, Field::LogStatus};
    struct IntegerColumn {
        Field field = Field::Start;
        const std::uint64_t *presence = nullptr;
        const std::uint64_t *values = nullptr;
    };
    struct AddressColumn {
        Field field = Field::SrcAddr;
        const std::uint64_t *presence = nullptr;
        const IpAddress *values = nullptr;
    };

    static void assign(EncodedFlow &flow, Field field, std::uint64_t value)
    {
        switch (field) {
        case Field::End: flow.end = static_cast<std::int64_t>(value); break;
        case Field::Packets: flow.packets = value; break;
        case Field::Bytes: flow.bytes = value; break;
        case Field::Action: flow.action = static_cast<Action>(value); break;
        case Field::Protocol: flow.protocol = static_cast<std::uint8_t>(value); break;
        case Field::SrcPort: flow.srcPort = static_cast<std::uint16_t>(value); break;
        case Field::DstPort: flow.dstPort = static_cast<std::uint16_t>(value); break;
        case Field::LogStatus: flow.logStatus = static_cast<LogStatus>(value); break;
        default: break;
        }
    }

    std::size_t m_size;
    std::array<IntegerColumn, kIntegerFields.size()> m_integers{};
    std::size_t m_used = 0;
    std::array<AddressColumn, 2> m_addresses{};
    std::size_t m_usedAddresses = 0;
    const std::uint32_t *m_interfaces = nullptr;
    IntegerColumn m_starts;
};

} // namespace flowscope
