// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairing_source.h"

#include "store/case_db.h"

namespace flowscope::explain {

namespace {
constexpr std::size_t kSubnetSlot = 3; // Field::SubnetId in kInterfaceFields
}

PairingSource::PairingSource(CaseDb &caseDb)
{
    m_strings.load(caseDb.handle());
    m_interfaces.load(caseDb.handle(), m_strings);
    m_bpaReason = m_strings.find("BPA");
    m_interfaceNames.resize(m_interfaces.size() + 1);
    for (std::uint32_t id = 1; id <= m_interfaces.size(); ++id) {
        if (const std::uint32_t name = eniNameId(id))
            m_interfaceNames[id] = QString::fromStdString(m_strings.value(name));
    }
}

std::uint32_t PairingSource::eniNameId(std::uint32_t interface) const
{
    return interface == 0 || interface > m_interfaces.size() ? 0 : m_interfaces.key(interface)[0];
}

QString PairingSource::interfaceName(std::uint32_t interface) const
{
    return interface < m_interfaceNames.size() ? m_interfaceNames[interface] : QString();
}

PairingFlow PairingSource::pairingFlow(const EncodedFlow &flow, std::int64_t id) const
{
    PairingFlow p;
    p.id = id;
    p.hasStart = flow.has(Field::Start);
    p.start = flow.start;
    p.end = flow.has(Field::End) ? flow.end : flow.start;
    p.src = flow.srcAddr;
    p.dst = flow.dstAddr;
    p.interface = flow.interface;
    p.subnet = flow.interface && flow.interface <= m_interfaces.size() ? m_interfaces.key(flow.interface)[kSubnetSlot] : 0;
    p.srcPort = flow.srcPort;
    p.dstPort = flow.dstPort;
    p.protocol = flow.protocol;
    p.tcpFlags = flow.tcpFlags;
    p.hasTcpFlags = flow.has(Field::TcpFlags);
    p.hasDirection = flow.has(Field::FlowDirection);
    p.direction = flow.direction;
    p.action = flow.action;
    p.blockPublicAccess = m_bpaReason != 0 && flow.has(Field::RejectReason) && flow.rejectReason == m_bpaReason;
    p.packetAddressesDiffer = (flow.has(Field::PktSrcAddr) && !(flow.pktSrcAddr == flow.srcAddr))
        || (flow.has(Field::PktDstAddr) && !(flow.pktDstAddr == flow.dstAddr));
    p.conversation = conversationHash(p);
    return p;
}

} // namespace flowscope::explain
