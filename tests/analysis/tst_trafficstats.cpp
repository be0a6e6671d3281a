// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations and endpoints over a small case with known answers.

#include "analysis/traffic_stats.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

Q_DECLARE_METATYPE(flowscope::ConversationKey)
Q_DECLARE_METATYPE(flowscope::EndpointKey)
Q_DECLARE_METATYPE(flowscope::StatsOrder)

namespace {

// Keys the small case lacks: IPv6 both ways, one ENI in two accounts (two
// interface contexts), records without ports or protocol, protocol 255
// apart from an absent protocol, and ties that text and binary order break
// differently (10.0.0.10 sorts before 10.0.0.9 as text, after it as an
// address).
const QByteArray kEdgeRecords =
    "2 111111111111 eni-a 2001:db8::1 2001:db8::2 50000 443 6 5 500 1700000000 1700000060 ACCEPT OK\n"
    "2 222222222222 eni-a 2001:db8::2 2001:db8::1 443 50000 6 1 100 1700000100 1700000160 ACCEPT OK\n"
    "2 111111111111 eni-b 10.0.0.5 10.0.0.6 - - - 1 10 1700000000 1700000010 ACCEPT OK\n"
    "2 111111111111 eni-b 10.0.0.6 10.0.0.5 - - 255 1 20 1700000000 1700000010 ACCEPT OK\n"
    "2 111111111111 eni-b 10.0.0.5 10.0.0.6 1000 2000 17 1 30 1700000000 1700000010 REJECT OK\n"
    "2 111111111111 eni-b 10.0.0.9 198.51.100.1 1234 80 6 1 70 1700000000 1700000010 ACCEPT OK\n"
    "2 111111111111 eni-b 10.0.0.10 198.51.100.1 1234 80 6 1 70 1700000000 1700000010 ACCEPT OK\n";

QString optionalText(const auto &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

// "a b protocol port flows bytes", absent values as '-'.
QStringList describe(const std::vector<Conversation> &conversations)
{
    QStringList out;
    for (const Conversation &c : conversations)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(QString::fromStdString(c.a.toString()), QString::fromStdString(c.b.toString()),
                        optionalText(c.protocol), optionalText(c.port))
                   .arg(c.totals.flows)
                   .arg(c.totals.bytes);
    return out;
}

// "key flows bytes"
QStringList describe(const std::vector<Endpoint> &endpoints)
{
    QStringList out;
    for (const Endpoint &e : endpoints)
        out << QStringLiteral("%1 %2 %3").arg(QString::fromStdString(e.key)).arg(e.totals.flows).arg(e.totals.bytes);
    return out;
}

} // namespace


class TestTrafficStats : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    std::unique_ptr<CaseDb> m_edges;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("s.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);

        test::writeFile(m_dir.filePath(QStringLiteral("edges.log")), kEdgeRecords);
        m_edges = CaseDb::open(m_dir.filePath(QStringLiteral("edges.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_edges).run({m_dir.filePath(QStringLiteral("edges.log")).toStdString()}, {}).records, 7u);
    }

    void conversationsByAddresses()
    {
        const auto top = topConversations(*m_case, ConversationKey::Addresses, 10, StatsOrder::Bytes);
        QCOMPARE(top.size(), 2u); // the NODATA record is no conversation
        QCOMPARE(QString::fromStdString(top[0].a.toString()), QStringLiteral("10.0.0.1"));
        QCOMPARE(QString::fromStdString(top[0].b.toString()), QStringLiteral("203.0.113.9"));
        QCOMPARE(top[0].totals.bytes, 1000u);
        const TrafficTotals &ab = top[1].totals; // both directions are one conversation
        QCOMPARE(QString::fromStdString(top[1].a.toString()), QStringLiteral("10.0.0.1"));
        QCOMPARE(ab.flows, 3u);
        QCOMPARE(ab.packets, 6u);
        QCOMPARE(ab.bytes, 350u);
        QCOMPARE(ab.accepts, 2u);
        QCOMPARE(ab.rejects, 1u);
        QCOMPARE(*ab.firstSeen, 1700000000);
        QCOMPARE(*ab.lastSeen, 1700000260);
    }

    void orderAndTop()
    {
        const auto byFlows = topConversations(*m_case, ConversationKey::Addresses, 1, StatsOrder::Flows);
        QCOMPARE(byFlows.size(), 1u);
        QCOMPARE(byFlows[0].totals.flows, 3u);
    }

    void conversationsByService()
    {
        const auto top = topConversations(*m_case, ConversationKey::AddressesProtocolPort, 10, StatsOrder::Flows);
        QCOMPARE(top.size(), 2u);
        QCOMPARE(*top[0].port, std::uint16_t(443)); // the service side of 40000<->443
        QCOMPARE(*top[0].protocol, std::uint8_t(6));
        QCOMPARE(top[0].totals.flows, 3u);
        QCOMPARE(*top[1].port, std::uint16_t(22));
    }

    void endpoints()
    {
        const auto byAddress = topEndpoints(*m_case, EndpointKey::Address, 10, StatsOrder::Bytes);
        QCOMPARE(byAddress.size(), 3u);
        QCOMPARE(QString::fromStdString(byAddress[0].key), QStringLiteral("10.0.0.1"));
        QCOMPARE(byAddress[0].totals.flows, 4u);
        QCOMPARE(byAddress[0].totals.bytes, 1350u);
        QCOMPARE(QString::fromStdString(byAddress[1].key), QStringLiteral("203.0.113.9"));
        QCOMPARE(byAddress[2].totals.flows, 3u);

        const auto byEni = topEndpoints(*m_case, EndpointKey::Interface, 10, StatsOrder::Flows);
        QCOMPARE(byEni.size(), 3u);
        QCOMPARE(QString::fromStdString(byEni[0].key), QStringLiteral("eni-a"));
        QCOMPARE(byEni[0].totals.flows, 3u);
        // The NODATA record counts for its ENI: coverage, not traffic.
        const auto eniC = std::find_if(byEni.begin(), byEni.end(), [](const Endpoint &e) { return e.key == "eni-c"; });
        QVERIFY(eniC != byEni.end());
        QCOMPARE(eniC->totals.bytes, 0u);
    }

    void conversationKeysAndTies_data()
    {
        QTest::addColumn<ConversationKey>("key");
        QTest::addColumn<StatsOrder>("order");
        QTest::addColumn<int>("top");
        QTest::addColumn<QStringList>("expected");
        // Both directions of the IPv6 pair are one conversation; equal bytes
        // fall back to address order.
        QTest::newRow("addresses by bytes") << ConversationKey::Addresses << StatsOrder::Bytes << 10
                                            << QStringList{"2001:db8::1 2001:db8::2 - - 2 600",
                                                           "10.0.0.9 198.51.100.1 - - 1 70",
                                                           "10.0.0.10 198.51.100.1 - - 1 70",
                                                           "10.0.0.5 10.0.0.6 - - 3 60"};
        QTest::newRow("top cuts a tie") << ConversationKey::Addresses << StatsOrder::Bytes << 2
                                        << QStringList{"2001:db8::1 2001:db8::2 - - 2 600",
                                                       "10.0.0.9 198.51.100.1 - - 1 70"};
        // Absent protocol, protocol 255 and absent ports are keys of their own;
        // ties by addresses, then protocol and port with absent first.
        QTest::newRow("service by flows") << ConversationKey::AddressesProtocolPort << StatsOrder::Flows << 10
                                          << QStringList{"2001:db8::1 2001:db8::2 6 443 2 600",
                                                         "10.0.0.5 10.0.0.6 - - 1 10",
                                                         "10.0.0.5 10.0.0.6 17 1000 1 30",
                                                         "10.0.0.5 10.0.0.6 255 - 1 20",
                                                         "10.0.0.9 198.51.100.1 6 80 1 70",
                                                         "10.0.0.10 198.51.100.1 6 80 1 70"};
        QTest::newRow("service by packets, top 0") << ConversationKey::AddressesProtocolPort << StatsOrder::Packets << 0
                                                   << QStringList{};
    }

    void conversationKeysAndTies()
    {
        QFETCH(ConversationKey, key);
        QFETCH(StatsOrder, order);
        QFETCH(int, top);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(topConversations(*m_edges, key, static_cast<std::size_t>(top), order)), expected);
    }

    void endpointKeysAndTies_data()
    {
        QTest::addColumn<EndpointKey>("key");
        QTest::addColumn<StatsOrder>("order");
        QTest::addColumn<int>("top");
        QTest::addColumn<QStringList>("expected");
        // Endpoints tie in the order of their text.
        const QStringList byBytes{"2001:db8::1 2 600", "2001:db8::2 2 600", "198.51.100.1 2 140", "10.0.0.10 1 70",
                                  "10.0.0.9 1 70",     "10.0.0.5 3 60",     "10.0.0.6 3 60"};
        QTest::newRow("addresses by bytes") << EndpointKey::Address << StatsOrder::Bytes << 10 << byBytes;
        QTest::newRow("top cuts a tie") << EndpointKey::Address << StatsOrder::Bytes << 4 << byBytes.mid(0, 4);
        QTest::newRow("top at a tie's end") << EndpointKey::Address << StatsOrder::Bytes << 5 << byBytes.mid(0, 5);
        QTest::newRow("addresses by flows, top 0") << EndpointKey::Address << StatsOrder::Flows << 0 << QStringList{};
        // eni-a's two accounts are two interface contexts of one ENI.
        QTest::newRow("enis by flows") << EndpointKey::Interface << StatsOrder::Flows << 10
                                       << QStringList{"eni-b 5 200", "eni-a 2 600"};
        QTest::newRow("enis by bytes, top 1") << EndpointKey::Interface << StatsOrder::Bytes << 1
                                              << QStringList{"eni-a 2 600"};
    }

    void endpointKeysAndTies()
    {
        QFETCH(EndpointKey, key);
        QFETCH(StatsOrder, order);
        QFETCH(int, top);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(topEndpoints(*m_edges, key, static_cast<std::size_t>(top), order)), expected);
    }

    void eniTotalsJoinItsContexts()
    {
        const auto byEni = topEndpoints(*m_edges, EndpointKey::Interface, 10, StatsOrder::Bytes);
        QCOMPARE(byEni.size(), 2u);
        const TrafficTotals &a = byEni[0].totals;
        QCOMPARE(a.packets, 6u);
        QCOMPARE(a.accepts, 2u);
        QCOMPARE(*a.firstSeen, 1700000000);
        QCOMPARE(*a.lastSeen, 1700000160);
        QCOMPARE(byEni[1].totals.rejects, 1u);
    }

    void filterNarrowsTheRecords()
    {
        const auto rejects = topConversations(*m_case, ConversationKey::Addresses, 10, StatsOrder::Flows,
                                              [](const EncodedFlow &f) { return f.has(Field::Action) && f.action == Action::Reject; });
        QCOMPARE(rejects.size(), 1u);
        QCOMPARE(rejects[0].totals.flows, 1u);
        QCOMPARE(rejects[0].totals.rejects, 1u);
    }
};

QTEST_GUILESS_MAIN(TestTrafficStats)
#include "tst_trafficstats.moc"
