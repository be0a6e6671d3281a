// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Why one REJECT record was rejected: the verdict, whether the flow records
// alone or a configuration snapshot decided it, the layers that block, the
// records that back it (request and reply, this interface and the peer's) and
// what may make it wrong. The "Why rejected?" panel, the Rejects overview and
// `flowscope-cli explain` all show this one structure.

#include "config_changes.h"
#include "path_evaluator.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace flowscope::explain {

struct ScanningSource;

enum class RecordVerdict {
    SecurityGroup,
    NetworkAcl,
    SecurityGroupAndNetworkAcl,
    SecurityGroupOrNetworkAcl, // from the records alone: either layer may have denied
    BlockPublicAccess,
    Inconclusive,
    NotExplained,
};
QString recordVerdictName(RecordVerdict verdict); // "security-group-or-network-acl", ...
RecordVerdict recordVerdictOf(Verdict verdict);

enum class ExplanationBasis { Flows, Config };
QString basisName(ExplanationBasis basis); // "flows", "config"

// What a record found beside the rejected one stands for.
enum class EvidenceRole {
    Request,     // the request this REJECT replies to, on the same interface
    Reply,       // the reply to this REJECTed request, on the same interface
    PeerRequest, // the same request logged at the other end's interface
    PeerReply,   // the reply logged at the other end's interface
};
QString evidenceRoleName(EvidenceRole role); // "request", "reply", "peer-request", "peer-reply"

struct EvidenceRecord {
    std::int64_t id = 0;
    EvidenceRole role = EvidenceRole::Request;
    bool peerInterface = false; // logged by the other end's interface, not this one
    QString interfaceId;
    bool accepted = false;
    std::int64_t start = 0;
};

// A network ACL rule as Reachability Analyzer's AnalysisAclRule shows it.
struct ExplainedRule {
    int ruleNumber = 0; // 32767 and 32768 are the "*" rules
    QString number;     // "100", "*"
    QString action; // "allow", "deny"
    bool egress = false;
    QString protocol; // "tcp", "all"
    QString cidr;
    QString ports; // "80", "1024-65535", "" for every port
};

struct ExplainedBlock {
    QString code;      // ENI_SG_RULES_MISMATCH, SUBNET_ACL_RESTRICTION, VPC_BLOCK_PUBLIC_ACCESS_ENABLED, ...
    QString component; // sg-…, acl-…, vpc-… ; empty when the records alone cannot name it
    bool egress = false;
    std::optional<ExplainedRule> rule; // network ACLs only: a security group denies without a rule
    bool atLoggingInterface = true;
};

enum class CaveatKind {
    SplitWindow,     // the counterpart lies in another aggregation window
    CombinedFlags,   // tcp-flags are OR-ed over the window: the role is uncertain
    MissingData,     // a SKIPDATA gap near the record: a counterpart may be missing
    IcmpType,        // ICMP type and code are not logged
    PacketAddresses, // pkt-srcaddr/pkt-dstaddr differ from srcaddr/dstaddr
    NoCounterpart,   // no request, reply or peer record found
    RoleGuessed,     // request or reply told by the ports alone
    DirectionUnknown, // no flow-direction, and the addresses do not tell
    SnapshotDistant, // the snapshot in force is far from the record's time
    Config,          // from the exact evaluator
};

QString caveatKindName(CaveatKind kind); // "split-window", "combined-flags", ...

struct Caveat {
    CaveatKind kind = CaveatKind::Config;
    QString text;
};

struct SnapshotReference {
    qint64 id = 0;
    QDateTime asOf;
    qint64 secondsApart = 0; // record start minus as-of: negative when the snapshot is newer
};

struct RecordExplanation {
    std::int64_t recordId = 0;
    RecordVerdict verdict = RecordVerdict::Inconclusive;
    ExplanationBasis basis = ExplanationBasis::Flows;
    std::optional<SnapshotReference> snapshot; // the one in force, when one decided

    // The record as the pairing saw it.
    QString interfaceId;
    FlowRole role = FlowRole::Request;
    bool roleKnown = false; // false: guessed from ports alone
    FlowDirection direction = FlowDirection::Ingress;
    int protocol = 0;
    int servicePort = 0; // the server's port: dstport of a request, srcport of a reply

    // The first blocking layer's component and rule, repeated for grouping.
    QString component;
    std::optional<ExplainedRule> rule;
    std::vector<ExplainedBlock> blocking; // along the packet's path
    std::vector<EvidenceRecord> evidence;
    std::vector<Caveat> caveats;
    QString explanation;
    QString suggestion;
    // The latest CloudTrail change, before the reject, to a group, network
    // ACL or interface the explanation names (config_changes.h): what may
    // have caused it.
    std::optional<ConfigChange> configChange;
    // A request from a source that scans (see scanning_sources.h), when the
    // rejects were explained together (a filter's, not one record's).
    std::shared_ptr<const ScanningSource> scanning;

    // The exact evaluator's four layers when a snapshot decided; the layers
    // point into `config`, which this keeps alive.
    std::optional<PathExplanation> path;
    std::shared_ptr<const ConfigSnapshot> config;

    QStringList caveatTexts() const;
    // Every security group of the interface whose groups denied first (none
    // admitted the packet), not only the first one `component` names.
    QStringList deniedGroups() const;
};

} // namespace flowscope::explain
