// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_csv_rows.h"

#include "store/flow_row_decoder.h"

#include <algorithm>

namespace flowscope {

namespace {

// The place of a field in an InterfaceKey.
constexpr std::size_t interfaceIndex(Field field)
{
    return static_cast<std::size_t>(std::find(kInterfaceFields.begin(), kInterfaceFields.end(), field)
                                    - kInterfaceFields.begin());
}

} // namespace

FlowCsvRows::FlowCsvRows(const FlowRowDecoder &decoder, CsvWriter &writer)
    : m_decoder(decoder)
    , m_writer(writer)
    , m_textCells(std::size_t{decoder.textCount()} + 1, TextCell::Unchecked)
{
}

void FlowCsvRows::text(std::uint32_t id)
{
    if (id == 0 || id >= m_textCells.size()) {
        m_writer.absent();
        return;
    }
    const std::string &value = m_decoder.text(id);
    TextCell &cell = m_textCells[id];
    if (cell == TextCell::Unchecked)
        cell = csvCell(value, m_writer.cells()) == value ? TextCell::AsIs : TextCell::Encoded;
    if (cell == TextCell::AsIs)
        m_writer.encoded(value);
    else
        m_writer.text(value);
}

void FlowCsvRows::interfaceText(const std::uint32_t *key, std::size_t index)
{
    if (key)
        text(key[index]);
    else
        m_writer.absent();
}

void FlowCsvRows::write(const EncodedFlow &f, const std::string &file)
{
    // The columns in catalogue order, as flowCsvHeader() names them.
    CsvWriter &w = m_writer;
    const InterfaceKey *interface = m_decoder.interfaceKey(f.interface);
    const std::uint32_t *key = interface ? interface->data() : nullptr;
    const auto number = [&](Field field, std::int64_t value) { f.has(field) ? w.number(value) : w.absent(); };
    const auto address = [&](Field field, const IpAddress &value) { f.has(field) ? w.address(value) : w.absent(); };
    const auto name = [&](Field field, std::string_view value) { f.has(field) ? w.text(value) : w.absent(); };
    const auto time = [&](Field field, std::int64_t value) {
        if (f.has(field)) {
            w.number(value);
            w.isoTime(value);
        } else {
            w.absent();
            w.absent();
        }
    };
    number(Field::Version, f.version);
    interfaceText(key, interfaceIndex(Field::AccountId));
    interfaceText(key, interfaceIndex(Field::InterfaceId));
    address(Field::SrcAddr, f.srcAddr);
    address(Field::DstAddr, f.dstAddr);
    number(Field::SrcPort, f.srcPort);
    number(Field::DstPort, f.dstPort);
    number(Field::Protocol, f.protocol);
    // Stored unsigned, read as the signed numbers the import allows (up to 2^63 - 1).
    number(Field::Packets, static_cast<std::int64_t>(f.packets));
    number(Field::Bytes, static_cast<std::int64_t>(f.bytes));
    time(Field::Start, f.start);
    time(Field::End, f.end);
    name(Field::Action, actionName(f.action));
    name(Field::LogStatus, logStatusName(f.logStatus));
    interfaceText(key, interfaceIndex(Field::VpcId));
    interfaceText(key, interfaceIndex(Field::SubnetId));
    interfaceText(key, interfaceIndex(Field::InstanceId));
    number(Field::TcpFlags, f.tcpFlags);
    name(Field::Type, trafficTypeName(f.type));
    address(Field::PktSrcAddr, f.pktSrcAddr);
    address(Field::PktDstAddr, f.pktDstAddr);
    for (const Field field : {Field::Region, Field::AzId, Field::SublocationType, Field::SublocationId})
        interfaceText(key, interfaceIndex(field));
    text(f.pktSrcService);
    text(f.pktDstService);
    name(Field::FlowDirection, flowDirectionName(f.direction));
    number(Field::TrafficPath, f.trafficPath);
    for (const Field field : {Field::EcsClusterArn, Field::EcsClusterName, Field::EcsContainerInstanceArn,
                              Field::EcsContainerInstanceId, Field::EcsContainerId, Field::EcsSecondContainerId,
                              Field::EcsServiceName, Field::EcsTaskDefinitionArn, Field::EcsTaskArn, Field::EcsTaskId})
        interfaceText(key, interfaceIndex(field));
    text(f.rejectReason);
    interfaceText(key, interfaceIndex(Field::ResourceId));
    number(Field::EncryptionStatus, f.encryptionStatus);

    if (&file != m_lastFile) {
        m_lastFile = &file;
        if (file != m_file || m_fileCell.empty()) {
            m_file = file;
            m_fileCell = csvCell(file, w.cells());
        }
    }
    w.encoded(m_fileCell);
    w.unsignedNumber(f.line);
    w.endRow();
}

} // namespace flowscope
