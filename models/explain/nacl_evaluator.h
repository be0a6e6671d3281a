// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A network ACL's verdict on one packet in one direction: entries by rule
// number, the first match decides. Stateless: a reply is judged like any packet.

#include "config_snapshot.h"
#include "explain_flow.h"

#include <QString>

namespace flowscope::explain {

enum class Outcome { Allow, Deny, Inconclusive };

struct NaclVerdict {
    Outcome outcome = Outcome::Inconclusive;
    const NaclEntry *rule = nullptr; // the deciding entry; null for a missing "*"
    QString reason;                  // why inconclusive
};

Match naclEntryMatches(const NaclEntry &entry, const Packet &packet);
NaclVerdict evaluateNacl(const NetworkAcl &acl, bool egress, const Packet &packet);

} // namespace flowscope::explain
