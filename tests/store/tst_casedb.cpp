// SPDX-License-Identifier: GPL-3.0-or-later
// Opening, refusing, migrating and recovering case files.

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/schema.h"
#include "store/schema_check.h"
#include "store/sqlite_handle.h"
#include "format2_case.h"
#include "schema3_case.h"
#include "schema4_case.h"
#include "test_files.h"
#ifdef FLOWSCOPE_BUILT_IN_SCHEMA
#include "known_case_schema.h"
#endif

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTest>

#include <csignal>
#include <cstring>
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

// Runs SQL on a case through a plain connection, as another tool would:
// neither defensive nor with an untrusted schema, so it may rewrite it.
void tamper(const std::string &file, const std::string &sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    const auto close = qScopeGuard([db] { sqlite3_close(db); });
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    execSql(db, sql);
}

QByteArray fileBytes(const std::string &file)
{
    QFile in(QString::fromStdString(file));
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

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

    // A case holding a few records, as an import leaves it.
    std::string importedCase(const char *name)
    {
        const std::string file = path(name);
        const QString input = m_dir.filePath(QStringLiteral("%1-in/records.log").arg(QLatin1String(name)));
        test::writeFile(input, manyRecords(300, 7));
        auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
        CaseImporter(*caseDb).run({input.toStdString()}, {});
        return file;
    }

private Q_SLOTS:
#ifdef FLOWSCOPE_BUILT_IN_SCHEMA
    // tst_casedbbuiltinschema: every test here again, against the schema the
    // programs carry built in (app/known_schema), which must be the one the
    // migrations replayed in memory give, and read back the same.
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(expectedSchemaText()), QString::fromUtf8(knownCaseSchemaText()));
        installKnownCaseSchema();
        QCOMPARE(QString::fromStdString(expectedSchemaText()), QString::fromUtf8(knownCaseSchemaText()));
    }

    // Written by another SQLite, the text is not used: the migrations are replayed.
    void builtInSchemaOfAnotherSqliteIsIgnored()
    {
        std::string text = knownCaseSchemaText();
        const std::size_t version = text.find(sqlite3_libversion());
        QVERIFY(version != std::string::npos);
        text.replace(version, std::strlen(sqlite3_libversion()), "0.0.0");
        useBuiltInExpectedSchema(text);
        QCOMPARE(QString::fromStdString(expectedSchemaText()), QString::fromUtf8(knownCaseSchemaText()));
        QVERIFY_THROWS_EXCEPTION(StoreError, useBuiltInExpectedSchema("not a schema"));
    }
#endif
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

    // Whatever is planted, both kinds of open refuse the case before running
    // a statement on it: the file is left as it was, rollups and all.
    void refusesTamperedCase_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        const auto trigger = [](const char *when, const char *table) {
            return QStringLiteral("CREATE TRIGGER t %1 ON %2 BEGIN DELETE FROM rollup_minute; END")
                .arg(QLatin1String(when), QLatin1String(table));
        };
        const auto planted = [](const char *table) {
            return QStringLiteral("holds a trigger `t` on %1 that Flowscope does not make").arg(QLatin1String(table));
        };
        // Rowid tables, tables WITHOUT ROWID, and before/after insert, update, delete.
        QTest::newRow("trigger on source_file") << trigger("AFTER INSERT", "source_file") << planted("source_file");
        QTest::newRow("trigger on flow_block") << trigger("BEFORE INSERT", "flow_block") << planted("flow_block");
        QTest::newRow("trigger on address_block") << trigger("AFTER INSERT", "address_block") << planted("address_block");
        QTest::newRow("trigger on rollup_minute") << trigger("AFTER UPDATE", "rollup_minute") << planted("rollup_minute");
        QTest::newRow("trigger on dictionary") << trigger("AFTER INSERT", "dictionary") << planted("dictionary");
        QTest::newRow("trigger on saved_filter") << trigger("AFTER DELETE", "saved_filter") << planted("saved_filter");
        QTest::newRow("trigger on meta") << trigger("AFTER INSERT", "meta") << planted("meta");
        QTest::newRow("trigger on ephemeral_port_block")
            << trigger("AFTER INSERT", "ephemeral_port_block") << planted("ephemeral_port_block");
        QTest::newRow("trigger on a view")
            << QStringLiteral("CREATE VIEW v AS SELECT * FROM meta;"
                              " CREATE TRIGGER t INSTEAD OF INSERT ON v BEGIN DELETE FROM rollup_minute; END")
            << planted("v");
        QTest::newRow("view") << QStringLiteral("CREATE VIEW recent AS SELECT * FROM source_file")
                              << QStringLiteral("holds a view `recent` that Flowscope does not make");
        QTest::newRow("view in a table's place")
            << QStringLiteral("DROP TABLE coverage_gap; CREATE VIEW coverage_gap AS SELECT 1 AS interface")
            << QStringLiteral("holds a view `coverage_gap` where Flowscope makes a table");
        QTest::newRow("extra table") << QStringLiteral("CREATE TABLE notes(text)")
                                     << QStringLiteral("holds a table `notes` that Flowscope does not make");
        QTest::newRow("extra column") << QStringLiteral("ALTER TABLE source_file ADD COLUMN note TEXT")
                                      << QStringLiteral("holds a column `note` in table `source_file` that Flowscope does not make");
        QTest::newRow("changed column")
            << QStringLiteral("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, "
                              "'records INTEGER NOT NULL, errors', 'records TEXT, errors') WHERE name = 'source_file'")
            << QStringLiteral("holds the column `records` of table `source_file` as `records TEXT` where Flowscope "
                              "makes `records INTEGER NOT NULL`");
        QTest::newRow("dropped column") << QStringLiteral("ALTER TABLE rollup_minute DROP COLUMN spread_bytes")
                                        << QStringLiteral("lacks the column `spread_bytes` of table `rollup_minute`");
        QTest::newRow("added constraint")
            << QStringLiteral("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
                              "substr(sql, 1, length(sql) - 1) || ', CHECK(size > 0))' WHERE name = 'source_file'")
            << QStringLiteral("holds the table `source_file` altered: `CREATE TABLE source_file(");
        QTest::newRow("missing table") << QStringLiteral("DROP TABLE saved_filter")
                                       << QStringLiteral("lacks the table `saved_filter` that a case of format");
        QTest::newRow("extra index") << QStringLiteral("CREATE INDEX source_by_path ON source_file(path)")
                                     << QStringLiteral("holds an index `source_by_path` on source_file that Flowscope does not make");
        QTest::newRow("changed index")
            << QStringLiteral("DROP INDEX flow_block_by_file; CREATE INDEX flow_block_by_file ON flow_block(file_id, data)")
            << QStringLiteral("holds the index `flow_block_by_file` on flow_block altered");
        QTest::newRow("changed partial index")
            << QStringLiteral("DROP INDEX flow_block_rejects;"
                              " CREATE INDEX flow_block_rejects ON flow_block(start_min) WHERE rejects > 1")
            << QStringLiteral("holds the index `flow_block_rejects` on flow_block altered");
    }

    void refusesTamperedCase()
    {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        const std::string file = importedCase(QTest::currentDataTag());
        tamper(file, sql.toStdString());
        const QByteArray before = fileBytes(file);
        for (const CaseDb::Mode mode : {CaseDb::Mode::ReadOnly, CaseDb::Mode::ReadWrite, CaseDb::Mode::CreateIfMissing}) {
            const QString error = openError(file, mode);
            QVERIFY2(error.startsWith(QStringLiteral("refused: the case '%1' ").arg(QString::fromStdString(file))),
                     qPrintable(error));
            QVERIFY2(error.contains(message), qPrintable(error));
        }
        QCOMPARE(fileBytes(file), before);
    }

    // The refusal is shown in the window: each of its sentences goes
    // through the translation (here one that brackets what it translates).
    void refusalIsTranslatable()
    {
        struct Brackets : QTranslator {
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return QByteArray(context) == "flowscope::SchemaCheck" ? QLatin1Char('[') + QString::fromUtf8(source) + QLatin1Char(']')
                                                                       : QString();
            }
            bool isEmpty() const override { return false; }
        } brackets;
        QCoreApplication::installTranslator(&brackets);
        const auto removed = qScopeGuard([&] { QCoreApplication::removeTranslator(&brackets); });
        const std::string file = importedCase("translated");
        tamper(file, "CREATE TRIGGER t AFTER INSERT ON source_file BEGIN DELETE FROM rollup_minute; END");
        const QString error = openError(file, CaseDb::Mode::ReadOnly);
        QVERIFY2(error.startsWith(QStringLiteral("[[refused: the case '%1' [holds [a trigger `t` on source_file] that "
                                                 "Flowscope does not make]]")
                                      .arg(QString::fromStdString(file))),
                 qPrintable(error));
        QVERIFY2(error.endsWith(QStringLiteral(" (it may have been tampered with; open only cases from a trusted source)]")),
                 qPrintable(error));
    }

    // The planted trigger of a case passed on would have emptied the
    // timeline at the next import; the import never gets to run.
    void plantedTriggerNeverFires()
    {
        const std::string file = importedCase("planted.flowcase");
        tamper(file, "CREATE TRIGGER t AFTER INSERT ON source_file BEGIN DELETE FROM rollup_minute; END");
        const QString more = m_dir.filePath(QStringLiteral("planted-more/more.log"));
        test::writeFile(more, manyRecords(50, 8));
        QVERIFY(openError(file, CaseDb::Mode::ReadWrite).contains(QStringLiteral("trigger `t`")));
        tamper(file, "DROP TRIGGER t");
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        CaseImporter(*caseDb).run({more.toStdString()}, {});
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(flows) FROM rollup_minute"), 350);
    }

    // Every finding is named, up to five.
    void namesEveryFinding()
    {
        const std::string file = importedCase("many.flowcase");
        tamper(file, "CREATE TABLE notes(text); CREATE VIEW recent AS SELECT * FROM source_file;"
                     " CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END");
        const QString error = openError(file, CaseDb::Mode::ReadOnly);
        QVERIFY2(error.contains(QStringLiteral("a table `notes`")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("; it holds a view `recent`")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("a trigger `t` on meta")), qPrintable(error));
    }

    // Legitimate cases of every version open, read-only as they are and
    // read-write upgraded; so do a case whose record indexes an interrupted
    // bulk import left out and one SQLite has gathered statistics on.
    void opensLegitimateCases_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("extra");
        QTest::newRow("format 1") << 1 << QString();
        QTest::newRow("format 2") << 2 << QString();
        QTest::newRow("format 3") << 3 << QString();
        QTest::newRow("format 3 analysed") << 3 << QStringLiteral("ANALYZE");
        QTest::newRow("format 4") << 4 << QString();
        QTest::newRow("current format") << currentSchemaVersion() << QString();
        QTest::newRow("format 2 without record indexes") << 2 << QStringLiteral("DROP INDEX flow_block_by_file");
        QTest::newRow("without record indexes")
            << currentSchemaVersion()
            << QStringLiteral("DROP INDEX flow_block_by_start; DROP INDEX flow_block_by_file; DROP INDEX flow_block_rejects");
        QTest::newRow("analysed") << currentSchemaVersion() << QStringLiteral("ANALYZE");
        QTest::newRow("format 2 analysed") << 2 << QStringLiteral("ANALYZE");
    }

    void opensLegitimateCases()
    {
        QFETCH(int, version);
        QFETCH(QString, extra);
        const std::string file = importedCase(QTest::currentDataTag());
        if (version == 4)
            test::downgradeToSchema4(file);
        else if (version == 3)
            test::downgradeToSchema3(file);
        else if (version < currentSchemaVersion())
            test::downgradeToFormat2(file);
        if (version < 2)
            tamper(file, "DROP TABLE saved_filter; PRAGMA user_version = 1");
        if (!extra.isEmpty())
            tamper(file, extra.toStdString());
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
            QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), version);
            QVERIFY(schemaFindings(caseDb->handle(), version).empty());
        }
        CaseDb::open(file, CaseDb::Mode::ReadWrite).reset(); // upgraded, indexes repaired
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), currentSchemaVersion());
        QVERIFY(flowIndexesComplete(caseDb->handle()));
        QCOMPARE(queryInt(caseDb->handle(), "SELECT sum(flows) FROM rollup_minute"), 300);
    }

    void normalizesSql_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("blanks") << "CREATE TABLE t(a INTEGER,\n  b)" << "create table t ( a integer , b )" << true;
        QTest::newRow("quoted text kept") << "CREATE TABLE t(a DEFAULT 'X  Y')" << "CREATE TABLE t(a DEFAULT 'x y')" << false;
        QTest::newRow("quoted identifiers kept") << "CREATE TABLE \"T\"(a)" << "CREATE TABLE \"t\"(a)" << false;
        QTest::newRow("doubled quotes") << "CREATE TABLE t(a DEFAULT 'it''s  ')" << "CREATE TABLE t(a DEFAULT 'it''s  ')" << true;
        QTest::newRow("different") << "CREATE INDEX i ON t(a) WHERE a > 0" << "CREATE INDEX i ON t(a) WHERE a > 1" << false;
    }

    void normalizesSql()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(normalizedSchemaSql(a.toStdString()) == normalizedSchemaSql(b.toStdString()), same);
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

    // A case the import creates is written with a rollback journal rather
    // than its log (fresh_case_journal.h), and set back to WAL when done.
    void importIntoANewCaseEndsInWalMode()
    {
        const std::string file = path("fresh-done.flowcase");
        const QString input = m_dir.filePath(QStringLiteral("fresh-done/small.log"));
        test::writeFile(input, manyRecords(300, 3));
        auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
        const ImportReport report = CaseImporter(*caseDb).run({input.toStdString()}, {});
        QCOMPARE(report.records, 300u);
        Statement mode(caseDb->handle(), "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(QString::fromStdString(mode.text(0)), QStringLiteral("wal"));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(file + "-journal")));
    }

    // A kill in the middle of an import into a case it created, after pages
    // of the unfinished file reached the case file, leaves the files
    // committed before and nothing of that one.
    void killedImportOfANewCaseLeavesNothingPartial()
    {
        const std::string file = path("fresh-killed.flowcase");
        const QString small = m_dir.filePath(QStringLiteral("fresh-kill/a-small.log"));
        const QString big = m_dir.filePath(QStringLiteral("fresh-kill/b-big.log"));
        test::writeFile(small, manyRecords(100, 4));
        test::writeFile(big, manyRecords(400000, 5));
        // The size of a case holding the small file alone.
        const std::string reference = path("fresh-reference.flowcase");
        {
            auto caseDb = CaseDb::open(reference, CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({small.toStdString()}, {});
        }
        const qint64 referenceSize = QFileInfo(QString::fromStdString(reference)).size();
        const QString marker = m_dir.filePath(QStringLiteral("fresh-kill-halfway"));
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            HaltHalfway halt(marker.toStdString());
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            // A page cache of 100 pages spills the transaction into the case file.
            execSql(caseDb->handle(), "PRAGMA cache_size = 100");
            CaseImporter(*caseDb).run({small.toStdString(), big.toStdString()}, {}, &halt);
            _exit(0);
        }
        const auto killChild = qScopeGuard([child] { ::kill(child, SIGKILL); });
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marker), 60000);
        // The rollback journal is in use and the unfinished file's pages are in the case.
        QVERIFY(QFileInfo::exists(QString::fromStdString(file + "-journal")));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(file + "-wal")));
        const qint64 killedSize = QFileInfo(QString::fromStdString(file)).size();
        // Half of the big file's blocks, stored through the address dictionary, are well over 256 kB.
        QVERIFY2(killedSize > referenceSize + 256 * 1024,
                 qPrintable(QString::number(killedSize) + " against " + QString::number(referenceSize)));
        QCOMPARE(::kill(child, SIGKILL), 0);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));

        {
            // Read-only, as `flowscope-cli count` opens it: the journal is rolled back first.
            auto reader = CaseDb::open(file, CaseDb::Mode::ReadOnly);
            QCOMPARE(queryInt(reader->handle(), "SELECT count(*) FROM source_file"), 1);
            QCOMPARE(queryInt(reader->handle(), "SELECT coalesce(sum(records), 0) FROM flow_block"), 100);
        }
        QVERIFY(!QFileInfo::exists(QString::fromStdString(file + "-journal")));
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        sqlite3 *db = caseDb->handle();
        Statement check(db, "PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(QString::fromStdString(check.text(0)), QStringLiteral("ok"));
        check.reset();
        QCOMPARE(queryInt(db, "SELECT count(*) FROM source_file"), 1);
        QCOMPARE(queryInt(db, "SELECT coalesce(sum(records), 0) FROM flow_block"), 100);
        QCOMPARE(queryInt(db, "SELECT sum(flows) FROM rollup_minute"), 100);
        QCOMPARE(queryInt(db, "SELECT sum(records) FROM port_protocol_total WHERE kind = 1"), 100);
        QVERIFY(flowIndexesComplete(db));

        const ImportReport again = CaseImporter(*caseDb).run({big.toStdString()}, {});
        QCOMPARE(again.records, 400000u);
        QCOMPARE(queryInt(db, "SELECT coalesce(sum(records), 0) FROM flow_block"), 400100);
        QCOMPARE(queryInt(db, "SELECT sum(flows) FROM rollup_minute"), 400100);
        QCOMPARE(queryInt(db, "SELECT sum(records) FROM port_protocol_total WHERE kind = 1"), 400100);
    }
};

QTEST_GUILESS_MAIN(TestCaseDb)
#include "tst_casedb.moc"
