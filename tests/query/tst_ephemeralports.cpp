// SPDX-License-Identifier: GPL-3.0-or-later
// The block index of ports from 32768 up: its two encodings of a chunk's
// blocks, the exact blocks the preselection keeps for such ports and ranges,
// merging when a later import or chunk adds blocks, and cases of format 2
// (read-only: the old bitmap of port groups; read-write: upgraded in place).

#include "format2_case.h"
#include "ingest/case_importer.h"
#include "query/block_selection.h"
#include "query/filter_parser.h"
#include "query/record_predicate.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/ephemeral_port_index.h"
#include "store/schema.h"
#include "test_files.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

// `blocks` blocks of 4096 records, a second apart, so record r is in the
// file's block r / 4096. Every record goes from a service port to 443;
// `special` gives some records other ports: {record, srcport, dstport}.
struct SpecialPorts {
    int record;
    int srcPort;
    int dstPort;
};

QByteArray blockRecords(int blocks, std::int64_t firstStart, const std::vector<SpecialPorts> &special)
{
    QByteArray out;
    for (int r = 0; r < blocks * 4096; ++r) {
        int src = 1024 + r % 1000;
        int dst = 443;
        for (const SpecialPorts &s : special)
            if (s.record == r) {
                src = s.srcPort;
                dst = s.dstPort;
            }
        const std::int64_t start = firstStart + r;
        out += "2 123456789010 eni-a 10.0.0.1 10.1.0.1 " + QByteArray::number(src) + ' ' + QByteArray::number(dst)
            + " 6 1 100 " + QByteArray::number(start) + ' ' + QByteArray::number(start + 30) + " ACCEPT OK\n";
    }
    return out;
}

// Four blocks (ids 1 to 4) with ports from 32768 up in known blocks.
QByteArray firstFile()
{
    return blockRecords(4, 1700000000, {{5, 50000, 443}, {13, 60000, 443}, {4096 + 7, 1024, 50001},
                                        {2 * 4096 + 9, 60000, 32768}, {3 * 4096 + 11, 2000, 65535}});
}

// One block (id 5), imported later into the same chunk.
QByteArray secondFile()
{
    return blockRecords(1, 1700100000, {{1, 60000, 443}, {2, 50002, 443}});
}

QList<qint64> toList(const std::optional<std::vector<std::int64_t>> &blocks)
{
    if (!blocks)
        return {-1}; // every block
    return QList<qint64>(blocks->begin(), blocks->end());
}

std::optional<std::vector<std::int64_t>> select(CaseDb &caseDb, const QString &filter)
{
    const FilterParseResult parsed = parseFilter(filter.toStdString());
    if (!parsed.ok())
        throw std::runtime_error("bad filter");
    return selectBlocks(caseDb, *parsed.root);
}

// Matches over the blocks the preselection keeps, and over every block.
std::pair<int, int> matchCounts(CaseDb &caseDb, const QString &filter)
{
    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(caseDb.handle());
    interfaces.load(caseDb.handle(), strings);
    const FilterParseResult parsed = parseFilter(filter.toStdString());
    const RecordPredicate accept = compileRecordPredicate(*parsed.root, strings, interfaces);
    int narrowed = 0;
    int all = 0;
    scanRecords(caseDb, selectBlocks(caseDb, *parsed.root), [&](const EncodedFlow &f, std::int64_t) { narrowed += accept(f); });
    scanRecords(caseDb, std::nullopt, [&](const EncodedFlow &f, std::int64_t) { all += accept(f); });
    return {narrowed, all};
}

// The index as "port chunk: blocks" lines.
QStringList indexRows(CaseDb &caseDb)
{
    QStringList out;
    Statement rows(caseDb.handle(), "SELECT port, chunk, blocks FROM ephemeral_port_block ORDER BY port, chunk");
    while (rows.step()) {
        ChunkBlocks blocks{};
        addStoredChunkBlocks(rows.blob(2), blocks);
        QStringList ids;
        forEachBlockIn(rows.int64(1), blocks, [&](std::int64_t block) { ids << QString::number(block); });
        out << QStringLiteral("%1 %2: %3").arg(rows.int64(0)).arg(rows.int64(1)).arg(ids.join(QLatin1Char(' ')));
    }
    return out;
}

ChunkBlocks setOf(std::initializer_list<int> offsets)
{
    ChunkBlocks blocks{};
    for (const int offset : offsets)
        blocks[static_cast<std::size_t>(offset) / 64] |= std::uint64_t(1) << (offset % 64);
    return blocks;
}

// The encoding as first written: both forms built in full, the smaller kept
// (the bitmap on a tie). The encoders must keep giving these bytes: stored
// sets are compared and merged as they are.
std::string referenceEncoding(const ChunkBlocks &blocks)
{
    std::string bitmap(1, '\0');
    for (const std::uint64_t word : blocks)
        for (int b = 0; b < 8; ++b)
            bitmap.push_back(static_cast<char>(word >> (8 * b)));
    bitmap.erase(bitmap.find_last_not_of('\0') + 1);
    std::string list(1, '\1');
    std::int64_t previous = -1;
    forEachBlockIn(0, blocks, [&](std::int64_t offset) {
        for (auto gap = static_cast<std::uint64_t>(offset - previous - 1);; gap >>= 7) {
            list.push_back(static_cast<char>(gap < 0x80 ? gap : (gap & 0x7f) | 0x80));
            if (gap < 0x80)
                break;
        }
        previous = offset;
    });
    return list.size() < bitmap.size() ? list : bitmap;
}

std::vector<std::uint16_t> offsetsOf(const ChunkBlocks &blocks)
{
    std::vector<std::uint16_t> offsets;
    forEachBlockIn(0, blocks, [&](std::int64_t offset) { offsets.push_back(static_cast<std::uint16_t>(offset)); });
    return offsets;
}

ChunkBlocks everyNth(int n)
{
    ChunkBlocks blocks{};
    for (int offset = 0; offset < kBlocksPerPortChunk; offset += n)
        blocks[static_cast<std::size_t>(offset) / 64] |= std::uint64_t(1) << (offset % 64);
    return blocks;
}

} // namespace

Q_DECLARE_METATYPE(ChunkBlocks)

class TestEphemeralPorts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;

    std::unique_ptr<CaseDb> importCase(const QString &name, const QList<QByteArray> &files, CaseDb::Mode mode)
    {
        auto caseDb = CaseDb::open(m_dir.filePath(name + QStringLiteral(".flowcase")).toStdString(), mode);
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString input = m_dir.filePath(name + QStringLiteral("-%1.log").arg(i));
            test::writeFile(input, files[i]);
            CaseImporter(*caseDb).run({input.toStdString()}, {});
        }
        return caseDb;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = importCase(QStringLiteral("first"), {firstFile()}, CaseDb::Mode::CreateIfMissing);
        QCOMPARE(queryInt(m_case->handle(), "SELECT count(*) FROM flow_block"), 4);
    }

    void encodings_data()
    {
        QTest::addColumn<ChunkBlocks>("blocks");
        QTest::addColumn<int>("form"); // the first byte: 0 bitmap, 1 list of offsets
        QTest::addColumn<int>("size");
        QTest::newRow("first block: a tie, bitmap") << setOf({0}) << 0 << 2;
        QTest::newRow("last block") << setOf({4095}) << 1 << 3; // a two-byte varint
        QTest::newRow("a few") << setOf({3, 4, 200, 4000}) << 1 << 1 + 1 + 1 + 2 + 2;
        QTest::newRow("every 16th: list") << everyNth(16) << 1 << 1 + 256;
        QTest::newRow("every 4th: bitmap") << everyNth(4) << 0 << 1 + 512;
        QTest::newRow("all: bitmap") << everyNth(1) << 0 << 1 + 512;
        QTest::newRow("dense start: trimmed bitmap") << setOf({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
                                                     << 0 << 1 + 3;
    }

    void encodings()
    {
        QFETCH(ChunkBlocks, blocks);
        QFETCH(int, form);
        QFETCH(int, size);
        const std::string stored = encodeChunkBlocks(blocks);
        QCOMPARE(stored, referenceEncoding(blocks));
        QCOMPARE(encodeChunkOffsets(offsetsOf(blocks)), stored);
        QCOMPARE(int(stored[0]), form);
        QCOMPARE(int(stored.size()), size);
        ChunkBlocks decoded{};
        addStoredChunkBlocks(stored, decoded);
        QVERIFY(decoded == blocks);
        // Adding to a set keeps what it had.
        ChunkBlocks joined = setOf({1, 4094});
        addStoredChunkBlocks(stored, joined);
        for (std::size_t w = 0; w < blocks.size(); ++w)
            QCOMPARE(joined[w], blocks[w] | setOf({1, 4094})[w]);
    }

    // Sets of every density and extent, both encoders against the reference bytes.
    void encodersGiveTheReferenceBytes()
    {
        std::uint64_t state = 0x9e3779b97f4a7c15ULL;
        const auto next = [&state] {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        };
        for (int round = 0; round < 3000; ++round) {
            ChunkBlocks blocks{};
            // Sets that are not empty, as stored.
            const std::uint64_t count = 1 + next() % (round % 3 == 0 ? 8 : round % 3 == 1 ? 300 : 4096);
            const std::uint64_t span = 1 + next() % 4096; // sets crowded at the chunk's start too
            for (std::uint64_t i = 0; i < count; ++i) {
                const std::uint64_t offset = next() % span;
                blocks[offset / 64] |= std::uint64_t(1) << (offset % 64);
            }
            const std::string expected = referenceEncoding(blocks);
            QCOMPARE(encodeChunkBlocks(blocks), expected);
            QCOMPARE(encodeChunkOffsets(offsetsOf(blocks)), expected);
        }
    }

    void malformedSetsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("unknown form") << QByteArray("\x02\x01", 2);
        QTest::newRow("bitmap too long") << (QByteArray(1, '\0') + QByteArray(513, '\x01'));
        QTest::newRow("offset past the chunk") << QByteArray("\x01\x80\x20", 3); // 4096
        QTest::newRow("cut varint") << QByteArray("\x01\x05\x80", 3);
    }

    void malformedSetsAreErrors()
    {
        QFETCH(QByteArray, stored);
        ChunkBlocks blocks{};
        QVERIFY_THROWS_EXCEPTION(StoreError, addStoredChunkBlocks(std::string_view(stored.data(), stored.size()), blocks));
    }

    void exactBlocks_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QList<qint64>>("blocks");
        QTest::newRow("source port") << "srcport == 50000" << QList<qint64>{1};
        QTest::newRow("destination port") << "dstport == 50001" << QList<qint64>{2};
        QTest::newRow("either side") << "port == 50001" << QList<qint64>{2};
        QTest::newRow("in two blocks") << "srcport == 60000" << QList<qint64>{1, 3};
        QTest::newRow("lowest") << "port == 32768" << QList<qint64>{3};
        QTest::newRow("highest") << "port == 65535" << QList<qint64>{4};
        QTest::newRow("in no block") << "port == 50003" << QList<qint64>{};
        // The index does not tell the sides apart: the predicate does.
        QTest::newRow("other side") << "dstport == 60000" << QList<qint64>{1, 3};
        QTest::newRow("range") << "port in {50000..50001}" << QList<qint64>{1, 2};
        QTest::newRow("range between") << "port in {50002..59999}" << QList<qint64>{};
        QTest::newRow("whole range") << "port in {32768..65535}" << QList<qint64>{1, 2, 3, 4};
        QTest::newRow("range across 32768") << "port in {30000..32768}" << QList<qint64>{3};
        QTest::newRow("set") << "port in {22, 65535, 50000}" << QList<qint64>{1, 4};
        QTest::newRow("service port too") << "port in {443, 65535}" << QList<qint64>{1, 2, 3, 4};
        QTest::newRow("and") << "srcport == 60000 and dstport == 32768" << QList<qint64>{3};
    }

    void exactBlocks()
    {
        QFETCH(QString, filter);
        QFETCH(QList<qint64>, blocks);
        QCOMPARE(toList(select(*m_case, filter)), blocks);
        const auto [narrowed, all] = matchCounts(*m_case, filter);
        QCOMPARE(narrowed, all);
    }

    void planIsDescribed()
    {
        const FilterParseResult parsed = parseFilter("dstport == 40001");
        QVERIFY(parsed.ok());
        QCOMPARE(QString::fromStdString(describeBlockSelection(*parsed.root)),
                 QStringLiteral("index preselection:\n"
                                "  SELECT chunk, blocks FROM ephemeral_port_block WHERE port BETWEEN ? AND ?\n"
                                "    ?1 = 40001\n"
                                "    ?2 = 40001\n"
                                "    keeping the blocks each row lists (format 2 read-only: blocks whose port-group"
                                " bitmap has 40001)\n"));
    }

    // A second import fills more of the same chunk: its sets join the ones
    // stored rather than replace them.
    void laterImportMerges()
    {
        auto caseDb = importCase(QStringLiteral("twice"), {firstFile(), secondFile()}, CaseDb::Mode::CreateIfMissing);
        QCOMPARE(toList(select(*caseDb, QStringLiteral("srcport == 60000"))), (QList<qint64>{1, 3, 5}));
        QCOMPARE(toList(select(*caseDb, QStringLiteral("port == 50002"))), QList<qint64>{5});
        QCOMPARE(toList(select(*caseDb, QStringLiteral("port in {50000..50002}"))), (QList<qint64>{1, 2, 5}));
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM ephemeral_port_block WHERE port = 60000"), 1);
        // The same case in one import of both files.
        caseDb.reset();
        const QString folder = m_dir.filePath(QStringLiteral("both"));
        test::writeFile(folder + QStringLiteral("/a.log"), firstFile());
        test::writeFile(folder + QStringLiteral("/b.log"), secondFile());
        auto once = CaseDb::open(m_dir.filePath(QStringLiteral("once.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        CaseImporter(*once).run({folder.toStdString()}, {});
        auto again = CaseDb::open(m_dir.filePath(QStringLiteral("twice.flowcase")).toStdString(), CaseDb::Mode::ReadOnly);
        QCOMPARE(indexRows(*once), indexRows(*again));
    }

    // Blocks of several chunks, as a case of more than 16M records has them.
    void chunksAreSeparateRows()
    {
        auto caseDb = CaseDb::open(m_dir.filePath(QStringLiteral("chunks.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        {
            Transaction transaction(caseDb->handle());
            EphemeralPortIndexWriter writer(caseDb->handle());
            for (const std::int64_t block : {4095, 4096, 4097, 9000})
                writer.add(block, 40000);
            writer.add(9000, 443); // not indexed here
            writer.add(9000, 65535);
            writer.flush();
            transaction.commit();
        }
        QCOMPARE(indexRows(*caseDb), (QStringList{"40000 0: 4095", "40000 1: 4096 4097", "40000 2: 9000", "65535 2: 9000"}));
        {
            Transaction transaction(caseDb->handle());
            EphemeralPortIndexWriter writer(caseDb->handle());
            writer.add(9001, 40000);
            writer.add(12288, 40000);
            writer.flush();
            transaction.commit();
        }
        QCOMPARE(indexRows(*caseDb),
                 (QStringList{"40000 0: 4095", "40000 1: 4096 4097", "40000 2: 9000 9001", "40000 3: 12288", "65535 2: 9000"}));
        QCOMPARE(toList(select(*caseDb, QStringLiteral("port == 40000"))), (QList<qint64>{4095, 4096, 4097, 9000, 9001, 12288}));
        QCOMPARE(toList(select(*caseDb, QStringLiteral("port in {40000..65535}"))),
                 (QList<qint64>{4095, 4096, 4097, 9000, 9001, 12288}));
    }

    void discardedBlocksLeaveNoRows()
    {
        auto caseDb = CaseDb::open(m_dir.filePath(QStringLiteral("discard.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        Transaction transaction(caseDb->handle());
        EphemeralPortIndexWriter writer(caseDb->handle());
        writer.add(7, 40000);
        writer.discard();
        writer.add(8, 40001);
        writer.flush();
        transaction.commit();
        QCOMPARE(indexRows(*caseDb), QStringList{"40001 0: 8"});
    }

    // Read-only, a format 2 case is read as it is: the bitmap of port groups
    // keeps a superset of the blocks, and the matches are the same.
    void format2ReadOnly_data() { exactBlocks_data(); }

    void format2ReadOnly()
    {
        QFETCH(QString, filter);
        QFETCH(QList<qint64>, blocks);
        const std::string file = m_dir.filePath(QStringLiteral("v2-readonly.flowcase")).toStdString();
        if (!QFile::exists(QString::fromStdString(file))) {
            importCase(QStringLiteral("v2-readonly"), {firstFile()}, CaseDb::Mode::CreateIfMissing).reset();
            test::downgradeToFormat2(file);
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), 2);
        const QList<qint64> coarse = toList(select(*caseDb, filter));
        for (const qint64 block : blocks)
            QVERIFY(coarse.contains(block));
        const auto [narrowed, all] = matchCounts(*caseDb, filter);
        QCOMPARE(narrowed, all);
        QCOMPARE(all, matchCounts(*m_case, filter).second);
    }

    void format2GroupsAreCoarse()
    {
        const std::string file = m_dir.filePath(QStringLiteral("v2-readonly.flowcase")).toStdString();
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        // 50000 and 50001 share a group of eight.
        QCOMPARE(toList(select(*caseDb, QStringLiteral("port == 50000"))), (QList<qint64>{1, 2}));
    }

    // Read-write, a format 2 case is upgraded in place: the index built from
    // its blocks is the one an import into a new case writes.
    void format2IsUpgraded()
    {
        const std::string file = m_dir.filePath(QStringLiteral("v2.flowcase")).toStdString();
        importCase(QStringLiteral("v2"), {firstFile(), secondFile()}, CaseDb::Mode::CreateIfMissing).reset();
        test::downgradeToFormat2(file);
        auto upgraded = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        QCOMPARE(queryInt(upgraded->handle(), "PRAGMA user_version"), currentSchemaVersion());
        auto fresh = importCase(QStringLiteral("fresh"), {firstFile(), secondFile()}, CaseDb::Mode::CreateIfMissing);
        QCOMPARE(indexRows(*upgraded), indexRows(*fresh));
        QVERIFY(!indexRows(*upgraded).isEmpty());
        QCOMPARE(toList(select(*upgraded, QStringLiteral("port == 50000"))), QList<qint64>{1});
    }
};

QTEST_GUILESS_MAIN(TestEphemeralPorts)
#include "tst_ephemeralports.moc"
