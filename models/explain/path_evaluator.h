// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The exact verdict on one flow from a configuration snapshot: every layer on
// the packet's path in order (source security groups out, source network ACL
// out, destination network ACL in, destination security groups in), each
// allowing, denying or inconclusive, with the deciding rule, and the layers
// that block. The record's REJECT is explained by the blocking layers at the
// interface that logged it; layers further on are reported but do not explain it.
// The result points into the snapshot, which must outlive it.

#include "config_snapshot.h"
#include "explain_flow.h"
#include "nacl_evaluator.h"
#include "security_group_evaluator.h"

#include <QStringList>

#include <vector>

namespace flowscope::explain {

enum class LayerKind { SourceSecurityGroups, SourceNetworkAcl, DestinationNetworkAcl, DestinationSecurityGroups };

struct LayerResult {
    LayerKind kind = LayerKind::SourceSecurityGroups;
    bool evaluated = false;
    QString skipped; // why not evaluated: same subnet, outside the snapshot, no groups
    Outcome outcome = Outcome::Allow;
    const NetworkInterface *eni = nullptr;
    const NetworkAcl *acl = nullptr;
    const NaclEntry *aclRule = nullptr;
    SgVerdict groups;
    bool statefulReply = false;      // passed as the reply of an allowed request
    bool atLoggingInterface = false; // the logging interface's side of the path
    QString reason;                  // why inconclusive
    bool isSecurityGroup() const { return kind == LayerKind::SourceSecurityGroups || kind == LayerKind::DestinationSecurityGroups; }
    bool egress() const { return kind == LayerKind::SourceSecurityGroups || kind == LayerKind::SourceNetworkAcl; }
};

enum class Verdict { SecurityGroup, NetworkAcl, SecurityGroupAndNetworkAcl, BlockPublicAccess, Inconclusive, NotExplained };
QString verdictName(Verdict verdict); // "security-group", "network-acl", ...

struct BlockingLayer {
    QString code;      // Reachability Analyzer's: ENI_SG_RULES_MISMATCH, SUBNET_ACL_RESTRICTION, ...
    QString component; // every group of the interface ("sg-a, sg-b": none admits the packet), acl-…, or the VPC
    bool egress = false;
    int layer = -1; // index into layers; -1 for Block Public Access
    bool atLoggingInterface = true;
};

struct PathExplanation {
    Verdict verdict = Verdict::Inconclusive;
    std::vector<LayerResult> layers; // the four layers in path order
    Packet packet;                   // as the layers saw it (the pkt-* addresses when logged)
    std::vector<BlockingLayer> blocking;
    QStringList caveats;
    QString explanation;
    QString suggestion;
};

PathExplanation explainFlow(const ConfigSnapshot &snapshot, const ExplainFlow &flow);

} // namespace flowscope::explain
