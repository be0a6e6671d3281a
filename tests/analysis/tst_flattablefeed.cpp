// SPDX-License-Identifier: GPL-3.0-or-later
// A FlatTableFeed adds every sample to its key's one entry, as a plain map
// would: keys new and old, a key repeated within the feed's look-ahead (its
// entry not yet made when the look-ahead finds none), and enough keys that
// the table grows while samples are in flight. And the hashing and
// comparing of keys that the feed and the statistics share.

#include "analysis/flat_table.h"
#include "analysis/traffic_stats_entry.h"

#include <QTest>

#include <map>
#include <random>

using namespace flowscope;

namespace {

struct Expected {
    std::uint64_t flows = 0, packets = 0, bytes = 0;
    std::int64_t first = INT64_MAX;
};

} // namespace

// A conversation's key as the statistics lay it out: two address words and
// one of flags, protocol and port.
struct ThreeWords {
    std::uint32_t a = 0, b = 0, extra = 0;
};

class TestFlatTableFeed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A key hashed from its fields in registers hashes as its bytes do, so a
    // table that grows (and rehashes its keys from their bytes) finds it.
    void twoWordHashIsTheKeysHash()
    {
        std::mt19937_64 random(12);
        for (int i = 0; i < 100000; ++i) {
            const ThreeWords key{static_cast<std::uint32_t>(random()), static_cast<std::uint32_t>(random()),
                                 static_cast<std::uint32_t>(random() % 4 == 0 ? 0 : random())};
            QCOMPARE(hashTwoWords(std::uint64_t(key.a) | std::uint64_t(key.b) << 32, key.extra),
                     FlatTable<StatsEntry<ThreeWords>>::hashOf(key));
        }
    }

    // Keys whose bytes differ anywhere, the 4-byte tail included, differ.
    void keysCompareByEveryByte()
    {
        const ThreeWords key{1, 2, 3};
        QVERIFY(sameKey(key, ThreeWords{1, 2, 3}));
        QVERIFY(!sameKey(key, ThreeWords{0, 2, 3}));
        QVERIFY(!sameKey(key, ThreeWords{1, 0, 3}));
        QVERIFY(!sameKey(key, ThreeWords{1, 2, 3U | 1U << 31}));
        struct Odd {
            std::uint8_t bytes[7];
        };
        QVERIFY(sameKey(Odd{{1, 2, 3, 4, 5, 6, 7}}, Odd{{1, 2, 3, 4, 5, 6, 7}}));
        QVERIFY(!sameKey(Odd{{1, 2, 3, 4, 5, 6, 7}}, Odd{{1, 2, 3, 4, 5, 6, 8}}));
    }

    void everySampleOnItsKeysEntry_data()
    {
        QTest::addColumn<int>("keys");
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("runLength"); // a key repeated this many times in a row
        QTest::newRow("fewer samples than the look-ahead") << 10 << 20 << 1;
        QTest::newRow("one key over and over") << 1 << 5000 << 1;
        QTest::newRow("repeats within the look-ahead") << 40 << 20000 << 3;
        QTest::newRow("many keys, the table growing") << 200000 << 600000 << 1;
        QTest::newRow("mostly new keys") << 1000000 << 400000 << 2;
    }

    void everySampleOnItsKeysEntry()
    {
        QFETCH(int, keys);
        QFETCH(int, samples);
        QFETCH(int, runLength);
        FlatTable<StatsEntry<std::uint64_t>> table;
        std::map<std::uint64_t, Expected> expected;
        std::mt19937_64 random(static_cast<std::uint64_t>(keys) * 7 + static_cast<std::uint64_t>(samples));
        {
            FlatTableFeed<StatsEntry<std::uint64_t>, FlowSample> feed(table);
            std::uint64_t key = 0;
            for (int i = 0; i < samples; ++i) {
                if (i % runLength == 0)
                    key = random() % static_cast<std::uint64_t>(keys) * 0x9E3779B1ULL; // spread over the words
                FlowSample s;
                s.packets = random() % 100;
                s.bytes = random() % 100000;
                s.hasStart = 1;
                s.start = static_cast<std::int64_t>(random() % 100000);
                feed.add(key, s);
                Expected &e = expected[key];
                ++e.flows;
                e.packets += s.packets;
                e.bytes += s.bytes;
                e.first = std::min(e.first, s.start);
            }
            feed.finish();
        }
        QCOMPARE(table.size(), expected.size());
        std::map<std::uint64_t, bool> seen;
        for (std::size_t i = 0; i < table.size(); ++i) {
            const auto &entry = table.at(i);
            QVERIFY2(!seen[entry.key], "a key has two entries");
            seen[entry.key] = true;
            const auto it = expected.find(entry.key);
            QVERIFY2(it != expected.end(), "a key no sample had");
            const TrafficTotals t = entry.totals();
            QCOMPARE(t.flows, it->second.flows);
            QCOMPARE(t.packets, it->second.packets);
            QCOMPARE(t.bytes, it->second.bytes);
            QCOMPARE(t.firstSeen, std::optional<std::int64_t>(it->second.first));
        }
    }
};

QTEST_GUILESS_MAIN(TestFlatTableFeed)
#include "tst_flattablefeed.moc"
