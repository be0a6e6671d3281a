// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_summary.h"

#include <QCoreApplication>
#include <QStringList>

namespace flowscope::explain {

namespace {

QString tr(const char *text, int n) { return QCoreApplication::translate("flowscope::explain::SnapshotSummary", text, nullptr, n); }

} // namespace

SnapshotCounts countSnapshot(const ConfigSnapshot &s)
{
    const auto count = [](const auto &items) { return static_cast<int>(items.size()); };
    return {count(s.securityGroups), count(s.networkAcls), count(s.interfaces), count(s.subnets), count(s.vpcs),
            count(s.routeTables),    count(s.prefixLists), count(s.instances)};
}

std::vector<std::pair<QString, int>> SnapshotCounts::named() const
{
    return {{QStringLiteral("security_groups"), securityGroups}, {QStringLiteral("network_acls"), networkAcls},
            {QStringLiteral("interfaces"), interfaces},          {QStringLiteral("subnets"), subnets},
            {QStringLiteral("vpcs"), vpcs},                      {QStringLiteral("route_tables"), routeTables},
            {QStringLiteral("prefix_lists"), prefixLists},       {QStringLiteral("instances"), instances}};
}

QString SnapshotCounts::toText() const
{
    const std::pair<int, QString> parts[] = {
        {securityGroups, tr("%n security group(s)", securityGroups)},
        {networkAcls, tr("%n network ACL(s)", networkAcls)},
        {interfaces, tr("%n interface(s)", interfaces)},
        {subnets, tr("%n subnet(s)", subnets)},
        {vpcs, tr("%n VPC(s)", vpcs)},
        {routeTables, tr("%n route table(s)", routeTables)},
        {prefixLists, tr("%n prefix list(s)", prefixLists)},
        {instances, tr("%n instance(s)", instances)},
    };
    QStringList texts;
    for (const auto &[count, text] : parts)
        if (count > 0)
            texts << text;
    return texts.isEmpty() ? tr("nothing", 0) : texts.join(QStringLiteral(", "));
}

} // namespace flowscope::explain
