// SPDX-License-Identifier: GPL-3.0-or-later
// CloudTrail changes beside the rejects they may have caused: the latest
// change, before the reject, to a network ACL, security group or interface
// the explanation names; failed calls, other events, other components and
// later changes are not shown.

#include "explain/config_changes.h"
#include "explain/record_explanation.h"
#include "store/cloudtrail_event_rows.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

CloudTrailEventRow trailEvent(const std::string &name, std::int64_t time, std::vector<std::string> resources,
                         const std::string &request = "{}", const std::string &error = {})
{
    CloudTrailEventRow row;
    row.eventId = name + '-' + std::to_string(time);
    row.eventName = name;
    row.time = time;
    row.principal = "arn:aws:iam::123456789012:user/ops";
    row.resources = std::move(resources);
    row.request = request;
    row.errorCode = error;
    return row;
}

RecordExplanation naclReject()
{
    RecordExplanation e;
    e.interfaceId = "eni-0aaaaaaaaaaaaaaa1";
    e.verdict = RecordVerdict::NetworkAcl;
    e.component = "acl-0aaaaaaaaaaaaaaa1";
    ExplainedBlock block;
    block.component = e.component;
    e.blocking.push_back(block);
    return e;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<CloudTrailEventRow>)

class TestConfigChanges : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void latestChangeBeforeTheReject_data()
    {
        QTest::addColumn<std::vector<CloudTrailEventRow>>("events");
        QTest::addColumn<qint64>("before");
        QTest::addColumn<QString>("expectedEvent"); // empty: no change shown

        const std::string acl = "acl-0aaaaaaaaaaaaaaa1";
        QTest::newRow("an entry replaced before") << std::vector{trailEvent("ReplaceNetworkAclEntry", 100, {acl})} << qint64(200)
                                                  << "ReplaceNetworkAclEntry-100";
        QTest::newRow("at the reject's end counts") << std::vector{trailEvent("CreateNetworkAclEntry", 200, {acl})} << qint64(200)
                                                    << "CreateNetworkAclEntry-200";
        QTest::newRow("after the reject") << std::vector{trailEvent("DeleteNetworkAclEntry", 300, {acl})} << qint64(200) << "";
        QTest::newRow("the latest of several")
            << std::vector{trailEvent("CreateNetworkAclEntry", 50, {acl}), trailEvent("DeleteNetworkAclEntry", 150, {acl}),
                           trailEvent("ReplaceNetworkAclEntry", 250, {acl})}
            << qint64(200) << "DeleteNetworkAclEntry-150";
        QTest::newRow("a failed call changed nothing")
            << std::vector{trailEvent("CreateNetworkAclEntry", 50, {acl}),
                           trailEvent("DeleteNetworkAclEntry", 150, {acl}, "{}", "Client.UnauthorizedOperation")}
            << qint64(200) << "CreateNetworkAclEntry-50";
        QTest::newRow("another ACL") << std::vector{trailEvent("ReplaceNetworkAclEntry", 100, {"acl-0bbbbbbbbbbbbbbb2"})}
                                     << qint64(200) << "";
        QTest::newRow("not a change") << std::vector{trailEvent("DescribeNetworkAcls", 100, {acl})} << qint64(200) << "";
        QTest::newRow("the interface's groups replaced")
            << std::vector{trailEvent("ModifyNetworkInterfaceAttribute", 100, {"eni-0aaaaaaaaaaaaaaa1", "sg-0aaaaaaaaaaaaaaa9"},
                                 R"({"networkInterfaceId":"eni-0aaaaaaaaaaaaaaa1","groupSet":{"items":[{"groupId":"sg-0aaaaaaaaaaaaaaa9"}]}})")}
            << qint64(200) << "ModifyNetworkInterfaceAttribute-100";
        QTest::newRow("the interface's description") << std::vector{trailEvent(
            "ModifyNetworkInterfaceAttribute", 100, {"eni-0aaaaaaaaaaaaaaa1"},
            R"({"networkInterfaceId":"eni-0aaaaaaaaaaaaaaa1","description":{"value":"web"}})")}
                                                     << qint64(200) << "";
    }

    void latestChangeBeforeTheReject()
    {
        QFETCH(std::vector<CloudTrailEventRow>, events);
        QFETCH(qint64, before);
        QFETCH(QString, expectedEvent);
        const ConfigChangeIndex index = ConfigChangeIndex::fromEvents(events);
        const std::optional<ConfigChange> change = index.latestBefore(naclReject(), before);
        QCOMPARE(change ? change->eventId : QString(), expectedEvent);
    }

    void groupRulesOfTheNamedGroup()
    {
        RecordExplanation e;
        e.verdict = RecordVerdict::SecurityGroup;
        e.component = "sg-0aaaaaaaaaaaaaaa1";
        const ConfigChangeIndex index = ConfigChangeIndex::fromEvents(
            {trailEvent("RevokeSecurityGroupIngress", 100, {"sg-0aaaaaaaaaaaaaaa1"}),
             trailEvent("AuthorizeSecurityGroupEgress", 120, {"sg-0bbbbbbbbbbbbbbb2"})});
        const std::optional<ConfigChange> change = index.latestBefore(e, 500);
        QVERIFY(change);
        QCOMPARE(change->eventName, QStringLiteral("RevokeSecurityGroupIngress"));
        QCOMPARE(change->component, QStringLiteral("sg-0aaaaaaaaaaaaaaa1"));
        QCOMPARE(change->text(), QStringLiteral("changed at 1970-01-01 00:01:40 UTC by arn:aws:iam::123456789012:user/ops: "
                                                "RevokeSecurityGroupIngress"));
        // An explanation that names nothing (from the records alone, no interface) shows none.
        QVERIFY(!index.latestBefore(RecordExplanation(), 500));
    }
};

QTEST_GUILESS_MAIN(TestConfigChanges)
#include "tst_configchanges.moc"
