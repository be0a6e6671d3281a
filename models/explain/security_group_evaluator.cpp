// SPDX-License-Identifier: GPL-3.0-or-later
#include "security_group_evaluator.h"

#include <QCoreApplication>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }

Match both(Match a, Match b)
{
    if (a == Match::No || b == Match::No)
        return Match::No;
    return a == Match::Unknown || b == Match::Unknown ? Match::Unknown : Match::Yes;
}

Match protocolMatches(const SgRule &rule, const Packet &packet)
{
    return rule.protocol == kAnyProtocol || rule.protocol == packet.protocol ? Match::Yes : Match::No;
}

Match portMatches(const SgRule &rule, const Packet &packet, QString *reason)
{
    if (rule.protocol == kTcp || rule.protocol == kUdp)
        return rule.ports.contains(packet.dstPort) ? Match::Yes : Match::No;
    if (rule.protocol == kIcmp || rule.protocol == kIcmpv6) { // FromPort is the type, ToPort the code
        Match result = Match::Yes;
        for (const auto &[wanted, actual] : {std::pair{rule.ports.from, packet.icmpType}, std::pair{rule.ports.to, packet.icmpCode}}) {
            if (wanted < 0)
                continue;
            if (!actual) {
                result = Match::Unknown;
                if (reason)
                    *reason = tr("the rule allows only some ICMP types and codes, which flow logs do not record");
            } else if (*actual != wanted) {
                return Match::No;
            }
        }
        return result;
    }
    return Match::Yes;
}

Match peerMatches(const ConfigSnapshot &snapshot, const SgRule &rule, const IpAddress &peer, QString *reason)
{
    switch (rule.peerKind) {
    case SgPeerKind::Cidr:
        return rule.cidr.contains(peer) ? Match::Yes : Match::No;
    case SgPeerKind::Group: {
        if (!snapshot.securityGroups.count(rule.groupId)) {
            if (reason)
                *reason = tr("the rule references group %1, which the snapshot lacks").arg(rule.peerText());
            return Match::Unknown;
        }
        // The private addresses of the group's interfaces, every one, not only the
        // primary; never their public or Elastic IPs.
        Match result = Match::No;
        for (const NetworkInterface *member : snapshot.membersOf(rule.groupId)) {
            if (!peer.v6 && member->owns(peer))
                return Match::Yes;
            if (peer.v6 && member->owns(peer)) {
                result = Match::Unknown;
                if (reason)
                    *reason = tr("AWS does not document whether a group reference admits its members' IPv6 addresses");
            }
        }
        return result;
    }
    case SgPeerKind::PrefixList: {
        const PrefixList *list = findById(snapshot.prefixLists, rule.prefixListId);
        if (!list || !list->cidrs) {
            if (reason)
                *reason = list ? tr("the entries of prefix list %1 were not loaded").arg(rule.prefixListId)
                               : tr("the rule references prefix list %1, which the snapshot lacks").arg(rule.prefixListId);
            return Match::Unknown;
        }
        for (const IpCidr &cidr : *list->cidrs)
            if (cidr.contains(peer))
                return Match::Yes;
        return Match::No;
    }
    }
    return Match::No;
}

bool hasPorts(int protocol) { return protocol == kTcp || protocol == kUdp; }

// A rule that denies nothing but admits neither is a near miss when it differs
// from the packet in one thing only, and that one thing is worth reading:
// - the peer: the rule admits this protocol and port from (to) elsewhere;
// - the port: the rule admits this protocol from (to) a peer it names; a rule
//   open to every address differs from every probe by its port alone, which
//   tells nothing about this flow;
// - the protocol: a tcp rule for a udp packet to the same port (or the
//   reverse); an ICMP rule has no port, so it is never "right port" for tcp
//   or udp, nor a tcp or udp rule for ICMP.
// Empty when it is no near miss; else what differs.
QString nearMissText(const ConfigSnapshot &snapshot, const SgRule &rule, const Packet &packet, bool egress)
{
    QString ignored;
    const Match protocol = protocolMatches(rule, packet);
    const Match port = portMatches(rule, packet, &ignored);
    const Match peer = peerMatches(snapshot, rule, egress ? packet.dst : packet.src, &ignored);
    if (protocol == Match::No) {
        if (!hasPorts(rule.protocol) || !hasPorts(packet.protocol) || port != Match::Yes || peer != Match::Yes)
            return {};
        return tr("only the protocol differs: the rule admits %1").arg(protocolName(rule.protocol));
    }
    if (port == Match::No) {
        const bool namesPeer = rule.peerKind != SgPeerKind::Cidr || !rule.cidr.isAny();
        if (peer != Match::Yes || !namesPeer)
            return {};
        return rule.protocol == kIcmp || rule.protocol == kIcmpv6 ? tr("only the ICMP type or code differs")
                                                                   : tr("only the port differs");
    }
    if (peer == Match::No && port == Match::Yes)
        return egress ? tr("only the destination differs") : tr("only the source differs");
    return {};
}

} // namespace

Match sgRuleMatches(const ConfigSnapshot &snapshot, const SgRule &rule, const Packet &packet, QString *reason)
{
    const IpAddress &peer = rule.egress ? packet.dst : packet.src;
    return both(protocolMatches(rule, packet), both(portMatches(rule, packet, reason), peerMatches(snapshot, rule, peer, reason)));
}

SgVerdict evaluateSecurityGroups(const ConfigSnapshot &snapshot, const NetworkInterface &eni, bool egress, const Packet &packet)
{
    SgVerdict verdict;
    bool unknown = false;
    for (const QString &groupId : eni.groupIds) {
        const SecurityGroup *group = findById(snapshot.securityGroups, groupId);
        if (!group) {
            unknown = true;
            verdict.reasons << tr("group %1 of %2 is not in the snapshot").arg(groupId, eni.id);
            continue;
        }
        for (const SgRule &rule : group->rules) {
            if (rule.egress != egress)
                continue;
            QString reason;
            const Match match = sgRuleMatches(snapshot, rule, packet, &reason);
            if (match == Match::Yes) { // any allow wins: no deny precedence within groups
                verdict.outcome = Outcome::Allow;
                verdict.group = group;
                verdict.rule = &rule;
                verdict.reasons.clear();
                verdict.nearMisses.clear();
                return verdict;
            }
            if (match == Match::Unknown) {
                unknown = true;
                verdict.reasons << group->id + QStringLiteral(": ") + reason;
                continue;
            }
            const QString what = nearMissText(snapshot, rule, packet, egress);
            if (what.isEmpty())
                continue;
            verdict.nearMisses.push_back({group, &rule, what});
        }
    }
    verdict.outcome = unknown ? Outcome::Inconclusive : Outcome::Deny;
    if (unknown)
        verdict.nearMisses.clear();
    return verdict;
}

} // namespace flowscope::explain
