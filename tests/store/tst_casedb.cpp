// SPDX-License-Identifier: GPL-3.0-or-later
// Opening, refusing, migrating and recovering case files.

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace flowscope;

namespace {

QByteArray manyRecords(int count, int seed)
{
    QByteArray out;
    out.reserve(count * 110);
    for (int i = 0; i < count; ++i)
        out += "2 123456789010 eni-0a" + QByteArray::number(seed) + " 10.0." + QByteArray::number((i / 250) % 250) + "."
            + QByteArray::number(i % 250) + " 10.1.0.9 " + QByteArray::number(1024 + (i * 7) % 60000) + " 443 6 "
            + QByteArray::number(1 + i % 90) + " " + QByteArray::number(60 + i % 9000) + " "
            + QByteArray::number(1700000000 + i / 10) + " " + QByteArray::number(1700000060 + i / 10)
            + (i % 13 ? " ACCEPT OK\n" : " REJECT OK\n");
    return out;
}

// In the child process: once 200,000 records are written, leaves a marker
// file and stops, in the middle of the file's transaction.
class HaltHalfway : public ImportObserver {
public:
    explicit HaltHalfway(std::string marker)
        : m_marker(std::move(marker))
    {
    }
    void progress(const ImportProgress &progress) override
    {
        if (progress.records < 200000)
            return;
        test::writeFile(QString::fromStdString(m_marker), "halfway");
        for (;;)
            ::pause();
    }

private:
    std::string m_marker;
};

} // namespace

class TestCaseDb : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

    static QString openError(const std::string &file, CaseDb::Mode mode)
    {
        try {
            CaseDb::open(file, mode);
        } catch (const StoreError &error) {
            return QString::fromUtf8(error.what());
        }
        return {};
    }

private Q_SLOTS:
    void newCaseHasCurrentSchema()
    {
        auto caseDb = CaseDb::open(path("new.flowcase"), CaseDb::Mode::CreateIfMissing);
        QVERIFY(caseDb->wasCreated());
        sqlite3 *db = caseDb->handle();
        QCOMPARE(queryInt(db, "PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(queryInt(db, "PRAGMA application_id"), kCaseApplicationId);
        Statement mode(db, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(QString::fromStdString(mode.text(0)), QStringLiteral("wal"));
        QVERIFY(flowIndexesComplete(db));
        int defensive = -1;
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
        QCOMPARE(defensive, 1);
        int trusted = -1;
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
        QCOMPARE(trusted, 0);
        caseDb.reset();
        auto reopened = CaseDb::open(path("new.flowcase"), CaseDb::Mode::ReadWrite);
        QVERIFY(!reopened->wasCreated());
    }

    void refusesWhatIsNotACase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("version account-id\n") << "not an SQLite database";
        QTest::newRow("empty file") << QByteArray() << "not an SQLite database";
        QTest::newRow("gzip") << test::gzip("hello") << "not an SQLite database";
    }

    void refusesWhatIsNotACase()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const std::string file = path(QTest::currentDataTag());
        test::writeFile(QString::fromStdString(file), content);
        const QString error = openError(file, CaseDb::Mode::CreateIfMissing);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(error.contains(QString::fromStdString(file)));
        QCOMPARE(QFileInfo(QString::fromStdString(file)).size(), content.size()); // untouched
    }

    void refusesAnotherProgramsDatabase()
    {
        const std::string file = path("other.sqlite");
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
        execSql(db, "CREATE TABLE contacts(name TEXT)");
        sqlite3_close(db);
        const QString error = openError(file, CaseDb::Mode::ReadWrite);
        QVERIFY2(error.contains(QStringLiteral("another program")), qPrintable(error));
    }

    void refusesNewerCase()
    {
        const std::string file = path("future.flowcase");
        CaseDb::open(file, CaseDb::Mode::CreateIfMissing).reset();
        sqlite3 *db = nullptr;
        sqlite3_open(file.c_str(), &db);
        execSql(db, "PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1));
        sqlite3_close(db);
        const QString error = openError(file, CaseDb::Mode::ReadOnly);
        QVERIFY2(error.contains(QStringLiteral("newer Flowscope")), qPrintable(error));
    }

    void missingCaseIsNotCreatedWhenOnlyOpening()
    {
        const std::string file = path("absent.flowcase");
        QVERIFY(openError(file, CaseDb::Mode::ReadOnly).contains(QStringLiteral("does not exist")));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(file)));
    }

    void droppedIndexesAreRebuiltOnOpen()
    {
        const std::string file = path("indexes.flowcase");
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            Transaction transaction(caseDb->handle());
            dropFlowIndexes(caseDb->handle());
            transaction.commit();
            QVERIFY(!flowIndexesComplete(caseDb->handle()));
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        QVERIFY(flowIndexesComplete(caseDb->handle()));
    }

    // A kill at any moment of an import leaves the case consistent with the
    // file absent; importing again completes it.
    void killedImportLeavesConsistentCase()
    {
        const std::string file = path("killed.flowcase");
        const QString input = m_dir.filePath(QStringLiteral("kill/big.log"));
        const QString small = m_dir.filePath(QStringLiteral("kill-small/small.log"));
        test::writeFile(input, manyRecords(400000, 1));
        test::writeFile(small, manyRecords(100, 2));
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({small.toStdString()}, {});
        }
        const pid_t child = fork();
        QVERIFY(child >= 0);
        const QString marker = m_dir.filePath(QStringLiteral("kill/halfway"));
        if (child == 0) {
            // Halfway through the file's transaction, say so and wait for the kill.
            HaltHalfway halt(marker.toStdString());
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
            CaseImporter(*caseDb).run({input.toStdString()}, {}, &halt);
            _exit(0);
        }
        // Whatever happens below, the child does not outlive the test.
        const auto killChild = qScopeGuard([child] { ::kill(child, SIGKILL); });
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marker), 60000);
        QCOMPARE(::kill(child, SIGKILL), 0);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));

        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        sqlite3 *db = caseDb->handle();
        Statement check(db, "PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(QString::fromStdString(check.text(0)), QStringLiteral("ok"));
        QCOMPARE(queryInt(db, "SELECT count(*) FROM source_file"), 1);
        QCOMPARE(queryInt(db, "SELECT coalesce(sum(records), 0) FROM flow_block"), 100);
        QCOMPARE(queryInt(db, "SELECT sum(flows) FROM rollup_minute"), 100);
        QVERIFY(flowIndexesComplete(db));

        const ImportReport again = CaseImporter(*caseDb).run({input.toStdString()}, {});
        QCOMPARE(again.records, 400000u);
        QCOMPARE(queryInt(db, "SELECT coalesce(sum(records), 0) FROM flow_block"), 400100);
        QCOMPARE(queryInt(db, "SELECT sum(flows) FROM rollup_minute"), 400100);
        // Every 13th record of each file is a reject.
        QCOMPARE(queryInt(db, "SELECT sum(rejects) FROM flow_block INDEXED BY flow_block_rejects WHERE rejects > 0"),
                 (400000 + 12) / 13 + (100 + 12) / 13);
    }
};

QTEST_GUILESS_MAIN(TestCaseDb)
#include "tst_casedb.moc"
