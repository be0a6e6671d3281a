// SPDX-License-Identifier: GPL-3.0-or-later
#include "path_evaluator.h"

#include "explanation_text.h"

#include <QCoreApplication>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }

// The request a reply answers: the reverse packet; an echo reply answers an echo request.
Packet requestOf(const Packet &reply)
{
    Packet request = reply.reversed();
    if (request.protocol == kIcmp && request.icmpType == 0)
        request.icmpType = 8;
    else if (request.protocol == kIcmpv6 && request.icmpType == 129)
        request.icmpType = 128;
    return request;
}

LayerResult securityGroupLayer(const ConfigSnapshot &snapshot, LayerKind kind, const NetworkInterface *eni,
                               const Packet &packet, FlowRole role)
{
    LayerResult layer;
    layer.kind = kind;
    layer.eni = eni;
    if (!eni) {
        layer.skipped = tr("outside the snapshot");
        return layer;
    }
    if (eni->groupIds.isEmpty()) {
        layer.skipped = tr("%1 has no security groups").arg(eni->id);
        return layer;
    }
    layer.evaluated = true;
    const bool egress = layer.egress();
    if (role == FlowRole::Reply) {
        // Stateful: the reply of a request these groups admitted always passes.
        const SgVerdict request = evaluateSecurityGroups(snapshot, *eni, !egress, requestOf(packet));
        if (request.outcome == Outcome::Allow) {
            layer.outcome = Outcome::Allow;
            layer.statefulReply = true;
            layer.groups = request;
            return layer;
        }
        // No tracked connection: the packet is judged as new traffic.
        layer.groups = evaluateSecurityGroups(snapshot, *eni, egress, packet);
        layer.outcome = layer.groups.outcome;
        if (layer.outcome == Outcome::Deny && request.outcome == Outcome::Inconclusive) {
            layer.outcome = Outcome::Inconclusive;
            layer.groups.reasons << request.reasons;
        }
    } else {
        layer.groups = evaluateSecurityGroups(snapshot, *eni, egress, packet);
        layer.outcome = layer.groups.outcome;
    }
    layer.reason = layer.groups.reasons.join(QStringLiteral("; "));
    return layer;
}

LayerResult networkAclLayer(const ConfigSnapshot &snapshot, LayerKind kind, const NetworkInterface *eni, const Packet &packet)
{
    LayerResult layer;
    layer.kind = kind;
    layer.eni = eni;
    if (!eni) {
        layer.skipped = tr("outside the snapshot");
        return layer;
    }
    layer.evaluated = true;
    layer.acl = snapshot.aclOfSubnet(eni->subnetId, eni->vpcId);
    if (!layer.acl) {
        layer.outcome = Outcome::Inconclusive;
        layer.reason = tr("the snapshot has no network ACL for subnet %1").arg(eni->subnetId);
        return layer;
    }
    const NaclVerdict verdict = evaluateNacl(*layer.acl, layer.egress(), packet);
    layer.outcome = verdict.outcome;
    layer.aclRule = verdict.rule;
    layer.reason = verdict.reason;
    return layer;
}

QString blockingCode(const ConfigSnapshot &snapshot, const LayerResult &layer)
{
    if (!layer.isSecurityGroup())
        return QStringLiteral("SUBNET_ACL_RESTRICTION");
    const bool noRules = std::all_of(layer.eni->groupIds.begin(), layer.eni->groupIds.end(), [&](const QString &id) {
        const SecurityGroup *group = findById(snapshot.securityGroups, id);
        return group && group->rules.empty();
    });
    return noRules ? QStringLiteral("SG_HAS_NO_RULES") : QStringLiteral("ENI_SG_RULES_MISMATCH");
}

std::optional<IpAddress> packetAddress(const QString &logged, const QString &header)
{
    return IpAddress::parse(header.isEmpty() || header == u"-" ? logged : header);
}

bool differs(const QString &header, const QString &logged)
{
    return !header.isEmpty() && header != u"-" && header != logged;
}

// The four layers in the packet's order; within a subnet no network ACL is
// crossed, except toward a transit gateway's interface there, which its one
// ACL checks both ways.
std::vector<LayerResult> pathLayers(const ConfigSnapshot &snapshot, const NetworkInterface *source,
                                    const NetworkInterface *destination, const Packet &packet, FlowRole role)
{
    std::vector<LayerResult> layers;
    layers.push_back(securityGroupLayer(snapshot, LayerKind::SourceSecurityGroups, source, packet, role));
    const bool sameSubnet = source && destination && source->subnetId == destination->subnetId;
    if (sameSubnet && destination->type != u"transit_gateway") {
        for (const LayerKind kind : {LayerKind::SourceNetworkAcl, LayerKind::DestinationNetworkAcl}) {
            LayerResult skipped;
            skipped.kind = kind;
            skipped.skipped = tr("same subnet: no network ACL is crossed");
            layers.push_back(skipped);
        }
    } else {
        layers.push_back(networkAclLayer(snapshot, LayerKind::SourceNetworkAcl, source, packet));
        layers.push_back(networkAclLayer(snapshot, LayerKind::DestinationNetworkAcl, destination, packet));
    }
    layers.push_back(securityGroupLayer(snapshot, LayerKind::DestinationSecurityGroups, destination, packet, role));
    return layers;
}

// The verdict from the layers: the blocking ones at the logging interface
// explain the record; those further on and undecided ones become caveats.
void summarise(const ConfigSnapshot &snapshot, const ExplainFlow &flow, const Packet &packet,
               const NetworkInterface *requester, PathExplanation &out)
{
    bool sgBlocks = false;
    bool aclBlocks = false;
    QStringList here, further, fixes, unknownHere, unknownFurther;
    for (int i = 0; i < static_cast<int>(out.layers.size()); ++i) {
        const LayerResult &layer = out.layers[i];
        if (!layer.evaluated)
            continue;
        if (layer.outcome == Outcome::Inconclusive)
            (layer.atLoggingInterface ? unknownHere : unknownFurther) << layer.reason;
        if (layer.outcome != Outcome::Deny)
            continue;
        out.blocking.push_back({blockingCode(snapshot, layer), layer.isSecurityGroup() ? layer.eni->groupIds.join(QStringLiteral(", ")) : layer.acl->id,
                                layer.egress(), i, layer.atLoggingInterface});
        if (!flow.withText) {
            if (layer.atLoggingInterface)
                (layer.isSecurityGroup() ? sgBlocks : aclBlocks) = true;
            continue;
        }
        const QString sentence = describeBlock(snapshot, layer, packet, flow.role);
        if (!layer.atLoggingInterface) {
            further << sentence;
            continue;
        }
        (layer.isSecurityGroup() ? sgBlocks : aclBlocks) = true;
        here << sentence;
        fixes << suggestFix(snapshot, layer, packet, flow.role, requester);
    }
    const QString separator = QStringLiteral("; ");
    if (!flow.withText) {
        out.verdict = sgBlocks || aclBlocks ? (sgBlocks && aclBlocks ? Verdict::SecurityGroupAndNetworkAcl
                                                                     : (sgBlocks ? Verdict::SecurityGroup : Verdict::NetworkAcl))
            : unknownHere.isEmpty() ? Verdict::NotExplained
                                    : Verdict::Inconclusive;
        return;
    }
    if (sgBlocks || aclBlocks) {
        out.verdict = sgBlocks && aclBlocks ? Verdict::SecurityGroupAndNetworkAcl
                                            : (sgBlocks ? Verdict::SecurityGroup : Verdict::NetworkAcl);
        out.explanation = here.join(separator);
        out.suggestion = fixes.join(separator);
        if (!unknownHere.isEmpty())
            out.caveats << tr("another layer could not be decided: %1").arg(unknownHere.join(separator));
    } else if (!unknownHere.isEmpty()) {
        out.verdict = Verdict::Inconclusive;
        out.explanation = tr("the snapshot cannot decide %1: %2").arg(describePacket(packet), unknownHere.join(separator));
    } else {
        out.verdict = Verdict::NotExplained;
        out.explanation = tr("the snapshot of %1 allows %2 at %3: the REJECT is not explained by this configuration "
                             "(a packet after the connection closed, or a configuration changed since)")
                              .arg(snapshot.asOf().toString(Qt::ISODate), describePacket(packet), flow.interfaceId);
    }
    if (!further.isEmpty())
        out.caveats << tr("further along the path: %1").arg(further.join(separator));
    if (!unknownFurther.isEmpty())
        out.caveats << tr("further along the path, undecided: %1").arg(unknownFurther.join(separator));
}

} // namespace

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::SecurityGroup: return QStringLiteral("security-group");
    case Verdict::NetworkAcl: return QStringLiteral("network-acl");
    case Verdict::SecurityGroupAndNetworkAcl: return QStringLiteral("security-group-and-network-acl");
    case Verdict::BlockPublicAccess: return QStringLiteral("block-public-access");
    case Verdict::Inconclusive: return QStringLiteral("inconclusive");
    case Verdict::NotExplained: return QStringLiteral("not-explained");
    }
    return {};
}

PathExplanation explainFlow(const ConfigSnapshot &snapshot, const ExplainFlow &flow)
{
    PathExplanation out;
    const auto src = packetAddress(flow.srcAddr, flow.pktSrcAddr);
    const auto dst = packetAddress(flow.dstAddr, flow.pktDstAddr);
    const NetworkInterface *logged = findById(snapshot.interfaces, flow.interfaceId);
    const bool loggedIsSource = flow.direction == FlowDirection::Egress;

    if (flow.rejectedByBlockPublicAccess) { // reject-reason BPA names the cause whatever the rules say
        out.verdict = Verdict::BlockPublicAccess;
        out.blocking.push_back({QStringLiteral("VPC_BLOCK_PUBLIC_ACCESS_ENABLED"), logged ? logged->vpcId : QString(), loggedIsSource, -1, true});
        out.explanation = tr("VPC Block Public Access rejected this traffic (reject-reason BPA); security groups and network ACLs are not the cause");
        out.suggestion = tr("Block Public Access exists to refuse traffic from the internet, and unsolicited requests from there are often scans: check the source first; if this traffic is wanted, add a Block Public Access exclusion for the VPC or subnet rather than switching its mode off");
        return out;
    }
    if (!src || !dst) {
        out.explanation = tr("the flow's addresses are not IP addresses: nothing can be evaluated");
        return out;
    }
    if (!logged) {
        out.explanation = tr("interface %1 is not in the snapshot: its security groups and network ACL are unknown").arg(flow.interfaceId);
        return out;
    }
    if (differs(flow.pktSrcAddr, flow.srcAddr) || differs(flow.pktDstAddr, flow.dstAddr))
        out.caveats << tr("the packet's own addresses (pkt-srcaddr, pkt-dstaddr) differ from srcaddr/dstaddr: the rules are checked against the packet's");

    const Packet packet{*src, *dst, flow.protocol, flow.srcPort, flow.dstPort, flow.icmpType, flow.icmpCode};
    out.packet = packet;
    const NetworkInterface *source = loggedIsSource ? logged : snapshot.interfaceOwning(packet.src, logged->vpcId);
    const NetworkInterface *destination = loggedIsSource ? snapshot.interfaceOwning(packet.dst, logged->vpcId) : logged;
    const IpAddress &far = loggedIsSource ? packet.dst : packet.src;
    if (!(loggedIsSource ? destination : source))
        if (const Vpc *vpc = snapshot.vpcContaining(far))
            out.caveats << tr("%1 lies in %2 but no interface of the snapshot owns it: its side of the path is not checked")
                               .arg(far.toString(), vpc->id);
    if (packet.isIcmp() && !packet.icmpType)
        out.caveats << tr("flow logs do not record the ICMP type and code");

    out.layers = pathLayers(snapshot, source, destination, packet, flow.role);
    for (LayerResult &layer : out.layers)
        layer.atLoggingInterface = layer.egress() == loggedIsSource;
    summarise(snapshot, flow, packet, flow.role == FlowRole::Reply ? destination : source, out);
    return out;
}

} // namespace flowscope::explain
