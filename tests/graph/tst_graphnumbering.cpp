// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers the graph sums by: addresses' networks numbered in order or
// out of it, and nodes ranked heaviest first by id, ids given as strings or
// as ASCII characters, against plain comparisons.

#include "graph/network_numbers.h"
#include "graph/node_order.h"
#include "graph/outside_groups.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <numeric>

using namespace flowscope;
using namespace flowscope::graph;

namespace {

IpAddress address(const char *text) { return *IpAddress::parse(text); }

} // namespace

class TestGraphNumbering : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void networksNumberedAsTheirPrefixes_data()
    {
        QTest::addColumn<QStringList>("addresses");
        QTest::newRow("in order") << QStringList{"10.0.0.1", "10.0.0.9", "10.0.1.1", "198.51.100.7", "198.51.100.200",
                                                 "2001:db8:1::1", "2001:db8:1:ff::2", "2001:db8:2::1"};
        QTest::newRow("some out of order") << QStringList{"10.0.0.1", "10.0.1.1", "198.51.100.7", "2001:db8:1::1",
                                                          "10.0.0.0", "198.51.100.0", "203.0.113.5", "2001:db8:1:ff::2",
                                                          "203.0.113.9", "10.0.1.200"};
        QTest::newRow("none in order") << QStringList{"198.51.100.7", "10.0.0.1", "10.0.0.2", "198.51.100.8"};
    }
    void networksNumberedAsTheirPrefixes()
    {
        QFETCH(QStringList, addresses);
        AddressNumbers numbers;
        NetworkNumbers networks;
        // Numbered in two goes, as a filtered graph numbers its networks after the totals' addresses.
        const qsizetype half = addresses.size() / 2;
        for (qsizetype i = 0; i < addresses.size(); ++i) {
            numbers.number(address(addresses[i].toLatin1().constData()));
            if (i + 1 == half)
                networks.cover(numbers);
        }
        networks.cover(numbers);
        QCOMPARE(networks.covered(), numbers.size());
        // Two addresses share a number exactly when they share a prefix, and numbers are dense.
        std::map<QString, std::uint32_t> byPrefix;
        for (std::uint32_t n = 0; n < numbers.size(); ++n) {
            const std::uint32_t network = networks.of(numbers, n);
            QVERIFY(network < networks.count());
            const auto [it, created] = byPrefix.try_emplace(prefixOf(numbers.address(n)), network);
            QCOMPARE(it->second, network);
        }
        std::map<std::uint32_t, QString> byNumber;
        for (const auto &[prefix, network] : byPrefix)
            QVERIFY(byNumber.try_emplace(network, prefix).second);
        QCOMPARE(byNumber.size(), networks.count());
    }

    void writesTheV4PrefixAsText()
    {
        for (const char *text : {"0.0.0.0", "9.8.7.6", "10.20.30.40", "255.255.255.255", "198.51.100.200"}) {
            char out[kV4PrefixMaxSize];
            const std::size_t size = writeV4Prefix(address(text).v4(), out);
            QCOMPARE(QString::fromLatin1(out, static_cast<qsizetype>(size)), prefixOf(address(text)));
        }
    }

    void ranksHeaviestFirstThenById_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QList<int>>("weights");
        QTest::newRow("ASCII, 16 characters and longer") << QStringList{"255.255.255.0/24", "255.255.255.0/24x",
                                                                          "255.255.255.0/2", "10.0.0.0/24",
                                                                          "eni-0123456789abcdef0", "eni-0123456789abcdef"}
                                                          << QList<int>{5, 5, 5, 5, 5, 7};
        QTest::newRow("outside ASCII") << QStringList{"ioc:Ä-list", "ioc:A-list", "9.0.0.0/24", "10.0.0.0/24"}
                                       << QList<int>{1, 1, 1, 2};
    }
    void ranksHeaviestFirstThenById()
    {
        QFETCH(QStringList, ids);
        QFETCH(QList<int>, weights);
        // Each id given once as a string and, where ASCII, once more as characters.
        NodeRanking ranking;
        std::vector<std::pair<std::uint64_t, QString>> nodes;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const auto weight = static_cast<std::uint64_t>(weights[i]);
            ranking.add(weight, ids[i]);
            nodes.emplace_back(weight, ids[i]);
            const QByteArray ascii = ids[i].toLatin1();
            if (ids[i].size() == ascii.size() && std::all_of(ascii.begin(), ascii.end(), [](char c) { return c > 0; })) {
                ranking.addAscii(weight, ascii.constData(), static_cast<std::size_t>(ascii.size()));
                nodes.emplace_back(weight, ids[i]);
            }
        }
        std::vector<std::uint32_t> expected(nodes.size());
        std::iota(expected.begin(), expected.end(), 0U);
        std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t x, std::uint32_t y) {
            return nodes[x].first != nodes[y].first ? nodes[x].first > nodes[y].first : nodes[x].second < nodes[y].second;
        });
        const std::vector<std::uint32_t> order = ranking.heaviestFirst();
        QCOMPARE(order.size(), expected.size());
        // Equal ids may come in either order: compare what is ranked.
        for (std::size_t i = 0; i < order.size(); ++i) {
            QCOMPARE(nodes[order[i]].first, nodes[expected[i]].first);
            QCOMPARE(nodes[order[i]].second, nodes[expected[i]].second);
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphNumbering)
#include "tst_graphnumbering.moc"
