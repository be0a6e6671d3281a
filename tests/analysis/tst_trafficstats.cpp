// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations and endpoints over a small case with known answers, ranked
// by every column both ways against a brute-force ranking of random cases,
// and a scan that stops when a newer request makes it stale.

#include "analysis/traffic_stats.h"
#include "analysis/traffic_stats_entry.h"
#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <compare>
#include <map>
#include <random>
#include <thread>

using namespace flowscope;

Q_DECLARE_METATYPE(flowscope::ConversationKey)
Q_DECLARE_METATYPE(flowscope::EndpointKey)
Q_DECLARE_METATYPE(flowscope::StatsOrder)
Q_DECLARE_METATYPE(flowscope::SortDirection)

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


// A record of a random case as the test wrote it, for the brute-force answer.
struct Truth {
    QString eni; // empty: none
    std::optional<IpAddress> src, dst;
    std::optional<int> srcPort, dstPort, protocol;
    std::optional<quint64> packets, bytes;
    std::optional<qint64> start, end;
    std::optional<bool> accept;
};

void addTo(TrafficTotals &t, const Truth &r)
{
    ++t.flows;
    t.packets += r.packets.value_or(0);
    t.bytes += r.bytes.value_or(0);
    if (r.accept)
        (*r.accept ? t.accepts : t.rejects) += 1;
    if (r.start)
        t.firstSeen = t.firstSeen ? std::min<std::int64_t>(*t.firstSeen, *r.start) : *r.start;
    if (r.end)
        t.lastSeen = t.lastSeen ? std::max<std::int64_t>(*t.lastSeen, *r.end) : *r.end;
}

// IPv4 before IPv6, then by bytes.
std::strong_ordering compareAddresses(const IpAddress &x, const IpAddress &y)
{
    if (x.family != y.family)
        return x.isV4() ? std::strong_ordering::less : std::strong_ordering::greater;
    return x.bytes <=> y.bytes;
}

struct ConversationTruthKey {
    IpAddress a, b;
    std::optional<int> protocol, port;
    bool operator<(const ConversationTruthKey &o) const
    {
        if (const auto c = compareAddresses(a, o.a); c != 0)
            return c < 0;
        if (const auto c = compareAddresses(b, o.b); c != 0)
            return c < 0;
        return std::tie(protocol, port) < std::tie(o.protocol, o.port);
    }
};

struct AddressTruthKey {
    IpAddress address;
    bool operator<(const AddressTruthKey &o) const { return compareAddresses(address, o.address) < 0; }
};

// By the column in the direction, absent times last either way; 0 when equal.
int compareTotals(const TrafficTotals &x, const TrafficTotals &y, StatsOrder order, SortDirection direction)
{
    const int sign = direction == SortDirection::Ascending ? 1 : -1;
    auto counts = [sign](quint64 a, quint64 b) { return a == b ? 0 : (a < b ? -sign : sign); };
    auto times = [sign](const std::optional<qint64> &a, const std::optional<qint64> &b) {
        if (!a || !b)
            return a ? -1 : (b ? 1 : 0);
        return *a == *b ? 0 : (*a < *b ? -sign : sign);
    };
    switch (order) {
    case StatsOrder::Flows: return counts(x.flows, y.flows);
    case StatsOrder::Packets: return counts(x.packets, y.packets);
    case StatsOrder::Bytes: return counts(x.bytes, y.bytes);
    case StatsOrder::Accepts: return counts(x.accepts, y.accepts);
    case StatsOrder::Rejects: return counts(x.rejects, y.rejects);
    case StatsOrder::FirstSeen: return times(x.firstSeen, y.firstSeen);
    case StatsOrder::LastSeen: return times(x.lastSeen, y.lastSeen);
    }
    return 0;
}

// Every key with its totals, ranked in full: the answer the core must give.
template <typename Key>
std::vector<std::pair<Key, TrafficTotals>> rankAll(const std::map<Key, TrafficTotals> &groups, StatsOrder order,
                                                    SortDirection direction)
{
    std::vector<std::pair<Key, TrafficTotals>> rows(groups.begin(), groups.end()); // in key order
    std::stable_sort(rows.begin(), rows.end(), [&](const auto &x, const auto &y) {
        return compareTotals(x.second, y.second, order, direction) < 0;
    });
    return rows;
}

QString totalsText(const TrafficTotals &t)
{
    return QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
        .arg(t.flows)
        .arg(t.packets)
        .arg(t.bytes)
        .arg(t.accepts)
        .arg(t.rejects)
        .arg(optionalText(t.firstSeen), optionalText(t.lastSeen));
}

QString conversationText(const IpAddress &a, const IpAddress &b, const std::optional<int> &protocol,
                         const std::optional<int> &port, const TrafficTotals &t)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(QString::fromStdString(a.toString()), QString::fromStdString(b.toString()), optionalText(protocol),
             optionalText(port), totalsText(t));
}

// Random records in the default format: a few addresses (IPv4 whose text and
// address order differ, IPv6), ports on both sides of 32768 and absent,
// protocols absent and 255, values that tie, absent times, NODATA records,
// records without an ENI, ENIs in two accounts.
// `wide`: thousands of addresses on one side and tens on the other, so that
// the keys outnumber what a scanning thread gathers at once and spread over
// many blocks read by both threads.
QByteArray randomRecords(unsigned seed, int count, std::vector<Truth> &truths, bool wide = false)
{
    std::mt19937 random(seed);
    auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const QStringList addresses{"10.0.0.9", "10.0.0.10", "10.0.0.1", "192.168.1.5", "198.51.100.7",
                                "203.0.113.1", "2001:db8::1", "2001:db8::a", "fe80::2", "10.0.1.0"};
    const QStringList enis{"eni-a", "eni-b", "eni-c", "eni-d", "-"};
    const QList<int> ports{22, 443, 40000, 50000, 65535, -1};
    const QList<int> protocols{6, 17, 255, -1};
    auto text = [](const auto &value) { return value ? QString::number(*value) : QStringLiteral("-"); };
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        Truth r;
        const QString eni = enis.at(pick(enis.size()));
        r.eni = eni == QStringLiteral("-") ? QString() : eni;
        const QString account = pick(2) ? QStringLiteral("111111111111") : QStringLiteral("222222222222");
        if (pick(25) != 0)
            r.start = 1700000000 + pick(40);
        if (pick(25) != 0)
            r.end = r.start.value_or(1700000000) + pick(30);
        if (pick(30) == 0) { // NODATA: only the ENI and the times
            out += QStringLiteral("2 %1 %2 - - - - - - - %3 %4 - NODATA\n")
                       .arg(account, eni, text(r.start), text(r.end))
                       .toUtf8();
            truths.push_back(r);
            continue;
        }
        // Both addresses of one family, as flow logs have them.
        const bool v6 = pick(4) == 0;
        QString src = v6 ? addresses.at(6 + pick(3)) : addresses.at(pick(6) == 0 ? 9 : pick(6));
        QString dst = v6 ? addresses.at(6 + pick(3)) : addresses.at(pick(6) == 0 ? 9 : pick(6));
        if (wide) {
            src = v6 ? QStringLiteral("2001:db8::%1").arg(pick(3000), 0, 16)
                     : QStringLiteral("10.0.%1.%2").arg(pick(100)).arg(pick(100));
            dst = v6 ? QStringLiteral("2001:db8:1::%1").arg(pick(40), 0, 16) : QStringLiteral("198.51.100.%1").arg(pick(40));
            if (pick(2) == 0)
                std::swap(src, dst);
        }
        r.src = IpAddress::parse(src.toStdString());
        r.dst = IpAddress::parse(dst.toStdString());
        if (const int p = ports.at(pick(ports.size())); p >= 0)
            r.srcPort = p;
        if (const int p = ports.at(pick(ports.size())); p >= 0)
            r.dstPort = p;
        if (const int p = protocols.at(pick(protocols.size())); p >= 0)
            r.protocol = p;
        if (pick(10) != 0)
            r.packets = static_cast<quint64>(pick(4));
        if (pick(10) != 0)
            r.bytes = static_cast<quint64>(pick(4) * 100);
        if (pick(12) != 0)
            r.accept = pick(3) != 0;
        out += QStringLiteral("2 %1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 OK\n")
                   .arg(account, eni, src, dst, text(r.srcPort), text(r.dstPort), text(r.protocol), text(r.packets),
                        text(r.bytes))
                   .arg(text(r.start), text(r.end),
                        r.accept ? (*r.accept ? QStringLiteral("ACCEPT") : QStringLiteral("REJECT")) : QStringLiteral("-"))
                   .toUtf8();
        truths.push_back(r);
    }
    return out;
}

} // namespace


class TestTrafficStats : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    std::unique_ptr<CaseDb> m_edges;
    // Random cases and the records written into them.
    std::vector<std::pair<std::unique_ptr<CaseDb>, std::vector<Truth>>> m_random;
    std::unique_ptr<CaseDb> m_large;
    static constexpr int kLargeRecords = 20000;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("s.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);

        test::writeFile(m_dir.filePath(QStringLiteral("edges.log")), kEdgeRecords);
        m_edges = CaseDb::open(m_dir.filePath(QStringLiteral("edges.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_edges).run({m_dir.filePath(QStringLiteral("edges.log")).toStdString()}, {}).records, 7u);

        for (const auto &[seed, count] :
             {std::pair(1u, 3000), std::pair(2u, 300), std::pair(3u, 40), std::pair(4u, 30000)}) {
            std::vector<Truth> truths;
            const QString log = m_dir.filePath(QStringLiteral("random%1.log").arg(seed));
            test::writeFile(log, randomRecords(seed, count, truths, seed == 4));
            auto caseDb = CaseDb::open(m_dir.filePath(QStringLiteral("random%1.flowcase").arg(seed)).toStdString(),
                                       CaseDb::Mode::CreateIfMissing);
            const auto report = CaseImporter(*caseDb).run({log.toStdString()}, {});
            QCOMPARE(report.records, static_cast<std::uint64_t>(count));
            m_random.emplace_back(std::move(caseDb), std::move(truths));
        }

        QByteArray large;
        for (int i = 0; i < kLargeRecords; ++i)
            large += QStringLiteral("2 111111111111 eni-a 10.0.%1.%2 198.51.100.%3 %4 443 6 1 100 %5 %6 ACCEPT OK\n")
                         .arg(i / 250 % 250)
                         .arg(i % 250)
                         .arg(i % 7)
                         .arg(40000 + i % 20000)
                         .arg(1700000000 + i)
                         .arg(1700000001 + i)
                         .toUtf8();
        test::writeFile(m_dir.filePath(QStringLiteral("large.log")), large);
        m_large = CaseDb::open(m_dir.filePath(QStringLiteral("large.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_large).run({m_dir.filePath(QStringLiteral("large.log")).toStdString()}, {}).records,
                 std::uint64_t(kLargeRecords));
    }

    void rankedAsBruteForce_data()
    {
        QTest::addColumn<int>("kind"); // 0 conversations, 1 by service, 2 addresses, 3 ENIs
        QTest::addColumn<StatsOrder>("order");
        QTest::addColumn<SortDirection>("direction");
        const char *kinds[] = {"conversations", "service conversations", "addresses", "enis"};
        const std::pair<StatsOrder, const char *> orders[] = {
            {StatsOrder::Flows, "flows"},         {StatsOrder::Packets, "packets"},
            {StatsOrder::Bytes, "bytes"},         {StatsOrder::Accepts, "accepts"},
            {StatsOrder::Rejects, "rejects"},     {StatsOrder::FirstSeen, "first seen"},
            {StatsOrder::LastSeen, "last seen"}};
        for (int kind = 0; kind < 4; ++kind)
            for (const auto &[order, name] : orders)
                for (const SortDirection direction : {SortDirection::Descending, SortDirection::Ascending})
                    QTest::addRow("%s by %s %s", kinds[kind], name,
                                  direction == SortDirection::Descending ? "desc" : "asc")
                        << kind << order << direction;
    }

    // Every key counted, the first rows in the order asked, ties in key
    // order, and the number of keys: as a full sort of every key would give.
    void rankedAsBruteForce()
    {
        QFETCH(int, kind);
        QFETCH(StatsOrder, order);
        QFETCH(SortDirection, direction);
        for (const auto &[caseDb, truths] : m_random) {
            QStringList expected;
            if (kind <= 1) {
                std::map<ConversationTruthKey, TrafficTotals> groups;
                for (const Truth &r : truths) {
                    if (!r.src || !r.dst)
                        continue;
                    const bool srcFirst = compareAddresses(*r.src, *r.dst) <= 0;
                    ConversationTruthKey key{srcFirst ? *r.src : *r.dst, srcFirst ? *r.dst : *r.src, {}, {}};
                    if (kind == 1) {
                        key.protocol = r.protocol;
                        if (r.srcPort && r.dstPort)
                            key.port = std::min(*r.srcPort, *r.dstPort);
                    }
                    addTo(groups[key], r);
                }
                for (const auto &[key, totals] : rankAll(groups, order, direction))
                    expected << conversationText(key.a, key.b, key.protocol, key.port, totals);
            } else if (kind == 2) {
                std::map<AddressTruthKey, TrafficTotals> groups;
                for (const Truth &r : truths) {
                    if (r.src)
                        addTo(groups[{*r.src}], r);
                    if (r.dst && !(r.src && *r.src == *r.dst))
                        addTo(groups[{*r.dst}], r);
                }
                for (const auto &[key, totals] : rankAll(groups, order, direction))
                    expected << QString::fromStdString(key.address.toString()) + QLatin1Char(' ') + totalsText(totals);
            } else {
                std::map<QString, TrafficTotals> groups;
                for (const Truth &r : truths)
                    if (!r.eni.isEmpty())
                        addTo(groups[r.eni], r);
                for (const auto &[key, totals] : rankAll(groups, order, direction))
                    expected << key + QLatin1Char(' ') + totalsText(totals);
            }
            QVERIFY(expected.size() > 3);
            for (const int top : {0, 1, 7, 100000}) {
                StatsQuery query;
                query.top = static_cast<std::size_t>(top);
                query.order = order;
                query.direction = direction;
                QStringList actual;
                std::uint64_t total = 0;
                if (kind <= 1) {
                    const auto stats = conversationStats(
                        *caseDb, kind == 1 ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses, query);
                    for (const Conversation &c : stats.rows)
                        actual << conversationText(c.a, c.b, c.protocol ? std::optional<int>(*c.protocol) : std::nullopt,
                                                   c.port ? std::optional<int>(*c.port) : std::nullopt, c.totals);
                    total = stats.total;
                } else {
                    const auto stats =
                        endpointStats(*caseDb, kind == 2 ? EndpointKey::Address : EndpointKey::Interface, query);
                    for (const Endpoint &e : stats.rows)
                        actual << QString::fromStdString(e.key) + QLatin1Char(' ') + totalsText(e.totals);
                    total = stats.total;
                }
                QCOMPARE(actual, expected.mid(0, top));
                QCOMPARE(total, static_cast<std::uint64_t>(expected.size()));
            }
        }
    }

    void orderNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("order"); // -1: not an order
        QTest::newRow("bytes") << "bytes" << int(StatsOrder::Bytes);
        QTest::newRow("rejects") << "rejects" << int(StatsOrder::Rejects);
        QTest::newRow("first-seen") << "first-seen" << int(StatsOrder::FirstSeen);
        QTest::newRow("last_seen as the output names it") << "last_seen" << int(StatsOrder::LastSeen);
        QTest::newRow("unknown") << "colour" << -1;
        QTest::newRow("case matters") << "Bytes" << -1;
    }

    void orderNames()
    {
        QFETCH(QString, name);
        QFETCH(int, order);
        const auto parsed = parseStatsOrder(name.toStdString());
        QCOMPARE(parsed ? int(*parsed) : -1, order);
        if (parsed)
            QCOMPARE(parseStatsOrder(statsOrderName(*parsed)), parsed);
    }

    void cancelledScanStopsEarly_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("conversations") << 0;
        QTest::newRow("service conversations") << 1;
        QTest::newRow("addresses") << 2;
        QTest::newRow("enis") << 3;
    }

    // A stale query stops at its next poll: the records it goes on to
    // filter are counted, not timed. Two threads scan; only the caller's
    // polls, so what is asserted holds however the two are scheduled (on a
    // busy host the other thread may take every block of this small case).
    void cancelledScanStopsEarly()
    {
        QFETCH(int, kind);
        auto run = [&](const StatsQuery &query) {
            if (kind <= 1)
                return conversationStats(*m_large, kind ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses,
                                         query)
                    .total;
            return endpointStats(*m_large, kind == 2 ? EndpointKey::Address : EndpointKey::Interface, query).total;
        };
        const std::thread::id caller = std::this_thread::get_id();
        std::atomic<std::uint64_t> filtered = 0; // the filter runs on both scanning threads
        std::atomic<std::uint64_t> filteredByCaller = 0;
        std::vector<std::uint64_t> polls;
        bool polledElsewhere = false;
        StatsQuery query;
        query.accept = [&](const EncodedFlow &) {
            if (std::this_thread::get_id() == caller)
                ++filteredByCaller;
            return ++filtered > 0;
        };
        auto record = [&](bool stop) {
            return [&polls, &polledElsewhere, caller, stop](std::uint64_t read) {
                polledElsewhere = polledElsewhere || std::this_thread::get_id() != caller;
                polls.push_back(read);
                return stop;
            };
        };
        query.cancelled = record(false);
        QVERIFY(run(query) > 0);
        QCOMPARE(filtered.load(), std::uint64_t(kLargeRecords)); // a full scan filters every record
        QVERIFY(!polledElsewhere);
        // Every thousand or so records the caller's thread reads, and once at the end.
        QVERIFY(polls.size() >= filteredByCaller.load() / 1024 + 1);
        QVERIFY(std::is_sorted(polls.begin(), polls.end()));
        QCOMPARE(polls.back(), std::uint64_t(kLargeRecords));

        filtered = 0;
        polls.clear();
        query.cancelled = record(true); // a newer request came
        QVERIFY_THROWS_EXCEPTION(StatsCancelled, run(query));
        QCOMPARE(polls.size(), std::size_t(1));
        // Blocks are counted as they are opened: after the poll, the other
        // thread finishes at most the block it holds, and opens no other.
        QVERIFY(filtered.load() <= polls.front() + kBlockCapacity);
        if (polls.front() + kBlockCapacity < std::uint64_t(kLargeRecords))
            QVERIFY(filtered.load() < std::uint64_t(kLargeRecords));

        // Without a filter (the columns read in one go): polled from the
        // caller's thread only, and stopped at once.
        query.accept = {};
        polls.clear();
        query.cancelled = record(false);
        QCOMPARE(run(query), run(StatsQuery{}));
        QVERIFY(!polledElsewhere);
        QVERIFY(std::is_sorted(polls.begin(), polls.end()));
        QCOMPARE(polls.back(), std::uint64_t(kLargeRecords));
        polls.clear();
        query.cancelled = record(true);
        QVERIFY_THROWS_EXCEPTION(StatsCancelled, run(query));
        QCOMPARE(polls.size(), std::size_t(1));
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
        // Addresses tie in address order, as conversations do (10.0.0.9 before 10.0.0.10).
        const QStringList byBytes{"2001:db8::1 2 600", "2001:db8::2 2 600", "198.51.100.1 2 140", "10.0.0.9 1 70",
                                  "10.0.0.10 1 70",    "10.0.0.5 3 60",     "10.0.0.6 3 60"};
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

    // Flows, accepts and rejects are kept in 32 bits with the overflow beside them.
    void countsCarryPast32Bits()
    {
        StatsEntry<std::uint32_t> entry;
        entry.flowsLow = entry.acceptsLow = entry.rejectsLow = 0xFFFFFFFFU;
        FlowSample accept;
        accept.accept = 1;
        FlowSample reject;
        reject.reject = 1;
        entry.add(accept);
        entry.add(reject);
        QCOMPARE(entry.flows(), (std::uint64_t(1) << 32) + 1);
        QCOMPARE(entry.accepts(), std::uint64_t(1) << 32);
        QCOMPARE(entry.rejects(), std::uint64_t(1) << 32);
        StatsEntry<std::uint32_t> sum;
        sum.add(entry);
        sum.add(entry);
        QCOMPARE(sum.totals().flows, (std::uint64_t(1) << 33) + 2);
        QCOMPARE(sum.totals().accepts, std::uint64_t(1) << 33);
        QCOMPARE(sum.totals().rejects, std::uint64_t(1) << 33);
    }

    // With a filter, a scan decodes only the columns the filter and the
    // statistic read: the same rows as a brute force over every field.
    void filteredAsBruteForce()
    {
        for (const auto &[caseDb, truths] : m_random) {
            std::map<ConversationTruthKey, TrafficTotals> groups;
            for (const Truth &r : truths) {
                const bool matches = r.accept && !*r.accept && ((r.srcPort && *r.srcPort < 1024) || (r.dstPort && *r.dstPort < 1024));
                if (!matches || !r.src || !r.dst)
                    continue;
                const bool srcFirst = compareAddresses(*r.src, *r.dst) <= 0;
                addTo(groups[{srcFirst ? *r.src : *r.dst, srcFirst ? *r.dst : *r.src, {}, {}}], r);
            }
            QStringList expected;
            for (const auto &[key, totals] : rankAll(groups, StatsOrder::Bytes, SortDirection::Descending))
                expected << conversationText(key.a, key.b, key.protocol, key.port, totals);
            QVERIFY(expected.size() > 3);
            const auto compiled = CaseFilter::compile(*caseDb, "action == reject and port < 1024");
            const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
            StatsQuery query;
            query.top = 100000;
            query.accept = filter->predicate();
            query.acceptColumns = filter->columnsRead();
            query.blocks = filter->blocks();
            QStringList actual;
            for (const Conversation &c : conversationStats(*caseDb, ConversationKey::Addresses, query).rows)
                actual << conversationText(c.a, c.b, std::nullopt, std::nullopt, c.totals);
            QCOMPARE(actual, expected);
        }
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
