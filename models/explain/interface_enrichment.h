// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a configuration snapshot says about the interfaces flow records name:
// an ENI's instance and its Name tag, description, interface type, security
// groups, subnet and VPC with their names; the ENI that owns an address (any
// of its private IPv4 addresses, its IPv6 addresses). Built once per snapshot
// and read from any thread; it answers the filter fields security-group,
// instance-name, subnet-name and vpc-name.

#include "config_snapshot.h"
#include "query/interface_attributes.h"
#include "query/unlogged_traffic.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace flowscope::explain {

struct GroupRef {
    QString id;
    QString name; // empty when the snapshot lacks the group
};

struct InterfaceDetails {
    QString interfaceId;
    QString instanceId;
    QString instanceName;
    QString description;
    QString type;
    std::vector<GroupRef> securityGroups;
    QString subnetId;
    QString subnetName;
    QString vpcId;
    QString vpcName;

    // "sg-0web (web), sg-0mgmt (mgmt)"
    QString securityGroupsText() const;
};

class InterfaceEnrichment : public InterfaceAttributes {
public:
    // snapshotId and asOf: as the case stored the snapshot (0 and invalid
    // for one loaded from files: its newest file time is then its as-of).
    InterfaceEnrichment(std::shared_ptr<const ConfigSnapshot> snapshot, qint64 snapshotId = 0, QDateTime asOf = {});

    qint64 snapshotId() const { return m_snapshotId; }
    QDateTime asOf() const { return m_asOf; }
    const ConfigSnapshot &snapshot() const { return *m_snapshot; }

    // Null when the snapshot does not know the interface.
    const InterfaceDetails *interface(const QString &interfaceId) const;
    // The interface owning the address; with several (overlapping VPCs), the
    // one in preferredVpc, else the first by id. Null when none does.
    const InterfaceDetails *owner(const QString &address, const QString &preferredVpc = {}) const;

    std::vector<std::string> interfacesWith(InterfaceAttribute attribute, std::string_view value) const override;
    std::vector<std::string> valuesOf(InterfaceAttribute attribute) const override;

    // The VPC CIDRs and the endpoint and load balancer interfaces, for the
    // note on traffic that flow logs never record.
    UnloggedTrafficContext unloggedTrafficContext() const;

private:
    void addValue(InterfaceAttribute attribute, const QString &value, const QString &interfaceId);

    std::shared_ptr<const ConfigSnapshot> m_snapshot;
    qint64 m_snapshotId = 0;
    QDateTime m_asOf;
    std::map<QString, InterfaceDetails> m_interfaces;
    std::multimap<IpAddress, QString> m_owners; // address → interface id
    // Per attribute: value → interface ids (sorted, unique once built).
    std::map<InterfaceAttribute, std::map<std::string, std::vector<std::string>, std::less<>>> m_values;
};

} // namespace flowscope::explain
