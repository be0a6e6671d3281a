// SPDX-License-Identifier: GPL-3.0-or-later
// A statistic's tables filled from the scan's threads at once hold every key
// once with the totals of all its samples, whichever thread saw them: keys
// shared by both threads, keys only one saw, many more keys than a batch
// handed between threads or a gathering table holds, and none at all.

#include "analysis/partitioned_stats_tables.h"
#include "analysis/traffic_stats_entry.h"

#include <QTest>

#include <map>
#include <random>
#include <thread>

using namespace flowscope;

namespace {

struct Expected {
    std::uint64_t flows = 0, packets = 0, bytes = 0, accepts = 0, rejects = 0;
    std::int64_t first = INT64_MAX, last = INT64_MIN;
};

} // namespace

class TestPartitionedStatsTables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKeyOnceWithAllItsSamples_data()
    {
        QTest::addColumn<int>("keys");
        QTest::addColumn<int>("samplesPerWorker");
        QTest::addColumn<bool>("oneAfterTheOther"); // a thread that takes no batches while the other runs
        QTest::newRow("nothing") << 100 << 0 << false;
        QTest::newRow("a few keys, many samples") << 50 << 20000 << false;
        QTest::newRow("more keys than a gathering table") << 20000 << 60000 << false;
        QTest::newRow("keys mostly seen once") << 300000 << 200000 << false;
        QTest::newRow("batches not taken, kept aside") << 300000 << 200000 << true;
    }

    void everyKeyOnceWithAllItsSamples()
    {
        QFETCH(int, keys);
        QFETCH(int, samplesPerWorker);
        QFETCH(bool, oneAfterTheOther);
        static_assert(kScanWorkers == 2);
        PartitionedStatsTables<StatsEntry<std::uint64_t>, FlowSample> tables;
        // The samples each worker adds, decided before the threads start.
        std::array<std::vector<std::pair<std::uint64_t, FlowSample>>, kScanWorkers> samples;
        std::map<std::uint64_t, Expected> expected;
        std::mt19937_64 random(static_cast<std::uint64_t>(keys) * 31 + static_cast<std::uint64_t>(samplesPerWorker));
        for (std::size_t worker = 0; worker < kScanWorkers; ++worker) {
            for (int i = 0; i < samplesPerWorker; ++i) {
                // Worker 1 also has keys of its own, above the shared ones.
                const std::uint64_t key = random() % static_cast<std::uint64_t>(keys) + (worker == 1 && i % 3 == 0 ? 1u << 30 : 0);
                FlowSample s;
                s.packets = random() % 100;
                s.bytes = random() % 100000;
                s.accept = random() % 4 != 0;
                s.reject = !s.accept && random() % 2;
                s.hasStart = s.hasEnd = 1;
                s.start = static_cast<std::int64_t>(random() % 100000);
                s.end = s.start + static_cast<std::int64_t>(random() % 600);
                samples[worker].emplace_back(key, s);
                Expected &e = expected[key];
                ++e.flows;
                e.packets += s.packets;
                e.bytes += s.bytes;
                e.accepts += s.accept;
                e.rejects += s.reject;
                e.first = std::min(e.first, s.start);
                e.last = std::max(e.last, s.end);
            }
        }
        const auto addAll = [&](std::size_t worker) {
            for (const auto &[key, sample] : samples[worker])
                tables.add(worker, key, sample);
        };
        std::thread other;
        if (oneAfterTheOther) { // worker 0's batches for worker 1 wait until it runs, far more than may wait
            addAll(0);
            other = std::thread(addAll, 1);
        } else {
            other = std::thread(addAll, 1);
            addAll(0);
        }
        other.join();
        tables.join();

        QCOMPARE(tables.size(), expected.size());
        std::map<std::uint64_t, bool> seen;
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const StatsEntry<std::uint64_t> &entry = tables.at(i);
            QVERIFY2(!seen[entry.key], "a key has two entries");
            seen[entry.key] = true;
            const auto it = expected.find(entry.key);
            QVERIFY2(it != expected.end(), "a key no sample had");
            const Expected &e = it->second;
            const TrafficTotals t = entry.totals();
            QCOMPARE(t.flows, e.flows);
            QCOMPARE(t.packets, e.packets);
            QCOMPARE(t.bytes, e.bytes);
            QCOMPARE(t.accepts, e.accepts);
            QCOMPARE(t.rejects, e.rejects);
            QCOMPARE(t.firstSeen, std::optional<std::int64_t>(e.first));
            QCOMPARE(t.lastSeen, std::optional<std::int64_t>(e.last));
        }
    }
};

QTEST_GUILESS_MAIN(TestPartitionedStatsTables)
#include "tst_partitionedstatstables.moc"
