// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_snapshot.h"

#include "demo_estate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace flowscope::demo {

namespace {

const QString kOffice = QStringLiteral("198.51.100.0/24"); // the admins' addresses (demo_internet.h)
const QString kVpcACidr = QStringLiteral("10.0.0.0/16");
const QString kVpcBCidr = QStringLiteral("10.1.0.0/16");
const QString kS3UsEast1 = QStringLiteral("pl-63a5400a");
const QString kS3EuWest1 = QStringLiteral("pl-6da54004");

// The security groups, by what they are for.
enum class Group { Web, WebPublic, Nlb, Bastion, App, Db, Windows, Monitoring, Monitored, EuAdmin, Workloads };

struct GroupInfo {
    const char *id;
    const char *name;
    bool peerAccount;
    bool vpcB;
};

const std::map<Group, GroupInfo> kGroups{
    {Group::Web, {"sg-0a11c3e5f7a9b1c3d", "web", false, false}},
    {Group::WebPublic, {"sg-0b22d4f6a8b0c2d4e", "web-public-admin", false, false}},
    {Group::Nlb, {"sg-0c33e5a7b9c1d3e5f", "nlb", false, false}},
    {Group::Bastion, {"sg-0d44f6b8c0d2e4f6a", "bastion", false, false}},
    {Group::App, {"sg-0e55a7c9d1e3f5a7b", "app", false, false}},
    {Group::Db, {"sg-0f66b8d0e2f4a6b8c", "databases", false, false}},
    {Group::Windows, {"sg-0177c9e1f3a5b7c9d", "windows-domain", false, false}},
    {Group::Monitoring, {"sg-0288d0f2a4b6c8d0e", "monitoring", false, false}},
    {Group::Monitored, {"sg-0399e1a3b5c7d9e1f", "monitored", false, false}},
    {Group::EuAdmin, {"sg-04aaf2b4c6d8e0f2a", "eu-admin", false, true}},
    {Group::Workloads, {"sg-05bba3c5d7e9f1a3b", "payments-workloads", true, true}},
};

QString text(std::string_view value) { return QString::fromLatin1(value.data(), static_cast<qsizetype>(value.size())); }
QString groupId(Group group) { return QString::fromLatin1(kGroups.at(group).id); }

QJsonArray nameTag(const QString &name) { return {QJsonObject{{"Key", "Name"}, {"Value", name}}}; }

QString ipv4Cidr(std::uint32_t base, int prefix)
{
    return QStringLiteral("%1.%2.%3.%4/%5")
        .arg(base >> 24)
        .arg((base >> 16) & 0xff)
        .arg((base >> 8) & 0xff)
        .arg(base & 0xff)
        .arg(prefix);
}

QString ipv6Prefix(const std::array<std::uint16_t, 4> &groups, int prefix)
{
    QStringList parts;
    for (std::uint16_t group : groups)
        parts << QString::number(group, 16);
    return parts.join(u':') + QStringLiteral("::/%1").arg(prefix);
}

std::vector<Group> groupsOf(const Eni &eni)
{
    const bool vpcB = eni.subnet->vpc->region == "eu-west-1";
    if (vpcB)
        return {eni.accountId == kPeerAccount ? Group::Workloads : Group::EuAdmin};
    switch (eni.role) {
    case Role::NatGateway: return {};
    case Role::LoadBalancer: return {Group::Nlb};
    case Role::Web:
        if (eni.name == "web-1")
            return {Group::Web, Group::WebPublic, Group::Monitored};
        return {Group::Web, Group::Monitored};
    case Role::Bastion: return {Group::Bastion, Group::Monitored};
    case Role::MySql:
    case Role::Postgres: return {Group::Db, Group::Monitored};
    case Role::DomainController:
    case Role::FileServer: return {Group::Windows, Group::Monitored};
    case Role::Monitoring: return {Group::Monitoring};
    case Role::Idle: return {eni.hasPublicIpv4 || eni.name == "web-standby" ? Group::Web : Group::App, Group::Monitored};
    default: return {Group::App, Group::Monitored};
    }
}

QString interfaceType(const Eni &eni)
{
    switch (eni.role) {
    case Role::NatGateway: return QStringLiteral("nat_gateway");
    case Role::LoadBalancer: return QStringLiteral("network_load_balancer");
    case Role::EcrEndpoint: return QStringLiteral("vpc_endpoint");
    default: return QStringLiteral("interface");
    }
}

// A public address per interface that has one: the private address's last octet in a block of its region.
QString publicIpOf(const Eni &eni)
{
    const QString privateAddress = text(eni.address.text());
    const QString last = privateAddress.section(u'.', 3, 3);
    return eni.subnet->vpc->region == "eu-west-1" ? QStringLiteral("34.250.7.") + last : QStringLiteral("44.210.12.") + last;
}

QJsonObject interfaceObject(const Eni &eni)
{
    QJsonArray groups;
    for (Group group : groupsOf(eni))
        groups.append(QJsonObject{{"GroupId", groupId(group)}, {"GroupName", kGroups.at(group).name}});
    QJsonObject address{{"Primary", true}, {"PrivateIpAddress", text(eni.address.text())}};
    if (eni.hasPublicIpv4)
        address.insert(QStringLiteral("Association"), QJsonObject{{"PublicIp", publicIpOf(eni)}});
    QJsonArray ipv6;
    if (eni.ipv6.isV6())
        ipv6.append(QJsonObject{{"Ipv6Address", text(eni.ipv6.text())}});
    QJsonObject object{
        {"NetworkInterfaceId", text(eni.interfaceId)},
        {"SubnetId", text(eni.subnet->id)},
        {"VpcId", text(eni.subnet->vpc->id)},
        {"OwnerId", text(eni.accountId)},
        {"InterfaceType", interfaceType(eni)},
        {"Description", text(eni.name)},
        {"AvailabilityZoneId", text(eni.subnet->azId)},
        {"Groups", groups},
        {"PrivateIpAddress", text(eni.address.text())},
        {"PrivateIpAddresses", QJsonArray{address}},
        {"Ipv6Addresses", ipv6},
        {"Status", "in-use"},
    };
    if (eni.instanceId != "-")
        object.insert(QStringLiteral("Attachment"), QJsonObject{{"InstanceId", text(eni.instanceId)}, {"Status", "attached"}});
    return object;
}

QJsonObject permission(const QString &protocol, int from, int to, const QJsonArray &cidrs, const QJsonArray &ipv6 = {},
                       const QJsonArray &groups = {})
{
    QJsonObject object{{"IpProtocol", protocol}, {"IpRanges", cidrs}, {"Ipv6Ranges", ipv6}, {"UserIdGroupPairs", groups},
                       {"PrefixListIds", QJsonArray{}}};
    if (from >= 0) {
        object.insert(QStringLiteral("FromPort"), from);
        object.insert(QStringLiteral("ToPort"), to);
    }
    return object;
}

QJsonArray cidr(const QString &block, const QString &description = {})
{
    QJsonObject range{{"CidrIp", block}};
    if (!description.isEmpty())
        range.insert(QStringLiteral("Description"), description);
    return {range};
}

QJsonArray group(Group referenced)
{
    return {QJsonObject{{"GroupId", groupId(referenced)}, {"UserId", text(kMainAccount)}}};
}

const QJsonArray kAnywhere6{QJsonObject{{"CidrIpv6", "::/0"}}};

QJsonArray inboundRules(Group g)
{
    const QJsonArray anywhere = cidr(QStringLiteral("0.0.0.0/0"));
    const QJsonArray vpcA = cidr(kVpcACidr, QStringLiteral("the VPC"));
    switch (g) {
    case Group::Web:
    case Group::Nlb:
        return {permission("tcp", 80, 80, anywhere, kAnywhere6), permission("tcp", 443, 443, anywhere, kAnywhere6)};
    case Group::WebPublic:
        return {permission("tcp", 22, 22, anywhere), permission("icmp", -1, -1, anywhere)};
    case Group::Bastion:
        return {permission("tcp", 22, 22, cidr(kOffice, QStringLiteral("the office")) + vpcA.first())};
    case Group::App:
        return {permission("tcp", 8080, 8080, {}, {}, group(Group::Web)), permission("tcp", 22, 22, {}, {}, group(Group::Bastion))};
    case Group::Db:
        return {permission("tcp", 5432, 5432, {}, {}, group(Group::App)), permission("tcp", 3306, 3306, {}, {}, group(Group::App)),
                permission("tcp", 22, 22, {}, {}, group(Group::Bastion))};
    case Group::Windows: {
        QJsonArray rules;
        for (int port : {88, 135, 389, 445, 636})
            rules.append(permission("tcp", port, port, vpcA));
        for (int port : {53, 88, 389})
            rules.append(permission("udp", port, port, vpcA));
        return rules;
    }
    case Group::Monitoring: return {};
    case Group::Monitored:
        return {permission("tcp", 9100, 9100, {}, {}, group(Group::Monitoring)), permission("icmp", -1, -1, {}, {}, group(Group::Monitoring))};
    case Group::EuAdmin:
        return {permission("tcp", 22, 22, cidr(QStringLiteral("10.0.0.10/32"), QStringLiteral("the bastion, through the peering")) + cidr(kVpcBCidr).first()),
                permission("tcp", 443, 443, cidr(kVpcBCidr))};
    case Group::Workloads:
        return {permission("-1", -1, -1, cidr(kVpcBCidr)), permission("tcp", 443, 443, anywhere), permission("tcp", 8080, 8080, anywhere)};
    }
    return {};
}

QByteArray json(const QJsonObject &document) { return QJsonDocument(document).toJson(QJsonDocument::Indented); }

QByteArray securityGroups()
{
    QJsonArray groups;
    for (const auto &[g, info] : kGroups) {
        const QString vpc = text(info.vpcB ? "vpc-04d2e6f8a0b1c3e95" : "vpc-0f3c9a1b2d4e6f701");
        groups.append(QJsonObject{
            {"GroupId", info.id},
            {"GroupName", info.name},
            {"Description", info.name},
            {"OwnerId", text(info.peerAccount ? kPeerAccount : kMainAccount)},
            {"VpcId", vpc},
            {"IpPermissions", inboundRules(g)},
            {"IpPermissionsEgress", QJsonArray{permission("-1", -1, -1, cidr(QStringLiteral("0.0.0.0/0")), kAnywhere6)}},
            {"Tags", nameTag(QString::fromLatin1(info.name))},
        });
    }
    return json({{"SecurityGroups", groups}});
}

QJsonObject aclEntry(int number, bool egress, bool allow, const QString &protocol, const QString &block, int from = -1, int to = -1)
{
    QJsonObject entry{{"RuleNumber", number}, {"Egress", egress}, {"RuleAction", allow ? "allow" : "deny"}, {"Protocol", protocol}};
    entry.insert(block.contains(u':') ? QStringLiteral("Ipv6CidrBlock") : QStringLiteral("CidrBlock"), block);
    if (from >= 0)
        entry.insert(QStringLiteral("PortRange"), QJsonObject{{"From", from}, {"To", to}});
    return entry;
}

// Every entry allows all, then the "*" rules: the default ACL of a VPC.
QJsonArray allowAllEntries(bool ipv6)
{
    QJsonArray entries;
    for (bool egress : {true, false}) {
        entries.append(aclEntry(100, egress, true, "-1", "0.0.0.0/0"));
        if (ipv6)
            entries.append(aclEntry(101, egress, true, "-1", "::/0"));
        entries.append(aclEntry(32767, egress, false, "-1", "0.0.0.0/0"));
        if (ipv6)
            entries.append(aclEntry(32768, egress, false, "-1", "::/0"));
    }
    return entries;
}

// The public subnet's: everything in; out, everything to the internet but,
// toward the VPC and its peer, only requests to service ports. The
// ephemeral range the replies to the private subnet need is missing.
QJsonArray publicEntries()
{
    QJsonArray entries;
    entries.append(aclEntry(100, true, true, "6", "10.0.0.0/8", 22, 22));
    entries.append(aclEntry(110, true, true, "6", kVpcACidr, 1, 1023));
    entries.append(aclEntry(120, true, true, "6", QStringLiteral("10.0.1.0/24"), 8080, 8080));
    entries.append(aclEntry(130, true, true, "17", kVpcACidr, 53, 53));
    // The internet is every IPv4 address outside 10.0.0.0/8.
    const char *internet[] = {"0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6",
                              "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"};
    int number = 200;
    for (const char *block : internet)
        entries.append(aclEntry(number++, true, true, "-1", QString::fromLatin1(block)));
    entries.append(aclEntry(300, true, true, "-1", "::/0"));
    entries.append(aclEntry(32767, true, false, "-1", "0.0.0.0/0"));
    entries.append(aclEntry(32768, true, false, "-1", "::/0"));
    entries.append(aclEntry(100, false, true, "-1", "0.0.0.0/0"));
    entries.append(aclEntry(101, false, true, "-1", "::/0"));
    entries.append(aclEntry(32767, false, false, "-1", "0.0.0.0/0"));
    entries.append(aclEntry(32768, false, false, "-1", "::/0"));
    return entries;
}

QByteArray networkAcls(const QString &publicSubnet, const QString &privateSubnet, const QStringList &vpcBSubnets)
{
    QJsonArray vpcBAssociations;
    for (const QString &subnet : vpcBSubnets)
        vpcBAssociations.append(QJsonObject{{"SubnetId", subnet}, {"NetworkAclId", "acl-0c3e5a7b9d1f3a5c7"}});
    const QJsonArray acls{
        QJsonObject{{"NetworkAclId", "acl-0a1c3e5f7b9d1f3a5"}, {"VpcId", "vpc-0f3c9a1b2d4e6f701"}, {"IsDefault", false},
                    {"OwnerId", text(kMainAccount)}, {"Tags", nameTag(QStringLiteral("public-a"))},
                    {"Associations", QJsonArray{QJsonObject{{"SubnetId", publicSubnet}, {"NetworkAclId", "acl-0a1c3e5f7b9d1f3a5"}}}},
                    {"Entries", publicEntries()}},
        QJsonObject{{"NetworkAclId", "acl-0b2d4f6a8c0e2b4d6"}, {"VpcId", "vpc-0f3c9a1b2d4e6f701"}, {"IsDefault", true},
                    {"OwnerId", text(kMainAccount)}, {"Tags", nameTag(QStringLiteral("prod-use1 default"))},
                    {"Associations", QJsonArray{QJsonObject{{"SubnetId", privateSubnet}, {"NetworkAclId", "acl-0b2d4f6a8c0e2b4d6"}}}},
                    {"Entries", allowAllEntries(true)}},
        QJsonObject{{"NetworkAclId", "acl-0c3e5a7b9d1f3a5c7"}, {"VpcId", "vpc-04d2e6f8a0b1c3e95"}, {"IsDefault", true},
                    {"OwnerId", text(kMainAccount)}, {"Tags", nameTag(QStringLiteral("shared-euw1 default"))},
                    {"Associations", vpcBAssociations}, {"Entries", allowAllEntries(false)}},
    };
    return json({{"NetworkAcls", acls}});
}

QJsonObject route(const char *destinationKey, const QString &destination, const char *targetKey, const QString &target)
{
    return {{destinationKey, destination}, {targetKey, target}, {"State", "active"},
            {"Origin", target == u"local" ? "CreateRouteTable" : "CreateRoute"}};
}

QByteArray routeTables(const QString &publicSubnet)
{
    const QString v6 = QStringLiteral("2600:1f18:4a3b:9c00::/56");
    const QJsonArray publicRoutes{
        route("DestinationCidrBlock", kVpcACidr, "GatewayId", "local"),
        route("DestinationIpv6CidrBlock", v6, "GatewayId", "local"),
        route("DestinationCidrBlock", "0.0.0.0/0", "GatewayId", "igw-0c1d2e3f4a5b6c7d8"),
        route("DestinationIpv6CidrBlock", "::/0", "GatewayId", "igw-0c1d2e3f4a5b6c7d8"),
        route("DestinationCidrBlock", kVpcBCidr, "VpcPeeringConnectionId", "pcx-0e1f2a3b4c5d6e7f8"),
        route("DestinationPrefixListId", kS3UsEast1, "GatewayId", "vpce-0a1b2c3d4e5f6a7b8"),
    };
    const QJsonArray privateRoutes{
        route("DestinationCidrBlock", kVpcACidr, "GatewayId", "local"),
        route("DestinationIpv6CidrBlock", v6, "GatewayId", "local"),
        route("DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", "nat-0d2e3f4a5b6c7d8e9"),
        route("DestinationIpv6CidrBlock", "::/0", "EgressOnlyInternetGatewayId", "eigw-0f1a2b3c4d5e6f7a8"),
        route("DestinationCidrBlock", kVpcBCidr, "VpcPeeringConnectionId", "pcx-0e1f2a3b4c5d6e7f8"),
        route("DestinationPrefixListId", kS3UsEast1, "GatewayId", "vpce-0a1b2c3d4e5f6a7b8"),
    };
    const QJsonArray vpcBRoutes{
        route("DestinationCidrBlock", kVpcBCidr, "GatewayId", "local"),
        route("DestinationCidrBlock", kVpcACidr, "VpcPeeringConnectionId", "pcx-0e1f2a3b4c5d6e7f8"),
        route("DestinationCidrBlock", "0.0.0.0/0", "GatewayId", "igw-0e2f3a4b5c6d7e8f9"),
        route("DestinationPrefixListId", kS3EuWest1, "GatewayId", "vpce-0b2c3d4e5f6a7b8c9"),
    };
    const QJsonArray vpcBPrivateRoutes{
        route("DestinationCidrBlock", kVpcBCidr, "GatewayId", "local"),
        route("DestinationCidrBlock", kVpcACidr, "VpcPeeringConnectionId", "pcx-0e1f2a3b4c5d6e7f8"),
        route("DestinationPrefixListId", kS3EuWest1, "GatewayId", "vpce-0b2c3d4e5f6a7b8c9"),
    };
    const QJsonArray tables{
        QJsonObject{{"RouteTableId", "rtb-0a1b2c3d4e5f60718"}, {"VpcId", "vpc-0f3c9a1b2d4e6f701"}, {"OwnerId", text(kMainAccount)},
                    {"Associations", QJsonArray{QJsonObject{{"Main", false}, {"SubnetId", publicSubnet}, {"RouteTableId", "rtb-0a1b2c3d4e5f60718"}}}},
                    {"Routes", publicRoutes}, {"Tags", nameTag(QStringLiteral("public-a"))}},
        QJsonObject{{"RouteTableId", "rtb-0b2c3d4e5f6071829"}, {"VpcId", "vpc-0f3c9a1b2d4e6f701"}, {"OwnerId", text(kMainAccount)},
                    {"Associations", QJsonArray{QJsonObject{{"Main", true}, {"RouteTableId", "rtb-0b2c3d4e5f6071829"}}}},
                    {"Routes", privateRoutes}, {"Tags", nameTag(QStringLiteral("prod-use1 main"))}},
        // ecs-b is private: its own table has no route to the internet (no
        // NAT gateway), which the CI runner's unanswered requests run into.
        QJsonObject{{"RouteTableId", "rtb-0d4e5f60718293a41"}, {"VpcId", "vpc-04d2e6f8a0b1c3e95"}, {"OwnerId", text(kMainAccount)},
                    {"Associations", QJsonArray{QJsonObject{{"Main", false}, {"SubnetId", "subnet-0d0e4f5a6b7c8d904"},
                                                            {"RouteTableId", "rtb-0d4e5f60718293a41"}}}},
                    {"Routes", vpcBPrivateRoutes}, {"Tags", nameTag(QStringLiteral("ecs-b private"))}},
        QJsonObject{{"RouteTableId", "rtb-0c3d4e5f607182930"}, {"VpcId", "vpc-04d2e6f8a0b1c3e95"}, {"OwnerId", text(kMainAccount)},
                    {"Associations", QJsonArray{QJsonObject{{"Main", true}, {"RouteTableId", "rtb-0c3d4e5f607182930"}}}},
                    {"Routes", vpcBRoutes}, {"Tags", nameTag(QStringLiteral("shared-euw1 main"))}},
    };
    return json({{"RouteTables", tables}});
}

QByteArray prefixLists()
{
    const QJsonArray lists{
        QJsonObject{{"PrefixListId", kS3UsEast1}, {"PrefixListName", "com.amazonaws.us-east-1.s3"},
                    {"Cidrs", QJsonArray{"52.216.0.0/15", "54.231.0.0/16", "3.5.0.0/19"}}},
        QJsonObject{{"PrefixListId", kS3EuWest1}, {"PrefixListName", "com.amazonaws.eu-west-1.s3"},
                    {"Cidrs", QJsonArray{"52.218.0.0/17", "3.5.64.0/21"}}},
    };
    return json({{"PrefixLists", lists}});
}

} // namespace

std::vector<DemoSnapshotDocument> demoSnapshotDocuments()
{
    const Estate &estate = Estate::instance();
    std::map<std::string_view, const Subnet *> subnets;
    QJsonArray interfaces;
    std::map<std::string_view, QJsonObject> instances;
    for (const Eni &eni : estate.interfaces()) {
        subnets.emplace(eni.subnet->id, eni.subnet);
        interfaces.append(interfaceObject(eni));
        if (eni.instanceId == "-" || instances.count(eni.instanceId))
            continue;
        QJsonObject instance{{"InstanceId", text(eni.instanceId)}, {"Tags", nameTag(text(eni.name))},
                             {"SubnetId", text(eni.subnet->id)}, {"VpcId", text(eni.subnet->vpc->id)},
                             {"PrivateIpAddress", text(eni.address.text())}, {"State", QJsonObject{{"Name", "running"}}}};
        if (eni.role == Role::DomainController || eni.role == Role::FileServer)
            instance.insert(QStringLiteral("Platform"), QStringLiteral("windows"));
        instances.emplace(eni.instanceId, instance);
    }
    // Names as the estate's comments give them: the public and private subnets of VPC A, ecs-a and ecs-b of VPC B.
    const std::map<std::string_view, const char *> subnetNames{
        {"subnet-0a7e1c2b3d4f5a601", "public-a"}, {"subnet-0b8f2d3c4e5a6b702", "private-a"},
        {"subnet-0c9d3e4f5a6b7c803", "ecs-a"}, {"subnet-0d0e4f5a6b7c8d904", "ecs-b"}};
    QJsonArray subnetArray;
    QStringList vpcBSubnets;
    for (const auto &[id, subnet] : subnets) {
        QJsonObject object{{"SubnetId", text(id)}, {"VpcId", text(subnet->vpc->id)}, {"AvailabilityZoneId", text(subnet->azId)},
                           {"CidrBlock", ipv4Cidr(subnet->ipv4Base, 24)}, {"OwnerId", text(kMainAccount)},
                           {"Tags", nameTag(QString::fromLatin1(subnetNames.at(id)))}};
        if (subnet->ipv6Prefix != std::array<std::uint16_t, 4>{})
            object.insert(QStringLiteral("Ipv6CidrBlockAssociationSet"),
                          QJsonArray{QJsonObject{{"Ipv6CidrBlock", ipv6Prefix(subnet->ipv6Prefix, 64)}}});
        subnetArray.append(object);
        if (subnet->vpc->region == "eu-west-1")
            vpcBSubnets << text(id);
    }
    const QJsonArray vpcs{
        QJsonObject{{"VpcId", "vpc-0f3c9a1b2d4e6f701"}, {"OwnerId", text(kMainAccount)}, {"CidrBlock", kVpcACidr},
                    {"CidrBlockAssociationSet", QJsonArray{QJsonObject{{"CidrBlock", kVpcACidr}}}},
                    {"Ipv6CidrBlockAssociationSet", QJsonArray{QJsonObject{{"Ipv6CidrBlock", "2600:1f18:4a3b:9c00::/56"}}}},
                    {"Tags", nameTag(QStringLiteral("prod-use1"))}},
        QJsonObject{{"VpcId", "vpc-04d2e6f8a0b1c3e95"}, {"OwnerId", text(kMainAccount)}, {"CidrBlock", kVpcBCidr},
                    {"CidrBlockAssociationSet", QJsonArray{QJsonObject{{"CidrBlock", kVpcBCidr}}}},
                    {"Tags", nameTag(QStringLiteral("shared-euw1"))}},
    };
    QJsonArray reservations;
    for (const auto &[id, instance] : instances)
        reservations.append(QJsonObject{{"OwnerId", text(kMainAccount)}, {"Instances", QJsonArray{instance}}});

    return {
        {QStringLiteral("describe-vpcs.json"), json({{"Vpcs", vpcs}})},
        {QStringLiteral("describe-subnets.json"), json({{"Subnets", subnetArray}})},
        {QStringLiteral("describe-network-interfaces.json"), json({{"NetworkInterfaces", interfaces}})},
        {QStringLiteral("describe-security-groups.json"), securityGroups()},
        {QStringLiteral("describe-network-acls.json"),
         networkAcls(QStringLiteral("subnet-0a7e1c2b3d4f5a601"), QStringLiteral("subnet-0b8f2d3c4e5a6b702"), vpcBSubnets)},
        {QStringLiteral("describe-route-tables.json"), routeTables(QStringLiteral("subnet-0a7e1c2b3d4f5a601"))},
        {QStringLiteral("describe-instances.json"), json({{"Reservations", reservations}})},
        {QStringLiteral("describe-prefix-lists.json"), prefixLists()},
    };
}

} // namespace flowscope::demo
