// SPDX-License-Identifier: GPL-3.0-or-later
#include "nacl_evaluator.h"

#include <QCoreApplication>

namespace flowscope::explain {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }
} // namespace

Match naclEntryMatches(const NaclEntry &entry, const Packet &packet)
{
    if (entry.protocol != kAnyProtocol && entry.protocol != packet.protocol)
        return Match::No;
    // An entry names the peer: the destination going out, the source coming in.
    // IPv4 entries never match IPv6 packets and the reverse.
    if (!entry.cidr.contains(entry.egress ? packet.dst : packet.src))
        return Match::No;
    if (entry.protocol == kTcp || entry.protocol == kUdp)
        return entry.ports.contains(packet.dstPort) ? Match::Yes : Match::No;
    if (entry.protocol == kIcmp || entry.protocol == kIcmpv6) {
        Match result = Match::Yes;
        for (const auto &[wanted, actual] : {std::pair{entry.icmpType, packet.icmpType}, std::pair{entry.icmpCode, packet.icmpCode}}) {
            if (wanted < 0)
                continue;
            if (!actual)
                result = Match::Unknown; // flow logs do not record ICMP type and code
            else if (*actual != wanted)
                return Match::No;
        }
        return result;
    }
    return Match::Yes; // -1 and other protocols: every port
}

NaclVerdict evaluateNacl(const NetworkAcl &acl, bool egress, const Packet &packet)
{
    // Entries that may match (ICMP type unknown) stand between the packet and the
    // first certain match: the verdict holds only if they would decide alike.
    std::vector<const NaclEntry *> possible;
    for (const NaclEntry &entry : acl.entries) {
        if (entry.egress != egress)
            continue;
        const Match match = naclEntryMatches(entry, packet);
        if (match == Match::No)
            continue;
        if (match == Match::Unknown) {
            possible.push_back(&entry);
            continue;
        }
        const bool settled = std::all_of(possible.begin(), possible.end(), [&](const NaclEntry *p) { return p->allow == entry.allow; });
        if (settled)
            return {entry.allow ? Outcome::Allow : Outcome::Deny, &entry, {}};
        return {Outcome::Inconclusive, possible.front(),
                tr("rule %1 matches only some ICMP types and codes, which flow logs do not record").arg(possible.front()->numberText())};
    }
    // AWS always lists the "*" entries; a document without them still denies.
    const bool settled = std::all_of(possible.begin(), possible.end(), [](const NaclEntry *p) { return !p->allow; });
    if (settled)
        return {Outcome::Deny, nullptr, {}};
    return {Outcome::Inconclusive, possible.front(),
            tr("rule %1 matches only some ICMP types and codes, which flow logs do not record").arg(possible.front()->numberText())};
}

} // namespace flowscope::explain
