// SPDX-License-Identifier: GPL-3.0-or-later
// The block indexes of schema 4 (per-chunk sets of blocks for addresses,
// ports below 32768 and interfaces), the record totals and the records by
// port and protocol counts read, and
// counting with partial column decoding (record by record, or a column at a
// time for filters on numbers and addresses), on random cases shaped like an
// internet-facing VPC (hundreds of external addresses, IPv6, ports on both
// sides of 32768, many ENIs, rejects, NODATA records, ICMP with and without
// ports), imported in several files that share a chunk: every answer against
// a brute-force scan of the decoded blocks. Then the same case written as
// schema 3 (or 5) wrote it, read as it is and upgraded in place, gives the
// same answers.

#include "ingest/case_importer.h"
#include "query/block_selection.h"
#include "query/filter_parser.h"
#include "port_protocol_scan.h"
#include "schema3_case.h"
#include "graph_total_rows.h"
#include "schema5_case.h"
#include "selection/case_filter.h"
#include "selection/match_collection.h"
#include "selection/summary_count.h"
#include "store/block_codec.h"
#include "store/block_postings.h"
#include "store/case_db.h"
#include "store/derived_tables.h"
#include "store/flow_pager.h"
#include "store/graph_traffic_totals.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>
#include <set>

using namespace flowscope;

namespace {

constexpr const char *kHeader = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                                " start end action log-status vpc-id\n";

// Addresses and ENIs the probes name, so they are sure to be in the case.
const QList<QByteArray> kInternal{"10.0.0.5", "10.0.1.7", "10.1.2.3", "10.2.0.9", "172.31.4.4"};
const QList<QByteArray> kInternal6{"2600:1f18::5", "2600:1f18:0:1::7"};
const QList<QByteArray> kEnis{"eni-0a", "eni-0b", "eni-0c", "eni-0d", "eni-0e", "eni-0f"};

QByteArray externalAddress(std::mt19937_64 &random)
{
    // Popular ones often, a long tail of one-off sources.
    const std::uint64_t n = random() % 100 < 60 ? random() % 20 : random() % 5000;
    return QByteArray::number(static_cast<int>(18 + n % 200)) + '.' + QByteArray::number(static_cast<int>(n / 200 % 256))
        + '.' + QByteArray::number(static_cast<int>(n % 7)) + '.' + QByteArray::number(static_cast<int>(n % 250 + 1));
}

QByteArray externalAddress6(std::mt19937_64 &random)
{
    return "2a05:d018:" + QByteArray::number(static_cast<int>(random() % 40), 16) + "::"
        + QByteArray::number(static_cast<int>(random() % 300 + 1), 16);
}

// `count` records, starts increasing over the file's hour (with some noise).
QByteArray generate(std::uint64_t seed, int count, std::int64_t base)
{
    std::mt19937_64 random(seed);
    QByteArray out = kHeader;
    for (int i = 0; i < count; ++i) {
        const QByteArray eni = kEnis[static_cast<int>(random() % 100 < 50 ? 0 : random() % kEnis.size())];
        const QByteArray vpc = eni < "eni-0d" ? "vpc-1" : "vpc-2";
        const std::int64_t start = base + i * 3600 / count + static_cast<std::int64_t>(random() % 5);
        if (random() % 50 == 0) {
            out += "5 123456789012 " + eni + " - - - - - - - " + QByteArray::number(start) + ' '
                + QByteArray::number(start + 60) + " - NODATA " + vpc + '\n';
            continue;
        }
        if (random() % 40 == 0) {
            // ICMP (ports 0 0 or none) and NTP (123 on both sides): records
            // whose two ports are the same, or absent.
            const int kind = static_cast<int>(random() % 3);
            const QByteArray ports = kind == 0 ? "0 0 1" : kind == 1 ? "- - 1" : "123 123 17";
            out += "5 123456789012 " + eni + ' ' + kInternal[static_cast<int>(random() % kInternal.size())] + ' '
                + externalAddress(random) + ' ' + ports + " 1 84 " + QByteArray::number(start) + ' '
                + QByteArray::number(start + 30) + (random() % 4 == 0 ? " REJECT OK " : " ACCEPT OK ") + vpc + '\n';
            continue;
        }
        const bool v6 = random() % 100 < 5;
        const QByteArray inner = v6 ? kInternal6[static_cast<int>(random() % kInternal6.size())]
                                    : kInternal[static_cast<int>(random() % kInternal.size())];
        const QByteArray outer = v6 ? externalAddress6(random) : externalAddress(random);
        static const int kServices[] = {443, 80, 22, 3306, 53, 8080, 40001};
        const int service = kServices[random() % 7];
        const int ephemeral = static_cast<int>(1024 + random() % (65536 - 1024));
        const bool ingress = random() % 2 == 0;
        const bool reject = random() % 100 < 12;
        out += "5 123456789012 " + eni + ' ' + (ingress ? outer : inner) + ' ' + (ingress ? inner : outer) + ' '
            + QByteArray::number(ephemeral) + ' ' + QByteArray::number(service) + " 6 "
            + QByteArray::number(static_cast<int>(random() % 40 + 1)) + ' '
            + QByteArray::number(static_cast<int>(random() % 90000)) + ' ' + QByteArray::number(start) + ' '
            + QByteArray::number(start + static_cast<std::int64_t>(random() % 60)) + (reject ? " REJECT OK " : " ACCEPT OK ")
            + vpc + '\n';
    }
    return out;
}

struct Answer {
    std::set<std::int64_t> blocksWithMatch;
    std::vector<std::int64_t> ids;
    std::vector<std::pair<std::int64_t, std::int64_t>> timeOrder; // (sort key, id) of each match, sorted
};

std::shared_ptr<const CaseFilter> compile(CaseDb &caseDb, const QByteArray &expression)
{
    auto compiled = CaseFilter::compile(caseDb, expression.toStdString());
    if (!std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled))
        throw std::runtime_error("not a filter: " + expression.toStdString());
    return std::get<std::shared_ptr<const CaseFilter>>(compiled);
}

// The brute-force answer: every record of every block, all columns decoded.
Answer bruteForce(CaseDb &caseDb, const CaseFilter &filter)
{
    Answer answer;
    Statement blocks(caseDb.handle(), "SELECT id, data FROM flow_block ORDER BY id");
    while (blocks.step()) {
        const std::vector<EncodedFlow> rows = decodeBlock(blocks.blob(1));
        for (std::size_t slot = 0; slot < rows.size(); ++slot) {
            if (filter.predicate()(rows[slot])) {
                answer.blocksWithMatch.insert(blocks.int64(0));
                answer.ids.push_back(recordId(blocks.int64(0), slot));
                answer.timeOrder.emplace_back(sortStart(rows[slot]), recordId(blocks.int64(0), slot));
            }
        }
    }
    std::sort(answer.timeOrder.begin(), answer.timeOrder.end());
    return answer;
}

std::vector<std::int64_t> matchIds(CaseDb &caseDb, const CaseFilter &filter)
{
    const auto matches = collectMatches(caseDb, filter);
    std::vector<std::int64_t> ids;
    Statement blocks(caseDb.handle(), "SELECT id, records FROM flow_block ORDER BY id");
    while (blocks.step())
        for (std::int64_t slot = 0; slot < blocks.int64(1); ++slot)
            if (matches->contains(recordId(blocks.int64(0), static_cast<std::size_t>(slot))))
                ids.push_back(recordId(blocks.int64(0), static_cast<std::size_t>(slot)));
    if (static_cast<std::int64_t>(ids.size()) != matches->total())
        throw std::runtime_error("the match set's total disagrees with its bits");
    return ids;
}

// Whether two rows hold the same record, every field, file and line.
bool sameRow(const FlowRow &a, const FlowRow &b)
{
    return a.id == b.id && a.values == b.values && a.file == b.file && a.line == b.line;
}

// The first `count` rows a filtered scan of the pager gives.
std::vector<FlowRow> pageOf(CaseDb &caseDb, const RecordTest &test, const CaseFilter &filter, std::size_t count)
{
    std::vector<FlowRow> rows;
    FlowPager(caseDb).forEachMatching(test, filter.blocks(), [&](const FlowRow &row) {
        rows.push_back(row);
        return rows.size() < count;
    });
    return rows;
}

// A table's rows as text, for comparing two cases' indexes.
QStringList tableRows(CaseDb &caseDb, const char *sql)
{
    QStringList out;
    Statement rows(caseDb.handle(), sql);
    while (rows.step()) {
        QStringList cells;
        for (int c = 0; c < sqlite3_column_count(rows.get()); ++c)
            cells << (rows.columnType(c) == SQLITE_INTEGER ? QString::number(rows.int64(c))
                                                           : QString::fromLatin1(QByteArray(rows.blob(c).data(), static_cast<int>(rows.blob(c).size())).toHex()));
        out << cells.join(QLatin1Char(' '));
    }
    return out;
}

const char *const kIndexTables[] = {
    "SELECT address, chunk, blocks FROM address_block ORDER BY address, chunk",
    "SELECT port, chunk, blocks FROM port_block ORDER BY port, chunk",
    "SELECT interface, chunk, blocks FROM interface_block ORDER BY interface, chunk",
    "SELECT port, chunk, blocks FROM ephemeral_port_block ORDER BY port, chunk",
    "SELECT interface, action, log_status, records FROM record_total ORDER BY 1, 2, 3",
    "SELECT kind, value, action, records FROM port_protocol_total ORDER BY 1, 2, 3",
    "SELECT * FROM rollup_minute_total ORDER BY 1, 2, 3",
};

} // namespace

class TestBlockIndexes : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_caseFile;
    std::unique_ptr<CaseDb> m_case;

    static void addProbes()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<bool>("exactBlocks"); // the index names exactly the blocks with a match
        QTest::addColumn<bool>("fromTotals");  // counted from the record totals, or those by port and protocol
        for (const QByteArray &a : kInternal)
            QTest::newRow("addr " + a) << "addr == " + a << true << false;
        QTest::newRow("srcaddr external") << QByteArray("srcaddr == 18.0.0.1") << false << false;
        QTest::newRow("addr external") << QByteArray("addr == 19.0.1.2") << true << false;
        QTest::newRow("addr absent") << QByteArray("addr == 9.9.9.9") << true << false;
        for (const QByteArray &a : kInternal6)
            QTest::newRow("addr v6 " + a) << "addr == " + a << true << false;
        QTest::newRow("cidr /8") << QByteArray("addr == 10.0.0.0/8") << false << false;
        QTest::newRow("cidr /16") << QByteArray("addr == 10.1.0.0/16") << false << false;
        QTest::newRow("cidr external /8") << QByteArray("addr == 20.0.0.0/8") << false << false;
        QTest::newRow("cidr v6 /32") << QByteArray("addr == 2a05:d018::/32") << false << false;
        QTest::newRow("cidr v6 /64") << QByteArray("dstaddr == 2600:1f18:0:1::/64") << false << false;
        QTest::newRow("addr set") << QByteArray("addr in {10.0.0.5, 2600:1f18::5, 20.0.0.0/8}") << false << false;
        QTest::newRow("port 3306") << QByteArray("dstport == 3306") << false << true;
        QTest::newRow("port either 22") << QByteArray("port == 22") << true << true;
        QTest::newRow("port low ephemeral") << QByteArray("srcport == 2000") << false << true;
        QTest::newRow("port high") << QByteArray("port == 40001") << true << true;
        QTest::newRow("port range across 32768") << QByteArray("port in {32000..33000}") << true << false;
        // Counted from the records by port and protocol: one port side or
        // the protocol with the action, or `port == N` with the action.
        QTest::newRow("protocol icmp") << QByteArray("protocol == icmp") << false << true;
        QTest::newRow("dstport 443 rejects") << QByteArray("dstport == 443 and action == reject") << false << true;
        QTest::newRow("dstport 0 or 123") << QByteArray("dstport == 0 or dstport == 123") << false << true;
        QTest::newRow("not protocol tcp") << QByteArray("protocol != 6 and action == reject") << false << true;
        QTest::newRow("port either 123") << QByteArray("port == 123") << true << true;
        QTest::newRow("port either 0") << QByteArray("port == 0") << true << true;
        QTest::newRow("port either 123 rejects") << QByteArray("action == reject and port == 123") << false << true;
        QTest::newRow("port either high rejects") << QByteArray("port == 40001 and not action == accept") << false << true;
        QTest::newRow("srcport set rejects") << QByteArray("srcport in {0, 123, 1024..2000} and action == reject") << false << true;
        QTest::newRow("dstport above") << QByteArray("dstport >= 32768 or action == reject") << false << true;
        QTest::newRow("srcport absent") << QByteArray("not srcport >= 0") << false << true;
        QTest::newRow("port either or reject") << QByteArray("port == 22 or action == reject") << false << false;
        QTest::newRow("ports both sides") << QByteArray("srcport == 123 and dstport == 123") << false << false;
        QTest::newRow("port and protocol") << QByteArray("dstport == 53 and protocol == 17") << false << false;
        QTest::newRow("eni") << QByteArray("eni == eni-0c") << true << true;
        QTest::newRow("eni absent") << QByteArray("eni == eni-zz") << true << true;
        QTest::newRow("action") << QByteArray("action == reject") << false << true;
        QTest::newRow("not action") << QByteArray("not action == reject") << false << true;
        QTest::newRow("nodata") << QByteArray("log-status == nodata") << false << true;
        QTest::newRow("vpc rejects") << QByteArray("vpc-id == vpc-2 and action == reject") << false << true;
        QTest::newRow("eni or") << QByteArray("eni == eni-0b or eni == eni-0e") << true << true;
        QTest::newRow("cidr and reject") << QByteArray("addr == 10.0.0.0/8 and action == reject") << false << false;
        QTest::newRow("eni and port") << QByteArray("eni == eni-0a and dstport == 443") << false << false;
        QTest::newRow("bytes") << QByteArray("bytes > 80000") << false << false;
        QTest::newRow("time") << QByteArray("time >= 1773102000 and time < 1773102600 and port == 53") << false << false;
        // Tested a column at a time (numbers and addresses only): absent
        // values, `not`, `or`, sets and time spans as the record predicate.
        QTest::newRow("not port") << QByteArray("not dstport == 443") << false << true;
        QTest::newRow("port !=") << QByteArray("dstport != 3306") << false << true;
        QTest::newRow("port set") << QByteArray("port in {22, 3306, 40000..50000}") << false << false;
        QTest::newRow("not or") << QByteArray("not (addr == 10.0.0.0/8 or action == reject)") << false << false;
        QTest::newRow("or of sides") << QByteArray("srcaddr == 2600:1f18::/32 or dstport == 53") << false << false;
        QTest::newRow("time holds") << QByteArray("time == 1773103000") << false << false;
        QTest::newRow("start and end") << QByteArray("start >= 1773103000 and end < 1773104000") << false << false;
        QTest::newRow("packets and reject") << QByteArray("packets > 20 and action == reject and addr == 10.0.0.5") << false << false;
    }

    void checkAnswers(CaseDb &caseDb, const QByteArray &expression, bool exactBlocks, bool fromTotals, bool legacy)
    {
        const auto filter = compile(caseDb, expression);
        const Answer expected = bruteForce(caseDb, *filter);
        // The preselection keeps every block with a match (and, for a key
        // the index holds, no other).
        const auto &blocks = filter->blocks();
        if (blocks) {
            const std::set<std::int64_t> chosen(blocks->begin(), blocks->end());
            QVERIFY(std::is_sorted(blocks->begin(), blocks->end()));
            for (const std::int64_t block : expected.blocksWithMatch)
                QVERIFY2(chosen.count(block), qPrintable(QStringLiteral("block %1 left out").arg(block)));
            if (exactBlocks)
                QCOMPARE(chosen, expected.blocksWithMatch);
        }
        // Partial decoding, both threads testing: the same records.
        QCOMPARE(matchIds(caseDb, *filter), expected.ids);
        // The table's first page: the first matches in time order.
        std::vector<std::int64_t> page;
        FlowPager(caseDb).forEachMatching(filter->predicate(), filter->blocks(), [&](const FlowRow &row) {
            page.push_back(row.id);
            return page.size() < 300;
        });
        std::vector<std::int64_t> firstMatches;
        for (std::size_t i = 0; i < expected.timeOrder.size() && i < 300; ++i)
            firstMatches.push_back(expected.timeOrder[i].second);
        QCOMPARE(page, firstMatches);
        // The filter's own columns first, every column of the rows shown
        // only: the same rows, field for field.
        RecordTest whole;
        whole.accept = filter->predicate();
        const std::vector<FlowRow> expectedRows = pageOf(caseDb, whole, *filter, 300);
        const std::vector<FlowRow> rows = pageOf(caseDb, filter->recordTest(), *filter, 300);
        QCOMPARE(rows.size(), expectedRows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            QVERIFY2(sameRow(rows[i], expectedRows[i]), qPrintable(QStringLiteral("row %1 differs").arg(i)));
        const auto totals = countFromSummaries(caseDb, *filter);
        QCOMPARE(totals.has_value(), fromTotals && !legacy);
        if (totals)
            QCOMPARE(*totals, static_cast<std::int64_t>(expected.ids.size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_caseFile = m_dir.filePath(QStringLiteral("real.flowcase"));
        m_case = CaseDb::open(m_caseFile.toStdString(), CaseDb::Mode::CreateIfMissing);
        // Three imports into one chunk of block ids: the sets of a later
        // import merge with those already stored.
        for (int f = 0; f < 3; ++f) {
            const QString input = m_dir.filePath(QStringLiteral("in-%1.log").arg(f));
            test::writeFile(input, generate(100 + static_cast<std::uint64_t>(f), 9 * 4096 + 700 * f, 1773100800 + f * 1800));
            CaseImporter(*m_case).run({input.toStdString()}, {});
        }
        QVERIFY(queryInt(m_case->handle(), "SELECT count(*) FROM flow_block") >= 27);
        // Copies of the file (the older cases below) must hold every import.
        execSql(m_case->handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    void blocksAreOfTheCurrentFormat()
    {
        Statement blocks(m_case->handle(), "SELECT data FROM flow_block");
        while (blocks.step())
            QCOMPARE(blockFormatOf(blocks.blob(0)), kCurrentBlockFormat);
        QCOMPARE(queryInt(m_case->handle(), "SELECT count(*) FROM sqlite_schema WHERE name = 'block_address'"), 0);
    }

    void answersMatchBruteForce_data() { addProbes(); }
    void answersMatchBruteForce()
    {
        QFETCH(QByteArray, filter);
        QFETCH(bool, exactBlocks);
        QFETCH(bool, fromTotals);
        checkAnswers(*m_case, filter, exactBlocks, fromTotals, false);
    }

    // A page of a filter's matches, decoded whole only where it shows them,
    // against the first rows of a full scan in time order that the filter
    // keeps: for filters matching nothing, everything, and records at the
    // first and last slots of blocks, each as a column test and as a record
    // test, and pages ending inside, at and past a block's matches.
    void pagesEqualFullScan_data()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::newRow("nothing, by columns") << QByteArray("addr == 192.0.2.77");
        QTest::newRow("nothing, by records") << QByteArray("addr == 10.0.0.5 and eni == eni-zz");
        QTest::newRow("everything, by columns") << QByteArray("not addr == 192.0.2.77");
        QTest::newRow("everything, by records") << QByteArray("not eni == eni-zz");
        QTest::newRow("no filter") << QByteArray();
        QTest::newRow("block edges, by columns") << QByteArray("edges");
        QTest::newRow("block edges, by records") << QByteArray("edges and not eni == eni-zz");
        // One record a block, so each block decoded whole stops at it: in the
        // middle, at the last slot, and an IPv6 address at the last slot that has one.
        QTest::newRow("block middles, by columns") << QByteArray("middles");
        QTest::newRow("last records, by columns") << QByteArray("lasts");
        QTest::newRow("last records, by records") << QByteArray("lasts and not eni == eni-zz");
        QTest::newRow("last IPv6 sources, by columns") << QByteArray("v6 lasts");
        QTest::newRow("rare addresses") << QByteArray("addr == 2a05:d018:1::/48 or addr == 2a05:d018:3::/48");
        QTest::newRow("rejects of a port") << QByteArray("dstport == 22 and action == reject");
    }

    void pagesEqualFullScan()
    {
        QFETCH(QByteArray, filter);
        // `edges`: the first, second, next to last and last records of every
        // block (and the last of a block that is not full), by start and
        // ports; `middles` the record in the middle of each, `lasts` the last;
        // `v6 lasts` the IPv6 source address of the last record of each block
        // that has one.
        for (const QByteArray &slots : {QByteArray("edges"), QByteArray("middles"), QByteArray("v6 lasts"), QByteArray("lasts")}) {
            if (!filter.startsWith(slots))
                continue;
            QByteArrayList terms;
            Statement blocks(m_case->handle(), "SELECT id, data FROM flow_block ORDER BY id");
            while (blocks.step()) {
                const std::vector<EncodedFlow> rows = decodeBlock(blocks.blob(1));
                if (slots == "v6 lasts") {
                    const auto last = std::find_if(rows.rbegin(), rows.rend(), [](const EncodedFlow &f) {
                        return f.has(Field::SrcAddr) && !f.srcAddr.isV4();
                    });
                    if (last != rows.rend())
                        terms << "addr == " + QByteArray::fromStdString(last->srcAddr.toString());
                    continue;
                }
                const std::vector<std::size_t> chosen = slots == "edges"
                    ? std::vector<std::size_t>{0, 1, rows.size() - 2, rows.size() - 1}
                    : std::vector<std::size_t>{slots == "middles" ? rows.size() / 2 : rows.size() - 1};
                for (const std::size_t slot : chosen) {
                    const EncodedFlow &f = rows[slot];
                    if (!f.has(Field::Start) || !f.has(Field::SrcPort) || !f.has(Field::DstPort))
                        continue;
                    terms << "(start == " + QByteArray::number(static_cast<qint64>(f.start)) + " and srcport == "
                            + QByteArray::number(f.srcPort) + " and dstport == " + QByteArray::number(f.dstPort) + ')';
                }
            }
            QVERIFY(terms.size() > 5);
            filter.replace(0, slots.size(), '(' + terms.join(" or ") + ')');
            break;
        }
        const auto compiled = compile(*m_case, filter);
        const bool byColumns = filter.contains("eni") ? false : !filter.isEmpty();
        QCOMPARE(compiled->recordTest().columnTest != nullptr, byColumns);
        // The full scan: every record in time order, kept when it matches.
        const Answer expected = compiled->matchesEverything() ? Answer() : bruteForce(*m_case, *compiled);
        const std::set<std::int64_t> matching(expected.ids.begin(), expected.ids.end());
        std::vector<FlowRow> scanned;
        FlowPager(*m_case).forEachFrom(0, [&](const FlowRow &row) {
            if (compiled->matchesEverything() || matching.count(row.id))
                scanned.push_back(row);
            return true;
        });
        QCOMPARE(scanned.empty(), QByteArray(QTest::currentDataTag()).startsWith("nothing"));
        for (const std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{255}, std::size_t{256},
                                       std::size_t{257}, std::size_t{4097}, scanned.size() + 1}) {
            const std::vector<FlowRow> page = pageOf(*m_case, compiled->recordTest(), *compiled, size);
            QCOMPARE(page.size(), std::min(size, scanned.size()));
            for (std::size_t i = 0; i < page.size(); ++i)
                QVERIFY2(sameRow(page[i], scanned[i]),
                         qPrintable(QStringLiteral("page of %1: row %2 differs").arg(size).arg(i)));
        }
    }

    void derivedTablesWrittenInPiecesAreTheSame()
    {
        // Bounds of one entry: every table is written after each block (the
        // rollups after each record) and merged with what is stored, while
        // the gathering thread is given the next blocks.
        const QString copy = m_dir.filePath(QStringLiteral("pieces.flowcase"));
        QVERIFY(QFile::copy(m_caseFile, copy));
        auto pieces = CaseDb::open(copy.toStdString(), CaseDb::Mode::ReadWrite);
        {
            Transaction transaction(pieces->handle());
            rebuildDerivedTables(pieces->handle(), DerivedTablesBounds{1, 1, 1, 1});
            transaction.commit();
        }
        // The graph's totals, written as a run per block, are merged into
        // few runs at the end and read back the same.
        const QStringList graphTotals = test::storedGraphTotals(pieces->handle());
        QVERIFY(graphTotals.size() > 1000);
        QCOMPARE(graphTotals, test::storedGraphTotals(m_case->handle()));
        QCOMPARE(queryInt(pieces->handle(), "SELECT count(*) FROM graph_total_run"), std::int64_t{1});
        const char *const derived[] = {
            "SELECT * FROM rollup_minute ORDER BY 1, 2, 3, 4",
            "SELECT * FROM rollup_long_span ORDER BY 1, 2, 3, 4, 5, 6, 7",
            "SELECT * FROM coverage_gap ORDER BY 1, 2, 3",
        };
        for (const char *sql : kIndexTables)
            QCOMPARE(tableRows(*pieces, sql), tableRows(*m_case, sql));
        for (const char *sql : derived)
            QCOMPARE(tableRows(*pieces, sql), tableRows(*m_case, sql));
    }

    void portProtocolTotalsAreExact()
    {
        // Every port on both sides of 32768, absent ports and the protocol, by action.
        const auto stored = test::storedPortProtocolTotals(m_case->handle());
        QCOMPARE(stored, test::scannedPortProtocolTotals(m_case->handle()));
        QVERIFY(stored.size() > 1000);
    }

    void schema5UpgradedInPlace()
    {
        const QString older = m_dir.filePath(QStringLiteral("schema5-upgrade.flowcase"));
        QVERIFY(QFile::copy(m_caseFile, older));
        test::downgradeToSchema5(older.toStdString());
        {
            // Read as it is, the count of a port falls back to the blocks.
            auto readOnly = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadOnly);
            const auto filter = compile(*readOnly, "dstport == 3306");
            QVERIFY(!countFromSummaries(*readOnly, *filter));
            QCOMPARE(matchIds(*readOnly, *filter), bruteForce(*readOnly, *filter).ids);
        }
        auto upgraded = CaseDb::open(older.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(queryInt(upgraded->handle(), "PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(test::storedPortProtocolTotals(upgraded->handle()), test::storedPortProtocolTotals(m_case->handle()));
        QCOMPARE(test::storedPortProtocolTotals(upgraded->handle()), test::scannedPortProtocolTotals(upgraded->handle()));
        // The other derived tables are left as they were.
        for (const char *sql : kIndexTables)
            QCOMPARE(tableRows(*upgraded, sql), tableRows(*m_case, sql));
        for (const QByteArray &expression : {QByteArray("dstport == 3306"), QByteArray("port == 123 and action == reject")}) {
            const auto filter = compile(*upgraded, expression);
            const auto counted = countFromSummaries(*upgraded, *filter);
            QVERIFY(counted);
            QCOMPARE(*counted, static_cast<std::int64_t>(bruteForce(*upgraded, *filter).ids.size()));
        }
    }

    void schema12GraphTotalsConvertedInPlace()
    {
        // A row per key in graph_traffic_total becomes a run, the same sums.
        const QString older = m_dir.filePath(QStringLiteral("schema12-upgrade.flowcase"));
        QVERIFY(QFile::copy(m_caseFile, older));
        test::downgradeToSchema12(older.toStdString());
        {
            auto readOnly = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadOnly);
            QVERIFY(!hasGraphTrafficTotals(readOnly->handle()));
        }
        auto upgraded = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadWrite);
        QCOMPARE(queryInt(upgraded->handle(), "PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(queryInt(upgraded->handle(), "SELECT count(*) FROM sqlite_schema WHERE name = 'graph_traffic_total'"),
                 std::int64_t{0});
        QCOMPARE(queryInt(upgraded->handle(), "SELECT count(*) FROM graph_total_run"), std::int64_t{1});
        const QStringList converted = test::storedGraphTotals(upgraded->handle());
        QVERIFY(converted.size() > 1000);
        QCOMPARE(converted, test::storedGraphTotals(m_case->handle()));
    }

    void addressSetsAreExact()
    {
        // Per address, the blocks its set lists are the blocks holding it.
        std::map<QString, std::set<std::int64_t>> expected;
        Statement blocks(m_case->handle(), "SELECT id, data FROM flow_block");
        while (blocks.step())
            for (const EncodedFlow &f : decodeBlock(blocks.blob(1)))
                for (const auto &[field, a] : {std::pair{Field::SrcAddr, &f.srcAddr}, std::pair{Field::DstAddr, &f.dstAddr}})
                    if (f.has(field))
                        expected[QString::fromStdString(a->toString())].insert(blocks.int64(0));
        QVERIFY(expected.size() > 500);
        std::size_t checked = 0;
        for (const auto &[address, holding] : expected) {
            if (checked++ % 7 != 0)
                continue; // a sample keeps the test quick
            const auto filter = compile(*m_case, "addr == " + address.toLatin1());
            QVERIFY(filter->blocks());
            QCOMPARE(std::set<std::int64_t>(filter->blocks()->begin(), filter->blocks()->end()), holding);
        }
    }

    void packetAddressesAreIndexed()
    {
        // pkt addresses equal to the record's own are stored as one byte and
        // indexed once; others are indexed in their own right.
        const QString file = m_dir.filePath(QStringLiteral("pkt.flowcase"));
        auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::CreateIfMissing);
        QByteArray text = "version interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr start end action\n";
        for (int i = 0; i < 5000; ++i)
            text += "5 eni-1 10.0.0.1 10.0.0.2 " + QByteArray(i == 4321 ? "192.0.2.9" : "10.0.0.1") + " 10.0.0.2 "
                + QByteArray::number(1773100800 + i) + ' ' + QByteArray::number(1773100860 + i) + " ACCEPT\n";
        const QString input = m_dir.filePath(QStringLiteral("pkt.log"));
        test::writeFile(input, text);
        CaseImporter(*caseDb).run({input.toStdString()}, {});
        for (const auto &[expression, count] : {std::pair{QByteArray("pkt-srcaddr == 192.0.2.9"), 1},
                                                std::pair{QByteArray("pkt-srcaddr == 10.0.0.1"), 4999},
                                                std::pair{QByteArray("pkt-dstaddr == 10.0.0.2"), 5000}}) {
            const auto filter = compile(*caseDb, expression);
            QVERIFY(filter->blocks());
            const Answer expected = bruteForce(*caseDb, *filter);
            QCOMPARE(static_cast<int>(expected.ids.size()), count);
            QCOMPARE(std::set<std::int64_t>(filter->blocks()->begin(), filter->blocks()->end()), expected.blocksWithMatch);
            QCOMPARE(matchIds(*caseDb, *filter), expected.ids);
        }
    }

    void setsSpanChunks()
    {
        // Blocks on both sides of a chunk boundary, flushed early and late.
        const QString file = m_dir.filePath(QStringLiteral("chunks.flowcase"));
        auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::CreateIfMissing);
        {
            Transaction transaction(caseDb->handle());
            BlockPostingsWriter writer(caseDb->handle(), kAddressPostings);
            const std::array<std::uint8_t, 16> v6{0x26, 0x00};
            for (const std::int64_t block : {1, 1, 7, 4095, 4096, 4100, 3 * 4096 + 5}) {
                writer.add(block, 42);
                writer.add(block, v6);
            }
            writer.add(4100, -5);
            writer.flush();
            writer.add(4101, 42); // a later import, same chunk
            writer.flush();
            transaction.commit();
        }
        const QStringList rows = tableRows(*caseDb, "SELECT address, chunk, blocks FROM address_block ORDER BY address, chunk");
        QCOMPARE(rows.size(), 1 + 3 + 3);
        const auto blocksOf = [&](const QByteArray &filter) {
            Statement statement(caseDb->handle(), "SELECT chunk, blocks FROM address_block WHERE address = ?");
            std::vector<std::int64_t> out;
            if (filter == "v6")
                statement.bindBlobStatic(1, "\x26\x00\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
            else
                statement.bind(1, filter.toLongLong());
            while (statement.step()) {
                ChunkBlocks set{};
                addStoredChunkBlocks(statement.blob(1), set);
                forEachBlockIn(statement.int64(0), set, [&](std::int64_t b) { out.push_back(b); });
            }
            return out;
        };
        QCOMPARE(blocksOf("42"), (std::vector<std::int64_t>{1, 7, 4095, 4096, 4100, 4101, 3 * 4096 + 5}));
        QCOMPARE(blocksOf("v6"), (std::vector<std::int64_t>{1, 7, 4095, 4096, 4100, 3 * 4096 + 5}));
        QCOMPARE(blocksOf("-5"), (std::vector<std::int64_t>{4100}));
    }

    void setsAreStoredInTheirSmallerEncoding()
    {
        // Sets of every density, from one block to all of a chunk's, across
        // the size where a bitmap becomes smaller than a list: each is stored
        // as encodeChunkBlocks encodes it, whatever form it was gathered in.
        const QString file = m_dir.filePath(QStringLiteral("densities.flowcase"));
        auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::CreateIfMissing);
        std::mt19937_64 random(7);
        const std::vector<double> densities{0.0003, 0.01, 0.05, 0.1, 0.12, 0.13, 0.14, 0.2, 0.5, 0.97, 1.0};
        std::map<std::int64_t, ChunkBlocks> expected;
        std::vector<std::vector<std::int64_t>> keysOfBlock(kBlocksPerPortChunk);
        for (std::size_t d = 0; d < densities.size(); ++d) {
            for (int k = 0; k < 8; ++k) {
                const std::int64_t key = static_cast<std::int64_t>(d * 100 + static_cast<std::size_t>(k));
                ChunkBlocks &set = expected[key];
                set = {};
                // Blocks far apart too, so that gaps of more than one byte occur.
                const std::int64_t last = k % 2 ? kBlocksPerPortChunk : kBlocksPerPortChunk / 3;
                for (std::int64_t block = 0; block < last; ++block) {
                    if (std::uniform_real_distribution<double>(0, 1)(random) >= densities[d])
                        continue;
                    set[static_cast<std::size_t>(block / 64)] |= std::uint64_t(1) << (block % 64);
                    keysOfBlock[static_cast<std::size_t>(block)].push_back(key);
                }
                if (set == ChunkBlocks{}) { // never empty
                    set[0] |= 1;
                    keysOfBlock[0].push_back(key);
                }
            }
        }
        {
            Transaction transaction(caseDb->handle());
            BlockPostingsWriter writer(caseDb->handle(), kPortPostings);
            for (std::int64_t block = 0; block < kBlocksPerPortChunk; ++block)
                for (const std::int64_t key : keysOfBlock[static_cast<std::size_t>(block)]) {
                    writer.add(block, key);
                    writer.add(block, key); // twice in a block counts once
                }
            writer.flush();
            transaction.commit();
        }
        Statement rows(caseDb->handle(), "SELECT port, chunk, blocks FROM port_block ORDER BY port");
        std::size_t seen = 0;
        while (rows.step()) {
            ++seen;
            const auto found = expected.find(rows.int64(0));
            QVERIFY(found != expected.end());
            QCOMPARE(rows.int64(1), 0);
            const std::string_view stored = rows.blob(2);
            QCOMPARE(std::string(stored), encodeChunkBlocks(found->second));
        }
        QCOMPARE(seen, expected.size());
    }

    // A case imported before the address dictionary keeps its format 2
    // blocks: read as they are, they answer as the current blocks do.
    void format2BlocksReadAsTheyAre_data() { addProbes(); }
    void format2BlocksReadAsTheyAre()
    {
        QFETCH(QByteArray, filter);
        QFETCH(bool, exactBlocks);
        QFETCH(bool, fromTotals);
        const QString older = m_dir.filePath(QStringLiteral("format2.flowcase"));
        if (!QFile::exists(older)) {
            QVERIFY(QFile::copy(m_caseFile, older));
            auto writable = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadWrite);
            std::vector<std::pair<std::int64_t, std::string>> rewritten;
            {
                Statement blocks(writable->handle(), "SELECT id, data FROM flow_block");
                while (blocks.step()) {
                    std::vector<EncodedFlow> rows = decodeBlock(blocks.blob(1));
                    rewritten.emplace_back(blocks.int64(0), encodeBlockFormat2(rows));
                }
            }
            Statement update(writable->handle(), "UPDATE flow_block SET data = ? WHERE id = ?");
            for (const auto &[id, data] : rewritten) {
                update.bindBlobStatic(1, data.data(), static_cast<int>(data.size()));
                update.bind(2, id);
                update.exec();
            }
            execSql(writable->handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        auto caseDb = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadOnly);
        {
            Statement blocks(caseDb->handle(), "SELECT data FROM flow_block");
            while (blocks.step())
                QCOMPARE(blockFormatOf(blocks.blob(0)), 2);
        }
        const auto expected = compile(*m_case, filter);
        const auto actual = compile(*caseDb, filter);
        QCOMPARE(actual->blocks(), expected->blocks());
        QCOMPARE(matchIds(*caseDb, *actual), matchIds(*m_case, *expected));
        checkAnswers(*caseDb, filter, exactBlocks, fromTotals, false);
    }

    void schema3ReadAsItIs_data() { addProbes(); }
    void schema3ReadAsItIs()
    {
        QFETCH(QByteArray, filter);
        QFETCH(bool, exactBlocks);
        QFETCH(bool, fromTotals);
        const QString older = m_dir.filePath(QStringLiteral("schema3-readonly.flowcase"));
        if (!QFile::exists(older)) {
            QVERIFY(QFile::copy(m_caseFile, older));
            test::downgradeToSchema3(older.toStdString());
        }
        auto caseDb = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadOnly);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), 3);
        const auto expected = compile(*m_case, filter);
        const auto actual = compile(*caseDb, filter);
        QCOMPARE(actual->blocks(), expected->blocks());
        QCOMPARE(matchIds(*caseDb, *actual), matchIds(*m_case, *expected));
        checkAnswers(*caseDb, filter, exactBlocks, fromTotals, true);
    }

    void schema3UpgradedInPlace()
    {
        const QString older = m_dir.filePath(QStringLiteral("schema3-upgrade.flowcase"));
        QVERIFY(QFile::copy(m_caseFile, older));
        test::downgradeToSchema3(older.toStdString());
        {
            auto readOnly = CaseDb::open(older.toStdString(), CaseDb::Mode::ReadOnly);
            Statement blocks(readOnly->handle(), "SELECT data FROM flow_block");
            while (blocks.step())
                QCOMPARE(blockFormatOf(blocks.blob(0)), 1);
        }
        auto upgraded = CaseDb::open(older.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(queryInt(upgraded->handle(), "PRAGMA user_version"), currentSchemaVersion());
        for (const char *table : {"block_address", "block_port", "block_interface"})
            QCOMPARE(queryInt(upgraded->handle(),
                              std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"),
                     0);
        Statement blocks(upgraded->handle(), "SELECT data FROM flow_block");
        while (blocks.step())
            QCOMPARE(blockFormatOf(blocks.blob(0)), kCurrentBlockFormat);
        // The indexes and totals the upgrade derived are those the import wrote.
        for (const char *sql : kIndexTables)
            QCOMPARE(tableRows(*upgraded, sql), tableRows(*m_case, sql));
        // Every probe answers as before.
        const QList<QByteArray> probes{"addr == 10.0.0.0/8 and action == reject", "eni == eni-0c", "port in {32000..33000}",
                                       "addr == 2a05:d018::/32", "dstport == 3306", "log-status == nodata"};
        for (const QByteArray &expression : probes) {
            const auto before = compile(*m_case, expression);
            const auto after = compile(*upgraded, expression);
            QCOMPARE(after->blocks(), before->blocks());
            QCOMPARE(matchIds(*upgraded, *after), matchIds(*m_case, *before));
        }
    }
};

QTEST_GUILESS_MAIN(TestBlockIndexes)
#include "tst_blockindexes.moc"
