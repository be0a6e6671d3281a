// SPDX-License-Identifier: GPL-3.0-or-later
#include "interface_enrichment.h"

#include <algorithm>

namespace flowscope::explain {
namespace {

flowscope::IpAddress toQueryAddress(const IpAddress &address)
{
    flowscope::IpAddress out;
    out.family = address.v6 ? flowscope::IpAddress::Family::V6 : flowscope::IpAddress::Family::V4;
    out.bytes = address.bytes;
    return out;
}

// The first and last address of a block, as the filter language spells ranges.
AddressRange toQueryRange(const IpCidr &cidr)
{
    AddressRange range{toQueryAddress(cidr.base), toQueryAddress(cidr.base)};
    const int bits = cidr.base.v6 ? 128 : 32;
    for (int bit = cidr.prefix; bit < bits; ++bit) {
        range.lo.bytes[bit / 8] &= static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
        range.hi.bytes[bit / 8] |= static_cast<std::uint8_t>(0x80u >> (bit % 8));
    }
    return range;
}

// Interface endpoints and Network Load Balancers say what they are in their
// type or, in older output, in their description.
bool isEndpointInterface(const NetworkInterface &eni)
{
    return eni.type == u"vpc_endpoint" || eni.description.startsWith(u"VPC Endpoint Interface");
}

bool isLoadBalancerInterface(const NetworkInterface &eni)
{
    return eni.type == u"network_load_balancer" || eni.description.startsWith(u"ELB net/");
}

} // namespace

QString InterfaceDetails::securityGroupsText() const
{
    QStringList parts;
    for (const GroupRef &group : securityGroups)
        parts << (group.name.isEmpty() ? group.id : group.id + QStringLiteral(" (") + group.name + u')');
    return parts.join(QStringLiteral(", "));
}

InterfaceEnrichment::InterfaceEnrichment(std::shared_ptr<const ConfigSnapshot> snapshot, qint64 snapshotId,
                                         QDateTime asOf)
    : m_snapshot(std::move(snapshot))
    , m_snapshotId(snapshotId)
    , m_asOf(asOf.isValid() ? asOf : m_snapshot->asOf())
{
    const ConfigSnapshot &s = *m_snapshot;
    for (const auto &[id, eni] : s.interfaces) {
        InterfaceDetails details;
        details.interfaceId = id;
        details.instanceId = eni.instanceId;
        if (const Instance *instance = findById(s.instances, eni.instanceId))
            details.instanceName = instance->name;
        details.description = eni.description;
        details.type = eni.type;
        for (const QString &groupId : eni.groupIds) {
            const SecurityGroup *group = findById(s.securityGroups, groupId);
            details.securityGroups.push_back({groupId, group ? group->name : QString()});
            addValue(InterfaceAttribute::SecurityGroup, groupId, id);
            if (group && !group->name.isEmpty())
                addValue(InterfaceAttribute::SecurityGroup, group->name, id);
        }
        details.subnetId = eni.subnetId;
        details.subnetName = s.subnetName(eni.subnetId);
        details.vpcId = eni.vpcId;
        if (const Vpc *vpc = findById(s.vpcs, eni.vpcId))
            details.vpcName = vpc->name;
        addValue(InterfaceAttribute::InstanceName, details.instanceName, id);
        addValue(InterfaceAttribute::SubnetName, details.subnetName, id);
        addValue(InterfaceAttribute::VpcName, details.vpcName, id);
        for (const IpAddress &address : eni.privateIpv4)
            m_owners.emplace(address, id);
        for (const IpAddress &address : eni.ipv6)
            m_owners.emplace(address, id);
        m_interfaces.emplace(id, std::move(details));
    }
    for (auto &[attribute, values] : m_values)
        for (auto &[value, ids] : values) {
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        }
}

void InterfaceEnrichment::addValue(InterfaceAttribute attribute, const QString &value, const QString &interfaceId)
{
    if (!value.isEmpty())
        m_values[attribute][value.toStdString()].push_back(interfaceId.toStdString());
}

const InterfaceDetails *InterfaceEnrichment::interface(const QString &interfaceId) const
{
    const auto it = m_interfaces.find(interfaceId);
    return it == m_interfaces.end() ? nullptr : &it->second;
}

const InterfaceDetails *InterfaceEnrichment::owner(const QString &address, const QString &preferredVpc) const
{
    const auto parsed = IpAddress::parse(address);
    if (!parsed)
        return nullptr;
    const auto [from, to] = m_owners.equal_range(*parsed);
    const InterfaceDetails *found = nullptr;
    for (auto it = from; it != to; ++it) {
        const InterfaceDetails *details = interface(it->second);
        if (details && details->vpcId == preferredVpc && !preferredVpc.isEmpty())
            return details;
        if (!found || (details && details->interfaceId < found->interfaceId))
            found = details;
    }
    return found;
}

std::vector<std::string> InterfaceEnrichment::interfacesWith(InterfaceAttribute attribute, std::string_view value) const
{
    const auto values = m_values.find(attribute);
    if (values == m_values.end())
        return {};
    const auto it = values->second.find(value);
    return it == values->second.end() ? std::vector<std::string>() : it->second;
}

std::vector<std::string> InterfaceEnrichment::valuesOf(InterfaceAttribute attribute) const
{
    std::vector<std::string> out;
    const auto values = m_values.find(attribute);
    if (values != m_values.end())
        for (const auto &[value, ids] : values->second)
            out.push_back(value);
    return out;
}

UnloggedTrafficContext InterfaceEnrichment::unloggedTrafficContext() const
{
    UnloggedTrafficContext context;
    for (const auto &[id, vpc] : m_snapshot->vpcs)
        for (const IpCidr &cidr : vpc.cidrs)
            if (!cidr.base.v6) // the resolver and router are at base + 2 and + 1 of IPv4 blocks
                context.vpcCidrs.push_back(toQueryRange(cidr));
    for (const auto &[id, eni] : m_snapshot->interfaces) {
        const bool endpoint = isEndpointInterface(eni);
        if (!endpoint && !isLoadBalancerInterface(eni))
            continue;
        UnloggedTrafficContext::Interface entry{id.toStdString(), {}};
        for (const IpAddress &address : eni.privateIpv4)
            entry.addresses.push_back(toQueryAddress(address));
        for (const IpAddress &address : eni.ipv6)
            entry.addresses.push_back(toQueryAddress(address));
        (endpoint ? context.endpointInterfaces : context.loadBalancerInterfaces).push_back(std::move(entry));
    }
    return context;
}

} // namespace flowscope::explain
