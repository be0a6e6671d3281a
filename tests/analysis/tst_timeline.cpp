// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline bucket arithmetic (spreading, edges, exact totals) and timelines of
// small cases with known answers: flows, spread bytes, coverage, a filter.

#include "analysis/timeline.h"
#include "analysis/timeline_coverage.h"
#include "analysis/timeline_rollups.h"
#include "analysis/timeline_scale.h"
#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/time_buckets.h"
#include "test_files.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <limits>
#include <numeric>
#include <random>

using namespace flowscope;

namespace {

// Coverage gaps: eni-x has two touching NODATA records, a later one, and a
// SKIPDATA record overlapping the first; eni-y one short NODATA record.
const QByteArray kCoverageRecords =
    "2 123456789010 eni-x - - - - - - - 1700001000 1700001059 - NODATA\n"
    "2 123456789010 eni-x - - - - - - - 1700001060 1700001119 - NODATA\n"
    "2 123456789010 eni-x - - - - - - - 1700001500 1700001559 - NODATA\n"
    "2 123456789010 eni-x - - - - - - - 1700001030 1700001200 - SKIPDATA\n"
    "2 123456789010 eni-y - - - - - - - 1700001000 1700001010 - NODATA\n";

std::unique_ptr<CaseDb> importCase(const QTemporaryDir &dir, const QString &name, const QByteArray &records,
                                   std::uint64_t expected)
{
    const QString input = dir.filePath(name + QStringLiteral(".log"));
    test::writeFile(input, records);
    auto caseDb = CaseDb::open(dir.filePath(name + QStringLiteral(".flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
    if (CaseImporter(*caseDb).run({input.toStdString()}, {}).records != expected)
        return nullptr;
    return caseDb;
}

// Version 2 records at random times over about `hours`, in several blocks:
// spans from zero to twenty minutes, a few NODATA
// and SKIPDATA records, three ENIs.
QByteArray randomRecords(std::uint64_t seed, int count, int hours)
{
    std::mt19937_64 random(seed);
    QByteArray out;
    const std::int64_t origin = 1700000000;
    for (int i = 0; i < count; ++i) {
        const std::int64_t start = origin + std::int64_t(random() % std::uint64_t(hours * 3600));
        const std::int64_t end = start + std::int64_t(i % 97 == 0 ? 0 : random() % 1200);
        const QByteArray eni = "eni-" + QByteArray::number(int(random() % 3));
        const int kind = int(random() % 50);
        if (kind == 0 || kind == 1) {
            out += "2 123456789010 " + eni + " - - - - - - - " + QByteArray::number(start) + ' '
                + QByteArray::number(end) + " - " + (kind == 0 ? "NODATA" : "SKIPDATA") + '\n';
            continue;
        }
        out += "2 123456789010 " + eni + " 10.0.0." + QByteArray::number(int(random() % 200)) + " 10.0.1.9 "
            + QByteArray::number(int(random() % 65536)) + " 443 6 " + QByteArray::number(int(random() % 50 + 1)) + ' '
            + QByteArray::number(qulonglong(random() % 100000)) + ' ' + QByteArray::number(start) + ' '
            + QByteArray::number(end) + (kind < 8 ? " REJECT OK\n" : " ACCEPT OK\n");
    }
    return out;
}

std::shared_ptr<const CaseFilter> compile(CaseDb &caseDb, std::string_view expression)
{
    auto compiled = CaseFilter::compile(caseDb, expression);
    return std::get<std::shared_ptr<const CaseFilter>>(compiled);
}

QList<qulonglong> column(const Timeline &timeline, std::uint64_t TimelineBucket::*member)
{
    QList<qulonglong> out;
    for (const TimelineBucket &b : timeline.buckets)
        out.append(b.*member);
    return out;
}

QList<qulonglong> coverageColumn(const Timeline &timeline, std::uint32_t TimelineBucket::*member)
{
    QList<qulonglong> out;
    for (const TimelineBucket &b : timeline.buckets)
        out.append(b.*member);
    return out;
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_traffic;
    std::unique_ptr<CaseDb> m_gaps;
    std::unique_ptr<CaseDb> m_random;
    QHash<int, std::shared_ptr<CaseDb>> m_rollupCases;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_traffic = importCase(m_dir, QStringLiteral("traffic"), test::smallTrafficRecords(), 5);
        m_gaps = importCase(m_dir, QStringLiteral("gaps"), kCoverageRecords, 5);
        QVERIFY(m_traffic && m_gaps);
    }

    // A grid of five 10-second buckets from 0: [0,10), [10,20) ... [40,50).
    void bucketArithmetic_data()
    {
        QTest::addColumn<qlonglong>("start");
        QTest::addColumn<qlonglong>("end");
        QTest::addColumn<qulonglong>("value");
        QTest::addColumn<bool>("spread");
        QTest::addColumn<QList<qulonglong>>("expected");
        const qulonglong max = std::numeric_limits<std::uint64_t>::max();
        const qulonglong third = max / 3;
        QTest::newRow("one bucket") << 2LL << 7LL << 100ULL << true << QList<qulonglong>{100, 0, 0, 0, 0};
        // Five seconds each side: equal remainders, the earlier bucket gets the odd one.
        QTest::newRow("two buckets, tie") << 5LL << 14LL << 7ULL << true << QList<qulonglong>{4, 3, 0, 0, 0};
        QTest::newRow("many buckets") << 5LL << 34LL << 30ULL << true << QList<qulonglong>{5, 10, 10, 5, 0};
        QTest::newRow("many buckets, remainder") << 0LL << 29LL << 10ULL << true << QList<qulonglong>{4, 3, 3, 0, 0};
        QTest::newRow("largest remainder wins") << 7LL << 19LL << 10ULL << true << QList<qulonglong>{2, 8, 0, 0, 0};
        QTest::newRow("on both boundaries") << 10LL << 19LL << 9ULL << true << QList<qulonglong>{0, 9, 0, 0, 0};
        QTest::newRow("end second on a boundary") << 10LL << 20LL << 11ULL << true << QList<qulonglong>{0, 10, 1, 0, 0};
        QTest::newRow("zero length") << 15LL << 15LL << 8ULL << true << QList<qulonglong>{0, 8, 0, 0, 0};
        QTest::newRow("end before start") << 15LL << 3LL << 8ULL << true << QList<qulonglong>{0, 8, 0, 0, 0};
        QTest::newRow("no spread") << 5LL << 34LL << 30ULL << false << QList<qulonglong>{30, 0, 0, 0, 0};
        QTest::newRow("past the grid end") << 35LL << 64LL << 30ULL << true << QList<qulonglong>{0, 0, 0, 5, 10};
        QTest::newRow("before the grid") << -10LL << 9LL << 20ULL << true << QList<qulonglong>{10, 0, 0, 0, 0};
        QTest::newRow("no spread, starts before the grid") << -5LL << 3LL << 9ULL << false << QList<qulonglong>{0, 0, 0, 0, 0};
        QTest::newRow("largest value") << 0LL << 29LL << max << true << QList<qulonglong>{third, third, third, 0, 0};
    }

    void bucketArithmetic()
    {
        QFETCH(qlonglong, start);
        QFETCH(qlonglong, end);
        QFETCH(qulonglong, value);
        QFETCH(bool, spread);
        QFETCH(QList<qulonglong>, expected);
        const BucketGrid grid{0, 10, 5};
        std::vector<std::uint64_t> buckets(grid.count);
        addToBuckets(grid, start, end, value, spread, buckets);
        QCOMPARE(QList<qulonglong>(buckets.begin(), buckets.end()), expected);
    }

    void coveredBuckets()
    {
        const BucketGrid grid{100, 10, 5};
        QCOMPARE(grid.indexOf(99), -1);
        QCOMPARE(grid.indexOf(90), -1);
        QCOMPARE(grid.indexOf(89), -2);
        QCOMPARE(grid.startOf(3), 130);
        QVERIFY(!grid.covered(0, 99));
        QVERIFY(!grid.covered(150, 200));
        const auto inside = grid.covered(95, 121);
        QVERIFY(inside);
        QCOMPARE(inside->first, 0u);
        QCOMPARE(inside->last, 2u);
        QCOMPARE(grid.covered(149, 1000)->last, 4u);
    }

    // Whatever the span and the width, the shares add up to the value, and
    // none is a whole unit away from the exact proportional share.
    void totalsPreservedOnRandomRecords()
    {
        std::mt19937_64 random(20240601);
        for (int i = 0; i < 20000; ++i) {
            const std::int64_t width = std::uniform_int_distribution<std::int64_t>(1, 120)(random);
            const std::int64_t start = std::uniform_int_distribution<std::int64_t>(0, 5000)(random);
            const std::int64_t end = start + std::uniform_int_distribution<std::int64_t>(-2, 3000)(random);
            const std::uint64_t value = i % 3 == 0 ? random() : random() % 1000;
            const BucketGrid grid{0, width, static_cast<std::size_t>(8001 / width + 1)};
            std::vector<std::uint64_t> buckets(grid.count);
            addToBuckets(grid, start, end, value, true, buckets);
            const std::uint64_t total = std::accumulate(buckets.begin(), buckets.end(), std::uint64_t(0));
            QCOMPARE(total, value);
            const long double length = static_cast<long double>(std::max(start, end) - start + 1);
            for (std::size_t b = 0; b < buckets.size(); ++b) {
                const std::int64_t lo = std::max(start, grid.startOf(b));
                const std::int64_t hi = std::min(std::max(start, end) + 1, grid.startOf(b + 1));
                const long double exact = hi > lo ? static_cast<long double>(value) * (hi - lo) / length : 0;
                QVERIFY(std::abs(static_cast<long double>(buckets[b]) - exact) < 1.0L + exact * 1e-15L);
            }
        }
    }

    void flowsGoByStart()
    {
        TimelineOptions options;
        options.bucketSeconds = 100;
        const Timeline t = computeTimeline(*m_traffic, *compile(*m_traffic, ""), options);
        QCOMPARE(t.bucketSeconds, 100);
        QCOMPARE(t.buckets.size(), 7u); // 1700000000 through the NODATA record's last second, 1700000600
        QCOMPARE(t.buckets.front().start, 1700000000);
        QCOMPARE(t.buckets.back().start, 1700000600);
        QCOMPARE(column(t, &TimelineBucket::accept), (QList<qulonglong>{1, 1, 0, 1, 0, 0, 0}));
        QCOMPARE(column(t, &TimelineBucket::reject), (QList<qulonglong>{0, 0, 1, 0, 0, 0, 0}));
        // The NODATA record counts as neither: it has no action.
        QCOMPARE(coverageColumn(t, &TimelineBucket::nodataEnis), (QList<qulonglong>{1, 1, 1, 1, 1, 1, 1}));
        QCOMPARE(t.untimed, 0u);
    }

    void bytesSpreadAcrossBuckets()
    {
        TimelineOptions options;
        options.bucketSeconds = 50;
        options.metric = TimelineMetric::Bytes;
        const Timeline t = computeTimeline(*m_traffic, *compile(*m_traffic, ""), options);
        QCOMPARE(t.buckets.size(), 13u);
        // 100 bytes over 61 seconds: 50 in the first bucket, 11 in the next.
        QCOMPARE(column(t, &TimelineBucket::accept).mid(0, 9), (QList<qulonglong>{82, 18, 164, 36, 0, 0, 820, 180, 0}));
        QCOMPARE(column(t, &TimelineBucket::reject).mid(0, 6), (QList<qulonglong>{0, 0, 0, 0, 41, 9}));

        options.spread = false;
        const Timeline whole = computeTimeline(*m_traffic, *compile(*m_traffic, ""), options);
        QCOMPARE(column(whole, &TimelineBucket::accept).mid(0, 9), (QList<qulonglong>{100, 0, 200, 0, 0, 0, 1000, 0, 0}));

        options.spread = true;
        options.metric = TimelineMetric::Packets;
        const Timeline packets = computeTimeline(*m_traffic, *compile(*m_traffic, ""), options);
        const auto accepted = column(packets, &TimelineBucket::accept);
        QCOMPARE(std::accumulate(accepted.begin(), accepted.end(), 0ULL), 7ULL);
    }

    void givenRangeAndBucketCap()
    {
        TimelineOptions options;
        options.bucketSeconds = 100;
        options.range = TimeRange{1700000150, 1700000350};
        const Timeline t = computeTimeline(*m_traffic, *compile(*m_traffic, ""), options);
        QCOMPARE(t.buckets.size(), 3u); // aligned: 1700000100, 200, 300
        QCOMPARE(t.buckets.front().start, 1700000100);
        QCOMPARE(column(t, &TimelineBucket::accept), (QList<qulonglong>{1, 0, 1}));

        options.range.reset();
        options.bucketSeconds = 1;
        options.maxBuckets = 100;
        QVERIFY_THROWS_EXCEPTION(TimelineError, computeTimeline(*m_traffic, *compile(*m_traffic, ""), options));
        options.bucketSeconds = 0;
        QVERIFY_THROWS_EXCEPTION(TimelineError, computeTimeline(*m_traffic, *compile(*m_traffic, ""), options));
    }

    void filterNarrows()
    {
        TimelineOptions options;
        options.bucketSeconds = 100;
        const Timeline eniA = computeTimeline(*m_traffic, *compile(*m_traffic, "eni == eni-a"), options);
        QCOMPARE(eniA.buckets.size(), 4u); // the range of eni-a's records only
        QCOMPARE(column(eniA, &TimelineBucket::accept), (QList<qulonglong>{1, 1, 0, 1}));
        QCOMPARE(column(eniA, &TimelineBucket::reject), (QList<qulonglong>{0, 0, 0, 0}));
        QVERIFY(eniA.coverage.empty());

        const Timeline none = computeTimeline(*m_traffic, *compile(*m_traffic, "eni == eni-nowhere"), options);
        QVERIFY(none.buckets.empty());
    }

    // A given range reads only the blocks it touches; its buckets are the
    // whole timeline's buckets over that range, whatever the filter.
    void rangeIsASliceOfTheWhole_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("metric");
        QTest::addColumn<bool>("spread");
        QTest::newRow("flows") << "" << int(TimelineMetric::Flows) << true;
        QTest::newRow("bytes spread") << "" << int(TimelineMetric::Bytes) << true;
        QTest::newRow("packets by start") << "" << int(TimelineMetric::Packets) << false;
        QTest::newRow("filtered bytes") << "eni == eni-1 or action == reject" << int(TimelineMetric::Bytes) << true;
    }

    void rangeIsASliceOfTheWhole()
    {
        QFETCH(QString, filter);
        QFETCH(int, metric);
        QFETCH(bool, spread);
        if (!m_random) {
            m_random = importCase(m_dir, QStringLiteral("random"), randomRecords(7, 20000, 6), 20000);
            QVERIFY(m_random);
        }
        const auto compiled = compile(*m_random, filter.toStdString());
        TimelineOptions options;
        options.bucketSeconds = 300;
        options.metric = static_cast<TimelineMetric>(metric);
        options.spread = spread;
        const Timeline whole = computeTimeline(*m_random, *compiled, options);
        QVERIFY(whole.buckets.size() > 60);
        for (const auto &[from, to] : {std::pair{10, 20}, std::pair{0, 3}, std::pair{40, 75}}) {
            options.range = TimeRange{whole.buckets[std::size_t(from)].start, whole.buckets[std::size_t(to)].start};
            const Timeline part = computeTimeline(*m_random, *compiled, options);
            QCOMPARE(part.buckets.size(), std::size_t(to - from));
            for (std::size_t i = 0; i < part.buckets.size(); ++i) {
                const TimelineBucket &a = part.buckets[i];
                const TimelineBucket &b = whole.buckets[std::size_t(from) + i];
                QCOMPARE(a.start, b.start);
                QCOMPARE(a.accept, b.accept);
                QCOMPARE(a.reject, b.reject);
                QCOMPARE(a.nodataEnis, b.nodataEnis);
                QCOMPARE(a.skipdataEnis, b.skipdataEnis);
            }
        }
    }

    // Whole-minute widths add minutes up: a record's bytes are shared among
    // minutes first (what the per-minute rollups hold), so a wide bucket is
    // exactly the sum of the minute buckets inside it, from either path.
    void wholeMinuteBucketsAreSumsOfMinutes_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qlonglong>("width");
        QTest::newRow("5 min") << "" << 300LL;
        QTest::newRow("1 h") << "" << 3600LL;
        QTest::newRow("filtered, 2 min") << "action == reject or srcaddr == 10.0.0.7" << 120LL;
        QTest::newRow("filtered, 15 min") << "eni == eni-2" << 900LL;
    }

    void wholeMinuteBucketsAreSumsOfMinutes()
    {
        QFETCH(QString, filter);
        QFETCH(qlonglong, width);
        if (!m_random) {
            m_random = importCase(m_dir, QStringLiteral("random"), randomRecords(7, 20000, 6), 20000);
            QVERIFY(m_random);
        }
        const auto compiled = compile(*m_random, filter.toStdString());
        TimelineOptions options;
        options.metric = TimelineMetric::Bytes;
        options.bucketSeconds = 60;
        const Timeline minutes = computeTimeline(*m_random, *compiled, options);
        options.bucketSeconds = width;
        const Timeline wide = computeTimeline(*m_random, *compiled, options);
        QVERIFY(!wide.buckets.empty());
        std::size_t m = 0;
        std::uint64_t total = 0;
        for (const TimelineBucket &bucket : wide.buckets) {
            std::uint64_t accept = 0, reject = 0;
            for (; m < minutes.buckets.size() && minutes.buckets[m].start < bucket.start + width; ++m) {
                QVERIFY(minutes.buckets[m].start >= bucket.start);
                accept += minutes.buckets[m].accept;
                reject += minutes.buckets[m].reject;
            }
            QCOMPARE(bucket.accept, accept);
            QCOMPARE(bucket.reject, reject);
            total += accept + reject;
        }
        QCOMPARE(m, minutes.buckets.size());
        QVERIFY(total > 0);
    }

    // Under a filter the gaps shown are those of the ENIs the selected
    // records came from: `action == reject` selects no NODATA record, yet
    // the evidence missing on those ENIs must still show.
    // NODATA is shaded only where no bucket holds a record: an idle ENI
    // beside busy ones is not.
    void quietIntervalsLeaveBusyBucketsOut()
    {
        Timeline timeline;
        timeline.bucketSeconds = 60;
        timeline.range = {0, 240};
        timeline.buckets = {{0, 5, 0, 1, 0}, {60, 0, 0, 1, 0}, {120, 0, 0, 2, 0}, {180, 0, 1, 1, 0}};
        timeline.coverage = {{"eni-a", {{0, 150, LogStatus::NoData}}}, {"eni-b", {{170, 240, LogStatus::NoData}}}};
        const auto quiet = quietIntervals(timeline);
        QCOMPARE(quiet.size(), std::size_t(2));
        QCOMPARE(quiet[0].begin, 60);
        QCOMPARE(quiet[0].end, 150);
        QCOMPARE(quiet[1].begin, 170);
        QCOMPARE(quiet[1].end, 180);
        timeline.buckets[1].accept = 1;
        timeline.buckets[2].reject = 1;
        QVERIFY(quietIntervals(timeline).empty());
    }

    void coverageFollowsTheEnisInScope()
    {
        if (!m_random) {
            m_random = importCase(m_dir, QStringLiteral("random"), randomRecords(7, 20000, 6), 20000);
            QVERIFY(m_random);
        }
        TimelineOptions options;
        options.bucketSeconds = 600;
        const Timeline all = computeTimeline(*m_random, *compile(*m_random, ""), options);
        const Timeline rejects = computeTimeline(*m_random, *compile(*m_random, "action == reject"), options);
        const Timeline one = computeTimeline(*m_random, *compile(*m_random, "action == reject and eni == eni-1"), options);
        QCOMPARE(all.coverage.size(), 3u);
        QCOMPARE(rejects.coverage.size(), 3u);
        for (std::size_t i = 0; i < all.coverage.size(); ++i) {
            QCOMPARE(rejects.coverage[i].eni, all.coverage[i].eni);
            // Cut to the (here equal) grids, the intervals are the same.
            QCOMPARE(rejects.coverage[i].intervals.size(), all.coverage[i].intervals.size());
        }
        QCOMPARE(one.coverage.size(), 1u);
        QCOMPARE(QString::fromStdString(one.coverage[0].eni), QStringLiteral("eni-1"));
        std::uint32_t counted = 0;
        for (const TimelineBucket &b : one.buckets) {
            QVERIFY(b.nodataEnis <= 1 && b.skipdataEnis <= 1);
            counted += b.nodataEnis + b.skipdataEnis;
        }
        QVERIFY(counted > 0);
    }

    // A timeline of whole minutes whose filter reads only what the rollups
    // keep comes from the rollups the import wrote; it must be the very
    // timeline the records give, for every metric, with and without
    // spreading, over any range.
    void rollupsEqualRecords_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("metric");
        QTest::addColumn<bool>("spread");
        QTest::addColumn<qlonglong>("width");
        QTest::addColumn<qlonglong>("rangeBegin"); // from the first record; -1: no range
        QTest::addColumn<qlonglong>("rangeLength");
        QTest::addColumn<QString>("filter");
        // Filters that read only what a rollup row keeps.
        const QStringList filters{QString(), QStringLiteral("action == reject"), QStringLiteral("eni == eni-1"),
                                  QStringLiteral("log-status == nodata or action == accept and eni != eni-2"),
                                  QStringLiteral("account-id == 123456789010 and not action == reject")};
        int row = 0;
        for (const int seed : {11, 12, 13}) {
            for (const auto metric : {TimelineMetric::Flows, TimelineMetric::Bytes, TimelineMetric::Packets}) {
                for (const bool spread : {true, false}) {
                    const qlonglong width = std::array<qlonglong, 3>{60, 300, 3600}[std::size_t(row % 3)];
                    const qlonglong begin = std::array<qlonglong, 3>{-1, 1234, 7777}[std::size_t(row % 3)];
                    const qlonglong length = std::array<qlonglong, 3>{0, 3 * 3600 + 17, 5000}[std::size_t(row % 3)];
                    QTest::addRow("seed %d metric %d spread %d width %lld begin %lld filter %d", seed, int(metric),
                                  int(spread), width, begin, row % int(filters.size()))
                        << seed << int(metric) << spread << width << begin << length
                        << filters[row % filters.size()];
                    ++row;
                }
            }
        }
    }

    void rollupsEqualRecords()
    {
        QFETCH(int, seed);
        QFETCH(int, metric);
        QFETCH(bool, spread);
        QFETCH(qlonglong, width);
        QFETCH(qlonglong, rangeBegin);
        QFETCH(qlonglong, rangeLength);
        QFETCH(QString, filter);
        const QString name = QStringLiteral("rollups-%1").arg(seed);
        if (!m_rollupCases.contains(seed)) {
            // Several imports into one case, with spans longer than a day.
            QTemporaryDir &dir = m_dir;
            auto caseDb = importCase(dir, name, randomRecords(std::uint64_t(seed), 9000, 30), 9000);
            QVERIFY(caseDb);
            const QString more = dir.filePath(name + QStringLiteral("-more.log"));
            test::writeFile(more, randomRecords(std::uint64_t(seed) + 100, 3000, 30)
                                      + "2 123456789010 eni-1 10.0.0.1 10.0.1.9 5 443 6 10 123456 1700000100 1700200100 ACCEPT OK\n"
                                        "2 123456789010 eni-2 - - - - - - - 1700050000 1700250000 - NODATA\n");
            QCOMPARE(CaseImporter(*caseDb).run({more.toStdString()}, {}).records, 3002u);
            m_rollupCases.insert(seed, std::shared_ptr<CaseDb>(std::move(caseDb)));
        }
        CaseDb &caseDb = *m_rollupCases.value(seed);
        QVERIFY(hasTimelineRollups(caseDb));
        TimelineOptions options;
        options.metric = static_cast<TimelineMetric>(metric);
        options.spread = spread;
        options.bucketSeconds = width;
        if (rangeBegin >= 0)
            options.range = TimeRange{1700000000 + rangeBegin, 1700000000 + rangeBegin + rangeLength};
        if (rangeBegin < 0 && !filter.isEmpty())
            options.caseRange = true; // as the view asks: a filtered timeline over the case's extent
        const auto selection = compile(caseDb, filter.toStdString());
        const Timeline fromRollups = computeTimeline(caseDb, *selection, options);
        options.allowRollups = false;
        const Timeline fromRecords = computeTimeline(caseDb, *selection, options);
        QVERIFY(!fromRecords.buckets.empty());
        QCOMPARE(fromRollups.bucketSeconds, fromRecords.bucketSeconds);
        QCOMPARE(fromRollups.range.begin, fromRecords.range.begin);
        QCOMPARE(fromRollups.range.end, fromRecords.range.end);
        QCOMPARE(fromRollups.untimed, fromRecords.untimed);
        QCOMPARE(fromRollups.buckets.size(), fromRecords.buckets.size());
        for (std::size_t i = 0; i < fromRecords.buckets.size(); ++i) {
            const TimelineBucket &a = fromRollups.buckets[i];
            const TimelineBucket &b = fromRecords.buckets[i];
            QCOMPARE(a.start, b.start);
            QCOMPARE(a.accept, b.accept);
            QCOMPARE(a.reject, b.reject);
            QCOMPARE(a.nodataEnis, b.nodataEnis);
            QCOMPARE(a.skipdataEnis, b.skipdataEnis);
        }
        QCOMPARE(fromRollups.coverage.size(), fromRecords.coverage.size());
        for (std::size_t e = 0; e < fromRecords.coverage.size(); ++e) {
            QCOMPARE(fromRollups.coverage[e].eni, fromRecords.coverage[e].eni);
            const auto &x = fromRollups.coverage[e].intervals;
            const auto &y = fromRecords.coverage[e].intervals;
            QCOMPARE(x.size(), y.size());
            for (std::size_t i = 0; i < x.size(); ++i) {
                QCOMPARE(x[i].begin, y[i].begin);
                QCOMPARE(x[i].end, y[i].end);
                QVERIFY(x[i].status == y[i].status);
            }
        }
    }

    // A scan of records stops when cancelled (reading rollups is too quick to need it).
    void cancelledStops()
    {
        TimelineOptions options;
        options.allowRollups = false;
        int polls = 0;
        options.cancelled = [&polls] { return ++polls > 0; };
        QVERIFY_THROWS_EXCEPTION(TimelineCancelled, computeTimeline(*m_traffic, *compile(*m_traffic, ""), options));
        QVERIFY(polls > 0);
        options.cancelled = [] { return false; };
        QCOMPARE(computeTimeline(*m_traffic, *compile(*m_traffic, ""), options).buckets.size(), 11u);
    }

    void autoBucketWidth_data()
    {
        QTest::addColumn<qlonglong>("range");
        QTest::addColumn<int>("maxBuckets");
        QTest::addColumn<qlonglong>("expected");
        QTest::newRow("a minute in 100") << 60LL << 100 << 1LL;
        QTest::newRow("10 minutes in 100") << 600LL << 100 << 10LL;
        QTest::newRow("ten minutes in 200") << 600LL << 200 << 5LL;
        QTest::newRow("just over ten minutes: a minute at least") << 601LL << 200 << 60LL;
        QTest::newRow("half an hour in 200") << 1800LL << 200 << 60LL;
        QTest::newRow("a day in 200") << 86400LL << 200 << 600LL;
        QTest::newRow("exactly fits") << 6000LL << 100 << 60LL;
        QTest::newRow("one over") << 6001LL << 100 << 120LL;
        QTest::newRow("a year: a day however many") << 365LL * 86400 << 100 << 86400LL;
        QTest::newRow("empty range") << 0LL << 100 << 1LL;
        QTest::newRow("no room") << 600LL << 0 << 600LL;
    }

    void autoBucketWidth()
    {
        QFETCH(qlonglong, range);
        QFETCH(int, maxBuckets);
        QFETCH(qlonglong, expected);
        QCOMPARE(autoBucketSeconds(range, maxBuckets), expected);
    }

    // Auto width: the round width for the extent, and the extent reported.
    void targetBucketsChoosesTheWidth()
    {
        TimelineOptions options;
        options.bucketSeconds = 0; // ignored
        options.targetBuckets = 10;
        const Timeline t = computeTimeline(*m_traffic, *compile(*m_traffic, ""), options);
        QCOMPARE(t.range.begin, 1700000000);
        QCOMPARE(t.range.end, 1700000601);
        QCOMPARE(t.bucketSeconds, 120); // 601 s in at most 10 buckets
        QCOMPARE(t.buckets.size(), 6u);
        options.range = TimeRange{1700000000, 1700000060};
        QCOMPARE(computeTimeline(*m_traffic, *compile(*m_traffic, ""), options).bucketSeconds, 10);
    }

    void coverageIntervalsAndEnis()
    {
        TimelineOptions options;
        options.bucketSeconds = 100;
        const Timeline t = computeTimeline(*m_gaps, *compile(*m_gaps, ""), options);
        QCOMPARE(t.buckets.size(), 6u); // 1700001000 .. 1700001500
        QCOMPARE(coverageColumn(t, &TimelineBucket::nodataEnis), (QList<qulonglong>{2, 1, 0, 0, 0, 1}));
        QCOMPARE(coverageColumn(t, &TimelineBucket::skipdataEnis), (QList<qulonglong>{1, 1, 1, 0, 0, 0}));
        QCOMPARE(column(t, &TimelineBucket::accept), (QList<qulonglong>{0, 0, 0, 0, 0, 0}));

        QCOMPARE(t.coverage.size(), 2u);
        QCOMPARE(QString::fromStdString(t.coverage[0].eni), QStringLiteral("eni-x"));
        const auto &x = t.coverage[0].intervals;
        QCOMPARE(x.size(), 3u);
        // The touching NODATA records merge: [1000, 1060) and [1060, 1120).
        QCOMPARE(x[0].begin, 1700001000);
        QCOMPARE(x[0].end, 1700001120);
        QVERIFY(x[0].status == LogStatus::NoData);
        QCOMPARE(x[1].begin, 1700001030);
        QCOMPARE(x[1].end, 1700001201);
        QVERIFY(x[1].status == LogStatus::SkipData);
        QCOMPARE(x[2].begin, 1700001500);
        QCOMPARE(x[2].end, 1700001560);
        QCOMPARE(QString::fromStdString(t.coverage[1].eni), QStringLiteral("eni-y"));
        QCOMPARE(t.coverage[1].intervals.size(), 1u);
        QCOMPARE(t.coverage[1].intervals[0].end, 1700001011);

        // What the view shades and names: the union over ENIs, and who is missing when.
        const auto nodata = coverageUnion(t, LogStatus::NoData);
        QCOMPARE(nodata.size(), 2u);
        QCOMPARE(nodata[0].begin, 1700001000); // eni-y's [1000, 1011) lies inside eni-x's
        QCOMPARE(nodata[0].end, 1700001120);
        QCOMPARE(nodata[1].begin, 1700001500);
        const auto skipdata = coverageUnion(t, LogStatus::SkipData);
        QCOMPARE(skipdata.size(), 1u);
        QCOMPARE(skipdata[0].end, 1700001201);
        using Names = std::vector<std::string>;
        QCOMPARE(enisMissingIn(t, {1700001005, 1700001006}, LogStatus::NoData), (Names{"eni-x", "eni-y"}));
        QCOMPARE(enisMissingIn(t, {1700001011, 1700001012}, LogStatus::NoData), (Names{"eni-x"}));
        QCOMPARE(enisMissingIn(t, {1700001120, 1700001121}, LogStatus::NoData), Names{});
        QCOMPARE(enisMissingIn(t, {1700001200, 1700001201}, LogStatus::SkipData), (Names{"eni-x"}));
        QCOMPARE(enisMissingIn(t, {1700001201, 1700001202}, LogStatus::SkipData), Names{});
        QCOMPARE(enisMissingIn(t, {1700001100, 1700001500}, LogStatus::NoData), (Names{"eni-x"}));
        QCOMPARE(enisMissingIn(t, {1700001120, 1700001500}, LogStatus::NoData), Names{});

        const Timeline onlyY = computeTimeline(*m_gaps, *compile(*m_gaps, "eni == eni-y"), options);
        QCOMPARE(onlyY.coverage.size(), 1u);
        QCOMPARE(coverageColumn(onlyY, &TimelineBucket::nodataEnis), (QList<qulonglong>{1}));
    }
};

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
