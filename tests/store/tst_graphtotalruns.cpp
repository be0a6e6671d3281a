// SPDX-License-Identifier: GPL-3.0-or-later
// The graph's totals kept as sorted runs: a run reads back as written
// (across pieces, IPv4 and IPv6, services, negative sums), runs holding the
// same keys read as their sums with keys left without flows skipped, and a
// merge keeps those sums while the number of runs stays small.

#include "store/graph_total_runs.h"
#include "store/graph_traffic_totals.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"

#include <QTest>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <tuple>
#include <vector>

using namespace flowscope;

namespace {

using Key = std::tuple<std::uint32_t, int, int, std::string, std::string, std::uint32_t, std::uint32_t>;
struct Sums {
    std::int64_t flows = 0, packets = 0, bytes = 0, accepts = 0, rejects = 0;
    bool operator==(const Sums &) const = default;
};
// Addresses as text sort differently from addresses: the map only collects.
using Expected = std::map<Key, Sums>;

struct Database {
    std::unique_ptr<sqlite3, int (*)(sqlite3 *)> db{nullptr, sqlite3_close_v2};
    Database()
    {
        sqlite3 *raw = nullptr;
        if (sqlite3_open(":memory:", &raw) != SQLITE_OK)
            throw std::runtime_error("cannot open an in-memory database");
        db.reset(raw);
        migrateSchema(raw, 0);
    }
    sqlite3 *get() const { return db.get(); }
};

IpAddress randomAddress(std::mt19937 &random)
{
    // A few hundred IPv4 addresses over the whole range and some IPv6 ones.
    if (random() % 10 == 0) {
        IpAddress a;
        a.family = IpAddress::Family::V6;
        a.bytes = {0x20, 0x01, 0x0d, 0xb8};
        a.bytes[15] = static_cast<std::uint8_t>(random() % 40);
        return a;
    }
    return IpAddress::fromV4(static_cast<std::uint32_t>(random() % 300) * 14315123u);
}

// A run of `count` random keys (their sums signed by `sign`), written and
// added to `expected`.
std::int64_t writeRandomRun(sqlite3 *db, std::mt19937 &random, std::size_t count, Expected &expected, int sign = 1)
{
    std::set<std::tuple<std::uint32_t, int, int, IpAddress, IpAddress, std::uint32_t, std::uint32_t>,
             bool (*)(const std::tuple<std::uint32_t, int, int, IpAddress, IpAddress, std::uint32_t, std::uint32_t> &,
                      const std::tuple<std::uint32_t, int, int, IpAddress, IpAddress, std::uint32_t, std::uint32_t> &)>
        keys([](const auto &a, const auto &b) {
            if (std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) != std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b)))
                return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
            if (!(std::get<3>(a) == std::get<3>(b)))
                return graphAddressLess(std::get<3>(a), std::get<3>(b));
            if (!(std::get<4>(a) == std::get<4>(b)))
                return graphAddressLess(std::get<4>(a), std::get<4>(b));
            return std::tie(std::get<5>(a), std::get<6>(a)) < std::tie(std::get<5>(b), std::get<6>(b));
        });
    while (keys.size() < count) {
        const bool service = random() % 20 == 0;
        keys.emplace(static_cast<std::uint32_t>(random() % 6), static_cast<int>(random() % 3), static_cast<int>(random() % 3),
                     randomAddress(random), randomAddress(random), service ? static_cast<std::uint32_t>(random() % 3) : 0,
                     service ? static_cast<std::uint32_t>(1 + random() % 3) : 0);
    }
    std::vector<IpAddress> addresses;
    for (const auto &key : keys) {
        addresses.push_back(std::get<3>(key));
        addresses.push_back(std::get<4>(key));
    }
    std::sort(addresses.begin(), addresses.end(), graphAddressLess);
    addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
    const auto position = [&addresses](const IpAddress &a) {
        return static_cast<std::uint32_t>(std::lower_bound(addresses.begin(), addresses.end(), a, graphAddressLess) - addresses.begin());
    };
    GraphTotalRunWriter writer(db, addresses);
    for (const auto &key : keys) {
        GraphTotalRow row;
        row.interface = std::get<0>(key);
        row.direction = static_cast<LoggedDirection>(std::get<1>(key));
        row.initiator = static_cast<FlowInitiator>(std::get<2>(key));
        row.src = position(std::get<3>(key));
        row.dst = position(std::get<4>(key));
        row.srcService = std::get<5>(key);
        row.dstService = std::get<6>(key);
        row.sums.flows = sign * static_cast<std::int64_t>(1 + random() % 3);
        row.sums.packets = sign * static_cast<std::int64_t>(random() % 100);
        row.sums.bytes = sign * static_cast<std::int64_t>(random() % 5000000000ULL);
        row.sums.accepts = sign * static_cast<std::int64_t>(random() % 2);
        row.sums.rejects = sign * static_cast<std::int64_t>(random() % 2);
        writer.add(row);
        Sums &sums = expected[Key(row.interface, std::get<1>(key), std::get<2>(key), std::get<3>(key).toString(),
                                  std::get<4>(key).toString(), row.srcService, row.dstService)];
        sums.flows += row.sums.flows;
        sums.packets += row.sums.packets;
        sums.bytes += row.sums.bytes;
        sums.accepts += row.sums.accepts;
        sums.rejects += row.sums.rejects;
    }
    return writer.finish();
}

Expected stored(sqlite3 *db)
{
    Expected out;
    GraphTrafficKey previous;
    bool first = true;
    readGraphTrafficTotals(db, [&](const GraphTrafficKey &key, const GraphTrafficSums &sums) {
        // Key order, each key once.
        if (!first) {
            const auto head = [](const GraphTrafficKey &k) { return std::tie(k.interface, k.direction, k.initiator); };
            QVERIFY(head(previous) <= head(key));
            if (head(previous) == head(key))
                QVERIFY(!graphAddressLess(key.src, previous.src));
        }
        first = false;
        previous = key;
        const Key k(key.interface, int(key.direction), int(key.initiator), key.src.toString(), key.dst.toString(),
                    key.srcService, key.dstService);
        QVERIFY(!out.count(k));
        out[k] = Sums{sums.flows, sums.packets, sums.bytes, sums.accepts, sums.rejects};
    });
    return out;
}

void dropZeroFlows(Expected &expected)
{
    std::erase_if(expected, [](const auto &entry) { return entry.second.flows == 0; });
}

} // namespace

class TestGraphTotalRuns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aRunReadsBackAsWritten_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("one") << 1;
        QTest::newRow("a piece") << int(kGraphRowsPerPiece);
        QTest::newRow("pieces") << int(kGraphRowsPerPiece * 2 + 77);
    }
    void aRunReadsBackAsWritten()
    {
        QFETCH(int, rows);
        Database db;
        std::mt19937 random(static_cast<unsigned>(rows));
        Expected expected;
        QVERIFY(writeRandomRun(db.get(), random, static_cast<std::size_t>(rows), expected) > 0);
        QCOMPARE(stored(db.get()), expected);
        QCOMPARE(queryInt(db.get(), "SELECT pieces FROM graph_total_run"),
                 static_cast<std::int64_t>((static_cast<std::size_t>(rows) + kGraphRowsPerPiece - 1) / kGraphRowsPerPiece));
    }

    void rowsReadAgainAfterRewind_data()
    {
        QTest::addColumn<int>("runs");
        QTest::newRow("one run") << 1;
        QTest::newRow("runs merged as read") << 3;
    }
    void rowsReadAgainAfterRewind()
    {
        QFETCH(int, runs);
        Database db;
        std::mt19937 random(11);
        Expected expected;
        for (int run = 0; run < runs; ++run)
            writeRandomRun(db.get(), random, kGraphRowsPerPiece + 500, expected);
        const auto readAll = [](GraphTotalsReader &reader) {
            std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::int64_t, std::int64_t>> rows;
            GraphTotalRow row;
            while (reader.next(row))
                rows.emplace_back(row.interface, row.src, row.dst, row.sums.flows, row.sums.bytes);
            return rows;
        };
        GraphTotalsReader reader(db.get());
        const std::size_t addresses = reader.addresses().size();
        const auto first = readAll(reader);
        QCOMPARE(first.size(), expected.size());
        // The addresses handed over, the rows read again the same, their positions still in the list.
        QCOMPARE(reader.takeAddresses().size(), addresses);
        QVERIFY(reader.addresses().empty());
        reader.rewind();
        QCOMPARE(readAll(reader), first);
        reader.rewind();
        GraphTotalRow row;
        QVERIFY(reader.next(row));
        QCOMPARE(std::get<1>(first.front()), row.src);
    }

    void runsReadAsTheirSums()
    {
        Database db;
        std::mt19937 random(7);
        Expected expected;
        for (int run = 0; run < 5; ++run)
            writeRandomRun(db.get(), random, 3000, expected);
        // Records taken away: a run of negative sums, some cancelling keys whole.
        Expected taken;
        std::mt19937 again(7);
        writeRandomRun(db.get(), again, 3000, taken, -1);
        for (const auto &[key, sums] : taken) {
            Sums &s = expected[key];
            s.flows += sums.flows, s.packets += sums.packets, s.bytes += sums.bytes;
            s.accepts += sums.accepts, s.rejects += sums.rejects;
        }
        dropZeroFlows(expected);
        QVERIFY(expected.size() > 3000);
        QCOMPARE(stored(db.get()), expected);
        QCOMPARE(graphTotalRuns(db.get()).size(), std::size_t{6});

        // Merged, the runs read the same.
        mergeGraphTotalRuns(db.get(), graphTotalRuns(db.get()).front().first);
        QCOMPARE(graphTotalRuns(db.get()).size(), std::size_t{1});
        QCOMPARE(stored(db.get()), expected);
        QCOMPARE(graphTotalRuns(db.get()).front().second, static_cast<std::int64_t>(expected.size()));
    }

    void mergesKeepFewRuns()
    {
        // Small runs one at a time, each merged as a file's end merges it:
        // older runs join while not much larger, so the count stays logarithmic.
        Database db;
        std::mt19937 random(11);
        Expected expected;
        std::size_t mostRuns = 0;
        for (int file = 0; file < 64; ++file) {
            const std::int64_t run = writeRandomRun(db.get(), random, 50, expected);
            mergeGraphTotalRuns(db.get(), run);
            mostRuns = std::max(mostRuns, graphTotalRuns(db.get()).size());
        }
        QVERIFY2(mostRuns <= 7, qPrintable(QString::number(mostRuns)));
        QCOMPARE(stored(db.get()), expected);
    }

    void gatheredTotalsWrittenInRunsReadAsOne()
    {
        // The gatherer's runs (addresses numbered as they come, sorted at
        // the write) merged at the end read as one gathering of every record.
        Database db;
        std::mt19937 random(3);
        std::vector<EncodedFlow> flows;
        for (int i = 0; i < 4000; ++i) {
            EncodedFlow f;
            f.present |= std::uint64_t(1) << static_cast<unsigned>(Field::SrcAddr);
            f.srcAddr = randomAddress(random);
            f.present |= std::uint64_t(1) << static_cast<unsigned>(Field::DstAddr);
            f.dstAddr = randomAddress(random);
            f.present |= std::uint64_t(1) << static_cast<unsigned>(Field::LogStatus);
            f.logStatus = LogStatus::Ok;
            f.interface = static_cast<std::uint32_t>(random() % 4);
            f.present |= std::uint64_t(1) << static_cast<unsigned>(Field::Bytes);
            f.bytes = random() % 10000;
            f.present |= std::uint64_t(1) << static_cast<unsigned>(Field::Action);
            f.action = random() % 3 ? Action::Accept : Action::Reject;
            flows.push_back(f);
        }
        GraphTrafficTotals inRuns;
        for (std::size_t i = 0; i < flows.size(); ++i) {
            inRuns.add(flows[i]);
            if (i % 500 == 499)
                inRuns.write(db.get());
        }
        inRuns.writeAndMerge(db.get());
        QCOMPARE(graphTotalRuns(db.get()).size(), std::size_t{1});
        const Expected merged = stored(db.get());

        Database once;
        GraphTrafficTotals whole;
        for (const EncodedFlow &f : flows)
            whole.add(f);
        whole.writeAndMerge(once.get());
        QCOMPARE(merged, stored(once.get()));
        QVERIFY(merged.size() > 1000);
    }

    void totalsGatherAgainAfterAFilesMerge()
    {
        // A large file's merge frees the gathering map; the next file's
        // records gather into it again and read as one gathering of both.
        Database db;
        std::mt19937 random(5);
        std::vector<EncodedFlow> flows;
        for (int i = 0; i < 3000; ++i) {
            EncodedFlow f;
            for (const Field field : {Field::SrcAddr, Field::DstAddr, Field::LogStatus, Field::Packets})
                f.present |= std::uint64_t(1) << static_cast<unsigned>(field);
            f.srcAddr = randomAddress(random);
            f.dstAddr = randomAddress(random);
            f.logStatus = LogStatus::Ok;
            f.packets = 1 + random() % 50;
            f.interface = static_cast<std::uint32_t>(random() % 3);
            flows.push_back(f);
        }
        GraphTrafficTotals files;
        for (std::size_t i = 0; i < flows.size(); ++i) {
            files.add(flows[i]);
            if (i % 400 == 399)
                files.write(db.get());
            if (i == 1999) // the end of the first file: several runs merged
                files.writeAndMerge(db.get());
        }
        files.writeAndMerge(db.get());
        QVERIFY(graphTotalRuns(db.get()).size() <= 2);

        Database once;
        GraphTrafficTotals whole;
        for (const EncodedFlow &f : flows)
            whole.add(f);
        whole.writeAndMerge(once.get());
        QCOMPARE(stored(db.get()), stored(once.get()));
    }

    void rowsOutOfOrderAreRefused()
    {
        Database db;
        GraphTotalRunWriter writer(db.get(), {IpAddress::fromV4(1), IpAddress::fromV4(2)});
        GraphTotalRow row;
        row.src = 1;
        row.sums.flows = 1;
        writer.add(row);
        row.src = 0;
        QVERIFY_THROWS_EXCEPTION(StoreError, writer.add(row));
        row.src = 2; // not in the run's list
        QVERIFY_THROWS_EXCEPTION(StoreError, writer.add(row));
    }
};

QTEST_GUILESS_MAIN(TestGraphTotalRuns)
#include "tst_graphtotalruns.moc"
