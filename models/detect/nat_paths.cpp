// SPDX-License-Identifier: GPL-3.0-or-later
#include "nat_paths.h"
#include "flow_roles.h"

#include "explain/snapshot_store.h"

namespace flowscope {

void NatPaths::prepare(CaseDb &caseDb)
{
    // Every snapshot: a gateway replaced during the case still translated its records.
    const explain::SnapshotTimeline timeline = explain::loadSnapshotTimeline(caseDb);
    for (const explain::TimedSnapshot &timed : timeline.snapshots())
        for (const auto &[id, interface] : timed.snapshot->interfaces) {
            if (interface.type != QLatin1String("nat_gateway"))
                continue;
            for (const auto &address : interface.privateIpv4)
                if (const auto parsed = IpAddress::parse(address.toString().toStdString())) {
                    m_gateways.insert(keyOf(*parsed));
                    m_snapshotGateways.insert(keyOf(*parsed));
                }
        }
}

// pkt-dstaddr alone: the requests name gateway and host, and a column less is decoded on every record.
ColumnMask NatPaths::columns() { return columnOf(Field::PktDstAddr); }

IpAddress NatPaths::observe(const EncodedFlow &flow)
{
    if (!m_snapshotGateways.empty() && m_snapshotGateways.count(keyOf(flow.dstAddr)))
        m_sentTo.insert({keyOf(flow.dstAddr), keyOf(flow.srcAddr)});
    if (!flow.has(Field::PktDstAddr) || flow.pktDstAddr == flow.dstAddr)
        return flow.dstAddr;
    if (isInternalAddress(flow.srcAddr) && isInternalAddress(flow.dstAddr) && !isInternalAddress(flow.pktDstAddr))
        learn(flow.dstAddr, flow.srcAddr, flow.pktDstAddr);
    return flow.pktDstAddr;
}

void NatPaths::learn(const IpAddress &gateway, const IpAddress &sender, const IpAddress &remote)
{
    const Key g = keyOf(gateway), s = keyOf(sender), r = keyOf(remote);
    m_gateways.insert(g);
    m_byGateway.insert({g, r, s});
    m_bySender.insert({s, r, g});
}

void NatPaths::addSender(const IpAddress &gateway, const IpAddress &sender, const IpAddress &remote)
{
    learn(gateway, sender, remote);
}

bool NatPaths::isGateway(const IpAddress &address) const { return m_gateways.count(keyOf(address)) > 0; }

bool NatPaths::hasSenders(const IpAddress &gateway) const
{
    const Key g = keyOf(gateway);
    const auto it = m_byGateway.lower_bound({g, Key{}, Key{}});
    return it != m_byGateway.end() && std::get<0>(*it) == g;
}

bool NatPaths::sentTo(const IpAddress &gateway, const IpAddress &sender) const
{
    return m_sentTo.count({keyOf(gateway), keyOf(sender)}) > 0;
}

std::vector<IpAddress> NatPaths::sendersTo(const IpAddress &gateway) const
{
    std::vector<IpAddress> out;
    const Key g = keyOf(gateway);
    for (auto it = m_sentTo.lower_bound({g, Key{}}); it != m_sentTo.end() && it->first == g; ++it)
        out.push_back(addressOf(it->second));
    return out;
}

bool NatPaths::isSnapshotGateway(const IpAddress &address) const { return m_snapshotGateways.count(keyOf(address)) > 0; }

namespace {

template<typename Set, typename Key>
std::vector<IpAddress> thirds(const Set &set, const Key &first, const Key &second, IpAddress (*addressOf)(const Key &))
{
    std::vector<IpAddress> out;
    for (auto it = set.lower_bound({first, second, Key{}}); it != set.end() && std::get<0>(*it) == first
         && std::get<1>(*it) == second;
         ++it)
        out.push_back(addressOf(std::get<2>(*it)));
    return out;
}

} // namespace

std::vector<IpAddress> NatPaths::sendersThrough(const IpAddress &gateway, const IpAddress &remote) const
{
    return thirds(m_byGateway, keyOf(gateway), keyOf(remote), &NatPaths::addressOf);
}

std::vector<IpAddress> NatPaths::gatewaysOf(const IpAddress &sender, const IpAddress &remote) const
{
    return thirds(m_bySender, keyOf(sender), keyOf(remote), &NatPaths::addressOf);
}

NatPaths::Key NatPaths::keyOf(const IpAddress &address) { return {static_cast<int>(address.family), address.bytes}; }

IpAddress NatPaths::addressOf(const Key &key)
{
    IpAddress address;
    address.family = static_cast<IpAddress::Family>(std::get<0>(key));
    address.bytes = std::get<1>(key);
    return address;
}

std::string natPathText(const std::vector<IpAddress> &gateways)
{
    if (gateways.empty())
        return {};
    std::string text = gateways.size() == 1 ? ", through NAT gateway " : ", through NAT gateways ";
    for (std::size_t i = 0; i < gateways.size(); ++i)
        text += (i ? ", " : "") + gateways[i].toString();
    return text;
}

} // namespace flowscope
