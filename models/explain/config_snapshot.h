// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A configuration snapshot: what the describe-* documents say about security
// groups, network ACLs, interfaces, subnets, VPCs, route tables, instances and
// prefix lists, with the files it came from. Protocol numbers are normalised
// ("tcp" = 6, "-1" = any) so that the evaluators compare plain integers.

#include "ip_address.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace flowscope::explain {

constexpr int kAnyProtocol = -1;
constexpr int kTcp = 6;
constexpr int kUdp = 17;
constexpr int kIcmp = 1;
constexpr int kIcmpv6 = 58;
constexpr int kNaclDefaultRuleV4 = 32767; // the "*" rules, which cannot be changed
constexpr int kNaclDefaultRuleV6 = 32768;

// "tcp", "6", "-1", "all" ... → protocol number; nullopt when unknown.
std::optional<int> protocolFromText(const QString &text);
// 6 → "tcp"; -1 → "all".
QString protocolName(int protocol);

struct PortRange {
    int from = -1; // -1: every port (or every ICMP type/code)
    int to = -1;
    bool isAny() const { return from < 0; }
    bool contains(int value) const { return isAny() || (value >= from && value <= to); }
};

struct NaclEntry {
    int ruleNumber = 0;
    bool egress = false;
    bool allow = false;
    int protocol = kAnyProtocol;
    IpCidr cidr;
    PortRange ports; // tcp/udp destination ports
    int icmpType = -1;
    int icmpCode = -1;
    bool isDefaultRule() const { return ruleNumber >= kNaclDefaultRuleV4; }
    QString numberText() const { return isDefaultRule() ? QStringLiteral("*") : QString::number(ruleNumber); }
};

struct NetworkAcl {
    QString id;
    QString vpcId;
    QString name;
    bool isDefault = false;
    QStringList subnetIds;
    std::vector<NaclEntry> entries; // sorted by rule number, whatever the file's order
    QString file;
};

enum class SgPeerKind { Cidr, Group, PrefixList };

struct SgRule {
    QString ruleId; // "sgr-…" when describe-security-group-rules was loaded
    bool egress = false;
    int protocol = kAnyProtocol;
    PortRange ports; // tcp/udp ports; for ICMP from = type, to = code
    SgPeerKind peerKind = SgPeerKind::Cidr;
    IpCidr cidr;
    QString groupId;      // referenced group
    QString groupAccount; // its account when named (UserId)
    QString prefixListId;
    QString description;
    QString peerText() const;
};

struct SecurityGroup {
    QString id;
    QString name;
    QString ownerId;
    QString vpcId;
    std::vector<SgRule> rules;
    QString file;
};

struct NetworkInterface {
    QString id;
    QString subnetId;
    QString vpcId;
    QString type; // "interface", "nat_gateway", "transit_gateway", ...
    QString description;
    QString instanceId;
    QString ownerId;
    QStringList groupIds;
    std::vector<IpAddress> privateIpv4;
    std::vector<IpAddress> ipv6;
    QStringList publicIps;
    QString file;
    bool described = false; // from describe-network-interfaces, not an instance's copy
    bool owns(const IpAddress &address) const;
};

struct Subnet {
    QString id;
    QString vpcId;
    QString name;
    std::vector<IpCidr> cidrs;
};

struct Vpc {
    QString id;
    QString name;
    QString ownerId;
    std::vector<IpCidr> cidrs;
};

struct PrefixList {
    QString id;
    QString name;
    std::optional<std::vector<IpCidr>> cidrs; // nullopt: its entries were not loaded
};

struct Route {
    QString destination; // CIDR or prefix-list id
    QString target;      // local, igw-…, nat-…, tgw-…, pcx-…, vpce-…
    QString state;
};

struct RouteTable {
    QString id;
    QString vpcId;
    bool isMain = false;
    QStringList subnetIds;
    std::vector<Route> routes;
    QString file;
};

struct Instance {
    QString id;
    QString name;
    QString platform; // "windows" or empty (Linux/UNIX)
};

struct SnapshotFile {
    QString path;
    QString sha256;
    QDateTime modified;
    QStringList documents; // the top-level keys it held
};

struct ConfigSnapshot {
    std::vector<SnapshotFile> files;
    std::map<QString, SecurityGroup> securityGroups;
    std::map<QString, NetworkAcl> networkAcls;
    std::map<QString, NetworkInterface> interfaces;
    std::map<QString, Subnet> subnets;
    std::map<QString, Vpc> vpcs;
    std::map<QString, PrefixList> prefixLists;
    std::map<QString, RouteTable> routeTables;
    std::map<QString, Instance> instances;

    // When the snapshot was taken: takenAt, else the newest modification
    // time of its files.
    // The as-of time it was stored or given with, when there is one.
    QDateTime asOf() const;
    QDateTime takenAt; // invalid: the files' newest modification time stands in
    // Overlapping VPCs may reuse an address: an interface of preferredVpc wins.
    const NetworkInterface *interfaceOwning(const IpAddress &address, const QString &preferredVpc = {}) const;
    // The subnet's explicit ACL, else its VPC's default ACL; null when unknown.
    const NetworkAcl *aclOfSubnet(const QString &subnetId, const QString &vpcId) const;
    const Vpc *vpcContaining(const IpAddress &address) const;
    QString subnetName(const QString &subnetId) const;
    // ENIs whose groups include groupId: a group reference admits their private addresses.
    std::vector<const NetworkInterface *> membersOf(const QString &groupId) const;
};

template <typename T>
const T *findById(const std::map<QString, T> &items, const QString &id)
{
    const auto it = items.find(id);
    return it == items.end() ? nullptr : &it->second;
}

} // namespace flowscope::explain
