// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The security groups of one interface on one packet in one direction: allow
// rules only, aggregated over every group of the interface; any match admits,
// no match is the implicit deny (which has no rule behind it, so the near
// misses say what came close).

#include "config_snapshot.h"
#include "explain_flow.h"
#include "nacl_evaluator.h"

#include <QStringList>

#include <vector>

namespace flowscope::explain {

struct SgNearMiss {
    const SecurityGroup *group = nullptr;
    const SgRule *rule = nullptr;
    QString what; // "only the source differs"
};

struct SgVerdict {
    Outcome outcome = Outcome::Inconclusive;
    const SecurityGroup *group = nullptr; // the allowing rule's group
    const SgRule *rule = nullptr;
    std::vector<SgNearMiss> nearMisses;
    QStringList reasons; // why inconclusive
};

Match sgRuleMatches(const ConfigSnapshot &snapshot, const SgRule &rule, const Packet &packet, QString *reason = nullptr);
SgVerdict evaluateSecurityGroups(const ConfigSnapshot &snapshot, const NetworkInterface &eni, bool egress, const Packet &packet);

} // namespace flowscope::explain
