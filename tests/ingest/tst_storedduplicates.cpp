// SPDX-License-Identifier: GPL-3.0-or-later
// The same flows delivered several ways (S3 text, a CloudWatch Logs export,
// Firehose JSON lines, `aws logs filter-log-events` output) and a cut copy of
// an S3 object, imported into one case in every order: the case afterwards
// holds each flow once, in its richest copy, and equals a case that imported
// each flow once, records, rollups, coverage gaps and indexes alike.

#include "demo/demo_deliveries.h"
#include "demo/demo_estate.h"
#include "ingest/case_importer.h"
#include "store/block_codec.h"
#include "store/case_db.h"
#include "store/flow_reader.h"
#include "store/import_log.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/stored_address.h"
#include "port_protocol_scan.h"
#include "store/graph_traffic_totals.h"
#include "graph_total_rows.h"
#include "schema3_case.h"
#include "store/ephemeral_port_index.h"
#include "test_files.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>
#include <set>

using namespace flowscope;
using namespace flowscope::demo;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

constexpr std::int64_t kFirstStart = 1773108000; // 2026-03-10T02:00:00Z

// Records of a few interfaces over two hours: IPv4 and IPv6, rejects, NAT'd
// packet addresses, NODATA and SKIPDATA, and records spanning days (kept
// whole in the rollups).
std::vector<SimRecord> generateRecords(std::size_t count)
{
    std::mt19937_64 random(20261206);
    auto below = [&](std::uint64_t n) { return random() % n; };
    const auto enis = Estate::instance().interfaces();
    std::vector<SimRecord> records;
    for (std::size_t i = 0; i < count; ++i) {
        SimRecord r;
        r.eni = &enis[below(6)];
        r.start = kFirstStart + static_cast<std::int64_t>(below(7200));
        r.end = r.start + static_cast<std::int64_t>(below(120));
        const std::uint64_t kind = below(200);
        if (kind == 0) {
            r.status = LogStatus::NoData;
        } else if (kind == 1) {
            r.status = LogStatus::SkipData;
        } else {
            if (kind < 8) {
                r.src = SimAddress::v6({0x2001, 0xdb8, 0, 1, 0, 0, 0, static_cast<std::uint16_t>(below(50))});
                r.dst = SimAddress::v6({0x2001, 0xdb8, 0, 2, 0, 0, 0, static_cast<std::uint16_t>(below(50))});
            } else {
                r.src = SimAddress::v4(ipv4(10, 0, static_cast<std::uint8_t>(below(4)), static_cast<std::uint8_t>(below(250))));
                r.dst = SimAddress::v4(ipv4(198, 51, 100, static_cast<std::uint8_t>(below(200))));
            }
            r.pktSrc = r.src;
            r.pktDst = r.dst;
            if (kind < 20 && !r.src.isV6()) // behind a NAT gateway: the packet's own source differs
                r.pktSrc = SimAddress::v4(ipv4(100, 64, 0, static_cast<std::uint8_t>(below(250))));
            r.srcPort = static_cast<std::uint16_t>(below(2) ? 32768 + below(28000) : 443);
            r.dstPort = static_cast<std::uint16_t>(below(2) ? 22 : 33000 + below(1000));
            r.protocol = below(5) ? 6 : 17;
            r.packets = 1 + below(500);
            r.bytes = r.packets * (40 + below(1400));
            r.action = below(8) ? Action::Accept : Action::Reject;
            r.tcpFlags = static_cast<std::int16_t>(below(20));
            if (kind == 199)
                r.end = r.start + 3 * 86400; // a long span
        }
        records.push_back(r);
    }
    return records;
}

struct Deliveries {
    QString s3;                    // every record, all 29 fields of version 5
    QStringList cloudWatchExport;  // every record, version 2, a file per interface
    QString firehose;              // every record, version 2
    QString cloudWatchJson;        // every record, the version 3 layout of logFormat
    std::string cloudWatchJsonFormat;
    std::uint64_t records = 0;
};

Deliveries writeDeliveries(const QString &root, std::size_t count)
{
    const std::vector<SimRecord> records = generateRecords(count);
    DemoSummary summary;
    DeliveryWriter writer(root.toStdString(), 7, summary);
    std::vector<SimRecord> copy = records;
    writer.writeS3Object(kFirstStart, copy);
    copy = records;
    writer.writeCloudWatchExport(copy);
    copy = records;
    writer.writeFirehose(copy);
    copy = records;
    writer.writeCloudWatchJson(copy);
    Deliveries out;
    out.records = records.size();
    for (const DemoFile &file : summary.files) {
        const QString path = root + QLatin1Char('/') + QString::fromStdString(file.relativePath);
        if (file.delivery == "s3-text")
            out.s3 = path;
        else if (file.delivery == "cloudwatch-export")
            out.cloudWatchExport << path;
        else if (file.delivery == "firehose-jsonl")
            out.firehose = path;
        else if (file.delivery == "cloudwatch-json") {
            out.cloudWatchJson = path;
            out.cloudWatchJsonFormat = file.logFormat;
        }
    }
    return out;
}

// An interface context as text, so cases that numbered them differently compare.
std::map<std::int64_t, std::string> interfaceTexts(sqlite3 *db)
{
    std::map<std::int64_t, std::string> texts{{0, "-"}};
    Statement s(db, "SELECT * FROM interface");
    const int columns = sqlite3_column_count(s.get());
    Statement value(db, "SELECT value FROM dictionary WHERE id = ?");
    while (s.step()) {
        std::string text;
        for (int c = 1; c < columns; ++c) {
            if (s.isNull(c)) {
                text += "-|";
                continue;
            }
            value.bind(1, s.int64(c));
            value.step();
            text += value.text(0) + '|';
            value.reset();
        }
        texts[s.int64(0)] = text;
    }
    return texts;
}

// Rows of a table, the interface column as its text, sorted.
std::vector<std::string> tableRows(sqlite3 *db, const char *sql, int interfaceColumn)
{
    const auto interfaces = interfaceTexts(db);
    std::vector<std::string> rows;
    Statement s(db, sql);
    const int columns = sqlite3_column_count(s.get());
    while (s.step()) {
        std::string row;
        for (int c = 0; c < columns; ++c)
            row += (c == interfaceColumn ? interfaces.at(s.int64(c)) : std::to_string(s.int64(c))) + ' ';
        rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::vector<std::int64_t> recordIds(CaseDb &caseDb)
{
    std::vector<std::int64_t> ids;
    FlowReader(caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
        ids.push_back(row.id);
        return true;
    });
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Every record as the text of all its fields (not its file and line), sorted.
std::vector<std::string> recordTexts(CaseDb &caseDb)
{
    std::vector<std::string> rows;
    FlowReader(caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
        std::string text;
        for (const FieldValue &value : row.values)
            text += fieldText(value) + ' ';
        rows.push_back(text);
        return true;
    });
    std::sort(rows.begin(), rows.end());
    return rows;
}

// Checks each block's address and interface index entries against its records.
// Stored totals against those derived from the blocks as they are now.
void verifyGraphTotals(sqlite3 *db)
{
    const QStringList stored = test::storedGraphTotals(db);
    QVERIFY(!stored.isEmpty());
    deriveGraphTrafficTotals(db);
    QCOMPARE(stored, test::storedGraphTotals(db));
}

void verifyBlockIndexes(sqlite3 *db)
{
    Statement blocks(db, "SELECT id, data FROM flow_block");
    // The per-chunk block sets, turned around: per block, the keys whose set names it.
    std::map<std::int64_t, std::set<std::string>> indexedAddresses;
    std::map<std::int64_t, std::set<std::int64_t>> indexedInterfacesOf;
    Statement addressSets(db, "SELECT address, chunk, blocks FROM address_block");
    while (addressSets.step()) {
        const std::string address = addressSets.columnType(0) == SQLITE_INTEGER
                                        ? ipv4FromStored(addressSets.int64(0)).toString()
                                        : ipv6FromStored(addressSets.blob(0))->toString();
        ChunkBlocks set{};
        addStoredChunkBlocks(addressSets.blob(2), set);
        forEachBlockIn(addressSets.int64(1), set, [&](std::int64_t block) { indexedAddresses[block].insert(address); });
    }
    Statement interfaceSets(db, "SELECT interface, chunk, blocks FROM interface_block");
    while (interfaceSets.step()) {
        ChunkBlocks set{};
        addStoredChunkBlocks(interfaceSets.blob(2), set);
        forEachBlockIn(interfaceSets.int64(1), set,
                       [&](std::int64_t block) { indexedInterfacesOf[block].insert(interfaceSets.int64(0)); });
    }
    while (blocks.step()) {
        const std::int64_t block = blocks.int64(0);
        std::set<std::string> held;
        std::set<std::int64_t> heldInterfaces;
        for (const EncodedFlow &row : decodeBlock(blocks.blob(1))) {
            for (const auto &[field, address] : {std::pair{Field::SrcAddr, &row.srcAddr}, std::pair{Field::DstAddr, &row.dstAddr},
                                                 std::pair{Field::PktSrcAddr, &row.pktSrcAddr},
                                                 std::pair{Field::PktDstAddr, &row.pktDstAddr}})
                if (row.has(field))
                    held.insert(address->toString());
            if (row.interface)
                heldInterfaces.insert(row.interface);
        }
        QCOMPARE(indexedAddresses[block], held);
        QCOMPARE(indexedInterfacesOf[block], heldInterfaces);
    }
}

struct CaseContents {
    std::vector<std::string> records, rollups, minuteTotals, longSpans, gaps, portProtocolTotals;
    std::int64_t storedRecords = 0, fileRecords = 0, ports = 0, rejects = 0;
};

CaseContents contentsOf(CaseDb &caseDb)
{
    sqlite3 *db = caseDb.handle();
    CaseContents c;
    c.records = recordTexts(caseDb);
    c.rollups = tableRows(db, "SELECT minute, interface, action, log_status, flows, packets, bytes, spread_packets,"
                              " spread_bytes FROM rollup_minute", 1);
    c.minuteTotals = tableRows(db, "SELECT minute, action, log_status, flows, packets, bytes, spread_packets,"
                                   " spread_bytes FROM rollup_minute_total", -1);
    c.longSpans = tableRows(db, "SELECT interface, action, log_status, start, last, packets, bytes FROM rollup_long_span", 0);
    c.gaps = tableRows(db, "SELECT interface, log_status, begin, end FROM coverage_gap", 0);
    c.portProtocolTotals = test::storedPortProtocolTotals(db);
    c.storedRecords = queryInt(db, "SELECT coalesce(sum(records), 0) FROM flow_block");
    c.fileRecords = queryInt(db, "SELECT coalesce(sum(records), 0) FROM source_file");
    c.rejects = queryInt(db, "SELECT coalesce(sum(rejects), 0) FROM flow_block");
    c.ports = queryInt(db, "SELECT count(DISTINCT port) FROM port_block");
    return c;
}

} // namespace

class TestStoredDuplicates : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Deliveries m_in;
    CaseContents m_once;
    int m_counter = 0;
    static constexpr std::size_t kRecords = 10000; // several blocks, and sort runs of more than one

    std::unique_ptr<CaseDb> newCase()
    {
        return CaseDb::open(m_dir.filePath(QStringLiteral("case%1.flowcase").arg(++m_counter)).toStdString(),
                            CaseDb::Mode::CreateIfMissing);
    }

    ImportReport import(CaseDb &caseDb, const QStringList &paths, bool keepDuplicates = false)
    {
        std::vector<std::filesystem::path> inputs;
        for (const QString &p : paths)
            inputs.emplace_back(p.toStdString());
        ImportOptions options;
        options.keepDuplicates = keepDuplicates;
        // Only the CloudWatch JSON is headerless in a format other than the default.
        std::string error;
        options.logFormat = LogFormat::parse(m_in.cloudWatchJsonFormat, &error);
        options.logFormatScope = ImportOptions::LogFormatScope::FilesNeedingIt;
        return CaseImporter(caseDb).run(inputs, options);
    }

    QStringList deliveryPaths(const QString &name) const
    {
        if (name == QLatin1String("s3"))
            return {m_in.s3};
        if (name == QLatin1String("export"))
            return m_in.cloudWatchExport;
        if (name == QLatin1String("firehose"))
            return {m_in.firehose};
        return {m_in.cloudWatchJson};
    }

    static void compareContents(const CaseContents &actual, const CaseContents &expected)
    {
        QCOMPARE(actual.records.size(), expected.records.size());
        QVERIFY(actual.records == expected.records);
        QCOMPARE(actual.storedRecords, expected.storedRecords);
        QCOMPARE(actual.fileRecords, expected.fileRecords);
        QCOMPARE(actual.rejects, expected.rejects);
        QCOMPARE(actual.ports, expected.ports);
        QCOMPARE(actual.rollups.size(), expected.rollups.size());
        QVERIFY(actual.rollups == expected.rollups);
        QVERIFY(actual.minuteTotals == expected.minuteTotals);
        QVERIFY(actual.longSpans == expected.longSpans);
        QVERIFY(actual.gaps == expected.gaps);
        QVERIFY(actual.portProtocolTotals == expected.portProtocolTotals);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_in = writeDeliveries(m_dir.filePath(QStringLiteral("in")), kRecords);
        QVERIFY(!m_in.s3.isEmpty() && !m_in.firehose.isEmpty() && !m_in.cloudWatchJson.isEmpty());
        QCOMPARE(m_in.cloudWatchExport.size(), 6);
        // The richest copy of each flow, imported once.
        auto once = newCase();
        const ImportReport report = import(*once, {m_in.s3});
        QCOMPARE(report.records, std::uint64_t(kRecords));
        QCOMPARE(report.duplicateRecords, 0u);
        m_once = contentsOf(*once);
        QCOMPARE(m_once.records.size(), kRecords);
        QVERIFY(!m_once.longSpans.empty());
        QVERIFY(!m_once.gaps.empty());
        QVERIFY(!m_once.minuteTotals.empty());
        QCOMPARE(m_once.portProtocolTotals, test::scannedPortProtocolTotals(once->handle()));
    }

    // Whatever the order, each flow is stored once, in its richest copy.
    void deliveriesInAnyOrder_data()
    {
        QTest::addColumn<QStringList>("order");
        QTest::newRow("s3 first") << QStringList{"s3", "export", "firehose", "json"};
        QTest::newRow("s3 last") << QStringList{"export", "firehose", "json", "s3"};
        QTest::newRow("s3 between") << QStringList{"firehose", "s3", "json", "export"};
    }

    void deliveriesInAnyOrder()
    {
        QFETCH(QStringList, order);
        auto caseDb = newCase();
        std::uint64_t stored = 0;
        std::uint64_t duplicates = 0;
        std::vector<std::int64_t> firstIds;
        for (int i = 0; i < order.size(); ++i) {
            const ImportReport report = import(*caseDb, deliveryPaths(order[i]));
            QCOMPARE(report.errorCount, 0u);
            QCOMPARE(report.records + report.duplicateRecords, std::uint64_t(kRecords));
            // The first delivery brings every flow; the others only duplicates.
            QCOMPARE(report.records, i == 0 ? std::uint64_t(kRecords) : 0u);
            std::uint64_t perFile = 0;
            for (const FileResult &file : report.fileResults)
                perFile += file.duplicateRecords;
            QCOMPARE(perFile, report.duplicateRecords);
            stored += report.records;
            duplicates += report.duplicateRecords;
            if (i == 0)
                firstIds = recordIds(*caseDb);
        }
        // A record replaced by a richer copy keeps its id.
        QVERIFY(recordIds(*caseDb) == firstIds);
        QCOMPARE(stored, std::uint64_t(kRecords));
        QCOMPARE(duplicates, std::uint64_t(kRecords) * 3);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(duplicate_records) FROM source_file"),
                 std::int64_t(kRecords) * 3);
        compareContents(contentsOf(*caseDb), m_once);
        verifyBlockIndexes(caseDb->handle());
        // Replacing records by richer copies moves the graph's totals to the richer copies.
        verifyGraphTotals(caseDb->handle());
        // Replacing records by richer copies keeps the records by port and protocol.
        QCOMPARE(test::storedPortProtocolTotals(caseDb->handle()), test::scannedPortProtocolTotals(caseDb->handle()));
    }

    // A copy of an S3 object cut short holds only records the case has.
    void truncatedCopyOfAnImportedObject()
    {
        auto caseDb = newCase();
        QCOMPARE(import(*caseDb, {m_in.s3}).records, std::uint64_t(kRecords));
        QFile original(m_in.s3);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut/copy.log.gz"));
        test::writeFile(cut, bytes.left(bytes.size() * 3 / 5));
        const ImportReport report = import(*caseDb, {cut});
        QCOMPARE(report.files, 1u);
        QCOMPARE(report.records, 0u);
        QVERIFY(report.duplicateRecords > kRecords / 2);
        QVERIFY(report.duplicateRecords < kRecords);
        QVERIFY(report.errorCount >= 1); // where the stream ended, and a line it cut
        compareContents(contentsOf(*caseDb), m_once);
    }

    void keepDuplicatesStoresEveryCopy()
    {
        auto caseDb = newCase();
        import(*caseDb, {m_in.firehose});
        const ImportReport report = import(*caseDb, {m_in.s3}, true);
        QCOMPARE(report.records, std::uint64_t(kRecords));
        QCOMPARE(report.duplicateRecords, 0u);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(records) FROM flow_block"), std::int64_t(kRecords) * 2);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(flows) FROM rollup_minute"), std::int64_t(kRecords) * 2);
        // Without the option, a third copy finds one of the two stored ones.
        QCOMPARE(import(*caseDb, {m_in.cloudWatchJson}).duplicateRecords, std::uint64_t(kRecords));
    }

    // A file does not repeat itself: its own copies are kept, and a stored
    // record stands for one copy of each later file.
    void copiesWithinAFile_data()
    {
        QTest::addColumn<int>("firstCopies");
        QTest::addColumn<int>("secondCopies");
        QTest::addColumn<int>("stored");
        QTest::addColumn<int>("duplicates");
        QTest::newRow("twice, then once") << 2 << 1 << 2 << 1;
        QTest::newRow("once, then twice") << 1 << 2 << 2 << 1;
        QTest::newRow("twice, then twice") << 2 << 2 << 2 << 2;
        QTest::newRow("twice, then three times") << 2 << 3 << 3 << 2;
    }

    void copiesWithinAFile()
    {
        QFETCH(int, firstCopies);
        QFETCH(int, secondCopies);
        QFETCH(int, stored);
        QFETCH(int, duplicates);
        const QByteArray line =
            "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n";
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QString first = m_dir.filePath(QStringLiteral("within/%1/first.log").arg(tag));
        const QString second = m_dir.filePath(QStringLiteral("within/%1/second.jsonl").arg(tag));
        test::writeFile(first, line.repeated(firstCopies));
        test::writeFile(second, ("{\"message\":\"" + line.trimmed() + "\"}\n").repeated(secondCopies));
        auto caseDb = newCase();
        QCOMPARE(import(*caseDb, {first}).records, std::uint64_t(firstCopies));
        const ImportReport report = import(*caseDb, {second});
        QCOMPARE(report.duplicateRecords, std::uint64_t(duplicates));
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(records) FROM flow_block"), std::int64_t(stored));
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(flows) FROM rollup_minute"), std::int64_t(stored));
    }

    // A case of schema 3 reads as counting no duplicates, and opened for
    // writing gets the count (schema 4).
    void schema3CaseIsUpgraded()
    {
        const std::string file = m_dir.filePath(QStringLiteral("schema3.flowcase")).toStdString();
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            import(*caseDb, {m_in.firehose});
        }
        test::downgradeToSchema3(file);
        {
            auto readOnly = CaseDb::open(file, CaseDb::Mode::ReadOnly);
            QCOMPARE(queryInt(readOnly->handle(), "PRAGMA user_version"), 3);
            const auto files = importedFiles(*readOnly);
            QCOMPARE(files.size(), std::size_t(1));
            QCOMPARE(files[0].duplicateRecords, 0u);
            QCOMPARE(files[0].records, std::uint64_t(kRecords));
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(import(*caseDb, {m_in.s3}).duplicateRecords, std::uint64_t(kRecords));
        const auto files = importedFiles(*caseDb);
        QCOMPARE(files.size(), std::size_t(2));
        QCOMPARE(files[0].duplicateRecords, 0u);
        QCOMPARE(files[1].duplicateRecords, std::uint64_t(kRecords));
        QCOMPARE(files[1].records, 0u);
        QCOMPARE(test::storedPortProtocolTotals(caseDb->handle()), test::scannedPortProtocolTotals(caseDb->handle()));
    }

    // Absent fields agree only with absent ones; every key field tells records apart.
    void keyFieldsTellRecordsApart_data()
    {
        QTest::addColumn<QByteArray>("other");
        QTest::addColumn<bool>("duplicate");
        const QByteArray base = "2 1 eni-a 10.0.0.1 10.0.0.2 1000 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
        QTest::newRow("same") << base << true;
        QTest::newRow("other account (not a key field)") << QByteArray(base).replace("2 1 eni", "2 9 eni") << true;
        QTest::newRow("interface") << QByteArray(base).replace("eni-a", "eni-b") << false;
        QTest::newRow("srcaddr") << QByteArray(base).replace("10.0.0.1 ", "10.0.0.9 ") << false;
        QTest::newRow("dstaddr") << QByteArray(base).replace("10.0.0.2", "10.0.0.9") << false;
        QTest::newRow("srcport") << QByteArray(base).replace(" 1000 ", " 1001 ") << false;
        QTest::newRow("dstport") << QByteArray(base).replace(" 22 ", " 23 ") << false;
        QTest::newRow("protocol") << QByteArray(base).replace(" 6 20 ", " 17 20 ") << false;
        QTest::newRow("packets") << QByteArray(base).replace(" 20 4249", " 21 4249") << false;
        QTest::newRow("bytes") << QByteArray(base).replace("4249", "4250") << false;
        QTest::newRow("start") << QByteArray(base).replace("1418530010", "1418530011") << false;
        QTest::newRow("end") << QByteArray(base).replace("1418530070", "1418530071") << false;
        QTest::newRow("action") << QByteArray(base).replace("ACCEPT", "REJECT") << false;
        QTest::newRow("absent packets") << QByteArray(base).replace(" 20 4249", " - 4249") << false;
        QTest::newRow("absent action") << QByteArray(base).replace("ACCEPT", "-") << false;
    }

    void keyFieldsTellRecordsApart()
    {
        QFETCH(QByteArray, other);
        QFETCH(bool, duplicate);
        const QString tag = QString::number(++m_counter);
        const QString first = m_dir.filePath(QStringLiteral("keys/%1/a.log").arg(tag));
        const QString second = m_dir.filePath(QStringLiteral("keys/%1/b.log").arg(tag));
        test::writeFile(first, "2 1 eni-a 10.0.0.1 10.0.0.2 1000 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n");
        test::writeFile(second, other + "\n\n"); // not the same file content as the first
        auto caseDb = newCase();
        import(*caseDb, {first});
        const ImportReport report = import(*caseDb, {second});
        QCOMPARE(report.duplicateRecords, duplicate ? 1u : 0u);
        QCOMPARE(report.records, duplicate ? 0u : 1u);
    }
};

QTEST_GUILESS_MAIN(TestStoredDuplicates)
#include "tst_storedduplicates.moc"
