// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_links.h"

namespace flowscope::cloudtrail {

SnapshotLinks snapshotLinks(const explain::SnapshotTimeline &timeline)
{
    SnapshotLinks links;
    for (const explain::TimedSnapshot &timed : timeline.snapshots()) {
        if (!timed.snapshot)
            continue;
        const explain::ConfigSnapshot &snapshot = *timed.snapshot;
        for (const auto &[id, eni] : snapshot.interfaces) {
            std::set<std::string> &ids = links[id.toStdString()];
            if (!eni.instanceId.isEmpty())
                ids.insert(eni.instanceId.toStdString());
            for (const QString &group : eni.groupIds)
                ids.insert(group.toStdString());
            if (const explain::NetworkAcl *acl = snapshot.aclOfSubnet(eni.subnetId, eni.vpcId))
                ids.insert(acl->id.toStdString());
        }
    }
    return links;
}

} // namespace flowscope::cloudtrail
