// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow table's optional columns from the case's newest configuration
// snapshot: the instance's Name tag, the security groups, the subnet's and
// the VPC's names of the record's interface. Hidden by default; empty when
// the case has no snapshot or the snapshot lacks the interface.

#include <QList>
#include <QString>

namespace flowscope {

struct FlowRow;

namespace explain {
class EnrichmentTimeline;
class InterfaceEnrichment;
}

enum class SnapshotColumn { InstanceName, SecurityGroups, SubnetName, VpcName };

QList<SnapshotColumn> allSnapshotColumns();
// "Instance name" (translated)
QString snapshotColumnTitle(SnapshotColumn column);
// "instance-name": the filter field the column shows
QString snapshotColumnKey(SnapshotColumn column);
QString snapshotColumnText(const explain::InterfaceEnrichment *enrichment, SnapshotColumn column, const FlowRow &row);

} // namespace flowscope
