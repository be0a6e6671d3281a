// SPDX-License-Identifier: GPL-3.0-or-later
// Requests no record answers: each row imports a few flow-log lines and
// lists the lines found unanswered, with the other end's record when it
// logged the request.

#include "explain/snapshot_loader.h"
#include "explain/unanswered_requests.h"
#include "flow_fixture.h"
#include "selection/case_filter.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

class TestUnansweredRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void finds_data();
    void finds();
    void routeDecides_data();
    void routeDecides();

private:
    QTemporaryDir m_dir;
    int m_cases = 0;
};

void TestUnansweredRequests::finds_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<QString>("found"); // "line[:peer-line]", by line

    QTest::newRow("a SYN out and nothing back")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -") << "2";
    QTest::newRow("answered on the same interface")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-a 203.0.113.9:443 > 10.0.1.5:40000 tcp 1000 1059 ACCEPT 18 ingress subnet-a -")
        << "";
    QTest::newRow("answered at the other end")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.2.9:5432 > 10.0.1.5:40000 tcp 1000 1059 ACCEPT 18 egress subnet-b -")
        << "";
    QTest::newRow("the other end took it in and said nothing")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 ingress subnet-b -")
        << "2:3";
    QTest::newRow("REJECTed at the other end is no silence")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 REJECT 2 ingress subnet-b -")
        << "";
    QTest::newRow("a reply REJECTed is no silence")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-a 203.0.113.9:443 > 10.0.1.5:40000 tcp 1000 1059 REJECT 18 ingress subnet-a -")
        << "";
    QTest::newRow("a record without an action is no accepted request")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 - 2 egress subnet-a -") << "";
    QTest::newRow("an inbound request is not ours to find")
        << QByteArray("eni-a 203.0.113.9:40000 > 10.0.1.5:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -") << "";
    QTest::newRow("a reply going out is no request")
        << QByteArray("eni-a 10.0.1.5:443 > 203.0.113.9:40000 tcp 1000 1059 ACCEPT 18 egress subnet-a -") << "";
    QTest::newRow("a reply too late does not count")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-a 203.0.113.9:443 > 10.0.1.5:40000 tcp 1700 1759 ACCEPT 18 ingress subnet-a -")
        << "2";
    QTest::newRow("without flags or direction: private to public, to the lower port")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 udp 1000 1059 ACCEPT - - subnet-a -\n"
                      "eni-a 10.0.1.5:53 > 203.0.113.9:40000 udp 1000 1059 ACCEPT - - subnet-a -")
        << "2";
}

void TestUnansweredRequests::finds()
{
    QFETCH(QByteArray, records);
    QFETCH(QString, found);
    const auto fixture = test::importFlowLog(m_dir, QStringLiteral("case%1").arg(++m_cases), test::flowLogOf(records));
    const auto compiled = CaseFilter::compile(*fixture.caseDb, "");
    UnansweredRequestFinder finder(*fixture.caseDb);
    QStringList lines;
    finder.find(*std::get<std::shared_ptr<const CaseFilter>>(compiled), [&](const UnansweredRequest &request) {
        QString text = QString::number(fixture.lineOfId.at(request.recordId));
        for (const EvidenceRecord &evidence : request.evidence)
            text += u':' + QString::number(fixture.lineOfId.at(evidence.id));
        lines << text;
        QCOMPARE(routeVerdictName(request.verdict), QStringLiteral("unknown"));
        QCOMPARE(request.basis, ExplanationBasis::Flows);
        QVERIFY(request.code.isEmpty());
        QVERIFY(request.explanation.contains(QStringLiteral("outside the flow logs' sight")));
        QVERIFY(!request.snapshot);
    });
    QCOMPARE(lines.join(u' '), found);
}

// With the snapshot in force, the source subnet's route table tells.
void TestUnansweredRequests::routeDecides_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("explains"); // a part of the explanation
    QTest::addColumn<QString>("basis");
    QTest::addColumn<QString>("code"); // Reachability Analyzer's, where one applies

    QTest::newRow("internet gateway, public address")
        << QByteArray("eni-0app1 10.0.1.10:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-0app -")
        << "route-allows" << "0.0.0.0/0 igw-0prod" << "igw-0prod" << "config" << "";
    QTest::newRow("internet gateway, no public address")
        << QByteArray("eni-0db1 10.0.2.20:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-0db -")
        << "route-allows" << "0.0.0.0/0 igw-0prod" << "no public address" << "config" << "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS";
    QTest::newRow("no IPv6 route")
        << QByteArray("eni-0app1 2600:1f18:abcd:1201::10:40000 > 2001:db8::9:443 tcp 1000 1059 ACCEPT 2 egress subnet-0app -")
        << "no-route" << "" << "no route" << "config" << "NO_ROUTE_TO_DESTINATION";
    QTest::newRow("an interface the snapshot lacks")
        << QByteArray("eni-gone 10.9.0.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-x -")
        << "unknown" << "" << "outside the flow logs' sight" << "flows" << "";
}

void TestUnansweredRequests::routeDecides()
{
    QFETCH(QByteArray, record);
    QFETCH(QString, verdict);
    QFETCH(QString, route);
    QFETCH(QString, explains);
    QFETCH(QString, basis);
    QFETCH(QString, code);
    const auto fixture = test::importFlowLog(m_dir, QStringLiteral("case%1").arg(++m_cases), test::flowLogOf(record));
    SnapshotTimeline timeline;
    SnapshotLoad load = loadSnapshot({QStringLiteral(FLOWSCOPE_EXPLAIN_DATA) + QStringLiteral("/estate")});
    timeline.add({7, QDateTime::fromSecsSinceEpoch(100, Qt::UTC), std::make_shared<const ConfigSnapshot>(std::move(load.snapshot))});
    UnansweredRequestFinder finder(*fixture.caseDb, timeline);
    const auto compiled = CaseFilter::compile(*fixture.caseDb, "");
    int found = 0;
    finder.find(*std::get<std::shared_ptr<const CaseFilter>>(compiled), [&](const UnansweredRequest &request) {
        ++found;
        QVERIFY(request.snapshot);
        QCOMPARE(request.snapshot->id, qint64(7));
        QCOMPARE(request.servicePort, 443);
        QCOMPARE(routeVerdictName(request.verdict), verdict);
        QCOMPARE(request.route, route);
        QCOMPARE(basisName(request.basis), basis);
        QCOMPARE(request.code, code);
        QVERIFY2(request.explanation.contains(explains), qPrintable(request.explanation));
        QVERIFY(!request.suggestion.isEmpty());
    });
    QCOMPARE(found, 1);
}

QTEST_GUILESS_MAIN(TestUnansweredRequests)
#include "tst_unansweredrequests.moc"
