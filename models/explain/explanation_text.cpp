// SPDX-License-Identifier: GPL-3.0-or-later
#include "explanation_text.h"

#include "ephemeral_ports.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }

bool hasPorts(int protocol) { return protocol == kTcp || protocol == kUdp; }

QString endpoint(const IpAddress &address, int port, int protocol)
{
    if (!hasPorts(protocol))
        return address.toString();
    return address.v6 ? u'[' + address.toString() + QStringLiteral("]:") + QString::number(port)
                      : address.toString() + u':' + QString::number(port);
}

QString rulePorts(const SgRule &rule)
{
    if (rule.protocol == kIcmp || rule.protocol == kIcmpv6) {
        if (rule.ports.from < 0)
            return tr("all types");
        return rule.ports.to < 0 ? tr("type %1").arg(rule.ports.from) : tr("type %1 code %2").arg(rule.ports.from).arg(rule.ports.to);
    }
    if (!hasPorts(rule.protocol) || rule.ports.isAny())
        return tr("all ports");
    return rule.ports.from == rule.ports.to ? tr("port %1").arg(rule.ports.from)
                                            : tr("ports %1-%2").arg(rule.ports.from).arg(rule.ports.to);
}

QString subnetText(const ConfigSnapshot &snapshot, const NetworkInterface *eni)
{
    if (!eni)
        return {};
    const QString name = snapshot.subnetName(eni->subnetId);
    return name.isEmpty() ? eni->subnetId : name;
}

// Private and shared address space (RFC 1918, RFC 6598, unique local IPv6):
// peered networks and on-premises, not the internet.
bool isPrivateAddress(const IpAddress &address)
{
    static const std::vector<IpCidr> ranges = [] {
        std::vector<IpCidr> out;
        for (const char *text : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"})
            out.push_back(*IpCidr::parse(QString::fromLatin1(text)));
        return out;
    }();
    return std::any_of(ranges.begin(), ranges.end(), [&](const IpCidr &range) { return range.contains(address); });
}

} // namespace

QString describePacket(const Packet &packet)
{
    return tr("%1 from %2 to %3")
        .arg(protocolName(packet.protocol), endpoint(packet.src, packet.srcPort, packet.protocol),
             endpoint(packet.dst, packet.dstPort, packet.protocol));
}

QString describeBlock(const ConfigSnapshot &snapshot, const LayerResult &layer, const Packet &packet, FlowRole role)
{
    const QString direction = layer.egress() ? tr("outbound") : tr("inbound");
    const QString reply = role == FlowRole::Reply ? tr(" — the reply of a request") : QString();
    if (!layer.isSecurityGroup()) {
        const QString rule = layer.aclRule ? layer.aclRule->numberText() : QStringLiteral("*");
        return tr("network ACL %1 (subnet %2) %3 rule %4 denies %5%6")
            .arg(layer.acl->id, subnetText(snapshot, layer.eni), direction, rule, describePacket(packet), reply);
    }
    QString text = tr("no %1 rule of security group(s) %2 on %3 allows %4%5")
                       .arg(direction, layer.eni->groupIds.join(QStringLiteral(", ")), layer.eni->id, describePacket(packet), reply);
    QStringList misses;
    for (const SgNearMiss &miss : layer.groups.nearMisses)
        misses << tr("%1 %2 %3 %4 (%5)")
                      .arg(miss.group->id, protocolName(miss.rule->protocol), rulePorts(*miss.rule), miss.rule->peerText(), miss.what);
    if (!misses.isEmpty())
        text += tr("; near misses: %1").arg(misses.join(QStringLiteral("; ")));
    return text;
}

QString suggestFix(const ConfigSnapshot &snapshot, const LayerResult &layer, const Packet &packet, FlowRole role,
                   const NetworkInterface *requester)
{
    const IpAddress &peer = layer.egress() ? packet.dst : packet.src;
    const QString peerText = IpCidr::host(peer).toString();
    const QString direction = layer.egress() ? tr("an outbound") : tr("an inbound");
    const QString preposition = layer.egress() ? tr("to") : tr("from");
    QString what = protocolName(packet.protocol);
    if (hasPorts(packet.protocol)) {
        if (role == FlowRole::Reply) {
            const EphemeralRange range = ephemeralRangeOf(snapshot, requester);
            what += tr(" ports %1-%2 (the ephemeral ports of %3)").arg(range.from).arg(range.to).arg(range.owner);
        } else {
            what += tr(" port %1").arg(packet.dstPort);
        }
    }
    QString fix;
    if (layer.isSecurityGroup()) {
        fix = tr("add to %1 %2 rule allowing %3 %4 %5").arg(layer.eni->groupIds.value(0), direction, what, preposition, peerText);
    } else {
        const QString numbered = layer.aclRule && !layer.aclRule->isDefaultRule()
            ? tr(", numbered below %1").arg(layer.aclRule->ruleNumber)
            : QString();
        fix = tr("add to %1 %2 rule allowing %3 %4 %5%6").arg(layer.acl->id, direction, what, preposition, peerText, numbered);
    }
    // A request from outside the VPC is as likely a scanner as a client: opening
    // the port is a choice for the analyst, not a repair.
    if (!layer.egress() && role == FlowRole::Request && !snapshot.vpcContaining(peer) && !isPrivateAddress(peer))
        return tr("if this traffic is wanted: %1. %2 lies outside the VPC: unsolicited requests from the internet are "
                  "often scans, so check the source before opening the port to it")
            .arg(fix, peer.toString());
    return fix;
}

} // namespace flowscope::explain
