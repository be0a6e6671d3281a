// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows_verdict.h"

#include "config_snapshot.h"

#include <QCoreApplication>

#include <bit>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }

QString endpoint(const flowscope::IpAddress &address, int port, int protocol)
{
    const QString text = QString::fromStdString(address.toString());
    const bool ported = protocol == kTcp || protocol == kUdp;
    if (!ported)
        return text;
    return address.isV4() ? QStringLiteral("%1:%2").arg(text).arg(port) : QStringLiteral("[%1]:%2").arg(text).arg(port);
}

void addEvidence(RecordExplanation &out, const std::optional<PairedRecord> &paired, EvidenceRole role, bool peer,
                 const FlowsContext &context)
{
    if (!paired)
        return;
    const PairingFlow &flow = *paired->flow;
    out.evidence.push_back({flow.id, role, peer, context.interfaceName ? context.interfaceName(flow.interface) : QString(),
                            flow.action == flowscope::Action::Accept, flow.start});
}

void addCaveat(RecordExplanation &out, CaveatKind kind, const QString &text, bool withText)
{
    out.caveats.push_back({kind, withText ? text : QString()});
}

const PairingFlow *peerFlow(const Pairing &pairing)
{
    if (pairing.peerSame)
        return pairing.peerSame->flow;
    return pairing.peerReverse ? pairing.peerReverse->flow : nullptr;
}

QString directionWord(bool egress) { return egress ? tr("outbound") : tr("inbound"); }

} // namespace

QString describeFlow(const PairingFlow &flow)
{
    return tr("%1 from %2 to %3")
        .arg(protocolName(flow.protocol), endpoint(flow.src, flow.srcPort, flow.protocol),
             endpoint(flow.dst, flow.dstPort, flow.protocol));
}

RecordExplanation explainFromFlows(const PairingFlow &rejected, const Pairing &pairing, const FlowsContext &context)
{
    const bool text = context.withText;
    RecordExplanation out;
    out.recordId = rejected.id;
    out.basis = ExplanationBasis::Flows;
    out.verdict = RecordVerdict::SecurityGroupOrNetworkAcl;
    out.interfaceId = context.interfaceName ? context.interfaceName(rejected.interface) : QString();
    out.role = pairing.isReply ? FlowRole::Reply : FlowRole::Request;
    out.roleKnown = pairing.roleKnown;
    out.direction = pairing.egress ? FlowDirection::Egress : FlowDirection::Ingress;
    out.protocol = rejected.protocol;
    out.servicePort = servicePortOf(rejected, pairing.isReply);

    addEvidence(out, pairing.request, EvidenceRole::Request, false, context);
    addEvidence(out, pairing.reply, EvidenceRole::Reply, false, context);
    addEvidence(out, pairing.peerSame, pairing.isReply ? EvidenceRole::PeerReply : EvidenceRole::PeerRequest, true, context);
    addEvidence(out, pairing.peerReverse, pairing.isReply ? EvidenceRole::PeerRequest : EvidenceRole::PeerReply, true, context);

    // What may make the verdict wrong.
    for (const auto *paired : {&pairing.request, &pairing.reply, &pairing.peerSame, &pairing.peerReverse}) {
        if (*paired && (*paired)->splitWindow) {
            addCaveat(out, CaveatKind::SplitWindow,
                      tr("record %1 lies in another aggregation window than this one: it may belong to another connection")
                          .arg((*paired)->flow->id),
                      text);
        }
    }
    const std::uint8_t endBits = rejected.tcpFlags & 0x05; // FIN, RST
    if (pairing.roleFromFlags && endBits != 0) {
        addCaveat(out, CaveatKind::CombinedFlags,
                  tr("tcp-flags %1 are OR-ed over the aggregation window: the record may hold more than one connection's packets")
                      .arg(rejected.tcpFlags),
                  text);
    }
    if (!pairing.roleKnown && !rejected.blockPublicAccess)
        addCaveat(out, CaveatKind::RoleGuessed,
                  tr("request or reply is guessed from the ports alone (no tcp-flags and no counterpart tell)"), text);
    if (context.missingDataNear) {
        bool near = context.missingDataNear(rejected.interface, rejected.start, rejected.end);
        if (const PairingFlow *peer = peerFlow(pairing))
            near = near || context.missingDataNear(peer->interface, rejected.start, rejected.end);
        if (near)
            addCaveat(out, CaveatKind::MissingData,
                      tr("a SKIPDATA gap lies near this record: a counterpart may be missing from the logs"), text);
    }
    if (rejected.protocol == kIcmp || rejected.protocol == kIcmpv6)
        addCaveat(out, CaveatKind::IcmpType, tr("flow logs do not record the ICMP type and code"), text);
    if (rejected.packetAddressesDiffer)
        addCaveat(out, CaveatKind::PacketAddresses,
                  tr("the packet's own addresses (pkt-srcaddr, pkt-dstaddr) differ from srcaddr/dstaddr"), text);
    if (out.evidence.empty() && !rejected.blockPublicAccess)
        addCaveat(out, CaveatKind::NoCounterpart,
                  tr("no request, reply or record of the other end lies within %1 seconds").arg(kPairingSlackSeconds), text);
    if (!pairing.directionKnown)
        addCaveat(out, CaveatKind::DirectionUnknown,
                  tr("the record has no flow-direction and its direction could not be told from its addresses"), text);

    const QString flowText = text ? describeFlow(rejected) : QString();
    const PairingFlow *peer = peerFlow(pairing);
    const bool sameSubnet = context.sameSubnet && context.sameSubnet(rejected, peer).value_or(false);

    if (rejected.blockPublicAccess) {
        out.verdict = RecordVerdict::BlockPublicAccess;
        out.blocking.push_back({QStringLiteral("VPC_BLOCK_PUBLIC_ACCESS_ENABLED"), {}, pairing.egress, std::nullopt, true});
        if (text) {
            out.explanation = tr("VPC Block Public Access rejected %1 (reject-reason BPA); security groups and network ACLs are not the cause")
                                  .arg(flowText);
            out.suggestion = tr("Block Public Access exists to refuse traffic from the internet, and unsolicited requests from there are often scans: check the source first; if this traffic is wanted, add a Block Public Access exclusion for the VPC or subnet rather than switching its mode off");
        }
        return out;
    }

    const bool answeredRequest = pairing.isReply && pairing.request && pairing.request->flow->action == flowscope::Action::Accept;
    if (answeredRequest && sameSubnet) {
        out.verdict = RecordVerdict::NotExplained;
        if (text)
            out.explanation = tr("%1 replies to the request %2 that %3 ACCEPTed (record %4); within one subnet no network ACL "
                                 "is crossed and security groups pass replies: a packet after the connection closed")
                                  .arg(flowText, describeFlow(*pairing.request->flow), out.interfaceId)
                                  .arg(pairing.request->flow->id);
        if (text)
            out.suggestion = tr("nothing to change in the security groups or network ACLs; if such REJECTs persist, "
                                "look for a configuration change at that time");
        return out;
    }
    if (answeredRequest) {
        // Stateless: the security groups admitted the request, so they pass its reply.
        out.verdict = RecordVerdict::NetworkAcl;
        out.blocking.push_back({QStringLiteral("SUBNET_ACL_RESTRICTION"), {}, pairing.egress, std::nullopt, true});
        if (text) {
            out.explanation = tr("the network ACL of %1's subnet denies %2 %3 — the reply of the request %4 it ACCEPTed "
                                 "(record %5); security groups pass the replies of requests they admit, network ACLs do not")
                                  .arg(out.interfaceId, directionWord(pairing.egress), flowText,
                                       describeFlow(*pairing.request->flow))
                                  .arg(pairing.request->flow->id);
            const QString peerAddress = QString::fromStdString((pairing.egress ? rejected.dst : rejected.src).toString());
            out.suggestion = pairing.egress
                ? tr("allow %1 outbound to %2 ports 1024-65535 (the client's ephemeral ports: Linux 32768-61000, "
                     "Windows 49152-65535) in the network ACL of %3's subnet")
                      .arg(protocolName(rejected.protocol), peerAddress, out.interfaceId)
                : tr("allow %1 inbound from %2 to ports 1024-65535 (this client's ephemeral ports: Linux 32768-61000, "
                     "Windows 49152-65535) in the network ACL of %3's subnet")
                      .arg(protocolName(rejected.protocol), peerAddress, out.interfaceId);
        }
        return out;
    }

    const bool blockedAtDestination = !pairing.isReply && pairing.directionKnown && !pairing.egress && pairing.peerSame
        && pairing.peerSame->flow->action == flowscope::Action::Accept;
    if (sameSubnet) {
        out.verdict = RecordVerdict::SecurityGroup;
        out.blocking.push_back({QStringLiteral("ENI_SG_RULES_MISMATCH"), {}, pairing.egress, std::nullopt, true});
        if (text) {
            out.explanation = tr("the security groups of %1 deny %2 %3: both ends share a subnet, so no network ACL is crossed")
                                  .arg(out.interfaceId, directionWord(pairing.egress), flowText);
            out.suggestion = tr("allow %1 %2 port %3 in a security group of %4 (load a configuration snapshot to see its rules)")
                                 .arg(directionWord(pairing.egress), protocolName(rejected.protocol))
                                 .arg(out.servicePort)
                                 .arg(out.interfaceId);
        }
        return out;
    }
    if (!text)
        return out;
    if (blockedAtDestination) {
        out.explanation = tr("%1 left %2 (ACCEPT, record %3) and was rejected entering %4: the destination's security "
                             "groups or its subnet's network ACL denied it; the flow records alone cannot tell which")
                              .arg(flowText, context.interfaceName ? context.interfaceName(pairing.peerSame->flow->interface) : QString())
                              .arg(pairing.peerSame->flow->id)
                              .arg(out.interfaceId);
    } else {
        out.explanation = tr("%1 rejected %2 %3 (%4): its security groups or its subnet's network ACL denied it; the flow "
                             "records alone cannot tell which")
                              .arg(out.interfaceId, directionWord(pairing.egress), flowText,
                                   pairing.isReply ? tr("a reply") : tr("a request"));
        if (pairing.isReply && !pairing.request)
            out.explanation += tr("; no request was found for this reply, so a network ACL or a packet after the "
                                  "connection closed is likelier than a security group");
    }
    out.suggestion = tr("load a configuration snapshot of the VPC (File > Load Configuration Snapshot, or flowscope-cli config) to name the rule");
    return out;
}

} // namespace flowscope::explain
