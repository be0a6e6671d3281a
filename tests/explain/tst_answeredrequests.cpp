// SPDX-License-Identifier: GPL-3.0-or-later
// The sieve of answered requests: each row imports a few flow-log lines and
// lists the requests left in doubt; then, on a case of many random
// conversations, the requests it leaves are exactly those whose pairing
// (pairRecord over every record of their conversations) finds no reply.

#include "explain/answered_requests.h"
#include "explain/conversation_scan.h"
#include "explain/flow_pairing.h"
#include "explain/pairing_source.h"
#include "flow_fixture.h"
#include "selection/case_filter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

// The requests of these tests: egress records ACCEPTed.
bool isEgressAccept(const EncodedFlow &flow)
{
    return flow.action == Action::Accept && flow.has(Field::FlowDirection) && flow.direction == flowscope::FlowDirection::Egress;
}

std::shared_ptr<const CaseFilter> everything(CaseDb &caseDb)
{
    return std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(caseDb, ""));
}

SievedRequests sieve(CaseDb &caseDb)
{
    AnsweredRequestSieve request;
    request.isRequest = isEgressAccept;
    request.requestColumns = columnOf(Field::FlowDirection);
    return sieveAnsweredRequests(caseDb, *everything(caseDb), request);
}

} // namespace

class TestAnsweredRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void leavesInDoubt_data();
    void leavesInDoubt();
    void agreesWithPairing();

private:
    QTemporaryDir m_dir;
    int m_cases = 0;
};

void TestAnsweredRequests::leavesInDoubt_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<QString>("doubtful"); // lines, by line

    QTest::newRow("a SYN answered on its interface")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-a 203.0.113.9:443 > 10.0.1.5:40000 tcp 1000 1059 ACCEPT 18 ingress subnet-a -")
        << "";
    QTest::newRow("nothing back") << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -")
                                  << "2";
    QTest::newRow("answered at the other end")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.2.9:5432 > 10.0.1.5:40000 tcp 1000 1059 ACCEPT 18 egress subnet-b -")
        << "";
    QTest::newRow("the same tuple again is no answer")
        << QByteArray("eni-a 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-b 10.0.1.5:40000 > 10.0.2.9:5432 tcp 1000 1059 ACCEPT 2 ingress subnet-b -")
        << "2";
    QTest::newRow("a reverse record beyond the slack")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-a 203.0.113.9:443 > 10.0.1.5:40000 tcp 1700 1759 ACCEPT 18 ingress subnet-a -")
        << "2";
    QTest::newRow("a REJECTed reply still answers (it is explained as a reject)")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:443 tcp 1000 1059 ACCEPT 2 egress subnet-a -\n"
                      "eni-a 203.0.113.9:443 > 10.0.1.5:40000 tcp 1000 1059 REJECT 18 ingress subnet-a -")
        << "";
    // Without flags the nearest reverse record on the interface tells the role.
    QTest::newRow("without flags, the reverse record after it is its reply")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:53 udp 1000 1059 ACCEPT - egress subnet-a -\n"
                      "eni-a 203.0.113.9:53 > 10.0.1.5:40000 udp 1010 1069 ACCEPT - ingress subnet-a -")
        << "";
    QTest::newRow("without flags, the reverse record before it makes it a reply")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:53 udp 1000 1059 ACCEPT - egress subnet-a -\n"
                      "eni-a 203.0.113.9:53 > 10.0.1.5:40000 udp 900 959 ACCEPT - ingress subnet-a -")
        << "2";
    QTest::newRow("without flags, the nearest of two reverse records decides")
        << QByteArray("eni-a 10.0.1.5:40000 > 203.0.113.9:53 udp 1000 1059 ACCEPT - egress subnet-a -\n"
                      "eni-a 203.0.113.9:53 > 10.0.1.5:40000 udp 1050 1109 ACCEPT - ingress subnet-a -\n"
                      "eni-a 203.0.113.9:53 > 10.0.1.5:40000 udp 500 559 ACCEPT - ingress subnet-a -")
        << "";
    QTest::newRow("a SYN-ACK going out is a reply, answered by nothing")
        << QByteArray("eni-a 10.0.1.5:443 > 203.0.113.9:40000 tcp 1000 1059 ACCEPT 18 egress subnet-a -\n"
                      "eni-a 203.0.113.9:40000 > 10.0.1.5:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a -")
        << "2";
}

void TestAnsweredRequests::leavesInDoubt()
{
    QFETCH(QByteArray, records);
    QFETCH(QString, doubtful);
    const auto fixture = test::importFlowLog(m_dir, QStringLiteral("case%1").arg(++m_cases), test::flowLogOf(records));
    const SievedRequests sieved = sieve(*fixture.caseDb);
    QStringList lines;
    for (const std::int64_t id : sieved.notSurelyAnswered)
        lines << QString::number(fixture.lineOfId.at(id));
    QCOMPARE(lines.join(u' '), doubtful);
}

// Random conversations between a few interfaces, with and without flags,
// close to the slack and beyond: the sieve leaves exactly the requests whose
// pairing finds neither a reply on their interface nor a reverse record at
// another.
void TestAnsweredRequests::agreesWithPairing()
{
    QRandomGenerator random(20261207);
    const QByteArray hosts[] = {"10.0.1.5", "10.0.1.6", "10.0.2.9", "203.0.113.9"};
    const QByteArray enis[] = {"eni-a", "eni-a", "eni-b", "eni-c"}; // 10.0.1.5 and 10.0.1.6 share eni-a
    const QByteArray flags[] = {"-", "2", "18", "3", "19", "1", "4"};
    QByteArray specs;
    for (int conversation = 0; conversation < 400; ++conversation) {
        const int client = int(random.bounded(4));
        const int server = (client + 1 + int(random.bounded(3))) % 4;
        const QByteArray clientPort = QByteArray::number(40000 + conversation);
        const QByteArray serverPort = random.bounded(2) ? "443" : "53";
        const QByteArray protocol = serverPort == "443" ? "tcp" : "udp";
        const int records = 1 + int(random.bounded(4));
        const int base = 1000 + int(random.bounded(4000));
        for (int r = 0; r < records; ++r) {
            const bool forward = random.bounded(2);
            const bool atClient = random.bounded(3) != 0;
            const QByteArray from = forward ? hosts[client] + ':' + clientPort : hosts[server] + ':' + serverPort;
            const QByteArray to = forward ? hosts[server] + ':' + serverPort : hosts[client] + ':' + clientPort;
            const QByteArray eni = atClient ? enis[client] : enis[server];
            const bool leaves = atClient == forward;
            const int start = base + int(random.bounded(1400)) - 700;
            const QByteArray flag = protocol == "tcp" ? flags[random.bounded(7)] : QByteArray("-");
            specs += eni + ' ' + from + " > " + to + ' ' + protocol + ' ' + QByteArray::number(start) + ' '
                + QByteArray::number(start + int(random.bounded(60))) + (random.bounded(5) ? " ACCEPT " : " REJECT ") + flag
                + (leaves ? " egress" : " ingress") + " subnet-a -\n";
        }
    }
    const auto fixture = test::importFlowLog(m_dir, QStringLiteral("random"), test::flowLogOf(specs));
    const SievedRequests sieved = sieve(*fixture.caseDb);

    // The reference: every request paired with its whole conversation.
    PairingSource source(*fixture.caseDb);
    ConversationScanRequest request;
    request.isTarget = [](const EncodedFlow &flow, std::int64_t) { return isEgressAccept(flow); };
    request.targetColumns = columnOf(Field::FlowDirection);
    request.pairingFlow = [&source](const EncodedFlow &flow, std::int64_t id) { return source.pairingFlow(flow, id); };
    const ConversationScan scan = scanConversations(*fixture.caseDb, *everything(*fixture.caseDb), request);
    std::vector<std::int64_t> unanswered;
    for (std::size_t i = 0; i < scan.targetCount(); ++i) {
        const Pairing pairing = pairRecord(scan.target(i), scan.conversationOf(scan.target(i)));
        if (!pairing.reply && !pairing.peerReverse)
            unanswered.push_back(scan.target(i).id);
    }
    std::sort(unanswered.begin(), unanswered.end());
    QCOMPARE(sieved.requests, scan.targetCount());
    QVERIFY(scan.targetCount() > 200);
    QVERIFY(!unanswered.empty());
    QVERIFY(unanswered.size() < scan.targetCount());
    QCOMPARE(sieved.notSurelyAnswered, unanswered);
}

QTEST_GUILESS_MAIN(TestAnsweredRequests)
#include "tst_answeredrequests.moc"
