// SPDX-License-Identifier: GPL-3.0-or-later
// Scanning records block by block: every record once, in storage order,
// whichever thread decoded its block; chosen blocks only; errors from a
// visitor or a damaged block reach the caller.

#include "ingest/case_importer.h"
#include "store/block_codec.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace flowscope;

namespace {

// `count` records of one ENI, a second apart; bytes count them up from 1, so
// a sum shows that each was visited once.
QByteArray records(int count, int fileNumber)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "2 123456789010 eni-" + QByteArray::number(fileNumber) + " 10.0.0.1 10.1.0.1 40000 443 6 1 "
            + QByteArray::number(i + 1) + " " + QByteArray::number(1700000000 + i) + " "
            + QByteArray::number(1700000030 + i) + " ACCEPT OK\n";
    return out;
}

std::vector<std::int64_t> visitedIds(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks)
{
    std::vector<std::int64_t> ids;
    scanRecords(caseDb, blocks, [&](const EncodedFlow &, std::int64_t id) { ids.push_back(id); });
    return ids;
}

} // namespace

class TestBlockScan : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    std::vector<std::int64_t> m_blockIds;

private Q_SLOTS:
    void initTestCase()
    {
        // Three files of several blocks each, the last two ending in a partial block.
        for (int f = 0; f < 3; ++f)
            test::writeFile(m_dir.filePath(QStringLiteral("in/f%1.log").arg(f)), records(3 * 4096 + 100 * f, f));
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("s.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {}).records,
                 9u * 4096 + 300);
        Statement blocks(m_case->handle(), "SELECT id FROM flow_block ORDER BY id");
        while (blocks.step())
            m_blockIds.push_back(blocks.int64(0));
        QCOMPARE(m_blockIds.size(), 11u); // 3 + 4 + 4
    }

    void everyRecordOnceInStorageOrder()
    {
        const std::vector<std::int64_t> ids = visitedIds(*m_case, std::nullopt);
        QCOMPARE(ids.size(), 9u * 4096 + 300);
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));
        QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
        std::uint64_t bytes = 0;
        scanRecords(*m_case, std::nullopt, [&](const EncodedFlow &flow, std::int64_t) { bytes += flow.bytes; });
        std::uint64_t expected = 0;
        for (int f = 0; f < 3; ++f) {
            const std::uint64_t n = 3 * 4096 + 100 * f;
            expected += n * (n + 1) / 2;
        }
        QCOMPARE(bytes, expected);
    }

    void chosenBlocksOnly_data()
    {
        QTest::addColumn<QList<qint64>>("blocks");
        QTest::addColumn<QList<qint64>>("visited");
        QTest::newRow("none") << QList<qint64>{} << QList<qint64>{};
        QTest::newRow("one") << QList<qint64>{5} << QList<qint64>{5};
        QTest::newRow("several") << QList<qint64>{1, 4, 11} << QList<qint64>{1, 4, 11};
        QTest::newRow("missing ids are skipped") << QList<qint64>{0, 2, 99, 3, 1000} << QList<qint64>{2, 3};
    }

    void chosenBlocksOnly()
    {
        QFETCH(QList<qint64>, blocks);
        QFETCH(QList<qint64>, visited);
        const std::vector<std::int64_t> ids = visitedIds(*m_case, std::vector<std::int64_t>(blocks.begin(), blocks.end()));
        QList<qint64> seen;
        for (const std::int64_t id : ids)
            if (seen.isEmpty() || seen.back() != id >> kBlockShift)
                seen.append(id >> kBlockShift);
        QCOMPARE(seen, visited);
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));
    }

    void visitorErrorStopsTheScan()
    {
        std::size_t visited = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, scanRecords(*m_case, std::nullopt, [&](const EncodedFlow &, std::int64_t) {
                                     if (++visited == 5000)
                                         throw std::runtime_error("enough");
                                 }));
        QCOMPARE(visited, 5000u);
        QCOMPARE(visitedIds(*m_case, std::nullopt).size(), 9u * 4096 + 300); // the connection is usable again
    }

    void damagedBlockIsAnError()
    {
        const std::string file = m_dir.filePath(QStringLiteral("damaged.flowcase")).toStdString();
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            test::writeFile(m_dir.filePath(QStringLiteral("damaged.log")), records(3 * 4096, 9));
            CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("damaged.log")).toStdString()}, {});
            execSql(caseDb->handle(), "UPDATE flow_block SET data = x'00010203' WHERE id = 2");
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        std::vector<std::int64_t> blocksSeen;
        QVERIFY_THROWS_EXCEPTION(StoreError, scanRecords(*caseDb, std::nullopt, [&](const EncodedFlow &, std::int64_t id) {
                                     if (blocksSeen.empty() || blocksSeen.back() != id >> kBlockShift)
                                         blocksSeen.push_back(id >> kBlockShift);
                                 }));
        // Nothing after the damaged block is visited.
        QVERIFY(blocksSeen.size() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestBlockScan)
#include "tst_blockscan.moc"
