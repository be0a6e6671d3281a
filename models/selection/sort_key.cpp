// SPDX-License-Identifier: GPL-3.0-or-later
#include "sort_key.h"

#include "store/block_codec.h"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace flowscope {

namespace {

bool isInterfaceField(Field field)
{
    return std::find(kInterfaceFields.begin(), kInterfaceFields.end(), field) != kInterfaceFields.end();
}

// A short name's bytes as a number, in byte order (names of the enums are
// at most 16 bytes).
void setName(SortEntry &entry, std::string_view name)
{
    for (std::size_t i = 0; i < 16; ++i) {
        const std::uint64_t byte = i < name.size() ? static_cast<unsigned char>(name[i]) : 0;
        (i < 8 ? entry.high : entry.low) |= byte << (8 * (7 - i % 8));
    }
}

void setAddress(SortEntry &entry, const IpAddress &address)
{
    if (address.isV4()) {
        entry.low = address.v4();
        return;
    }
    entry.family = 1;
    for (std::size_t i = 0; i < 16; ++i)
        (i < 8 ? entry.high : entry.low) |= std::uint64_t{address.bytes[i]} << (8 * (7 - i % 8));
}

} // namespace

SortKeyReader::SortKeyReader(sqlite3 *db, Field field)
    : m_field(field)
{
    const bool context = isInterfaceField(field);
    const bool service = field == Field::PktSrcAwsService || field == Field::PktDstAwsService || field == Field::RejectReason;
    if (!context && !service)
        return;
    StringDictionary strings;
    strings.load(db);
    rankStrings(strings);
    if (!context)
        return;
    m_interfaceSlot = static_cast<int>(std::find(kInterfaceFields.begin(), kInterfaceFields.end(), field)
                                       - kInterfaceFields.begin());
    InterfaceDictionary interfaces;
    interfaces.load(db, strings);
    m_interfaceRank.assign(interfaces.size() + 1, 0);
    for (std::uint32_t id = 1; id <= interfaces.size(); ++id)
        m_interfaceRank[id] = m_rank[interfaces.key(id)[static_cast<std::size_t>(m_interfaceSlot)]];
}

void SortKeyReader::rankStrings(const StringDictionary &strings)
{
    std::vector<std::uint32_t> ids(strings.size());
    std::iota(ids.begin(), ids.end(), 1U);
    std::sort(ids.begin(), ids.end(),
              [&](std::uint32_t a, std::uint32_t b) { return strings.value(a) < strings.value(b); });
    m_rank.assign(strings.size() + 1, 0);
    for (std::uint32_t i = 0; i < ids.size(); ++i)
        m_rank[ids[i]] = i + 1; // 0 stays "absent"
}

SortEntry SortKeyReader::entry(const EncodedFlow &f, std::int64_t id) const
{
    SortEntry e;
    e.id = id;
    e.time = sortStart(f);
    const auto rankOf = [&](std::uint32_t textId) {
        const std::uint32_t rank = textId < m_rank.size() ? m_rank[textId] : 0;
        e.absent = rank == 0;
        e.low = rank;
    };
    if (m_interfaceSlot >= 0) {
        const std::uint32_t rank = f.interface < m_interfaceRank.size() ? m_interfaceRank[f.interface] : 0;
        e.absent = rank == 0;
        e.low = rank;
        return e;
    }
    switch (m_field) {
    case Field::PktSrcAwsService: rankOf(f.pktSrcService); return e;
    case Field::PktDstAwsService: rankOf(f.pktDstService); return e;
    case Field::RejectReason: rankOf(f.rejectReason); return e;
    default: break;
    }
    if (!f.has(m_field)) {
        e.absent = true;
        return e;
    }
    // Signed times keep their order as unsigned with the sign bit flipped.
    const auto timeKey = [](std::int64_t t) { return static_cast<std::uint64_t>(t) ^ (std::uint64_t{1} << 63); };
    switch (m_field) {
    case Field::Version: e.low = f.version; break;
    case Field::SrcAddr: setAddress(e, f.srcAddr); break;
    case Field::DstAddr: setAddress(e, f.dstAddr); break;
    case Field::PktSrcAddr: setAddress(e, f.pktSrcAddr); break;
    case Field::PktDstAddr: setAddress(e, f.pktDstAddr); break;
    case Field::SrcPort: e.low = f.srcPort; break;
    case Field::DstPort: e.low = f.dstPort; break;
    case Field::Protocol: e.low = f.protocol; break;
    case Field::Packets: e.low = f.packets; break;
    case Field::Bytes: e.low = f.bytes; break;
    case Field::Start: e.low = timeKey(f.start); break;
    case Field::End: e.low = timeKey(f.end); break;
    case Field::Action: setName(e, actionName(f.action)); break;
    case Field::LogStatus: setName(e, logStatusName(f.logStatus)); break;
    case Field::Type: setName(e, trafficTypeName(f.type)); break;
    case Field::FlowDirection: setName(e, flowDirectionName(f.direction)); break;
    case Field::TcpFlags: e.low = f.tcpFlags; break;
    case Field::TrafficPath: e.low = f.trafficPath; break;
    case Field::EncryptionStatus: e.low = f.encryptionStatus; break;
    default: e.absent = true; break; // a text field handled above
    }
    return e;
}

} // namespace flowscope
