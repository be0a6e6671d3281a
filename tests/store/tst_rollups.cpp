// SPDX-License-Identifier: GPL-3.0-or-later
// What the store derives for the timeline: per-minute rollups with spread
// shares equal to the timeline's bucket arithmetic on a minute grid, records
// spanning over a day kept whole, coverage gaps merged across imports, the
// minute rows summed over the interfaces; on
// random cases against totals worked out here from the generated records,
// and on a format 2 case upgraded in place.

#include "format2_case.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/minute_rollup.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/time_buckets.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>
#include <tuple>

using namespace flowscope;

namespace {

// A generated record, kept to work the expected tables out without the store.
struct Raw {
    QByteArray account, eni; // "-" when absent; both absent: no interface
    std::optional<std::int64_t> start, end;
    std::optional<std::uint64_t> packets, bytes;
    int action = 2;    // 0 ACCEPT, 1 REJECT, 2 absent
    int logStatus = 3; // 0 OK, 1 NODATA, 2 SKIPDATA, 3 absent

    QByteArray context() const { return account + '/' + eni; }
    std::int64_t last() const { return end ? std::max(*start, *end) : *start; }
};

QByteArray optionalText(const auto &value) { return value ? QByteArray::number(*value) : QByteArray("-"); }

QByteArray line(const Raw &r)
{
    static const char *const kActions[] = {"ACCEPT", "REJECT", "-"};
    static const char *const kStatuses[] = {"OK", "NODATA", "SKIPDATA", "-"};
    const bool traffic = r.logStatus == 0 || r.logStatus == 3;
    return "2 " + r.account + ' ' + r.eni + (traffic ? " 10.0.0.1 10.0.0.2 40000 443 6 " : " - - - - - ")
        + optionalText(r.packets) + ' ' + optionalText(r.bytes) + ' ' + optionalText(r.start) + ' '
        + optionalText(r.end) + ' ' + kActions[r.action] + ' ' + kStatuses[r.logStatus] + '\n';
}

// Records over six hours from a round hour: spans of seconds to hours, some
// over a day (and one of exactly 1,440 minutes, one just over), NODATA and
// SKIPDATA runs that touch and overlap, and records without start, end,
// packets, bytes, action or interface.
std::vector<Raw> generate(std::uint64_t seed, int count, int gapPercent)
{
    std::mt19937_64 random(seed);
    auto below = [&](std::uint64_t n) { return random() % n; };
    const std::int64_t base = 1773100800; // a round hour
    const std::vector<std::pair<QByteArray, QByteArray>> contexts{
        {"111111111111", "eni-a"}, {"111111111111", "eni-b"}, {"222222222222", "eni-c"},
        {"222222222222", "eni-a"}, {"111111111111", "-"},     {"-", "-"}};
    std::vector<Raw> out;
    for (int i = 0; i < count; ++i) {
        Raw r;
        const auto &[account, eni] = contexts[below(10) < 7 ? below(3) : below(contexts.size())];
        r.account = account;
        r.eni = eni;
        if (below(100) < static_cast<std::uint64_t>(gapPercent)) {
            // Coverage gaps of a few ENIs, in runs of adjacent or overlapping minutes.
            r.logStatus = below(3) == 0 ? 2 : 1;
            r.start = base + static_cast<std::int64_t>(below(360)) * 60 + (below(4) == 0 ? 30 : 0);
            r.end = *r.start + static_cast<std::int64_t>(below(3) == 0 ? 59 : below(900));
        } else {
            r.logStatus = below(50) == 0 ? 3 : 0;
            r.action = below(40) == 0 ? 2 : (below(8) == 0 ? 1 : 0);
            if (below(60) != 0)
                r.start = base + static_cast<std::int64_t>(below(6 * 3600));
            const std::uint64_t kind = below(100);
            if (r.start && kind < 90) {
                const std::int64_t length = kind < 40 ? static_cast<std::int64_t>(below(60))
                    : kind < 75                       ? static_cast<std::int64_t>(below(600))
                    : kind < 85                       ? static_cast<std::int64_t>(below(4 * 3600))
                                                      : static_cast<std::int64_t>(86400 + below(2 * 86400));
                r.end = *r.start + length;
            }
            if (below(20) != 0)
                r.packets = below(100) == 0 ? (std::uint64_t(1) << 40) + below(1000) : below(5000);
            if (below(20) != 0)
                r.bytes = below(100) == 0 ? (std::uint64_t(1) << 44) + below(1000) : below(3000000);
        }
        out.push_back(r);
    }
    // The day's edge: 1,440 minutes are spread, 1,441 are kept whole.
    Raw day{"111111111111", "eni-b", base + 120, base + 120 + 1440 * 60 - 1, 7, 1000003, 0, 0};
    out.push_back(day);
    day.end = *day.end + 1;
    out.push_back(day);
    return out;
}

using MinuteKey = std::tuple<QByteArray, int, int, std::int64_t>; // context, action, status, minute
using MinuteRow = std::array<std::int64_t, 5>; // flows, packets, bytes, spread packets, spread bytes
using LongRow = std::tuple<QByteArray, int, int, std::int64_t, std::int64_t, std::int64_t, std::int64_t>;
using GapRow = std::tuple<QByteArray, int, std::int64_t, std::int64_t>; // context, status, begin, end

struct Expected {
    std::map<MinuteKey, MinuteRow> minutes;
    std::vector<LongRow> longSpans;
    std::vector<GapRow> gaps;
};

Expected expectedTables(const std::vector<Raw> &records)
{
    Expected e;
    // One minute grid over every record, and per key a bucket vector filled
    // the way the timeline fills its buckets.
    std::int64_t first = INT64_MAX;
    std::int64_t last = INT64_MIN;
    for (const Raw &r : records)
        if (r.start) {
            first = std::min(first, *r.start);
            last = std::max(last, r.last());
        }
    const BucketGrid grid{first - first % 60, 60, static_cast<std::size_t>((last - (first - first % 60)) / 60 + 1)};
    std::map<std::tuple<QByteArray, int, int>, std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>>> spread;
    std::map<std::tuple<QByteArray, int, int>, std::vector<std::pair<std::int64_t, std::int64_t>>> spans;
    for (const Raw &r : records) {
        if (!r.start)
            continue;
        const std::int64_t packets = static_cast<std::int64_t>(r.packets.value_or(0));
        const std::int64_t bytes = static_cast<std::int64_t>(r.bytes.value_or(0));
        MinuteRow &byStart = e.minutes[{r.context(), r.action, r.logStatus, *r.start - *r.start % 60}];
        byStart[0] += 1;
        byStart[1] += packets;
        byStart[2] += bytes;
        if (r.last() / 60 - *r.start / 60 + 1 > 1440) {
            e.longSpans.emplace_back(r.context(), r.action, r.logStatus, *r.start, r.last(), packets, bytes);
        } else {
            auto &[packetBuckets, byteBuckets] = spread[{r.context(), r.action, r.logStatus}];
            packetBuckets.resize(grid.count);
            byteBuckets.resize(grid.count);
            addToBuckets(grid, *r.start, r.last(), static_cast<std::uint64_t>(packets), true, packetBuckets);
            addToBuckets(grid, *r.start, r.last(), static_cast<std::uint64_t>(bytes), true, byteBuckets);
        }
        if ((r.logStatus == 1 || r.logStatus == 2) && r.context() != "-/-")
            spans[{r.context(), r.logStatus, 0}].emplace_back(*r.start, r.last() + 1);
    }
    for (const auto &[key, buckets] : spread)
        for (std::size_t b = 0; b < grid.count; ++b)
            if (buckets.first[b] || buckets.second[b]) {
                MinuteRow &row = e.minutes[{std::get<0>(key), std::get<1>(key), std::get<2>(key), grid.startOf(b)}];
                row[3] += static_cast<std::int64_t>(buckets.first[b]);
                row[4] += static_cast<std::int64_t>(buckets.second[b]);
            }
    for (auto &[key, list] : spans) {
        std::sort(list.begin(), list.end());
        std::pair<std::int64_t, std::int64_t> current = list.front();
        for (const auto &span : list) {
            if (span.first <= current.second) {
                current.second = std::max(current.second, span.second);
                continue;
            }
            e.gaps.emplace_back(std::get<0>(key), std::get<1>(key), current.first, current.second);
            current = span;
        }
        e.gaps.emplace_back(std::get<0>(key), std::get<1>(key), current.first, current.second);
    }
    std::sort(e.longSpans.begin(), e.longSpans.end());
    std::sort(e.gaps.begin(), e.gaps.end());
    return e;
}

// Interface id -> "account/eni", as the generator names contexts.
std::map<std::int64_t, QByteArray> contextNames(sqlite3 *db)
{
    std::map<std::int64_t, QByteArray> names{{0, "-/-"}};
    Statement rows(db, "SELECT i.id, coalesce(a.value, '-'), coalesce(e.value, '-') FROM interface i"
                       " LEFT JOIN dictionary a ON a.id = i.account_id LEFT JOIN dictionary e ON e.id = i.interface_id");
    while (rows.step())
        names[rows.int64(0)] = QByteArray::fromStdString(rows.text(1)) + '/' + QByteArray::fromStdString(rows.text(2));
    return names;
}

Expected storedTables(sqlite3 *db)
{
    const auto names = contextNames(db);
    Expected s;
    Statement minutes(db, "SELECT interface, action, log_status, minute, flows, packets, bytes, spread_packets, spread_bytes"
                          " FROM rollup_minute");
    while (minutes.step())
        s.minutes[{names.at(minutes.int64(0)), int(minutes.int64(1)), int(minutes.int64(2)), minutes.int64(3)}] =
            MinuteRow{minutes.int64(4), minutes.int64(5), minutes.int64(6), minutes.int64(7), minutes.int64(8)};
    Statement longSpans(db, "SELECT interface, action, log_status, start, last, packets, bytes FROM rollup_long_span");
    while (longSpans.step())
        s.longSpans.emplace_back(names.at(longSpans.int64(0)), int(longSpans.int64(1)), int(longSpans.int64(2)),
                                 longSpans.int64(3), longSpans.int64(4), longSpans.int64(5), longSpans.int64(6));
    Statement gaps(db, "SELECT interface, log_status, begin, end FROM coverage_gap");
    while (gaps.step())
        s.gaps.emplace_back(names.at(gaps.int64(0)), int(gaps.int64(1)), gaps.int64(2), gaps.int64(3));
    std::sort(s.longSpans.begin(), s.longSpans.end());
    std::sort(s.gaps.begin(), s.gaps.end());
    return s;
}

// The minute rows summed over the interfaces: "" as every context.
std::map<MinuteKey, MinuteRow> overInterfaces(const std::map<MinuteKey, MinuteRow> &minutes)
{
    std::map<MinuteKey, MinuteRow> sums;
    for (const auto &[key, row] : minutes) {
        MinuteRow &sum = sums[{QByteArray(), std::get<1>(key), std::get<2>(key), std::get<3>(key)}];
        for (std::size_t i = 0; i < row.size(); ++i)
            sum[i] += row[i];
    }
    return sums;
}

// rollup_minute_total as stored, keyed as overInterfaces() keys it.
std::map<MinuteKey, MinuteRow> storedMinuteTotals(sqlite3 *db)
{
    std::map<MinuteKey, MinuteRow> totals;
    Statement rows(db, "SELECT action, log_status, minute, flows, packets, bytes, spread_packets, spread_bytes"
                       " FROM rollup_minute_total");
    while (rows.step())
        totals[{QByteArray(), int(rows.int64(0)), int(rows.int64(1)), rows.int64(2)}] =
            MinuteRow{rows.int64(3), rows.int64(4), rows.int64(5), rows.int64(6), rows.int64(7)};
    return totals;
}

// The first difference between two minute tables, for a readable failure.
QByteArray firstDifference(const std::map<MinuteKey, MinuteRow> &actual, const std::map<MinuteKey, MinuteRow> &expected)
{
    auto describe = [](const MinuteKey &k, const MinuteRow *row) {
        QByteArray out = std::get<0>(k) + " action " + QByteArray::number(std::get<1>(k)) + " status "
            + QByteArray::number(std::get<2>(k)) + " minute " + QByteArray::number(std::get<3>(k)) + ": ";
        if (!row)
            return out + "none";
        for (const std::int64_t v : *row)
            out += QByteArray::number(v) + ' ';
        return out;
    };
    for (const auto &[key, row] : expected) {
        const auto it = actual.find(key);
        if (it == actual.end() || it->second != row)
            return "expected " + describe(key, &row) + "; stored " + describe(key, it == actual.end() ? nullptr : &it->second);
    }
    for (const auto &[key, row] : actual)
        if (!expected.count(key))
            return "stored but not expected: " + describe(key, &row);
    return {};
}

// Every table version 3 derives, as rows in text, to compare two cases.
QStringList derivedRows(sqlite3 *db)
{
    QStringList out;
    const std::pair<const char *, const char *> tables[] = {
        {"rollup_minute", "SELECT * FROM rollup_minute ORDER BY 1, 2, 3, 4"},
        {"rollup_minute_total", "SELECT * FROM rollup_minute_total ORDER BY 1, 2, 3"},
        {"rollup_long_span", "SELECT * FROM rollup_long_span ORDER BY 1, 2, 3, 4, 5"},
        {"coverage_gap", "SELECT * FROM coverage_gap ORDER BY 1, 2, 3"},
        {"ephemeral_port_block", "SELECT port, chunk, hex(blocks) FROM ephemeral_port_block ORDER BY 1, 2"}};
    for (const auto &[table, sql] : tables) {
        Statement rows(db, sql);
        while (rows.step()) {
            QString row = QString::fromLatin1(table) + QLatin1Char(':');
            for (int c = 0; c < sqlite3_column_count(rows.get()); ++c)
                row += QLatin1Char(' ') + QString::fromStdString(rows.text(c));
            out << row;
        }
    }
    return out;
}

EncodedFlow flow(std::int64_t start, std::optional<std::int64_t> end, std::uint64_t packets, std::uint64_t bytes)
{
    EncodedFlow f;
    f.present = 1ULL << static_cast<unsigned>(Field::Start) | 1ULL << static_cast<unsigned>(Field::Packets)
        | 1ULL << static_cast<unsigned>(Field::Bytes) | 1ULL << static_cast<unsigned>(Field::Action);
    f.start = start;
    if (end) {
        f.present |= 1ULL << static_cast<unsigned>(Field::End);
        f.end = *end;
    }
    f.packets = packets;
    f.bytes = bytes;
    f.interface = 1;
    return f;
}

// "minute: flows packets bytes spread-packets spread-bytes" per row, by minute.
QStringList rollupText(const MinuteRollup &rollup)
{
    std::map<std::int64_t, RollupTotals> byMinute;
    for (const auto &[key, totals] : rollup.totals())
        byMinute[key.minute] = totals;
    QStringList out;
    for (const auto &[minute, t] : byMinute)
        out << QStringLiteral("%1: %2 %3 %4 %5 %6").arg(minute).arg(t.flows).arg(t.packets).arg(t.bytes).arg(t.spreadPackets).arg(t.spreadBytes);
    return out;
}

} // namespace

class TestRollups : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Imports `records` split into `files` files, each in an import of its own.
    std::unique_ptr<CaseDb> importInto(const QString &name, const std::vector<Raw> &records, int files)
    {
        auto caseDb = CaseDb::open(m_dir.filePath(name + QStringLiteral(".flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        for (int f = 0; f < files; ++f) {
            QByteArray content;
            for (std::size_t i = static_cast<std::size_t>(f); i < records.size(); i += static_cast<std::size_t>(files))
                content += line(records[i]);
            const QString input = m_dir.filePath(name + QStringLiteral("-%1.log").arg(f));
            test::writeFile(input, content);
            // Random records repeat across files: every one counts here.
            ImportOptions options;
            options.keepDuplicates = true;
            const ImportReport report = CaseImporter(*caseDb).run({input.toStdString()}, options);
            if (report.errorCount != 0)
                qWarning() << QString::fromStdString(report.errors.front().reason);
        }
        return caseDb;
    }

private Q_SLOTS:
    // SpanShares is addToBuckets without a grid's bounds: the same shares,
    // wherever the grid begins.
    void sharesAreTheBucketArithmetic()
    {
        std::mt19937_64 random(7);
        for (int i = 0; i < 5000; ++i) {
            const std::int64_t width = 1 + static_cast<std::int64_t>(random() % 90);
            const std::int64_t origin = static_cast<std::int64_t>(random() % 2000) - 1000;
            const std::int64_t start = static_cast<std::int64_t>(random() % 4000) - 2000;
            const std::int64_t end = start + static_cast<std::int64_t>(random() % 3000) - 5;
            const std::uint64_t value = i % 4 == 0 ? random() : random() % 10000;
            const bool spread = i % 7 != 0;
            const SpanShares shares(BucketGrid{origin, width, 0}, start, end, value, spread);
            // A grid starting before the span's first bucket and ending after its last.
            const std::int64_t gridOrigin = origin + (shares.first() - 2) * width;
            const BucketGrid grid{gridOrigin, width, static_cast<std::size_t>(shares.last() - shares.first() + 5)};
            std::vector<std::uint64_t> buckets(grid.count);
            addToBuckets(grid, start, end, value, spread, buckets);
            for (std::size_t b = 0; b < grid.count; ++b)
                QCOMPARE(shares.at(shares.first() - 2 + static_cast<std::int64_t>(b)), buckets[b]);
        }
    }

    void minuteRollup_data()
    {
        QTest::addColumn<qlonglong>("start");
        QTest::addColumn<qlonglong>("end"); // -1: absent
        QTest::addColumn<qulonglong>("packets");
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<int>("longSpans");
        QTest::newRow("within a minute") << 65LL << 100LL << 3ULL << 30ULL << QStringList{"60: 1 3 30 3 30"} << 0;
        QTest::newRow("no end: the start second") << 65LL << -1LL << 3ULL << 30ULL << QStringList{"60: 1 3 30 3 30"} << 0;
        QTest::newRow("end before start") << 119LL << 30LL << 3ULL << 30ULL << QStringList{"60: 1 3 30 3 30"} << 0;
        // 10 seconds in the first minute, 50 in the second: 1/6 and 5/6.
        QTest::newRow("two minutes") << 110LL << 169LL << 6ULL << 60ULL << QStringList{"60: 1 6 60 1 10", "120: 0 0 0 5 50"} << 0;
        // Equal halves: the odd one to the earlier minute.
        QTest::newRow("tie") << 90LL << 149LL << 3ULL << 1ULL << QStringList{"60: 1 3 1 2 1", "120: 0 0 0 1 0"} << 0;
        QTest::newRow("nothing to spread") << 90LL << 149LL << 0ULL << 0ULL << QStringList{"60: 1 0 0 0 0"} << 0;
        // Before 1970 the minute is still the one holding the start.
        QTest::newRow("negative start") << -30LL << -1LL << 2ULL << 4ULL << QStringList{"-60: 1 2 4 2 4"} << 0;
        QTest::newRow("negative span") << -90LL << 29LL << 4ULL << 120ULL
                                       << QStringList{"-120: 1 4 120 1 30", "-60: 0 0 0 2 60", "0: 0 0 0 1 30"} << 0;
        QTest::newRow("1,440 minutes") << 0LL << 86399LL << 1440ULL << 0ULL << QStringList{"0: 1 1440 0 1 0"} << 0;
        QTest::newRow("1,441 minutes") << 0LL << 86400LL << 1441ULL << 5ULL << QStringList{"0: 1 1441 5 0 0"} << 1;
    }

    void minuteRollup()
    {
        QFETCH(qlonglong, start);
        QFETCH(qlonglong, end);
        QFETCH(qulonglong, packets);
        QFETCH(qulonglong, bytes);
        QFETCH(QStringList, rows);
        QFETCH(int, longSpans);
        MinuteRollup rollup;
        rollup.add(flow(start, end == -1 ? std::nullopt : std::optional<std::int64_t>(end), packets, bytes));
        const QStringList text = rollupText(rollup);
        if (QTest::currentDataTag() == QByteArrayLiteral("1,440 minutes")) {
            QCOMPARE(text.size(), 1440);
            QCOMPARE(text.front(), rows.front());
        } else {
            QCOMPARE(text, rows);
        }
        QCOMPARE(int(rollup.longSpans().size()), longSpans);
        if (longSpans) {
            QCOMPARE(rollup.longSpans()[0].start, start);
            QCOMPARE(rollup.longSpans()[0].last, end);
            QCOMPARE(rollup.longSpans()[0].packets, qint64(packets));
        }
    }

    void randomCases_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("files");
        QTest::addColumn<int>("gapPercent");
        QTest::newRow("small, one file") << 1 << 300 << 1 << 10;
        QTest::newRow("three imports") << 2 << 3000 << 3 << 10;
        QTest::newRow("several blocks") << 3 << 9000 << 2 << 5;
        QTest::newRow("mostly gaps, four imports") << 4 << 2000 << 4 << 70;
        // More than a sort run of blocks: the minutes before its last block are
        // written during the file, and the records after them add to those rows.
        QTest::newRow("past minutes written during the file") << 5 << 70000 << 1 << 5;
    }

    void randomCases()
    {
        QFETCH(int, seed);
        QFETCH(int, records);
        QFETCH(int, files);
        QFETCH(int, gapPercent);
        const std::vector<Raw> raw = generate(static_cast<std::uint64_t>(seed), records, gapPercent);
        const QString name = QStringLiteral("random-%1").arg(seed);
        auto caseDb = importInto(name, raw, files);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(records) FROM flow_block"), qint64(raw.size()));

        const Expected expected = expectedTables(raw);
        const Expected stored = storedTables(caseDb->handle());
        const QByteArray difference = firstDifference(stored.minutes, expected.minutes);
        QVERIFY2(difference.isEmpty(), difference.constData());
        const QByteArray totalsDifference =
            firstDifference(storedMinuteTotals(caseDb->handle()), overInterfaces(expected.minutes));
        QVERIFY2(totalsDifference.isEmpty(), totalsDifference.constData());
        QVERIFY(expected.longSpans.size() >= 2);
        QVERIFY(stored.longSpans == expected.longSpans);
        QVERIFY(!expected.gaps.empty());
        QVERIFY(stored.gaps == expected.gaps);

        // The same records in a format 2 case, upgraded: the same tables.
        caseDb.reset();
        auto older = importInto(name + QStringLiteral("-v2"), raw, files);
        older.reset();
        const std::string olderFile = m_dir.filePath(name + QStringLiteral("-v2.flowcase")).toStdString();
        test::downgradeToFormat2(olderFile);
        auto upgraded = CaseDb::open(olderFile, CaseDb::Mode::ReadWrite);
        QCOMPARE(queryInt(upgraded->handle(), "PRAGMA user_version"), currentSchemaVersion());
        auto fresh = CaseDb::open(m_dir.filePath(name + QStringLiteral(".flowcase")).toStdString(), CaseDb::Mode::ReadOnly);
        const QStringList freshRows = derivedRows(fresh->handle());
        QCOMPARE(derivedRows(upgraded->handle()), freshRows);
        QVERIFY(freshRows.size() > 10);
    }

    // Records of a day's span add up to more rollup entries than are held
    // at once: rows written in the middle of a block add up all the same,
    // also for minutes of an interface that records on both sides share.
    void rollupWrittenInParts()
    {
        std::vector<Raw> raw;
        for (int i = 0; i < 300; ++i) {
            const std::int64_t start = 1773100800 + i * 67;
            raw.push_back(Raw{"111111111111", "eni-" + QByteArray::number(i % 200), start,
                              start + 1440 * 60 - 61 - i % 50, 1000003 + static_cast<std::uint64_t>(i),
                              std::uint64_t(1) << 33, 0, 0});
        }
        auto caseDb = importInto(QStringLiteral("parts"), raw, 1);
        const Expected expected = expectedTables(raw);
        QVERIFY(expected.minutes.size() > std::size_t(1) << 18);
        const QByteArray difference = firstDifference(storedTables(caseDb->handle()).minutes, expected.minutes);
        QVERIFY2(difference.isEmpty(), difference.constData());
        const QByteArray totalsDifference =
            firstDifference(storedMinuteTotals(caseDb->handle()), overInterfaces(expected.minutes));
        QVERIFY2(totalsDifference.isEmpty(), totalsDifference.constData());
    }

    // A gap of a later import that meets stored gaps joins them.
    void gapsMergeWithStoredOnes()
    {
        auto caseDb = CaseDb::open(m_dir.filePath(QStringLiteral("gaps.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        auto importLines = [&](const QByteArray &lines, int n) {
            const QString input = m_dir.filePath(QStringLiteral("gaps-%1.log").arg(n));
            test::writeFile(input, lines);
            CaseImporter(*caseDb).run({input.toStdString()}, {});
        };
        auto gaps = [&] {
            QStringList out;
            Statement rows(caseDb->handle(), "SELECT log_status, begin, end FROM coverage_gap ORDER BY 1, 2");
            while (rows.step())
                out << QStringLiteral("%1 %2-%3").arg(rows.int64(0)).arg(rows.int64(1)).arg(rows.int64(2));
            return out;
        };
        importLines("2 1 eni-x - - - - - - - 1000 1099 - NODATA\n"
                    "2 1 eni-x - - - - - - - 2000 2099 - NODATA\n"
                    "2 1 eni-x - - - - - - - 3000 3099 - NODATA\n"
                    "2 1 eni-x - - - - - - - 1000 5000 - SKIPDATA\n",
                    1);
        QCOMPARE(gaps(), (QStringList{"1 1000-1100", "1 2000-2100", "1 3000-3100", "2 1000-5001"}));
        // Touches the first at its end, overlaps the second and the third.
        importLines("2 1 eni-x - - - - - - - 1100 1199 - NODATA\n"
                    "2 1 eni-x - - - - - - - 1900 3000 - NODATA\n",
                    2);
        QCOMPARE(gaps(), (QStringList{"1 1000-1200", "1 1900-3100", "2 1000-5001"}));
        // Bridges the two; one inside SKIPDATA's changes nothing.
        importLines("2 1 eni-x - - - - - - - 1150 1899 - NODATA\n"
                    "2 1 eni-x - - - - - - - 4000 4010 - SKIPDATA\n",
                    3);
        QCOMPARE(gaps(), (QStringList{"1 1000-3100", "2 1000-5001"}));
    }
};

QTEST_GUILESS_MAIN(TestRollups)
#include "tst_rollups.moc"
