// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ephemeral port range a requester picks its source port from: what a
// network ACL must admit for the replies to reach it.

#include "config_snapshot.h"

namespace flowscope::explain {

struct EphemeralRange {
    int from = 1024;
    int to = 65535;
    QString owner; // "Linux", "Windows", "a NAT gateway, load balancer or Lambda", "an unknown client"
};

// eni is the requester, null when it lies outside the snapshot.
EphemeralRange ephemeralRangeOf(const ConfigSnapshot &snapshot, const NetworkInterface *eni);

} // namespace flowscope::explain
