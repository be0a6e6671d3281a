// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_explanation.h"

namespace flowscope::explain {

QString recordVerdictName(RecordVerdict verdict)
{
    switch (verdict) {
    case RecordVerdict::SecurityGroup: return QStringLiteral("security-group");
    case RecordVerdict::NetworkAcl: return QStringLiteral("network-acl");
    case RecordVerdict::SecurityGroupAndNetworkAcl: return QStringLiteral("security-group-and-network-acl");
    case RecordVerdict::SecurityGroupOrNetworkAcl: return QStringLiteral("security-group-or-network-acl");
    case RecordVerdict::BlockPublicAccess: return QStringLiteral("block-public-access");
    case RecordVerdict::Inconclusive: return QStringLiteral("inconclusive");
    case RecordVerdict::NotExplained: return QStringLiteral("not-explained");
    }
    return {};
}

RecordVerdict recordVerdictOf(Verdict verdict)
{
    switch (verdict) {
    case Verdict::SecurityGroup: return RecordVerdict::SecurityGroup;
    case Verdict::NetworkAcl: return RecordVerdict::NetworkAcl;
    case Verdict::SecurityGroupAndNetworkAcl: return RecordVerdict::SecurityGroupAndNetworkAcl;
    case Verdict::BlockPublicAccess: return RecordVerdict::BlockPublicAccess;
    case Verdict::Inconclusive: return RecordVerdict::Inconclusive;
    case Verdict::NotExplained: return RecordVerdict::NotExplained;
    }
    return RecordVerdict::Inconclusive;
}

QString basisName(ExplanationBasis basis)
{
    return basis == ExplanationBasis::Config ? QStringLiteral("config") : QStringLiteral("flows");
}

QString evidenceRoleName(EvidenceRole role)
{
    switch (role) {
    case EvidenceRole::Request: return QStringLiteral("request");
    case EvidenceRole::Reply: return QStringLiteral("reply");
    case EvidenceRole::PeerRequest: return QStringLiteral("peer-request");
    case EvidenceRole::PeerReply: return QStringLiteral("peer-reply");
    }
    return {};
}

QString caveatKindName(CaveatKind kind)
{
    switch (kind) {
    case CaveatKind::SplitWindow: return QStringLiteral("split-window");
    case CaveatKind::CombinedFlags: return QStringLiteral("combined-flags");
    case CaveatKind::MissingData: return QStringLiteral("missing-data");
    case CaveatKind::IcmpType: return QStringLiteral("icmp-type");
    case CaveatKind::PacketAddresses: return QStringLiteral("packet-addresses");
    case CaveatKind::NoCounterpart: return QStringLiteral("no-counterpart");
    case CaveatKind::RoleGuessed: return QStringLiteral("role-guessed");
    case CaveatKind::DirectionUnknown: return QStringLiteral("direction-unknown");
    case CaveatKind::SnapshotDistant: return QStringLiteral("snapshot-distant");
    case CaveatKind::Config: return QStringLiteral("config");
    }
    return {};
}

QStringList RecordExplanation::caveatTexts() const
{
    QStringList texts;
    for (const Caveat &caveat : caveats)
        texts << caveat.text;
    return texts;
}

QStringList RecordExplanation::deniedGroups() const
{
    if (path) {
        for (const BlockingLayer &block : path->blocking) {
            if (block.layer < 0)
                continue;
            const LayerResult &layer = path->layers[block.layer];
            if (layer.isSecurityGroup() && layer.eni)
                return layer.eni->groupIds;
        }
    }
    for (const ExplainedBlock &block : blocking) {
        if (block.component.startsWith(QLatin1String("sg-")))
            return block.component.split(QStringLiteral(", "));
    }
    return {};
}

} // namespace flowscope::explain
