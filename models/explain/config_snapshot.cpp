// SPDX-License-Identifier: GPL-3.0-or-later
#include "config_snapshot.h"

namespace flowscope::explain {

std::optional<int> protocolFromText(const QString &text)
{
    const QString name = text.trimmed().toLower();
    if (name == u"tcp")
        return kTcp;
    if (name == u"udp")
        return kUdp;
    if (name == u"icmp")
        return kIcmp;
    if (name == u"icmpv6")
        return kIcmpv6;
    if (name == u"all" || name == u"-1")
        return kAnyProtocol;
    bool ok = false;
    const int number = name.toInt(&ok);
    if (ok && number >= 0 && number <= 255)
        return number;
    return std::nullopt;
}

QString protocolName(int protocol)
{
    switch (protocol) {
    case kAnyProtocol: return QStringLiteral("all");
    case kTcp: return QStringLiteral("tcp");
    case kUdp: return QStringLiteral("udp");
    case kIcmp: return QStringLiteral("icmp");
    case kIcmpv6: return QStringLiteral("icmpv6");
    default: return QString::number(protocol);
    }
}

QString SgRule::peerText() const
{
    switch (peerKind) {
    case SgPeerKind::Cidr: return cidr.toString();
    case SgPeerKind::Group: return groupAccount.isEmpty() ? groupId : groupAccount + u'/' + groupId;
    case SgPeerKind::PrefixList: return prefixListId;
    }
    return {};
}

bool NetworkInterface::owns(const IpAddress &address) const
{
    const auto &list = address.v6 ? ipv6 : privateIpv4;
    return std::find(list.begin(), list.end(), address) != list.end();
}

QDateTime ConfigSnapshot::asOf() const
{
    if (takenAt.isValid())
        return takenAt;
    QDateTime newest;
    for (const auto &file : files)
        if (!newest.isValid() || file.modified > newest)
            newest = file.modified;
    return newest;
}

const NetworkInterface *ConfigSnapshot::interfaceOwning(const IpAddress &address, const QString &preferredVpc) const
{
    const NetworkInterface *found = nullptr;
    for (const auto &[id, eni] : interfaces) {
        if (!eni.owns(address))
            continue;
        if (eni.vpcId == preferredVpc)
            return &eni;
        if (!found)
            found = &eni;
    }
    return found;
}

const NetworkAcl *ConfigSnapshot::aclOfSubnet(const QString &subnetId, const QString &vpcId) const
{
    const NetworkAcl *fallback = nullptr;
    for (const auto &[id, acl] : networkAcls) {
        if (acl.subnetIds.contains(subnetId))
            return &acl;
        if (acl.isDefault && acl.vpcId == vpcId)
            fallback = &acl;
    }
    return fallback;
}

const Vpc *ConfigSnapshot::vpcContaining(const IpAddress &address) const
{
    for (const auto &[id, vpc] : vpcs)
        for (const auto &cidr : vpc.cidrs)
            if (cidr.contains(address))
                return &vpc;
    return nullptr;
}

QString ConfigSnapshot::subnetName(const QString &subnetId) const
{
    const Subnet *subnet = findById(subnets, subnetId);
    return subnet ? subnet->name : QString();
}

std::vector<const NetworkInterface *> ConfigSnapshot::membersOf(const QString &groupId) const
{
    std::vector<const NetworkInterface *> members;
    for (const auto &[id, eni] : interfaces)
        if (eni.groupIds.contains(groupId))
            members.push_back(&eni);
    return members;
}

} // namespace flowscope::explain
