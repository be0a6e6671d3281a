// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a configuration snapshot holds, counted, for reports of a load: "12
// security groups, 3 network ACLs, ...".

#include "config_snapshot.h"

#include <QString>

#include <utility>
#include <vector>

namespace flowscope::explain {

struct SnapshotCounts {
    int securityGroups = 0;
    int networkAcls = 0;
    int interfaces = 0;
    int subnets = 0;
    int vpcs = 0;
    int routeTables = 0;
    int prefixLists = 0;
    int instances = 0;

    // (json key, count) in a fixed order: security_groups, network_acls, ...
    std::vector<std::pair<QString, int>> named() const;
    // "2 security groups, 1 network ACL, ..." (the kinds it holds none of left out; "nothing" when empty).
    QString toText() const;
};

SnapshotCounts countSnapshot(const ConfigSnapshot &snapshot);

} // namespace flowscope::explain
