// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_row_decoder.h"

namespace flowscope {

FlowRowDecoder::FlowRowDecoder(sqlite3 *db)
{
    m_strings.load(db);
    m_interfaces.load(db, m_strings);
}

void FlowRowDecoder::decode(const EncodedFlow &f, std::int64_t id, const std::string &file, FlowRow &row) const
{
    row.values.fill(std::monostate{});
    row.id = id;
    row.file = file;
    row.line = f.line;
    auto set = [&](Field field, FieldValue value) {
        if (f.has(field))
            row.values[static_cast<std::size_t>(field)] = std::move(value);
    };
    auto setText = [&](Field field, std::uint32_t textId) {
        if (textId != 0)
            row.values[static_cast<std::size_t>(field)] = m_strings.value(textId);
    };
    set(Field::Version, std::int64_t(f.version));
    set(Field::SrcAddr, f.srcAddr.toString());
    set(Field::DstAddr, f.dstAddr.toString());
    set(Field::SrcPort, std::int64_t(f.srcPort));
    set(Field::DstPort, std::int64_t(f.dstPort));
    set(Field::Protocol, std::int64_t(f.protocol));
    set(Field::Packets, static_cast<std::int64_t>(f.packets));
    set(Field::Bytes, static_cast<std::int64_t>(f.bytes));
    set(Field::Start, f.start);
    set(Field::End, f.end);
    set(Field::Action, std::string(actionName(f.action)));
    set(Field::LogStatus, std::string(logStatusName(f.logStatus)));
    set(Field::TcpFlags, std::int64_t(f.tcpFlags));
    set(Field::Type, std::string(trafficTypeName(f.type)));
    set(Field::PktSrcAddr, f.pktSrcAddr.toString());
    set(Field::PktDstAddr, f.pktDstAddr.toString());
    set(Field::FlowDirection, std::string(flowDirectionName(f.direction)));
    set(Field::TrafficPath, std::int64_t(f.trafficPath));
    set(Field::EncryptionStatus, std::int64_t(f.encryptionStatus));
    if (const InterfaceKey *key = interfaceKey(f.interface))
        for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
            setText(kInterfaceFields[i], (*key)[i]);
    setText(Field::PktSrcAwsService, f.pktSrcService);
    setText(Field::PktDstAwsService, f.pktDstService);
    setText(Field::RejectReason, f.rejectReason);
}

} // namespace flowscope
