// SPDX-License-Identifier: GPL-3.0-or-later
// Records by position in time order, across overlapping files and blocks.

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "test_files.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace flowscope;

namespace {

std::int64_t startOf(const FlowRow &row)
{
    const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start));
    return start ? *start : INT64_MIN;
}

// A file of `count` records whose starts wander randomly over an hour,
// with some records that have no start at all.
QByteArray randomFile(QRandomGenerator &random, int count, int fileNumber)
{
    QByteArray out("version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
    for (int i = 0; i < count; ++i) {
        const bool undated = random.bounded(50) == 0;
        const qint64 start = 1700000000 + random.bounded(3600);
        out += "2 eni-" + QByteArray::number(fileNumber) + " 10.0.0." + QByteArray::number(random.bounded(250)) + " 10.1.0.1 "
            + QByteArray::number(1024 + i % 60000) + " 443 6 1 60 "
            + (undated ? QByteArray("- -") : QByteArray::number(start) + " " + QByteArray::number(start + 30))
            + " ACCEPT OK\n";
    }
    return out;
}

} // namespace

class TestFlowPager : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    std::vector<FlowRow> m_all;

private Q_SLOTS:
    void initTestCase()
    {
        QRandomGenerator random(42);
        for (int f = 0; f < 5; ++f)
            test::writeGzip(m_dir.filePath(QStringLiteral("in/f%1.log.gz").arg(f)), randomFile(random, 9000 + f * 1000, f));
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("p.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const ImportReport report = CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {});
        QCOMPARE(report.records, 55000u);
        FlowPager pager(*m_case);
        QCOMPARE(pager.recordCount(), 55000);
        pager.forEachFrom(0, [&](const FlowRow &row) {
            m_all.push_back(row);
            return true;
        });
    }

    void wholeSequenceIsInTimeOrder()
    {
        QCOMPARE(m_all.size(), 55000u);
        std::set<std::int64_t> ids;
        for (std::size_t i = 0; i < m_all.size(); ++i) {
            QVERIFY(ids.insert(m_all[i].id).second);
            if (i > 0) {
                const auto a = startOf(m_all[i - 1]);
                const auto b = startOf(m_all[i]);
                QVERIFY(a < b || (a == b && m_all[i - 1].id < m_all[i].id));
            }
        }
        QCOMPARE(startOf(m_all.front()), INT64_MIN); // records without a start come first
    }

    void matchingKeepsTimeOrder()
    {
        FlowPager pager(*m_case);
        std::vector<std::int64_t> ids;
        pager.forEachMatching([](const EncodedFlow &f) { return f.has(Field::SrcPort) && f.srcPort % 7 == 0; }, std::nullopt,
                              [&](const FlowRow &row) {
                                  ids.push_back(row.id);
                                  return true;
                              });
        std::vector<std::int64_t> expected;
        for (const FlowRow &row : m_all)
            if (std::get<std::int64_t>(row.value(Field::SrcPort)) % 7 == 0)
                expected.push_back(row.id);
        QVERIFY(!expected.empty());
        QCOMPARE(ids, expected);

        // Looking only into some blocks keeps only their records.
        std::vector<std::int64_t> firstBlock{m_all.front().id >> 12};
        std::size_t inFirst = 0;
        std::size_t total = 0;
        pager.forEachMatching(RecordTest{}, firstBlock, [&](const FlowRow &row) {
            inFirst += (row.id >> 12) == firstBlock[0];
            ++total;
            return true;
        });
        QCOMPARE(total, inFirst);
        QCOMPARE(inFirst, std::size_t(std::count_if(m_all.begin(), m_all.end(),
                                                    [&](const FlowRow &r) { return (r.id >> 12) == firstBlock[0]; })));
    }

    void positionOfTime_data()
    {
        QTest::addColumn<qint64>("epoch");
        QTest::newRow("before everything") << qint64(1600000000);
        QTest::newRow("first second") << qint64(1700000000);
        QTest::newRow("middle") << qint64(1700001800);
        QTest::newRow("last second") << qint64(1700003599);
        QTest::newRow("after everything") << qint64(1800000000);
    }

    void positionOfTime()
    {
        QFETCH(qint64, epoch);
        FlowPager pager(*m_case);
        const auto expected = std::count_if(m_all.begin(), m_all.end(), [&](const FlowRow &row) { return startOf(row) < epoch; });
        QCOMPARE(pager.positionOfTime(epoch), qint64(expected));
    }

    void matchSetCountsBelowSlots()
    {
        RecordMatchSet matches;
        for (const std::int64_t slot : {0, 1, 63, 64, 200, 4095})
            matches.add((std::int64_t{3} << 12) | slot);
        matches.add((std::int64_t{3} << 12) | 64); // twice: counted once
        const RecordMatchSet::Block *block = matches.block(3);
        QVERIFY(block);
        QVERIFY(!matches.block(2));
        QCOMPARE(matches.total(), 6);
        QCOMPARE(block->count, 6);
        QCOMPARE(block->countBelow(0), 0);
        QCOMPARE(block->countBelow(1), 1);
        QCOMPARE(block->countBelow(64), 3);
        QCOMPARE(block->countBelow(65), 4);
        QCOMPARE(block->countBelow(4095), 5);
        QCOMPARE(block->countBelow(4096), 6);
        QVERIFY(matches.contains((std::int64_t{3} << 12) | 4095));
        QVERIFY(!matches.contains((std::int64_t{3} << 12) | 4094));
    }

    // A pager over a match set serves exactly the matches, in the same
    // order, by position and by time, as a pager over everything filtered.
    void matchSetPositions_data()
    {
        QTest::addColumn<int>("modulus");
        QTest::addColumn<int>("remainder");
        QTest::newRow("one in two") << 2 << 1;
        QTest::newRow("one in 97") << 97 << 5;
        QTest::newRow("one in 9000") << 9000 << 17;
        QTest::newRow("every record") << 1 << 0;
        QTest::newRow("none") << 60000 << 59999;
    }

    void matchSetPositions()
    {
        QFETCH(int, modulus);
        QFETCH(int, remainder);
        auto matches = std::make_shared<RecordMatchSet>();
        std::vector<const FlowRow *> expected;
        for (const FlowRow &row : m_all)
            if (static_cast<int>(row.line % static_cast<std::uint64_t>(modulus)) == remainder) {
                matches->add(row.id);
                expected.push_back(&row);
            }
        FlowPager pager(*m_case, matches, 8);
        QCOMPARE(pager.recordCount(), qint64(expected.size()));
        QRandomGenerator random(11);
        for (int i = 0; i < 30 && !expected.empty(); ++i) {
            const auto first = static_cast<std::size_t>(i == 0 ? 0 : i == 1 ? expected.size() - 1 : random.bounded(int(expected.size())));
            const auto rows = pager.rowsAt(qint64(first), 100);
            QCOMPARE(rows.size(), std::min<std::size_t>(100, expected.size() - first));
            for (std::size_t k = 0; k < rows.size(); ++k)
                QCOMPARE(rows[k].id, expected[first + k]->id);
        }
        QVERIFY(pager.rowsAt(qint64(expected.size()), 10).empty());
        for (const qint64 epoch : {qint64(1600000000), qint64(1700000000), qint64(1700001234), qint64(1800000000)}) {
            const auto before = std::count_if(expected.begin(), expected.end(), [&](const FlowRow *row) { return startOf(*row) < epoch; });
            QCOMPARE(pager.positionOfTime(epoch), qint64(before));
        }
    }

    void positionsMatchTheSequence_data()
    {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<int>("count");
        QTest::newRow("start") << qint64(0) << 300;
        QTest::newRow("inside the undated") << qint64(500) << 700;
        QTest::newRow("middle") << qint64(27500) << 256;
        QTest::newRow("last page") << qint64(54900) << 256;
        QTest::newRow("last record") << qint64(54999) << 10;
        QTest::newRow("past the end") << qint64(55000) << 10;
        QRandomGenerator random(7);
        for (int i = 0; i < 40; ++i)
            QTest::newRow(qPrintable(QStringLiteral("random %1").arg(i))) << qint64(random.bounded(55000)) << 1 + random.bounded(300);
    }

    void positionsMatchTheSequence()
    {
        QFETCH(qint64, first);
        QFETCH(int, count);
        FlowPager pager(*m_case, 8); // a small cache: blocks are evicted and read again
        const auto rows = pager.rowsAt(first, static_cast<std::size_t>(count));
        const std::size_t expected = std::min<std::size_t>(count, m_all.size() - std::min<std::size_t>(first, m_all.size()));
        QCOMPARE(rows.size(), expected);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].id, m_all[static_cast<std::size_t>(first) + i].id);
            QCOMPARE(rows[i].line, m_all[static_cast<std::size_t>(first) + i].line);
            QCOMPARE(rows[i].file, m_all[static_cast<std::size_t>(first) + i].file);
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowPager)
#include "tst_flowpager.moc"
