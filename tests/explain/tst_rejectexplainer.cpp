// SPDX-License-Identifier: GPL-3.0-or-later
// REJECT records explained from the records alone: each row imports a few
// flow-log lines into a new case and explains one REJECT line, checking the
// verdict, the blocking layers, the counterparts found (by role and line) and
// the caveats; then the same rejects explained all at once and grouped.

#include "explain/reject_explainer.h"
#include "explain/snapshot_loader.h"
#include "flow_fixture.h"
#include "selection/case_filter.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

#include <map>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

const QString kData = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA);

using Fixture = test::FlowFixture;

Fixture importLines(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    return test::importFlowLog(dir, name, content);
}

QByteArray recordLine(const QByteArray &spec) { return test::flowRecordLine(spec); }

const QByteArray kHeader = test::flowLogHeader();

QString blockingText(const RecordExplanation &explanation)
{
    QStringList list;
    for (const ExplainedBlock &block : explanation.blocking)
        list << block.code + (block.egress ? QStringLiteral(" out") : QStringLiteral(" in"));
    return list.join(u", ");
}

QString evidenceText(const RecordExplanation &explanation, const Fixture &fixture)
{
    QStringList list;
    for (const EvidenceRecord &evidence : explanation.evidence)
        list << evidenceRoleName(evidence.role) + u':' + QString::number(fixture.lineOfId.at(evidence.id));
    return list.join(u", ");
}

QString caveatText(const RecordExplanation &explanation)
{
    QStringList list;
    for (const Caveat &caveat : explanation.caveats)
        list << caveatKindName(caveat.kind);
    list.removeDuplicates();
    return list.join(u", ");
}

} // namespace

class TestRejectExplainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void explainsOneRecord_data();
    void explainsOneRecord();
    void snapshotDecides_data();
    void snapshotDecides();
    void snapshotInForceByTime();
    void allRejectsAgreeWithOneAtATime();
    void groupsRejects();
    void foldsScanningSources();
    void refusesWhatIsNoReject();
    void cancels();

private:
    QByteArray contentOf(const QByteArray &records) const;
    SnapshotTimeline estateTimeline() const;

    QTemporaryDir m_dir;
    int m_cases = 0;
};

void TestRejectExplainer::explainsOneRecord_data()
{
    QTest::addColumn<QByteArray>("records"); // one spec a line; the header is line 1
    QTest::addColumn<int>("line");           // the REJECT to explain
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("blocking");
    QTest::addColumn<QString>("evidence");
    QTest::addColumn<QString>("caveats");
    QTest::addColumn<QString>("role");

    // Facts case 5: the server ACCEPTs the request and REJECTs its reply on the way out.
    QTest::newRow("stateless reply, outbound network ACL")
        << QByteArray("eni-srv 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -\n"
                      "eni-srv 10.0.1.10:443 > 198.51.100.7:51234 tcp 1000 1059 REJECT 18 egress subnet-a -")
        << 3 << "network-acl" << "SUBNET_ACL_RESTRICTION out" << "request:2" << "" << "reply";
    QTest::newRow("stateless reply, inbound network ACL")
        << QByteArray("eni-cli 10.0.1.20:40000 > 203.0.113.5:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-cli 203.0.113.5:443 > 10.0.1.20:40000 tcp 1000 1059 REJECT 18 ingress subnet-a -")
        << 3 << "network-acl" << "SUBNET_ACL_RESTRICTION in" << "request:2" << "" << "reply";
    QTest::newRow("request accepted out of the source, rejected into the destination")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 REJECT 2 ingress subnet-b -")
        << 3 << "security-group-or-network-acl" << "" << "peer-request:2" << "" << "request";
    QTest::newRow("one subnet crosses no network ACL")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.1.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.1.5:40000 > 10.0.1.9:5432 tcp 1000 1059 REJECT 2 ingress subnet-a -")
        << 3 << "security-group" << "ENI_SG_RULES_MISMATCH in" << "peer-request:2" << "" << "request";
    // Facts case 15: Block Public Access whatever the rest says.
    QTest::newRow("reject-reason BPA")
        << QByteArray("eni-a 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-a BPA")
        << 2 << "block-public-access" << "VPC_BLOCK_PUBLIC_ACCESS_ENABLED in" << "" << "" << "request";
    QTest::newRow("the request in the window before")
        << QByteArray("eni-srv 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -\n"
                      "eni-srv 10.0.1.10:443 > 198.51.100.7:51234 tcp 1500 1559 REJECT 18 egress subnet-a -")
        << 3 << "network-acl" << "SUBNET_ACL_RESTRICTION out" << "request:2" << "split-window" << "reply";
    QTest::newRow("a request too far off pairs with nothing")
        << QByteArray("eni-srv 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -\n"
                      "eni-srv 10.0.1.10:443 > 198.51.100.7:51234 tcp 1700 1759 REJECT 18 egress subnet-a -")
        << 3 << "security-group-or-network-acl" << "" << "" << "no-counterpart" << "reply";
    QTest::newRow("OR-ed flags of a whole connection")
        << QByteArray("eni-a 198.51.100.7:51234 > 10.0.1.10:22 tcp 1000 1059 REJECT 3 ingress subnet-a -")
        << 2 << "security-group-or-network-acl" << "" << "" << "combined-flags, no-counterpart" << "request";
    QTest::newRow("ICMP type not logged")
        << QByteArray("eni-a 198.51.100.7:0 > 10.0.1.10:0 icmp 1000 1059 REJECT - ingress subnet-a -")
        << 2 << "security-group-or-network-acl" << "" << "" << "role-guessed, icmp-type, no-counterpart" << "request";
    QTest::newRow("packet addresses differ")
        << QByteArray("eni-a 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-a - 198.51.100.7 10.0.1.77")
        << 2 << "security-group-or-network-acl" << "" << "" << "packet-addresses, no-counterpart" << "request";
    QTest::newRow("the reply told by time, without flags or direction")
        << QByteArray("eni-srv 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT - - subnet-a -\n"
                      "eni-srv 10.0.1.10:443 > 198.51.100.7:51234 tcp 1010 1069 REJECT - - subnet-a -")
        << 3 << "network-acl" << "SUBNET_ACL_RESTRICTION out" << "request:2" << "" << "reply";
    QTest::newRow("a reply within one subnet is a late packet")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.1.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.1.5:40000 > 10.0.1.9:5432 tcp 1000 1059 ACCEPT 2 ingress subnet-a -\n"
                      "eni-b 10.0.1.9:5432 > 10.0.1.5:40000 tcp 1000 1059 ACCEPT 18 egress subnet-a -\n"
                      "eni-a 10.0.1.9:5432 > 10.0.1.5:40000 tcp 1000 1059 ACCEPT 18 ingress subnet-a -\n"
                      "eni-b 10.0.1.9:5432 > 10.0.1.5:40000 tcp 1100 1159 REJECT 1 egress subnet-a -")
        << 6 << "not-explained" << "" << "request:3, peer-reply:5, peer-request:2" << "split-window" << "reply";
    // A record without an action is no evidence: it decodes as ACCEPT, but nothing says the request was accepted.
    QTest::newRow("a request without an action is not an accepted request")
        << QByteArray("eni-srv 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 - 2 ingress subnet-a -\n"
                      "eni-srv 10.0.1.10:443 > 198.51.100.7:51234 tcp 1000 1059 REJECT 18 egress subnet-a -")
        << 3 << "security-group-or-network-acl" << "" << "" << "no-counterpart" << "reply";
    QTest::newRow("a SKIPDATA gap nearby")
        << QByteArray("eni-a 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-a -\n"
                      "SKIP eni-a 1100 1159")
        << 2 << "security-group-or-network-acl" << "" << "" << "no-counterpart, missing-data" << "request";
}

QByteArray TestRejectExplainer::contentOf(const QByteArray &records) const
{
    return test::flowLogOf(records);
}

// The test estate in force from epoch 500 (id 1) and again from 5000 (id 2).
SnapshotTimeline TestRejectExplainer::estateTimeline() const
{
    SnapshotLoad load = loadSnapshot({kData + QStringLiteral("/estate")});
    auto snapshot = std::make_shared<const ConfigSnapshot>(std::move(load.snapshot));
    SnapshotTimeline timeline;
    timeline.add({1, QDateTime::fromSecsSinceEpoch(500, Qt::UTC), snapshot});
    timeline.add({2, QDateTime::fromSecsSinceEpoch(5000, Qt::UTC), snapshot});
    return timeline;
}

void TestRejectExplainer::explainsOneRecord()
{
    QFETCH(QByteArray, records);
    QFETCH(int, line);
    QFETCH(QString, verdict);
    QFETCH(QString, blocking);
    QFETCH(QString, evidence);
    QFETCH(QString, caveats);
    QFETCH(QString, role);

    const Fixture fixture = importLines(m_dir, QStringLiteral("case%1").arg(++m_cases), contentOf(records));
    QVERIFY(fixture.caseDb);
    QVERIFY(fixture.idOfLine.count(line));

    RejectExplainer explainer(*fixture.caseDb);
    const auto explanation = explainer.explainRecord(fixture.idOfLine.at(line));
    QVERIFY(explanation);
    QCOMPARE(recordVerdictName(explanation->verdict), verdict);
    QCOMPARE(basisName(explanation->basis), QStringLiteral("flows"));
    QCOMPARE(blockingText(*explanation), blocking);
    QCOMPARE(evidenceText(*explanation, fixture), evidence);
    QStringList expectedCaveats = caveats.isEmpty() ? QStringList() : caveats.split(QStringLiteral(", "));
    QStringList actualCaveats = caveatText(*explanation).isEmpty() ? QStringList() : caveatText(*explanation).split(QStringLiteral(", "));
    expectedCaveats.sort();
    actualCaveats.sort();
    QCOMPARE(actualCaveats, expectedCaveats);
    QCOMPARE(explanation->role == FlowRole::Reply ? QStringLiteral("reply") : QStringLiteral("request"), role);
    QVERIFY(!explanation->explanation.isEmpty());
    QVERIFY(!explanation->suggestion.isEmpty());
    QVERIFY(!explanation->snapshot);
    QVERIFY(!explanation->path);
}

// With a snapshot in force the exact evaluator decides, on the role and
// direction the pairing found (facts cases 5, 13, 15, 16 among them).
void TestRejectExplainer::snapshotDecides_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<QString>("blocking"); // code component direction rule
    QTest::addColumn<QString>("evidence");

    QTest::newRow("5 stateless reply: the egress network ACL rule")
        << QByteArray("eni-0app1 203.0.113.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-0app -\n"
                      "eni-0app1 10.0.1.10:443 > 203.0.113.7:51234 tcp 1000 1059 REJECT 18 egress subnet-0app -")
        << 3 << "network-acl" << "config" << "SUBNET_ACL_RESTRICTION acl-0app out *" << "request:2";
    QTest::newRow("5 the reply told by time alone")
        << QByteArray("eni-0app1 203.0.113.7:51234 > 10.0.1.10:443 tcp 990 1049 ACCEPT - ingress subnet-0app -\n"
                      "eni-0app1 10.0.1.10:443 > 203.0.113.7:51234 tcp 1000 1059 REJECT - egress subnet-0app -")
        << 3 << "network-acl" << "config" << "SUBNET_ACL_RESTRICTION acl-0app out *" << "request:2";
    QTest::newRow("13 toward a transit gateway in the subnet")
        << QByteArray("eni-0app1 10.0.1.10:40000 > 10.0.1.100:22 tcp 1000 1059 REJECT 2 egress subnet-0app -")
        << 2 << "network-acl" << "config" << "SUBNET_ACL_RESTRICTION acl-0app out *, SUBNET_ACL_RESTRICTION acl-0app in 100"
        << "";
    QTest::newRow("15 Block Public Access over allowing rules")
        << QByteArray("eni-0web1 203.0.113.50:50000 > 10.0.3.21:443 tcp 1000 1059 REJECT 2 ingress subnet-0web BPA")
        << 2 << "block-public-access" << "flows" << "VPC_BLOCK_PUBLIC_ACCESS_ENABLED vpc-0prod in -" << "";
    QTest::newRow("16 allowed everywhere: not explained")
        << QByteArray("eni-0app1 10.1.2.3:50000 > 10.0.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-0app -")
        << 2 << "not-explained" << "config" << "" << "";
    QTest::newRow("7 implicit deny of the groups")
        << QByteArray("eni-0web1 203.0.113.50:50000 > 10.0.3.21:22 tcp 1000 1059 REJECT 2 ingress subnet-0web -")
        << 2 << "security-group" << "config" << "ENI_SG_RULES_MISMATCH sg-0web, sg-0mgmt in -" << "";
    QTest::newRow("4 ICMP type undecided")
        << QByteArray("eni-0db1 10.0.3.21:0 > 10.0.2.20:0 icmp 1000 1059 REJECT - ingress subnet-0db -")
        << 2 << "inconclusive" << "config" << "" << "";
    QTest::newRow("an interface outside the snapshot keeps the records' verdict")
        << QByteArray("eni-gone 203.0.113.7:51234 > 10.9.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-x -\n"
                      "eni-gone 10.9.1.10:443 > 203.0.113.7:51234 tcp 1000 1059 REJECT 18 egress subnet-x -")
        << 3 << "network-acl" << "flows" << "SUBNET_ACL_RESTRICTION  out -" << "request:2";
    QTest::newRow("an interface outside the snapshot keeps an undecided verdict")
        << QByteArray("eni-gone 203.0.113.7:51234 > 10.9.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-x -")
        << 2 << "security-group-or-network-acl" << "flows" << "" << "";
}

void TestRejectExplainer::snapshotDecides()
{
    QFETCH(QByteArray, records);
    QFETCH(int, line);
    QFETCH(QString, verdict);
    QFETCH(QString, basis);
    QFETCH(QString, blocking);
    QFETCH(QString, evidence);

    const Fixture fixture = importLines(m_dir, QStringLiteral("case%1").arg(++m_cases), contentOf(records));
    RejectExplainer explainer(*fixture.caseDb, estateTimeline());
    const auto explanation = explainer.explainRecord(fixture.idOfLine.at(line));
    QVERIFY(explanation);
    QCOMPARE(recordVerdictName(explanation->verdict), verdict);
    QCOMPARE(basisName(explanation->basis), basis);
    QStringList blocks;
    for (const ExplainedBlock &block : explanation->blocking)
        blocks << block.code + u' ' + block.component + (block.egress ? QStringLiteral(" out ") : QStringLiteral(" in "))
                + (block.rule ? block.rule->number : QStringLiteral("-"));
    QCOMPARE(blocks.join(u", "), blocking);
    QCOMPARE(evidenceText(*explanation, fixture), evidence);
    QVERIFY(explanation->snapshot);
    QCOMPARE(explanation->snapshot->id, qint64(1));
    QCOMPARE(explanation->snapshot->secondsApart, qint64(500));
    QCOMPARE(explanation->path.has_value(), basis == u"config");
    QCOMPARE(explanation->config != nullptr, basis == u"config");
    if (!explanation->blocking.empty()) {
        QCOMPARE(explanation->component, explanation->blocking.front().component);
        QCOMPARE(explanation->rule.has_value(), explanation->blocking.front().rule.has_value());
    }
    QVERIFY(!explanation->explanation.isEmpty());
    // Block Public Access: internet requests are often scans, and switching the mode off is no repair.
    if (explanation->verdict == RecordVerdict::BlockPublicAccess)
        QVERIFY2(explanation->suggestion.contains(QStringLiteral("often scans"))
                     && !explanation->suggestion.contains(QStringLiteral(", or switch its mode off")),
                 qPrintable(explanation->suggestion));
    // Undecided with a snapshot loaded: the suggestion says what the snapshot lacks, not to load one.
    if (explanation->verdict == RecordVerdict::SecurityGroupOrNetworkAcl)
        QVERIFY2(explanation->suggestion.startsWith(QStringLiteral("the snapshot in force (#1, as of ")
                                                    + explanation->snapshot->asOf.toUTC().toString(Qt::ISODate)
                                                    + QStringLiteral(") does not describe eni-gone")),
                 qPrintable(explanation->suggestion));
}

void TestRejectExplainer::snapshotInForceByTime()
{
    const Fixture fixture = importLines(
        m_dir, QStringLiteral("bytime"),
        contentOf("eni-0app1 10.1.2.3:50000 > 10.0.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-0app -\n"
                  "eni-0app1 10.1.2.3:50001 > 10.0.1.10:443 tcp 6000 6059 REJECT 2 ingress subnet-0app -\n"
                  "eni-0app1 10.1.2.3:50002 > 10.0.1.10:443 tcp 100 159 REJECT 2 ingress subnet-0app -"));
    RejectExplainer explainer(*fixture.caseDb, estateTimeline());
    const auto first = explainer.explainRecord(fixture.idOfLine.at(2));
    const auto second = explainer.explainRecord(fixture.idOfLine.at(3));
    const auto before = explainer.explainRecord(fixture.idOfLine.at(4));
    QVERIFY(first && second && before);
    QCOMPARE(first->snapshot->id, qint64(1));
    QCOMPARE(second->snapshot->id, qint64(2));
    QCOMPARE(second->snapshot->secondsApart, qint64(1000));
    QCOMPARE(before->snapshot->id, qint64(1)); // older than every snapshot: the oldest, said to be newer
    QCOMPARE(before->snapshot->secondsApart, qint64(-400));
    bool distant = false;
    for (const Caveat &caveat : before->caveats)
        distant = distant || caveat.kind == CaveatKind::SnapshotDistant;
    QVERIFY(distant);
}

void TestRejectExplainer::allRejectsAgreeWithOneAtATime()
{
    // Several conversations in one case, over more than one block.
    QByteArray content = kHeader;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray client = "198.51.100." + QByteArray::number(i % 200 + 1);
        const QByteArray port = QByteArray::number(40000 + i);
        const QByteArray start = QByteArray::number(1000 + i * 7);
        const QByteArray end = QByteArray::number(1000 + i * 7 + 59);
        content += recordLine("eni-srv " + client + ':' + port + " > 10.0.1.10:443 tcp " + start + ' ' + end
                              + " ACCEPT 2 ingress subnet-a -");
        content += recordLine("eni-srv 10.0.1.10:443 > " + client + ':' + port + " tcp " + start + ' ' + end
                              + (i % 3 == 0 ? " REJECT" : " ACCEPT") + " 18 egress subnet-a -");
        if (i % 5 == 0)
            content += recordLine("eni-db 10.0.1.10:" + port + " > 10.0.2.20:5432 tcp " + start + ' ' + end
                                  + " REJECT 2 ingress subnet-b -");
    }
    const Fixture fixture = importLines(m_dir, QStringLiteral("many"), content);
    QVERIFY(fixture.caseDb);
    const auto compiled = CaseFilter::compile(*fixture.caseDb, "action == reject");
    const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);

    RejectExplainer explainer(*fixture.caseDb);
    std::map<std::int64_t, QString> all;
    explainer.explainRejects(*filter, [&](const RecordExplanation &explanation) {
        all[explanation.recordId] = recordVerdictName(explanation.verdict) + u' ' + blockingText(explanation) + u' '
            + evidenceText(explanation, fixture);
    });
    QCOMPARE(all.size(), std::size_t(1000 + 600));
    int checked = 0;
    for (const auto &[id, text] : all) {
        if (checked++ % 37 != 0)
            continue;
        const auto one = explainer.explainRecord(id);
        QVERIFY(one);
        QCOMPARE(recordVerdictName(one->verdict) + u' ' + blockingText(*one) + u' ' + evidenceText(*one, fixture), text);
    }
    int networkAcl = 0;
    for (const auto &[id, text] : all)
        networkAcl += text.startsWith(u"network-acl SUBNET_ACL_RESTRICTION out request:") ? 1 : 0;
    QCOMPARE(networkAcl, 1000);
}

void TestRejectExplainer::groupsRejects()
{
    QByteArray content = kHeader;
    for (int i = 0; i < 40; ++i) {
        const QByteArray port = QByteArray::number(50000 + i);
        content += recordLine("eni-srv 198.51.100.7:" + port + " > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -");
        content += recordLine("eni-srv 10.0.1.10:443 > 198.51.100.7:" + port + " tcp 1000 1059 REJECT 18 egress subnet-a -");
        if (i < 15)
            content += recordLine("eni-srv 198.51.100.9:" + port + " > 10.0.1.10:22 tcp 1000 1059 REJECT 2 ingress subnet-a -");
    }
    const Fixture fixture = importLines(m_dir, QStringLiteral("groups"), content);
    const auto compiled = CaseFilter::compile(*fixture.caseDb, "action == reject");
    const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
    RejectExplainer explainer(*fixture.caseDb);
    const RejectGroups groups = explainer.groupRejects(*filter);
    QCOMPARE(groups.rejects, std::int64_t(55));
    QCOMPARE(groups.groups.size(), std::size_t(2));
    QCOMPARE(recordVerdictName(groups.groups[0].verdict), QStringLiteral("network-acl"));
    QCOMPARE(groups.groups[0].count, std::int64_t(40));
    QCOMPARE(groups.groups[0].servicePort, 443);
    QCOMPARE(groups.groups[0].interfaceId, QStringLiteral("eni-srv"));
    QCOMPARE(groups.groups[1].count, std::int64_t(15));
    QCOMPARE(groups.groups[1].servicePort, 22);
    QCOMPARE(recordVerdictName(groups.groups[1].verdict), QStringLiteral("security-group-or-network-acl"));
    QCOMPARE(groups.groups[1].sampleRecords.size(), std::size_t(5));

    // The empty filter keeps every record, of which only the REJECTs are explained.
    const auto everything = CaseFilter::compile(*fixture.caseDb, "");
    const auto &all = std::get<std::shared_ptr<const CaseFilter>>(everything);
    QVERIFY(all->matchesEverything());
    QCOMPARE(explainer.groupRejects(*all).rejects, std::int64_t(55));
    std::set<std::int64_t> fromEverything;
    std::set<std::int64_t> fromRejects;
    explainer.explainRejects(*all, [&](const RecordExplanation &explanation) { fromEverything.insert(explanation.recordId); });
    explainer.explainRejects(*filter, [&](const RecordExplanation &explanation) { fromRejects.insert(explanation.recordId); });
    QCOMPARE(fromEverything.size(), std::size_t(55));
    QCOMPARE(fromEverything, fromRejects);
}

// A port scan is one group, not one per port; the replies a network ACL
// refuses to a client's many ephemeral ports are never taken for a scan, nor
// one source's many rejects on one port.
void TestRejectExplainer::foldsScanningSources()
{
    QByteArray content = kHeader;
    for (int i = 0; i < kScanPorts + 5; ++i)
        content += recordLine("eni-srv 203.0.113.5:40000 > 10.0.1.10:" + QByteArray::number(1000 + i)
                              + " tcp 1000 1059 REJECT 2 ingress subnet-a -");
    for (int i = 0; i < kScanPorts + 5; ++i) {
        const QByteArray port = QByteArray::number(50000 + i);
        content += recordLine("eni-srv 198.51.100.7:" + port + " > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -");
        content += recordLine("eni-srv 10.0.1.10:443 > 198.51.100.7:" + port + " tcp 1000 1059 REJECT 18 egress subnet-a -");
        content += recordLine("eni-srv 198.51.100.9:" + port + " > 10.0.1.10:22 tcp 1000 1059 REJECT 2 ingress subnet-a -");
    }
    const Fixture fixture = importLines(m_dir, QStringLiteral("scan"), content);
    const auto compiled = CaseFilter::compile(*fixture.caseDb, "action == reject");
    const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
    RejectExplainer explainer(*fixture.caseDb);
    const RejectGroups groups = explainer.groupRejects(*filter);
    const int n = kScanPorts + 5;
    QCOMPARE(groups.rejects, std::int64_t(3 * n));
    QCOMPARE(groups.groups.size(), std::size_t(3));
    int scans = 0;
    for (const RejectGroup &group : groups.groups) {
        QCOMPARE(group.count, std::int64_t(n));
        if (!group.scan)
            continue;
        ++scans;
        QCOMPARE(QString::fromStdString(group.scan->source.toString()), QStringLiteral("203.0.113.5"));
        QVERIFY(group.scan->onlyHost);
        QCOMPARE(QString::fromStdString(group.scan->onlyHost->toString()), QStringLiteral("10.0.1.10"));
        QCOMPARE(group.scan->ports, n);
        QCOMPARE(group.scan->synOnly, std::int64_t(n));
        QVERIFY(group.scan->mostlySynOnly());
        QCOMPARE(group.scan->summary(), QStringLiteral("203.0.113.5 → 10.0.1.10: %1 ports").arg(n));
        QCOMPARE(group.protocol, 6);
        QCOMPARE(group.servicePort, 0);
    }
    QCOMPARE(scans, 1);

    // The suggestion says so for the scan's records only.
    int scanning = 0;
    explainer.explainRejects(*filter, [&](const RecordExplanation &explanation) {
        const bool fromScanner = fixture.lineOfId.at(explanation.recordId) <= n + 1;
        QCOMPARE(bool(explanation.scanning), fromScanner);
        QCOMPARE(explanation.suggestion.startsWith(QStringLiteral("These rejects look like scanning")), fromScanner);
        scanning += fromScanner ? 1 : 0;
    });
    QCOMPARE(scanning, n);
}

void TestRejectExplainer::refusesWhatIsNoReject()
{
    const Fixture fixture = importLines(
        m_dir, QStringLiteral("accept"),
        kHeader + recordLine("eni-a 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -"));
    RejectExplainer explainer(*fixture.caseDb);
    QVERIFY(!explainer.explainRecord(fixture.idOfLine.at(2)));
    QVERIFY(!explainer.explainRecord(std::int64_t(99) << 12));
}

void TestRejectExplainer::cancels()
{
    const Fixture fixture = importLines(
        m_dir, QStringLiteral("cancel"),
        kHeader + recordLine("eni-a 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 REJECT 2 ingress subnet-a -"));
    const auto compiled = CaseFilter::compile(*fixture.caseDb, "action == reject");
    const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
    RejectExplainer explainer(*fixture.caseDb);
    int explained = 0;
    QVERIFY_THROWS_EXCEPTION(RejectExplainCancelled,
                             explainer.explainRejects(*filter, [&](const RecordExplanation &) { ++explained; },
                                                      [] { return true; }));
    QCOMPARE(explained, 0);
    QVERIFY_THROWS_EXCEPTION(RejectExplainCancelled, explainer.explainRecord(fixture.idOfLine.at(2), [] { return true; }));
}

QTEST_GUILESS_MAIN(TestRejectExplainer)
#include "tst_rejectexplainer.moc"
