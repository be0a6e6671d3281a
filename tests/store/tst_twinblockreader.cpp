// SPDX-License-Identifier: GPL-3.0-or-later
// The second connection a concurrent scan reads blocks through: the same
// bytes as the case's own, used only while no commit can have come between
// the two connections' snapshots, and never inside a transaction or without
// the write-ahead log; a scan through both visits every block once.

#include "ingest/case_importer.h"
#include "store/block_reader.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "store/twin_block_reader.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <map>
#include <mutex>

using namespace flowscope;

namespace {

constexpr int kFiles = 70; // a block each: more than a scan needs to open a twin
constexpr int kRecordsPerFile = 20;

QByteArray records(int count, int fileNumber)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "2 123456789010 eni-" + QByteArray::number(fileNumber) + " 10.0.0.1 10.1.0." + QByteArray::number(fileNumber)
            + " 40000 443 6 1 " + QByteArray::number(i + 1) + " " + QByteArray::number(1700000000 + 100 * fileNumber + i)
            + " " + QByteArray::number(1700000030 + 100 * fileNumber + i) + " ACCEPT OK\n";
    return out;
}

// A commit that changes a page (SQLite writes nothing for a row updated to
// the value it has, and such a commit is no change).
void commitSomething(CaseDb &writer)
{
    static int serial = 0;
    execSql(writer.handle(), "INSERT INTO saved_filter(name, expression, created_at) VALUES ('twin "
                                 + std::to_string(++serial) + "', 'action == reject', 0)");
}

} // namespace

class TestTwinBlockReader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_file;
    std::vector<std::int64_t> m_blockIds;

    std::unique_ptr<CaseDb> openCase(CaseDb::Mode mode = CaseDb::Mode::ReadOnly) { return CaseDb::open(m_file, mode); }

private Q_SLOTS:
    void initTestCase()
    {
        for (int f = 0; f < kFiles; ++f)
            test::writeFile(m_dir.filePath(QStringLiteral("in/f%1.log").arg(f, 2, 10, QLatin1Char('0'))),
                            records(kRecordsPerFile, f));
        m_file = m_dir.filePath(QStringLiteral("t.flowcase")).toStdString();
        auto caseDb = CaseDb::open(m_file, CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {}).records,
                 std::size_t(kFiles * kRecordsPerFile));
        Statement blocks(caseDb->handle(), "SELECT id FROM flow_block ORDER BY id");
        while (blocks.step())
            m_blockIds.push_back(blocks.int64(0));
        QCOMPARE(m_blockIds.size(), std::size_t(kFiles));
    }

    void readsWhatTheCaseConnectionReads()
    {
        auto caseDb = openCase();
        auto twin = TwinBlockReader::open(*caseDb);
        QVERIFY(twin);
        BlockReader own(caseDb->handle(), true);
        std::string mine, theirs;
        for (const std::int64_t id : m_blockIds) {
            QVERIFY(own.read(id, kAllColumns, mine));
            const std::optional<bool> found = twin->read(id, kAllColumns, theirs);
            QVERIFY(found && *found);
            QCOMPARE(theirs, mine);
        }
    }

    void aCommitBetweenTheSnapshotsStopsTheTwin()
    {
        auto caseDb = openCase();
        auto twin = TwinBlockReader::open(*caseDb);
        QVERIFY(twin);
        {
            auto writer = openCase(CaseDb::Mode::ReadWrite);
            commitSomething(*writer);
        }
        std::string data;
        QVERIFY(!twin->read(m_blockIds.front(), kAllColumns, data));
        QVERIFY(!twin->read(m_blockIds.back(), kAllColumns, data)); // and from then on
    }

    void aCommitAfterTheCheckIsNotSeen()
    {
        auto caseDb = openCase();
        auto twin = TwinBlockReader::open(*caseDb);
        QVERIFY(twin);
        std::string before, after;
        QVERIFY(twin->read(m_blockIds[1], kAllColumns, before).value_or(false));
        {
            auto writer = openCase(CaseDb::Mode::ReadWrite);
            execSql(writer->handle(), "UPDATE flow_block SET data = x'00' WHERE id = " + std::to_string(m_blockIds[1]));
        }
        // The twin keeps the snapshot it checked, as the case's connection keeps its own.
        QVERIFY(twin->read(m_blockIds[1], kAllColumns, after).value_or(false));
        QCOMPARE(after, before);
        twin.reset();
        auto writer = openCase(CaseDb::Mode::ReadWrite);
        Statement put(writer->handle(), "UPDATE flow_block SET data = ? WHERE id = ?");
        put.bindBlobStatic(1, before.data(), static_cast<int>(before.size()));
        put.bind(2, m_blockIds[1]);
        put.step();
    }

    void aGoneBlockStopsTheTwin()
    {
        auto caseDb = openCase();
        auto twin = TwinBlockReader::open(*caseDb);
        QVERIFY(twin);
        std::string data;
        QVERIFY(!twin->read(m_blockIds.back() + 1000, kAllColumns, data));
        QVERIFY(!twin->read(m_blockIds.front(), kAllColumns, data));
    }

    void noTwinInsideATransaction()
    {
        auto caseDb = openCase(CaseDb::Mode::ReadWrite);
        execSql(caseDb->handle(), "BEGIN");
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM flow_block"), std::int64_t(kFiles));
        QVERIFY(!TwinBlockReader::open(*caseDb));
        execSql(caseDb->handle(), "ROLLBACK");
        QVERIFY(TwinBlockReader::open(*caseDb));
    }

    void noTwinWithoutTheLog()
    {
        const std::string copy = m_dir.filePath(QStringLiteral("journal.flowcase")).toStdString();
        {
            auto caseDb = openCase();
            execSql(caseDb->handle(), "VACUUM INTO '" + copy + "'");
        }
        auto caseDb = CaseDb::open(copy, CaseDb::Mode::ReadWrite);
        execSql(caseDb->handle(), "PRAGMA journal_mode = DELETE");
        QVERIFY(!TwinBlockReader::open(*caseDb));
    }

    void aScanVisitsEveryBlockOnce_data()
    {
        QTest::addColumn<bool>("commitDuringTheScan");
        QTest::newRow("quiet case") << false;
        QTest::newRow("a commit while scanning") << true;
    }

    void aScanVisitsEveryBlockOnce()
    {
        QFETCH(bool, commitDuringTheScan);
        auto caseDb = openCase();
        std::mutex mutex;
        std::map<std::int64_t, int> visits;
        std::atomic<std::uint64_t> bytes = 0;
        std::atomic<bool> committed = false;
        scanBlockColumnsPerWorker(*caseDb, std::nullopt, columnOf(Field::Bytes),
                                  [&](std::size_t worker, std::int64_t block, BlockColumns &columns) {
                                      if (commitDuringTheScan && worker == 0 && !committed.exchange(true)) {
                                          auto writer = openCase(CaseDb::Mode::ReadWrite);
                                          commitSomething(*writer);
                                      }
                                      const std::uint64_t *values = columns.integers(Field::Bytes);
                                      std::uint64_t sum = 0;
                                      for (std::size_t i = 0; i < columns.size(); ++i)
                                          sum += values[i];
                                      bytes += sum;
                                      std::lock_guard lock(mutex);
                                      ++visits[block];
                                  });
        QCOMPARE(visits.size(), m_blockIds.size());
        for (const auto &[block, count] : visits)
            QCOMPARE(count, 1);
        const std::uint64_t perFile = std::uint64_t(kRecordsPerFile) * (kRecordsPerFile + 1) / 2;
        QCOMPARE(bytes.load(), perFile * kFiles);
    }
};

QTEST_GUILESS_MAIN(TestTwinBlockReader)
#include "tst_twinblockreader.moc"
