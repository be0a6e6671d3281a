// SPDX-License-Identifier: GPL-3.0-or-later
// Loading describe-* documents: recognised by their top-level keys, plain or
// gzip, with their SHA-256; bad files refused whole with a message naming the
// file and the item; unresolvable references loaded with a warning.

#include "explain/snapshot_loader.h"
#include "test_files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

const QString kData = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA);
const QByteArray kGoodVpcs = R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "OwnerId": "111122223333"}]})";

QStringList messageTexts(const SnapshotLoad &load, SnapshotMessage::Severity severity)
{
    QStringList texts;
    for (const SnapshotMessage &message : load.messages)
        if (message.severity == severity)
            texts << message.toString();
    return texts;
}

QString fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestSnapshotLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsEveryDocumentOfTheEstate()
    {
        const SnapshotLoad load = loadSnapshot({kData + QStringLiteral("/estate")});
        QVERIFY2(!load.hasErrors(), qPrintable(messageTexts(load, SnapshotMessage::Severity::Error).join(u'\n')));
        QCOMPARE(load.filesLoaded, 10);
        const ConfigSnapshot &s = load.snapshot;
        QCOMPARE(s.securityGroups.size(), 6u);
        QCOMPARE(s.networkAcls.size(), 3u);
        QCOMPARE(s.interfaces.size(), 8u);
        QCOMPARE(s.subnets.size(), 3u);
        QCOMPARE(s.vpcs.size(), 1u);
        QCOMPARE(s.routeTables.size(), 1u);
        QCOMPARE(s.instances.size(), 2u);
        QCOMPARE(s.prefixLists.size(), 2u);
        QCOMPARE(s.subnets.at("subnet-0app").name, QStringLiteral("app"));
        QCOMPARE(s.instances.at("i-0web1").platform, QStringLiteral("windows"));
        QCOMPARE(s.routeTables.at("rtb-0main").routes.size(), 3u);
        QCOMPARE(s.vpcs.at("vpc-0prod").cidrs.size(), 2u);
        // The full interface record wins over describe-instances' short copy.
        QCOMPARE(s.interfaces.at("eni-0app1").privateIpv4.size(), 2u);
        QCOMPARE(s.interfaces.at("eni-0app1").ipv6.size(), 1u);
        QCOMPARE(s.interfaces.at("eni-0app1").instanceId, QStringLiteral("i-0app1"));
        // Entries in rule-number order whatever the file's order.
        QList<int> ingress;
        for (const NaclEntry &entry : s.networkAcls.at("acl-0app").entries)
            if (!entry.egress)
                ingress << entry.ruleNumber;
        QCOMPARE(ingress, (QList<int>{100, 200, 32767, 32768}));
        // describe-security-group-rules replaces the grouped form with the same rules and their ids.
        const auto &mgmt = s.securityGroups.at("sg-0mgmt");
        QCOMPARE(mgmt.rules.size(), 2u);
        QCOMPARE(mgmt.rules[0].ruleId, QStringLiteral("sgr-0mgmt22"));
        QCOMPARE(mgmt.name, QStringLiteral("mgmt"));
        // describe-prefix-lists carries its CIDRs, describe-managed-prefix-lists does not.
        QVERIFY(s.prefixLists.at("pl-63a5400a").cidrs.has_value());
        QVERIFY(!s.prefixLists.at("pl-0corp").cidrs.has_value());
        for (const SnapshotFile &file : s.files) {
            QCOMPARE(file.sha256, fileSha256(file.path));
            QVERIFY(file.modified.isValid());
        }
        QVERIFY(s.asOf().isValid());
        QCOMPARE(messageTexts(load, SnapshotMessage::Severity::Warning).size(), 2);
    }

    void warnsOfWhatItCannotResolve()
    {
        const SnapshotLoad load = loadSnapshot({kData + QStringLiteral("/estate")});
        const QString warnings = messageTexts(load, SnapshotMessage::Severity::Warning).join(u'\n');
        QVERIFY2(warnings.contains(u"security-groups.json: sg-0db inbound tcp: references group sg-0peer of another account (444455556666)"),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(u"sg-0web inbound tcp: references prefix list pl-0corp whose entries were not loaded"), qPrintable(warnings));
        const SnapshotLoad withEntries = loadSnapshot({kData + QStringLiteral("/estate"), kData + QStringLiteral("/prefix-list-entries")});
        QCOMPARE(withEntries.filesLoaded, 11);
        QCOMPARE(withEntries.snapshot.prefixLists.at("pl-0corp").cidrs->size(), 2u);
        QCOMPARE(withEntries.snapshot.prefixLists.at("pl-0corp").name, QStringLiteral("corp-offices"));
        QCOMPARE(messageTexts(withEntries, SnapshotMessage::Severity::Warning).size(), 1);
    }

    void refusesBadFilesWhole_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");

        const QByteArray group = R"({"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "g", "IpPermissions": [)"
                                 R"({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]})";
        QTest::addRow("malformed json") << "groups.json" << QByteArray("{\"SecurityGroups\": [\n  {\"GroupId\": \"sg-1\",, }\n]}")
                                        << "groups.json: line 2, column 23: malformed or truncated JSON";
        QTest::addRow("truncated json") << "groups.json" << group.left(group.size() - 20)
                                        << "groups.json: line 1, column 152: malformed or truncated JSON";
        QTest::addRow("truncated gzip") << "groups.json.gz" << test::gzip(group).left(60) << "groups.json.gz: the gzip stream is truncated";
        QTest::addRow("not an object") << "list.json" << QByteArray("[1, 2]") << "list.json: not a describe-* document";
        QTest::addRow("unknown key") << "lbs.json" << QByteArray(R"({"LoadBalancerDescriptions": []})")
                                     << "lbs.json: LoadBalancerDescriptions: unknown top-level key";
        QTest::addRow("unknown key beside a known one")
            << "mixed.json" << QByteArray(R"({"SecurityGroups": [], "Addresses": []})") << "mixed.json: Addresses: unknown top-level key";
        QTest::addRow("nothing recognised") << "empty.json" << QByteArray("{}") << "empty.json: no describe-* document";
        QTest::addRow("entry without a rule number")
            << "acls.json"
            << QByteArray(R"({"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "Entries": [)"
                          R"({"Egress": false, "Protocol": "-1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}]}]})")
            << "acls.json: NetworkAcls[0] acl-1 Entries[0]: rule number missing";
        QTest::addRow("bad cidr") << "groups.json" << QByteArray(group).replace("10.0.0.0/8", "10.0.0.0/33")
                                  << "groups.json: SecurityGroups[0] sg-1 IpPermissions[0] IpRanges[0]: 10.0.0.0/33 is not a CIDR block";
        QTest::addRow("unknown protocol") << "groups.json" << QByteArray(group).replace("\"tcp\"", "\"tcpp\"")
                                          << "groups.json: SecurityGroups[0] sg-1 IpPermissions[0]: unknown protocol tcpp";
        QTest::addRow("wrong type") << "groups.json" << QByteArray(group).replace("\"sg-1\"", "17")
                                    << "groups.json: SecurityGroups[0]: field GroupId is not a string";
        QTest::addRow("entries naming no prefix list") << "entries.json" << QByteArray(R"({"Entries": [{"Cidr": "192.0.2.0/24"}]})")
                                                       << "entries.json: Entries: get-managed-prefix-list-entries output does not name its prefix list";
    }

    void refusesBadFilesWhole()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        test::writeFile(dir.filePath(name), content);
        test::writeFile(dir.filePath(QStringLiteral("vpcs.json")), kGoodVpcs);
        const SnapshotLoad load = loadSnapshot({dir.path()});
        QCOMPARE(load.filesRefused, 1);
        QCOMPARE(load.filesLoaded, 1); // nothing good is lost
        QCOMPARE(load.snapshot.vpcs.size(), 1u);
        QVERIFY(load.snapshot.securityGroups.empty()); // nothing half-loaded
        QVERIFY(load.snapshot.networkAcls.empty());
        QCOMPARE(load.snapshot.files.size(), 1u);
        const QStringList errors = messageTexts(load, SnapshotMessage::Severity::Error);
        QVERIFY(!errors.isEmpty());
        const QString first = errors.first().mid(dir.path().size() + 1);
        QVERIFY2(first.startsWith(message), qPrintable(first));
    }

    void loadsReferencesItCannotResolveWithAWarning_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("warning");
        const QByteArray acl = R"("NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": true, "Entries": []}])";
        QTest::addRow("missing group") << QByteArray(R"({"SecurityGroups": [{"GroupId": "sg-1", "OwnerId": "111122223333", "IpPermissions": [)"
                                                     R"({"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": "sg-0gone", "UserId": "111122223333"}]}]}]})")
                                       << "sg-1 inbound all: references group sg-0gone, which the snapshot lacks";
        QTest::addRow("another account's group") << QByteArray(R"({"SecurityGroups": [{"GroupId": "sg-1", "OwnerId": "111122223333", "IpPermissions": [)"
                                                               R"({"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, )"
                                                               R"("UserIdGroupPairs": [{"GroupId": "444455556666/sg-0far"}]}]}]})")
                                                 << "sg-1 inbound tcp: references group sg-0far of another account (444455556666)";
        QTest::addRow("missing prefix list") << QByteArray(R"({"SecurityGroups": [{"GroupId": "sg-1", "IpPermissionsEgress": [)"
                                                           R"({"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "PrefixListIds": [{"PrefixListId": "pl-0gone"}]}]}]})")
                                             << "sg-1 outbound tcp: references prefix list pl-0gone, which the snapshot lacks";
        QTest::addRow("interface in a missing group")
            << QByteArray(R"({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", )"
                          R"("Groups": [{"GroupId": "sg-0gone"}], "PrivateIpAddresses": [{"PrivateIpAddress": "10.1.0.5"}]}], )" + acl + "}")
            << "eni-1: is in group sg-0gone, which the snapshot lacks";
        QTest::addRow("route through a missing interface")
            << QByteArray(R"({"NetworkInterfaces": [], "RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": [)"
                          R"({"DestinationCidrBlock": "0.0.0.0/0", "NetworkInterfaceId": "eni-0gone", "State": "blackhole"}]}], )"
                          R"("Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.1.0.0/24"}]})")
            << "rtb-1 0.0.0.0/0: routes through interface eni-0gone, which the snapshot lacks";
        QTest::addRow("acl of a missing subnet")
            << QByteArray(R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.1.0.0/24"}], )"
                          R"("NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "Associations": [{"SubnetId": "subnet-0gone"}], "Entries": []}]})")
            << "acl-1: is associated with subnet subnet-0gone, which the snapshot lacks";
        QTest::addRow("subnet without an acl")
            << QByteArray(R"({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-2", )"
                          R"("Groups": [], "PrivateIpAddresses": [{"PrivateIpAddress": "10.1.0.5"}]}], )" + acl + "}")
            << "eni-1: subnet subnet-1 has no network ACL in the snapshot";
    }

    void loadsReferencesItCannotResolveWithAWarning()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        test::writeFile(path, content);
        const SnapshotLoad load = loadSnapshot({path});
        QVERIFY2(!load.hasErrors(), qPrintable(messageTexts(load, SnapshotMessage::Severity::Error).join(u'\n')));
        QCOMPARE(load.filesLoaded, 1);
        const QStringList warnings = messageTexts(load, SnapshotMessage::Severity::Warning);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(path + QStringLiteral(": ") + warning), qPrintable(warnings.first()));
    }

    void walksFoldersForJsonAndGzipOnly()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("us-east-1/vpc")));
        test::writeGzip(dir.filePath(QStringLiteral("us-east-1/vpc/anything.json.gz")), kGoodVpcs);
        test::writeFile(dir.filePath(QStringLiteral("us-east-1/notes.txt")), "not a document");
        test::writeFile(dir.filePath(QStringLiteral("us-east-1/subnets.JSON.bak")), "{}");
        const QString named = dir.filePath(QStringLiteral("subnets.out"));
        test::writeFile(named, R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.1.0.0/24"}]})");
        const SnapshotLoad load = loadSnapshot({dir.filePath(QStringLiteral("us-east-1")), named, dir.filePath(QStringLiteral("missing"))});
        QCOMPARE(load.filesLoaded, 2);
        QCOMPARE(load.filesRefused, 1);
        QCOMPARE(load.snapshot.vpcs.size(), 1u);
        QCOMPARE(load.snapshot.subnets.size(), 1u);
        QCOMPARE(load.snapshot.files[0].sha256, fileSha256(dir.filePath(QStringLiteral("us-east-1/vpc/anything.json.gz"))));
        QVERIFY(messageTexts(load, SnapshotMessage::Severity::Error).first().endsWith(u"missing: no such file or folder"));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotLoader)
#include "tst_snapshotloader.moc"
