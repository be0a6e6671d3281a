// SPDX-License-Identifier: GPL-3.0-or-later
// Linking CloudTrail events to the case: an interface of the flow logs leads
// to its instance, who launched it and from where, and to the changes of
// its security groups; events for interfaces the case never saw stay
// unlinked. A configuration snapshot links a group or network ACL change to
// the interfaces behind it, though no call in the trail gave them that group.

#include "cloudtrail_sample.h"
#include "test_files.h"

#include "cloudtrail/cloudtrail_trail.h"
#include "explain/snapshot_store.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

QJsonObject withRequest(QJsonObject event, const QJsonObject &request)
{
    event.insert(QStringLiteral("requestParameters"), request);
    return event;
}

QStringList names(const cloudtrail::Trail &trail)
{
    QStringList out;
    for (const cloudtrail::TrailEvent &e : trail.events)
        out << QString::fromStdString(e.row.eventId);
    return out;
}

QStringList texts(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &item : items)
        out << QString::fromStdString(item);
    return out;
}

// Each event as "ev-id:eni,eni" with the case's interfaces it reaches.
QStringList linkedInterfaces(const cloudtrail::Trail &trail)
{
    QStringList linked;
    for (const cloudtrail::TrailEvent &e : trail.events)
        linked << QString::fromStdString(e.row.eventId) + QLatin1Char(':') + texts(e.caseInterfaces).join(QLatin1Char(','));
    return linked;
}

} // namespace

class TestCloudTrailTrail : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;

private Q_SLOTS:
    void initTestCase()
    {
        // The flow logs know two interfaces; CloudTrail also names one they never show.
        const QString log = m_dir.filePath(QStringLiteral("flows.log"));
        writeFile(log, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                       "2 123456789012 eni-0aaaaaaaaaaaaaaa1 10.0.1.5 203.0.113.9 40000 443 6 1 100 1773104400 1773104460 ACCEPT OK\n"
                       "2 123456789012 eni-0bbbbbbbbbbbbbbb2 10.0.2.7 10.0.1.5 40001 22 6 1 60 1773104500 1773104560 REJECT OK\n");
        const QString trail = m_dir.filePath(QStringLiteral("trail.json"));
        const QJsonObject sshOpened = withRequest(
            cloudTrailEvent(QStringLiteral("AuthorizeSecurityGroupIngress"), 400, QStringLiteral("sg-open")),
            {{QStringLiteral("groupId"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1")}});
        const QJsonObject otherGroup = withRequest(
            cloudTrailEvent(QStringLiteral("RevokeSecurityGroupEgress"), 500, QStringLiteral("sg-other")),
            {{QStringLiteral("groupId"), QStringLiteral("sg-0ccccccccccccccc3")}});
        const QJsonObject attachUnknown = withRequest(
            cloudTrailEvent(QStringLiteral("AttachNetworkInterface"), 600, QStringLiteral("attach-unknown")),
            {{QStringLiteral("networkInterfaceId"), QStringLiteral("eni-0fffffffffffffff9")},
             {QStringLiteral("instanceId"), QStringLiteral("i-0fffffffffffffff9")},
             {QStringLiteral("deviceIndex"), 1}});
        const QJsonObject attachSecond = withRequest(
            cloudTrailEvent(QStringLiteral("AttachNetworkInterface"), 700, QStringLiteral("attach-second")),
            {{QStringLiteral("networkInterfaceId"), QStringLiteral("eni-0bbbbbbbbbbbbbbb2")},
             {QStringLiteral("instanceId"), QStringLiteral("i-0aaaaaaaaaaaaaaa1")},
             {QStringLiteral("deviceIndex"), 1}});
        writeFile(trail, cloudTrailFile({runInstances(0, QStringLiteral("launch"),
                                                      {{QStringLiteral("i-0aaaaaaaaaaaaaaa1"), QStringLiteral("eni-0aaaaaaaaaaaaaaa1")},
                                                       {QStringLiteral("i-0ddddddddddddddd4"), QStringLiteral("eni-0ddddddddddddddd4")}}),
                                         sshOpened, otherGroup, attachUnknown, attachSecond}));
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("c.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const ImportReport report = CaseImporter(*m_case).run({log.toStdString(), trail.toStdString()}, {});
        QCOMPARE(report.errorCount, 0u);
        QCOMPARE(report.cloudTrailEvents, 5u);
    }

    void anInterfaceLeadsToItsInstanceAndLauncher()
    {
        const cloudtrail::Trail trail = cloudtrail::traceCloudTrail(
            *m_case, {cloudtrail::TrailQuery::Kind::Interface, "eni-0aaaaaaaaaaaaaaa1"});
        QCOMPARE(texts(trail.instances), QStringList{QStringLiteral("i-0aaaaaaaaaaaaaaa1")});
        // The instance's second interface comes with it, through the attach call.
        QCOMPARE(texts(trail.interfaces),
                 (QStringList{QStringLiteral("eni-0aaaaaaaaaaaaaaa1"), QStringLiteral("eni-0bbbbbbbbbbbbbbb2")}));
        QCOMPARE(texts(trail.securityGroups), QStringList{QStringLiteral("sg-0aaaaaaaaaaaaaaa1")});
        QCOMPARE(trail.launches.size(), std::size_t(1));
        const cloudtrail::InstanceLaunch &launch = trail.launches[0];
        QCOMPARE(launch.instance, std::string("i-0aaaaaaaaaaaaaaa1"));
        QCOMPARE(launch.interfaces, std::vector<std::string>{"eni-0aaaaaaaaaaaaaaa1"});
        QCOMPARE(launch.principal, std::string("arn:aws:sts::123456789012:assumed-role/pipeline/run-1"));
        QCOMPARE(launch.sourceIp, std::string("198.51.100.23"));
        QCOMPARE(launch.time, std::int64_t(1773104400));
        QCOMPARE(names(trail), (QStringList{QStringLiteral("ev-launch"), QStringLiteral("ev-sg-open"),
                                            QStringLiteral("ev-attach-second")}));
    }

    void anInstanceLeadsToItsInterfaces()
    {
        const cloudtrail::Trail trail = cloudtrail::traceCloudTrail(
            *m_case, {cloudtrail::TrailQuery::Kind::Instance, "i-0ddddddddddddddd4"});
        QCOMPARE(texts(trail.interfaces), QStringList{QStringLiteral("eni-0ddddddddddddddd4")});
        QCOMPARE(trail.launches.size(), std::size_t(1));
        QCOMPARE(trail.launches[0].instance, std::string("i-0ddddddddddddddd4"));
        QCOMPARE(names(trail), (QStringList{QStringLiteral("ev-launch"), QStringLiteral("ev-sg-open")}));
    }

    void aGroupListsItsChanges()
    {
        const cloudtrail::Trail trail = cloudtrail::traceCloudTrail(
            *m_case, {cloudtrail::TrailQuery::Kind::SecurityGroup, "sg-0ccccccccccccccc3"});
        QCOMPARE(names(trail), QStringList{QStringLiteral("ev-sg-other")});
        QVERIFY(trail.events[0].caseInterfaces.empty()); // no call gave that group to an interface of the case
    }

    void unknownInterfacesStayUnlinked()
    {
        const cloudtrail::Trail all = cloudtrail::traceCloudTrail(*m_case, {});
        QCOMPARE(all.events.size(), std::size_t(5));
        QStringList linked;
        for (const cloudtrail::TrailEvent &e : all.events)
            linked << QString::fromStdString(e.row.eventId) + QLatin1Char(':') + texts(e.caseInterfaces).join(QLatin1Char(','));
        QCOMPARE(linked, (QStringList{QStringLiteral("ev-launch:eni-0aaaaaaaaaaaaaaa1,eni-0bbbbbbbbbbbbbbb2"),
                                      QStringLiteral("ev-sg-open:eni-0aaaaaaaaaaaaaaa1,eni-0bbbbbbbbbbbbbbb2"),
                                      QStringLiteral("ev-sg-other:"), QStringLiteral("ev-attach-unknown:"),
                                      QStringLiteral("ev-attach-second:eni-0aaaaaaaaaaaaaaa1,eni-0bbbbbbbbbbbbbbb2")}));
        const cloudtrail::Trail unknown = cloudtrail::traceCloudTrail(
            *m_case, {cloudtrail::TrailQuery::Kind::Interface, "eni-0fffffffffffffff9"});
        QCOMPARE(names(unknown), QStringList{QStringLiteral("ev-attach-unknown")});
        QCOMPARE(texts(unknown.instances), QStringList{QStringLiteral("i-0fffffffffffffff9")});
        QVERIFY(unknown.launches.empty());
        QVERIFY(cloudtrail::traceCloudTrail(*m_case, {cloudtrail::TrailQuery::Kind::Interface, "eni-0eeeeeeeeeeeeeee5"})
                    .events.empty());
    }

    void theSnapshotLinksGroupAndAclChangesToTheirInterfaces()
    {
        // Two interfaces that no call of the trail names: the snapshot gives
        // eni-...1 the groups sg-db and sg-shared, eni-...2 sg-shared, and
        // eni-...2's subnet the network ACL acl-app.
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("flows.log"));
        writeFile(log, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                       "2 123456789012 eni-0111111111111111a 10.0.1.10 10.0.2.20 40000 3389 6 1 60 1773104400 1773104460 REJECT OK\n"
                       "2 123456789012 eni-0222222222222222b 10.0.2.20 10.0.1.10 40001 22 6 1 60 1773104500 1773104560 REJECT OK\n");
        const QString config = dir.filePath(QStringLiteral("config"));
        QVERIFY(QDir().mkpath(config));
        writeFile(config + QStringLiteral("/describe-network-interfaces.json"),
                  R"({"NetworkInterfaces":[
                     {"NetworkInterfaceId":"eni-0111111111111111a","SubnetId":"subnet-0db","VpcId":"vpc-01",
                      "PrivateIpAddress":"10.0.1.10","Groups":[{"GroupId":"sg-0db00001"},{"GroupId":"sg-05ba0002"}]},
                     {"NetworkInterfaceId":"eni-0222222222222222b","SubnetId":"subnet-0app","VpcId":"vpc-01",
                      "PrivateIpAddress":"10.0.2.20","Groups":[{"GroupId":"sg-05ba0002"}]}]})");
        writeFile(config + QStringLiteral("/describe-network-acls.json"),
                  R"({"NetworkAcls":[{"NetworkAclId":"acl-0a000003","VpcId":"vpc-01","IsDefault":false,
                      "Associations":[{"NetworkAclId":"acl-0a000003","SubnetId":"subnet-0app"}],"Entries":[]}]})");
        const QString trailFile = dir.filePath(QStringLiteral("trail.json"));
        writeFile(trailFile,
                  cloudTrailFile({withRequest(cloudTrailEvent(QStringLiteral("AuthorizeSecurityGroupIngress"), 100, QStringLiteral("db-opened")),
                                              {{QStringLiteral("groupId"), QStringLiteral("sg-0db00001")}}),
                                  withRequest(cloudTrailEvent(QStringLiteral("CreateNetworkAclEntry"), 200, QStringLiteral("acl-entry")),
                                              {{QStringLiteral("networkAclId"), QStringLiteral("acl-0a000003")}}),
                                  // A launch naming a group the case's interfaces share is about its own instance only.
                                  withRequest(cloudTrailEvent(QStringLiteral("CreateNetworkInterface"), 300, QStringLiteral("other-eni")),
                                              {{QStringLiteral("subnetId"), QStringLiteral("subnet-0app")},
                                               {QStringLiteral("groupSet"),
                                                QJsonObject{{QStringLiteral("items"),
                                                             QJsonArray{QJsonObject{{QStringLiteral("groupId"), QStringLiteral("sg-05ba0002")}}}}}}})}));
        auto caseDb = CaseDb::open(dir.filePath(QStringLiteral("s.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({log.toStdString(), trailFile.toStdString()}, {}).errorCount, 0u);

        // Without a snapshot nothing leads to them.
        QCOMPARE(linkedInterfaces(cloudtrail::traceCloudTrail(*caseDb, {})),
                 (QStringList{QStringLiteral("ev-db-opened:"), QStringLiteral("ev-acl-entry:"), QStringLiteral("ev-other-eni:")}));

        QVERIFY(explain::importSnapshot(*caseDb, {config}).isStored());
        QCOMPARE(linkedInterfaces(cloudtrail::traceCloudTrail(*caseDb, {})),
                 (QStringList{QStringLiteral("ev-db-opened:eni-0111111111111111a"), QStringLiteral("ev-acl-entry:eni-0222222222222222b"),
                              QStringLiteral("ev-other-eni:")}));
        const cloudtrail::Trail first = cloudtrail::traceCloudTrail(*caseDb, {cloudtrail::TrailQuery::Kind::Interface, "eni-0111111111111111a"});
        QCOMPARE(names(first), QStringList{QStringLiteral("ev-db-opened")});
        QCOMPARE(texts(first.securityGroups), (QStringList{QStringLiteral("sg-05ba0002"), QStringLiteral("sg-0db00001")}));
        QCOMPARE(names(cloudtrail::traceCloudTrail(*caseDb, {cloudtrail::TrailQuery::Kind::Interface, "eni-0222222222222222b"})),
                 QStringList{QStringLiteral("ev-acl-entry")});
    }
};

QTEST_GUILESS_MAIN(TestCloudTrailTrail)
#include "tst_cloudtrailtrail.moc"
