// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_csv_rows.h"

#include "store/flow_row_decoder.h"

#include <algorithm>

namespace flowscope {

namespace {

// The runs of adjacent interface columns, in column order.
const std::array<std::vector<Field>, 5> kInterfaceRuns{{
    {Field::AccountId, Field::InterfaceId},
    {Field::VpcId, Field::SubnetId, Field::InstanceId},
    {Field::Region, Field::AzId, Field::SublocationType, Field::SublocationId},
    {Field::EcsClusterArn, Field::EcsClusterName, Field::EcsContainerInstanceArn, Field::EcsContainerInstanceId,
     Field::EcsContainerId, Field::EcsSecondContainerId, Field::EcsServiceName, Field::EcsTaskDefinitionArn,
     Field::EcsTaskArn, Field::EcsTaskId},
    {Field::ResourceId},
}};

// The place of a field in an InterfaceKey.
std::size_t interfaceIndex(Field field)
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

std::string FlowCsvRows::cellOf(std::uint32_t id) const
{
    return id == 0 || id > m_decoder.textCount() ? std::string() : csvCell(m_decoder.text(id), m_writer.cells());
}

FlowCsvRows::InterfaceRuns FlowCsvRows::makeRuns(std::uint32_t interface) const
{
    const InterfaceKey *key = m_decoder.interfaceKey(interface);
    InterfaceRuns runs;
    for (std::size_t run = 0; run < runs.size(); ++run)
        for (std::size_t i = 0; i < kInterfaceRuns[run].size(); ++i) {
            if (i > 0)
                runs[run] += ',';
            if (key)
                runs[run] += cellOf((*key)[interfaceIndex(kInterfaceRuns[run][i])]);
        }
    return runs;
}

const FlowCsvRows::InterfaceRuns &FlowCsvRows::interfaceRuns(std::uint32_t interface)
{
    // An id the case does not know writes as no interface, as decoding does.
    const std::size_t id = m_decoder.interfaceKey(interface) ? interface : 0;
    if (id >= m_interfaceRuns.size()) {
        m_interfaceRuns.resize(id + 1);
        m_interfaceRunsMade.resize(id + 1);
    }
    if (!m_interfaceRunsMade[id]) {
        m_interfaceRuns[id] = makeRuns(static_cast<std::uint32_t>(id));
        m_interfaceRunsMade[id] = true;
    }
    return m_interfaceRuns[id];
}

void FlowCsvRows::write(const EncodedFlow &f, const std::string &file)
{
    // The columns in catalogue order, as flowCsvHeader() names them.
    CsvWriter &w = m_writer;
    // A run of cells goes in as one: encoded() puts the comma before it.
    const InterfaceRuns &runs = interfaceRuns(f.interface);
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
    w.encoded(runs[0]); // account-id, interface-id
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
    w.encoded(runs[1]); // vpc-id, subnet-id, instance-id
    number(Field::TcpFlags, f.tcpFlags);
    name(Field::Type, trafficTypeName(f.type));
    address(Field::PktSrcAddr, f.pktSrcAddr);
    address(Field::PktDstAddr, f.pktDstAddr);
    w.encoded(runs[2]); // region to sublocation-id
    text(f.pktSrcService);
    text(f.pktDstService);
    name(Field::FlowDirection, flowDirectionName(f.direction));
    number(Field::TrafficPath, f.trafficPath);
    w.encoded(runs[3]); // the ten ecs- fields
    text(f.rejectReason);
    w.encoded(runs[4]); // resource-id
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
