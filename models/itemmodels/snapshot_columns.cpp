// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_columns.h"

#include "explain/interface_enrichment.h"
#include "store/flow_reader.h"

#include <QCoreApplication>

namespace flowscope {

QList<SnapshotColumn> allSnapshotColumns()
{
    return {SnapshotColumn::InstanceName, SnapshotColumn::SecurityGroups, SnapshotColumn::SubnetName,
            SnapshotColumn::VpcName};
}

QString snapshotColumnTitle(SnapshotColumn column)
{
    switch (column) {
    case SnapshotColumn::InstanceName: return QCoreApplication::translate("flowscope::FlowTableModel", "Instance name");
    case SnapshotColumn::SecurityGroups: return QCoreApplication::translate("flowscope::FlowTableModel", "Security groups");
    case SnapshotColumn::SubnetName: return QCoreApplication::translate("flowscope::FlowTableModel", "Subnet name");
    case SnapshotColumn::VpcName: return QCoreApplication::translate("flowscope::FlowTableModel", "VPC name");
    }
    return {};
}

QString snapshotColumnKey(SnapshotColumn column)
{
    switch (column) {
    case SnapshotColumn::InstanceName: return QStringLiteral("instance-name");
    case SnapshotColumn::SecurityGroups: return QStringLiteral("security-group");
    case SnapshotColumn::SubnetName: return QStringLiteral("subnet-name");
    case SnapshotColumn::VpcName: return QStringLiteral("vpc-name");
    }
    return {};
}

QString snapshotColumnText(const explain::InterfaceEnrichment *enrichment, SnapshotColumn column, const FlowRow &row)
{
    const auto *eni = std::get_if<std::string>(&row.value(Field::InterfaceId));
    const explain::InterfaceDetails *details =
        enrichment && eni ? enrichment->interface(QString::fromStdString(*eni)) : nullptr;
    if (!details)
        return {};
    switch (column) {
    case SnapshotColumn::InstanceName: return details->instanceName;
    case SnapshotColumn::SecurityGroups: return details->securityGroupsText();
    case SnapshotColumn::SubnetName: return details->subnetName;
    case SnapshotColumn::VpcName: return details->vpcName;
    }
    return {};
}

} // namespace flowscope
