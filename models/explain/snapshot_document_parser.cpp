// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_document_parser.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::SnapshotLoader", text); }

// Reads fields of one item strictly, reporting each problem with the item's path.
class Reader {
public:
    Reader(const QString &file, std::vector<SnapshotMessage> &errors)
        : m_file(file)
        , m_errors(errors)
    {
    }

    void fail(const QString &item, const QString &text)
    {
        m_errors.push_back({SnapshotMessage::Severity::Error, m_file, item, text});
    }

    QString string(const QJsonObject &object, const char *key, const QString &item, bool required = true)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        if (required || !value.isUndefined())
            fail(item, value.isUndefined() ? tr("missing field %1").arg(QLatin1String(key))
                                           : tr("field %1 is not a string").arg(QLatin1String(key)));
        return {};
    }

    int integer(const QJsonObject &object, const char *key, const QString &item, int fallback)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isDouble()) {
            fail(item, tr("field %1 is not a number").arg(QLatin1String(key)));
            return fallback;
        }
        return value.toInt();
    }

    bool boolean(const QJsonObject &object, const char *key, const QString &item, bool required = true)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isBool())
            return value.toBool();
        if (required || !value.isUndefined())
            fail(item, value.isUndefined() ? tr("missing field %1").arg(QLatin1String(key))
                                           : tr("field %1 is not true or false").arg(QLatin1String(key)));
        return false;
    }

    QJsonArray array(const QJsonObject &object, const char *key, const QString &item)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray())
            fail(item, tr("field %1 is not a list").arg(QLatin1String(key)));
        return value.toArray();
    }

    // Each element of key as an object, with its path for messages.
    template <typename Fn>
    void objects(const QJsonObject &object, const char *key, const QString &item, Fn &&fn)
    {
        const QJsonArray list = array(object, key, item);
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = (item.isEmpty() ? QString() : item + u' ') + QLatin1String(key) + u'[' + QString::number(i) + u']';
            if (!list[i].isObject()) {
                fail(path, tr("not an object"));
                continue;
            }
            fn(list[i].toObject(), path);
        }
    }

    std::optional<IpCidr> cidr(const QString &text, const QString &item)
    {
        auto parsed = IpCidr::parse(text);
        if (!parsed || text.indexOf(u'/') < 0)
            fail(item, tr("%1 is not a CIDR block").arg(text));
        return parsed;
    }

    int protocol(const QString &text, const QString &item)
    {
        const auto number = protocolFromText(text);
        if (!number)
            fail(item, tr("unknown protocol %1").arg(text));
        return number.value_or(kAnyProtocol);
    }

    QString nameTag(const QJsonObject &object, const QString &item)
    {
        QString name;
        objects(object, "Tags", item, [&](const QJsonObject &tag, const QString &) {
            if (tag.value(QLatin1String("Key")).toString() == u"Name")
                name = tag.value(QLatin1String("Value")).toString();
        });
        return name;
    }

private:
    QString m_file;
    std::vector<SnapshotMessage> &m_errors;
};

// For ICMP, FromPort is the type and ToPort the code, each -1 for any (type 8
// with code -1 is every echo request); for tcp/udp, -1 means every port.
PortRange portsOf(int protocol, int from, int to)
{
    if (protocol == kIcmp || protocol == kIcmpv6)
        return {from, to};
    if (from < 0 || to < 0)
        return {};
    return {from, to};
}

// "123456789012/sg-0abc" is how another account's group is written.
void splitGroupReference(QString &groupId, QString &account)
{
    const qsizetype slash = groupId.indexOf(u'/');
    if (slash > 0) {
        account = groupId.left(slash);
        groupId = groupId.mid(slash + 1);
    }
}

// One IpPermissions element holds many peers; the snapshot keeps one rule per peer.
void readPermission(Reader &r, const QJsonObject &permission, const QString &item, bool egress, std::vector<SgRule> &rules)
{
    SgRule base;
    base.egress = egress;
    base.protocol = r.protocol(r.string(permission, "IpProtocol", item), item);
    base.ports = portsOf(base.protocol, r.integer(permission, "FromPort", item, -1), r.integer(permission, "ToPort", item, -1));
    r.objects(permission, "IpRanges", item, [&](const QJsonObject &range, const QString &path) {
        SgRule rule = base;
        if (const auto cidr = r.cidr(r.string(range, "CidrIp", path), path))
            rule.cidr = *cidr;
        rule.description = r.string(range, "Description", path, false);
        rules.push_back(rule);
    });
    r.objects(permission, "Ipv6Ranges", item, [&](const QJsonObject &range, const QString &path) {
        SgRule rule = base;
        if (const auto cidr = r.cidr(r.string(range, "CidrIpv6", path), path))
            rule.cidr = *cidr;
        rule.description = r.string(range, "Description", path, false);
        rules.push_back(rule);
    });
    r.objects(permission, "UserIdGroupPairs", item, [&](const QJsonObject &pair, const QString &path) {
        SgRule rule = base;
        rule.peerKind = SgPeerKind::Group;
        rule.groupId = r.string(pair, "GroupId", path);
        rule.groupAccount = r.string(pair, "UserId", path, false);
        splitGroupReference(rule.groupId, rule.groupAccount);
        rule.description = r.string(pair, "Description", path, false);
        rules.push_back(rule);
    });
    r.objects(permission, "PrefixListIds", item, [&](const QJsonObject &list, const QString &path) {
        SgRule rule = base;
        rule.peerKind = SgPeerKind::PrefixList;
        rule.prefixListId = r.string(list, "PrefixListId", path);
        rule.description = r.string(list, "Description", path, false);
        rules.push_back(rule);
    });
}

void readSecurityGroups(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    r.objects(document, "SecurityGroups", {}, [&](const QJsonObject &object, const QString &item) {
        SecurityGroup group;
        group.id = r.string(object, "GroupId", item);
        const QString path = item + u' ' + group.id;
        group.name = r.string(object, "GroupName", path, false);
        group.ownerId = r.string(object, "OwnerId", path, false);
        group.vpcId = r.string(object, "VpcId", path, false);
        group.file = file;
        r.objects(object, "IpPermissions", path, [&](const QJsonObject &permission, const QString &at) {
            readPermission(r, permission, at, false, group.rules);
        });
        r.objects(object, "IpPermissionsEgress", path, [&](const QJsonObject &permission, const QString &at) {
            readPermission(r, permission, at, true, group.rules);
        });
        fragment.items.securityGroups[group.id] = group;
    });
}

void readSecurityGroupRules(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    r.objects(document, "SecurityGroupRules", {}, [&](const QJsonObject &object, const QString &item) {
        SgRule rule;
        rule.ruleId = r.string(object, "SecurityGroupRuleId", item);
        const QString path = item + u' ' + rule.ruleId;
        const QString groupId = r.string(object, "GroupId", path);
        rule.egress = r.boolean(object, "IsEgress", path);
        rule.protocol = r.protocol(r.string(object, "IpProtocol", path), path);
        rule.ports = portsOf(rule.protocol, r.integer(object, "FromPort", path, -1), r.integer(object, "ToPort", path, -1));
        rule.description = r.string(object, "Description", path, false);
        if (object.contains(QLatin1String("CidrIpv4"))) {
            if (const auto cidr = r.cidr(r.string(object, "CidrIpv4", path), path))
                rule.cidr = *cidr;
        } else if (object.contains(QLatin1String("CidrIpv6"))) {
            if (const auto cidr = r.cidr(r.string(object, "CidrIpv6", path), path))
                rule.cidr = *cidr;
        } else if (object.contains(QLatin1String("PrefixListId"))) {
            rule.peerKind = SgPeerKind::PrefixList;
            rule.prefixListId = r.string(object, "PrefixListId", path);
        } else if (object.value(QLatin1String("ReferencedGroupInfo")).isObject()) {
            const QJsonObject referenced = object.value(QLatin1String("ReferencedGroupInfo")).toObject();
            rule.peerKind = SgPeerKind::Group;
            rule.groupId = r.string(referenced, "GroupId", path);
            rule.groupAccount = r.string(referenced, "UserId", path, false);
            splitGroupReference(rule.groupId, rule.groupAccount);
        } else {
            r.fail(path, tr("the rule names no CIDR, prefix list or group"));
        }
        fragment.groupRules[groupId].push_back(rule);
        fragment.groupRuleFiles[groupId] = file;
    });
}

void readNetworkAcls(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    r.objects(document, "NetworkAcls", {}, [&](const QJsonObject &object, const QString &item) {
        NetworkAcl acl;
        acl.id = r.string(object, "NetworkAclId", item);
        const QString path = item + u' ' + acl.id;
        acl.vpcId = r.string(object, "VpcId", path);
        acl.isDefault = r.boolean(object, "IsDefault", path, false);
        acl.name = r.nameTag(object, path);
        acl.file = file;
        r.objects(object, "Associations", path, [&](const QJsonObject &association, const QString &at) {
            acl.subnetIds << r.string(association, "SubnetId", at);
        });
        r.objects(object, "Entries", path, [&](const QJsonObject &entry, const QString &at) {
            NaclEntry e;
            e.ruleNumber = r.integer(entry, "RuleNumber", at, -1);
            if (e.ruleNumber < 1 || e.ruleNumber > kNaclDefaultRuleV6)
                r.fail(at, tr("rule number missing or outside 1-32768"));
            e.egress = r.boolean(entry, "Egress", at);
            const QString action = r.string(entry, "RuleAction", at);
            if (action != u"allow" && action != u"deny")
                r.fail(at, tr("rule action %1 is neither allow nor deny").arg(action));
            e.allow = action == u"allow";
            e.protocol = r.protocol(r.string(entry, "Protocol", at), at);
            const QString v4 = r.string(entry, "CidrBlock", at, false);
            const QString v6 = r.string(entry, "Ipv6CidrBlock", at, false);
            if (v4.isEmpty() == v6.isEmpty())
                r.fail(at, tr("an entry needs exactly one of CidrBlock and Ipv6CidrBlock"));
            else if (const auto cidr = r.cidr(v4.isEmpty() ? v6 : v4, at))
                e.cidr = *cidr;
            const QJsonObject range = entry.value(QLatin1String("PortRange")).toObject();
            if (!range.isEmpty())
                e.ports = {r.integer(range, "From", at, -1), r.integer(range, "To", at, -1)};
            const QJsonObject icmp = entry.value(QLatin1String("IcmpTypeCode")).toObject();
            e.icmpType = r.integer(icmp, "Type", at, -1);
            e.icmpCode = r.integer(icmp, "Code", at, -1);
            acl.entries.push_back(e);
        });
        // Evaluation order is the rule number, never the file's order.
        std::stable_sort(acl.entries.begin(), acl.entries.end(),
                         [](const NaclEntry &a, const NaclEntry &b) { return a.ruleNumber < b.ruleNumber; });
        fragment.items.networkAcls[acl.id] = acl;
    });
}

void readInterface(Reader &r, const QJsonObject &object, const QString &item, SnapshotFragment &fragment, const QString &file,
                   bool described)
{
    NetworkInterface eni;
    eni.described = described;
    eni.id = r.string(object, "NetworkInterfaceId", item);
    const QString path = item + u' ' + eni.id;
    eni.subnetId = r.string(object, "SubnetId", path);
    eni.vpcId = r.string(object, "VpcId", path);
    eni.type = r.string(object, "InterfaceType", path, false);
    eni.description = r.string(object, "Description", path, false);
    eni.ownerId = r.string(object, "OwnerId", path, false);
    eni.instanceId = r.string(object.value(QLatin1String("Attachment")).toObject(), "InstanceId", path, false);
    eni.file = file;
    r.objects(object, "Groups", path, [&](const QJsonObject &group, const QString &at) {
        eni.groupIds << r.string(group, "GroupId", at);
    });
    r.objects(object, "PrivateIpAddresses", path, [&](const QJsonObject &address, const QString &at) {
        const QString text = r.string(address, "PrivateIpAddress", at);
        if (const auto ip = IpAddress::parse(text); ip && !ip->v6)
            eni.privateIpv4.push_back(*ip);
        else
            r.fail(at, tr("%1 is not an IPv4 address").arg(text));
        const QString publicIp = address.value(QLatin1String("Association")).toObject().value(QLatin1String("PublicIp")).toString();
        if (!publicIp.isEmpty())
            eni.publicIps << publicIp;
    });
    if (eni.privateIpv4.empty()) { // describe-instances' short form names only the primary address
        const QString primary = r.string(object, "PrivateIpAddress", path, false);
        if (const auto ip = IpAddress::parse(primary); ip && !ip->v6)
            eni.privateIpv4.push_back(*ip);
    }
    r.objects(object, "Ipv6Addresses", path, [&](const QJsonObject &address, const QString &at) {
        const QString text = r.string(address, "Ipv6Address", at);
        if (const auto ip = IpAddress::parse(text); ip && ip->v6)
            eni.ipv6.push_back(*ip);
        else
            r.fail(at, tr("%1 is not an IPv6 address").arg(text));
    });
    // describe-network-interfaces is authoritative; an instance's copy fills gaps only.
    fragment.items.interfaces.try_emplace(eni.id, eni);
}

void readInterfaces(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    r.objects(document, "NetworkInterfaces", {}, [&](const QJsonObject &object, const QString &item) {
        fragment.items.interfaces.erase(object.value(QLatin1String("NetworkInterfaceId")).toString());
        readInterface(r, object, item, fragment, file, true);
    });
}

void readInstances(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    r.objects(document, "Reservations", {}, [&](const QJsonObject &reservation, const QString &item) {
        r.objects(reservation, "Instances", item, [&](const QJsonObject &object, const QString &at) {
            Instance instance;
            instance.id = r.string(object, "InstanceId", at);
            const QString path = at + u' ' + instance.id;
            instance.platform = r.string(object, "Platform", path, false);
            instance.name = r.nameTag(object, path);
            fragment.items.instances[instance.id] = instance;
            r.objects(object, "NetworkInterfaces", path, [&](const QJsonObject &eni, const QString &eniPath) {
                QJsonObject withOwner = eni;
                if (!withOwner.contains(QLatin1String("Attachment")))
                    withOwner.insert(QLatin1String("Attachment"), QJsonObject{{QLatin1String("InstanceId"), instance.id}});
                readInterface(r, withOwner, eniPath, fragment, file, false);
            });
        });
    });
}

void readSubnets(Reader &r, const QJsonObject &document, SnapshotFragment &fragment)
{
    r.objects(document, "Subnets", {}, [&](const QJsonObject &object, const QString &item) {
        Subnet subnet;
        subnet.id = r.string(object, "SubnetId", item);
        const QString path = item + u' ' + subnet.id;
        subnet.vpcId = r.string(object, "VpcId", path);
        subnet.name = r.nameTag(object, path);
        if (const auto cidr = r.cidr(r.string(object, "CidrBlock", path), path))
            subnet.cidrs.push_back(*cidr);
        r.objects(object, "Ipv6CidrBlockAssociationSet", path, [&](const QJsonObject &association, const QString &at) {
            if (const auto cidr = r.cidr(r.string(association, "Ipv6CidrBlock", at), at))
                subnet.cidrs.push_back(*cidr);
        });
        fragment.items.subnets[subnet.id] = subnet;
    });
}

void readVpcs(Reader &r, const QJsonObject &document, SnapshotFragment &fragment)
{
    r.objects(document, "Vpcs", {}, [&](const QJsonObject &object, const QString &item) {
        Vpc vpc;
        vpc.id = r.string(object, "VpcId", item);
        const QString path = item + u' ' + vpc.id;
        vpc.ownerId = r.string(object, "OwnerId", path, false);
        vpc.name = r.nameTag(object, path);
        r.objects(object, "CidrBlockAssociationSet", path, [&](const QJsonObject &association, const QString &at) {
            if (const auto cidr = r.cidr(r.string(association, "CidrBlock", at), at))
                vpc.cidrs.push_back(*cidr);
        });
        if (vpc.cidrs.empty())
            if (const auto cidr = r.cidr(r.string(object, "CidrBlock", path), path))
                vpc.cidrs.push_back(*cidr);
        r.objects(object, "Ipv6CidrBlockAssociationSet", path, [&](const QJsonObject &association, const QString &at) {
            if (const auto cidr = r.cidr(r.string(association, "Ipv6CidrBlock", at), at))
                vpc.cidrs.push_back(*cidr);
        });
        fragment.items.vpcs[vpc.id] = vpc;
    });
}

void readRouteTables(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    r.objects(document, "RouteTables", {}, [&](const QJsonObject &object, const QString &item) {
        RouteTable table;
        table.file = file;
        table.id = r.string(object, "RouteTableId", item);
        const QString path = item + u' ' + table.id;
        table.vpcId = r.string(object, "VpcId", path);
        r.objects(object, "Associations", path, [&](const QJsonObject &association, const QString &at) {
            if (r.boolean(association, "Main", at, false))
                table.isMain = true;
            const QString subnet = r.string(association, "SubnetId", at, false);
            if (!subnet.isEmpty())
                table.subnetIds << subnet;
        });
        r.objects(object, "Routes", path, [&](const QJsonObject &entry, const QString &at) {
            Route route;
            for (const char *key : {"DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"})
                if (entry.contains(QLatin1String(key)))
                    route.destination = r.string(entry, key, at);
            for (const char *key : {"GatewayId", "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId",
                                    "NetworkInterfaceId", "InstanceId", "EgressOnlyInternetGatewayId", "LocalGatewayId"})
                if (entry.contains(QLatin1String(key)) && route.target.isEmpty())
                    route.target = r.string(entry, key, at);
            route.state = r.string(entry, "State", at, false);
            table.routes.push_back(route);
        });
        fragment.items.routeTables[table.id] = table;
    });
}

// describe-prefix-lists carries Cidrs; describe-managed-prefix-lists does not.
void readPrefixLists(Reader &r, const QJsonObject &document, SnapshotFragment &fragment)
{
    r.objects(document, "PrefixLists", {}, [&](const QJsonObject &object, const QString &item) {
        PrefixList list;
        list.id = r.string(object, "PrefixListId", item);
        const QString path = item + u' ' + list.id;
        list.name = r.string(object, "PrefixListName", path, false);
        if (object.contains(QLatin1String("Cidrs"))) {
            std::vector<IpCidr> cidrs;
            for (const QJsonValue &value : r.array(object, "Cidrs", path))
                if (const auto cidr = r.cidr(value.toString(), path))
                    cidrs.push_back(*cidr);
            list.cidrs = std::move(cidrs);
        }
        fragment.items.prefixLists[list.id] = list;
    });
}

// get-managed-prefix-list-entries does not repeat the list's id: the file name must carry it.
void readPrefixListEntries(Reader &r, const QJsonObject &document, SnapshotFragment &fragment, const QString &file)
{
    static const QRegularExpression idPattern(QStringLiteral("pl-[0-9a-zA-Z]+"));
    const QRegularExpressionMatch match = idPattern.match(QFileInfo(file).fileName());
    if (!match.hasMatch()) {
        r.fail(QStringLiteral("Entries"),
               tr("get-managed-prefix-list-entries output does not name its prefix list: put its id (pl-…) in the file name"));
        return;
    }
    auto &entries = fragment.prefixListEntries[match.captured()];
    r.objects(document, "Entries", {}, [&](const QJsonObject &object, const QString &item) {
        if (const auto cidr = r.cidr(r.string(object, "Cidr", item), item))
            entries.push_back(*cidr);
    });
}

} // namespace

void parseSnapshotDocument(const QString &file, const QJsonObject &document, SnapshotFragment &fragment,
                           std::vector<SnapshotMessage> &errors)
{
    Reader r(file, errors);
    const std::size_t before = errors.size();
    for (const QString &key : document.keys()) {
        if (key == u"NextToken")
            continue;
        if (key == u"SecurityGroups")
            readSecurityGroups(r, document, fragment, file);
        else if (key == u"SecurityGroupRules")
            readSecurityGroupRules(r, document, fragment, file);
        else if (key == u"NetworkAcls")
            readNetworkAcls(r, document, fragment, file);
        else if (key == u"NetworkInterfaces")
            readInterfaces(r, document, fragment, file);
        else if (key == u"Reservations")
            readInstances(r, document, fragment, file);
        else if (key == u"Subnets")
            readSubnets(r, document, fragment);
        else if (key == u"Vpcs")
            readVpcs(r, document, fragment);
        else if (key == u"RouteTables")
            readRouteTables(r, document, fragment, file);
        else if (key == u"PrefixLists")
            readPrefixLists(r, document, fragment);
        else if (key == u"Entries")
            readPrefixListEntries(r, document, fragment, file);
        else {
            r.fail(key, tr("unknown top-level key: not a describe-* document this snapshot reads"));
            continue;
        }
        fragment.documents << key;
    }
    if (fragment.documents.isEmpty() && errors.size() == before)
        r.fail({}, tr("no describe-* document: the file has no recognised top-level key"));
}

} // namespace flowscope::explain
