// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations and endpoints over a small case with known answers.

#include "analysis/traffic_stats.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;


class TestTrafficStats : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("s.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
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
