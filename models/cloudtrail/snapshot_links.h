// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the case's configuration snapshots say leads to each interface: its
// instance, its security groups and its subnet's network ACL. CloudTrail
// names only the ids a call touched, so a rule added to a group that the
// events never gave an interface (a group made before the trail starts) is
// linked to that interface through the snapshots. Every snapshot counts: a
// group an interface had in any of them is one of its groups.

#include "explain/snapshot_timeline.h"

#include <map>
#include <set>
#include <string>

namespace flowscope::cloudtrail {

// Interface id to the ids of its instance, groups and network ACL.
using SnapshotLinks = std::map<std::string, std::set<std::string>>;

SnapshotLinks snapshotLinks(const explain::SnapshotTimeline &timeline);

} // namespace flowscope::cloudtrail
