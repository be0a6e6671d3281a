// SPDX-License-Identifier: GPL-3.0-or-later
// Remove File from Case: a case that imported A and B and then lost B holds
// what a case that imported only A holds, compared table by table and row by
// row over every table of the schema; the analyst's marks and the stored
// findings of the removed records go too; unknown files and files sharing
// duplicate records are refused with the case unchanged.

#include "graph_total_rows.h"
#include "generated_flow_log.h"
#include "analysis/timeline.h"
#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "store/block_codec.h"
#include "store/case_db.h"
#include "store/file_removal.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace flowscope;

namespace {

// Columns that say when, not what.
bool isTimeOfWriting(const std::string &table, const std::string &column)
{
    return (table == "source_file" && column == "imported_at") || (table == "import_error" && column == "logged_at");
}

std::map<std::int64_t, QString> dictionary(sqlite3 *db)
{
    std::map<std::int64_t, QString> out;
    Statement s(db, "SELECT id, value FROM dictionary");
    while (s.step())
        out[s.int64(0)] = QString::fromStdString(s.text(1));
    return out;
}

// Interface contexts by id, as the texts they stand for: ids differ between
// cases that interned them in another order.
std::map<std::int64_t, QString> contexts(sqlite3 *db)
{
    const auto strings = dictionary(db);
    std::map<std::int64_t, QString> out;
    Statement s(db, "SELECT * FROM interface");
    while (s.step()) {
        QStringList values;
        for (int c = 1; c < sqlite3_column_count(s.get()); ++c)
            values << (s.isNull(c) ? QStringLiteral("-") : strings.at(s.int64(c)));
        out[s.int64(0)] = values.join(QLatin1Char('/'));
    }
    return out;
}

// Every row of every table as text, sorted (rowid order is no content). With
// `byContent`, ids that depend on import order are replaced by what they
// stand for (interface contexts, dictionary strings) or left out (file ids).
std::map<std::string, QStringList> tableRows(sqlite3 *db, bool byContent = false)
{
    const auto strings = dictionary(db);
    const auto interfaces = contexts(db);
    std::map<std::string, QStringList> out;
    std::vector<std::string> tables;
    Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (list.step())
        tables.push_back(list.text(0));
    for (const std::string &table : tables) {
        Statement rows(db, "SELECT * FROM \"" + table + '"');
        QStringList &texts = out[table];
        while (rows.step()) {
            QStringList cells;
            for (int c = 0; c < sqlite3_column_count(rows.get()); ++c) {
                const std::string column = sqlite3_column_name(rows.get(), c);
                if (isTimeOfWriting(table, column))
                    continue;
                if (byContent) {
                    if (column == "file_id" || (column == "id" && (table == "source_file" || table == "import_error"
                                                                   || table == "interface" || table == "dictionary")))
                        continue;
                    if (column == "interface" && rows.columnType(c) == SQLITE_INTEGER) {
                        cells << interfaces.at(rows.int64(c));
                        continue;
                    }
                    if (table == "interface" && rows.columnType(c) == SQLITE_INTEGER) {
                        cells << strings.at(rows.int64(c));
                        continue;
                    }
                }
                const auto *blob = static_cast<const char *>(sqlite3_column_blob(rows.get(), c));
                const int size = sqlite3_column_bytes(rows.get(), c);
                cells << QString::number(sqlite3_column_type(rows.get(), c)) + ':'
                        + QString::fromLatin1(QByteArray(blob, size).toHex());
            }
            texts << cells.join(QLatin1Char('|'));
        }
        texts.sort();
    }
    return out;
}

std::int64_t fileIdOf(CaseDb &caseDb, const QString &path)
{
    Statement s(caseDb.handle(), "SELECT id FROM source_file WHERE path LIKE ?");
    s.bind(1, std::string_view("%" + path.toStdString()));
    return s.step() ? s.int64(0) : 0;
}

} // namespace

class TestFileRemoval : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    std::unique_ptr<CaseDb> importInto(const QString &caseName, const QStringList &files)
    {
        auto caseDb = CaseDb::open(path(caseName).toStdString(), CaseDb::Mode::CreateIfMissing);
        for (const QString &file : files)
            CaseImporter(*caseDb).run({path(file).toStdString()}, {});
        return caseDb;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A and B share eni-a and eni-b; eni-c and eni-d are B's alone. Both
        // span several blocks and hold a bad line.
        test::writeGzip(path(QStringLiteral("a.log.gz")),
                        test::generatedFlowLog(1, 9000, {"eni-a", "eni-b"}) + "2 broken\n");
        test::writeGzip(path(QStringLiteral("b.log.gz")),
                        test::generatedFlowLog(2, 6000, {"eni-a", "eni-b", "eni-c", "eni-d"}) + "2 also broken\n");
        test::writeGzip(path(QStringLiteral("c.log.gz")), test::generatedFlowLog(3, 100, {"eni-e"}));
    }

    void caseWithoutTheFileEqualsCaseThatNeverHadIt_data()
    {
        QTest::addColumn<QStringList>("imports");
        QTest::addColumn<QString>("removed");
        QTest::addColumn<QStringList>("kept");
        const QString a = QStringLiteral("a.log.gz"), b = QStringLiteral("b.log.gz"), c = QStringLiteral("c.log.gz");
        QTest::newRow("last file") << QStringList{a, b} << b << QStringList{a};
        QTest::newRow("first file of two") << QStringList{b, a} << b << QStringList{a};
        QTest::newRow("middle file") << QStringList{a, b, c} << b << QStringList{a, c};
    }

    void caseWithoutTheFileEqualsCaseThatNeverHadIt()
    {
        QFETCH(QStringList, imports);
        QFETCH(QString, removed);
        QFETCH(QStringList, kept);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        auto full = importInto(tag + QStringLiteral("-full.flowcase"), imports);
        auto never = importInto(tag + QStringLiteral("-never.flowcase"), kept);
        // Marks and findings on records of both files.
        const std::int64_t removedId = fileIdOf(*full, removed);
        QVERIFY(removedId > 0);
        Statement span(full->handle(), "SELECT sha256, first_start, last_end, records FROM source_file WHERE id = ?");
        span.bind(1, removedId);
        QVERIFY(span.step());
        const std::string removedSha = span.text(0);
        const std::int64_t removedStart = span.int64(1), removedEnd = span.int64(2), removedRecords = span.int64(3);
        execSql(full->handle(), "INSERT INTO incident_record(record, starred, severity, marked_at, author)"
                                " SELECT id << 12, 1, 2, 0, 'x' FROM flow_block");
        execSql(full->handle(), "INSERT INTO record_tag(tag, record) SELECT 'c2', record FROM incident_record");
        execSql(full->handle(), "INSERT INTO incident_note(record, written_at, author, text, severity)"
                                " SELECT record, 0, 'x', 'seen', 1 FROM incident_record");
        execSql(full->handle(), "INSERT INTO note_tag(note, tag) SELECT id, 'c2' FROM incident_note");
        execSql(full->handle(), "INSERT INTO detection_run VALUES('port-scan', 0, '', '', 1)");
        const std::int64_t markedOfRemoved = queryInt(
            full->handle(), "SELECT count(*) FROM flow_block WHERE file_id = " + std::to_string(removedId));
        const std::int64_t markedOfKept = queryInt(full->handle(), "SELECT count(*) FROM incident_record") - markedOfRemoved;
        QVERIFY(markedOfRemoved > 1);

        Transaction transaction(full->handle());
        const FileRemovalResult result = removeFileFromCase(full->handle(), removedId);
        transaction.commit();
        QCOMPARE(result.file.id, removedId);
        QCOMPARE(result.blocks, static_cast<std::uint64_t>(markedOfRemoved));
        QCOMPARE(result.markedRecords, static_cast<std::uint64_t>(markedOfRemoved));
        QCOMPARE(result.notes, static_cast<std::uint64_t>(markedOfRemoved));
        QCOMPARE(result.importErrors, 1U);
        QCOMPARE(result.detectionRuns, 1U);
        QCOMPARE(queryInt(full->handle(), "SELECT count(*) FROM incident_record"), markedOfKept);
        QCOMPARE(queryInt(full->handle(), "SELECT count(*) FROM note_tag"), markedOfKept);
        QCOMPARE(queryInt(full->handle(), "SELECT count(*) FROM finding"), 0);
        execSql(full->handle(), "DELETE FROM incident_record; DELETE FROM record_tag; DELETE FROM incident_note;"
                                " DELETE FROM note_tag");

        // The one difference: the case remembers the removal, to mark its hole.
        const std::vector<RemovedFile> gone = removedFiles(full->handle());
        QCOMPARE(gone.size(), std::size_t(1));
        QCOMPARE(gone[0].sha256, removedSha);
        QVERIFY(gone[0].path.ends_with(removed.toStdString()));
        QCOMPARE(gone[0].firstStart, std::optional(removedStart));
        QCOMPARE(gone[0].lastEnd, std::optional(removedEnd));
        QCOMPARE(gone[0].records, std::uint64_t(removedRecords));
        QVERIFY(removedFiles(never->handle()).empty());
        execSql(full->handle(), "DELETE FROM meta WHERE key LIKE 'removed-file/%'");

        // The kept files' blocks, strings and contexts came first when the
        // removed file was the last: the same ids, so the same bytes.
        const bool sameIds = imports.last() == removed;
        std::map<std::string, QStringList> after = tableRows(full->handle(), !sameIds);
        std::map<std::string, QStringList> expected = tableRows(never->handle(), !sameIds);
        QCOMPARE(after.size(), expected.size());
        // The dictionary keeps the removed file's strings (nothing lists it).
        for (const QString &entry : expected["dictionary"])
            QVERIFY2(after["dictionary"].contains(entry), qPrintable(entry));
        after.erase("dictionary");
        expected.erase("dictionary");
        // The graph's totals are runs, merged as they grow: compared by
        // what they hold (interface ids too when the ids are the same).
        for (const char *runs : {"graph_total_run", "graph_total_piece"}) {
            after.erase(runs);
            expected.erase(runs);
        }
        const QStringList graphAfter = test::storedGraphTotals(full->handle());
        const QStringList graphExpected = test::storedGraphTotals(never->handle());
        QVERIFY(!graphExpected.isEmpty());
        if (sameIds)
            QCOMPARE(graphAfter, graphExpected);
        else
            QCOMPARE(graphAfter.size(), graphExpected.size());
        for (const auto &[table, rows] : expected) {
            // Blocks encode dictionary and context ids, and the block
            // indexes name blocks: compared through the CLI's answers
            // (tst_cliremove) when the ids differ.
            const bool holdsIds = table == "flow_block" || table.ends_with("_block");
            if (!sameIds && holdsIds) {
                QCOMPARE(after[table].size(), rows.size());
                continue;
            }
            if (after[table] != rows)
                QFAIL(qPrintable(QStringLiteral("table %1 differs: %2 rows against %3")
                                     .arg(QString::fromStdString(table))
                                     .arg(after[table].size())
                                     .arg(rows.size())));
        }
    }

    // A removed file imported again fills its hole: it is no longer listed.
    void importingTheFileAgainFillsItsHole()
    {
        auto caseDb = importInto(QStringLiteral("again.flowcase"), {QStringLiteral("a.log.gz"), QStringLiteral("b.log.gz")});
        {
            Transaction transaction(caseDb->handle());
            removeFileFromCase(caseDb->handle(), fileIdOf(*caseDb, QStringLiteral("b.log.gz")));
            transaction.commit();
        }
        QCOMPARE(removedFiles(caseDb->handle()).size(), std::size_t(1));
        // The timeline marks the hole, whatever the filter.
        const auto timelineOf = [&](const std::string &expression) {
            const auto filter = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, expression));
            TimelineOptions options;
            options.caseRange = true;
            options.targetBuckets = 50;
            return computeTimeline(*caseDb, *filter, options);
        };
        const Timeline marked = timelineOf("action == reject");
        QCOMPARE(marked.removed.size(), std::size_t(1));
        QVERIFY(marked.removed[0].path.ends_with("b.log.gz"));
        QVERIFY(marked.removed[0].span.begin < marked.removed[0].span.end);
        QVERIFY(marked.removed[0].span.begin >= marked.range.begin && marked.removed[0].span.end <= marked.range.end);
        CaseImporter(*caseDb).run({path(QStringLiteral("b.log.gz")).toStdString()}, {});
        QVERIFY(removedFiles(caseDb->handle()).empty());
        QVERIFY(timelineOf("").removed.empty());
    }

    // A case imported before block format 3 keeps its format 2 blocks when
    // a file is removed from it: only the blocks that held the file's
    // records are written again.
    void olderBlocksAreKeptWhenAFileIsRemoved()
    {
        auto caseDb = importInto(QStringLiteral("older.flowcase"), {QStringLiteral("a.log.gz"), QStringLiteral("b.log.gz")});
        std::vector<std::pair<std::int64_t, std::string>> older;
        {
            Statement blocks(caseDb->handle(), "SELECT id, data FROM flow_block");
            while (blocks.step()) {
                std::vector<EncodedFlow> rows = decodeBlock(blocks.blob(1));
                older.emplace_back(blocks.int64(0), encodeBlockFormat2(rows));
            }
        }
        Statement update(caseDb->handle(), "UPDATE flow_block SET data = ? WHERE id = ?");
        for (const auto &[id, data] : older) {
            update.bindBlobStatic(1, data.data(), static_cast<int>(data.size()));
            update.bind(2, id);
            update.exec();
        }
        {
            Transaction transaction(caseDb->handle());
            removeFileFromCase(caseDb->handle(), fileIdOf(*caseDb, QStringLiteral("b.log.gz")));
            transaction.commit();
        }
        std::size_t records = 0;
        Statement blocks(caseDb->handle(), "SELECT id, data FROM flow_block");
        while (blocks.step()) {
            const auto kept = std::find_if(older.begin(), older.end(), [&](const auto &b) { return b.first == blocks.int64(0); });
            if (kept != older.end() && kept->second == blocks.blob(1))
                QCOMPARE(blockFormatOf(blocks.blob(1)), 2);
            else
                QCOMPARE(blockFormatOf(blocks.blob(1)), kCurrentBlockFormat); // held some of b's records
            records += decodeBlock(blocks.blob(1)).size();
        }
        QCOMPARE(records, std::size_t(9000));
        QVERIFY(std::any_of(older.begin(), older.end(), [&](const auto &b) {
            Statement same(caseDb->handle(), "SELECT count(*) FROM flow_block WHERE id = ? AND data = ?");
            same.bind(1, b.first);
            same.bindBlobStatic(2, b.second.data(), static_cast<int>(b.second.size()));
            return same.step() && same.int64(0) == 1;
        }));
    }

    void refusesUnknownFiles()
    {
        auto caseDb = importInto(QStringLiteral("unknown.flowcase"), {QStringLiteral("c.log.gz")});
        QVERIFY(!findCaseFile(caseDb->handle(), "99"));
        QVERIFY(!findCaseFile(caseDb->handle(), std::string(64, 'a')));
        QVERIFY(!findCaseFile(caseDb->handle(), "c.log.gz"));
        const std::int64_t id = fileIdOf(*caseDb, QStringLiteral("c.log.gz"));
        Statement sha(caseDb->handle(), "SELECT upper(sha256) FROM source_file");
        QVERIFY(sha.step());
        QCOMPARE(findCaseFile(caseDb->handle(), sha.text(0))->id, id); // any case
        QCOMPARE(findCaseFile(caseDb->handle(), std::to_string(id))->records, 100U);
        QVERIFY_THROWS_EXCEPTION(StoreError, removeFileFromCase(caseDb->handle(), id + 1));
    }

    void refusesFilesSharingDuplicates()
    {
        // The second file repeats the first file's records: they are stored once.
        test::writeGzip(path(QStringLiteral("copy.log.gz")), test::generatedFlowLog(3, 100, {"eni-e"}) + "\n");
        auto caseDb = importInto(QStringLiteral("shared.flowcase"), {QStringLiteral("c.log.gz"), QStringLiteral("copy.log.gz")});
        const std::map<std::string, QStringList> before = tableRows(caseDb->handle());
        for (const QString &name : {QStringLiteral("c.log.gz"), QStringLiteral("copy.log.gz")}) {
            const std::int64_t id = fileIdOf(*caseDb, name);
            QVERIFY(!fileRemovalObstacle(caseDb->handle(), *findCaseFile(caseDb->handle(), std::to_string(id))).empty());
            Transaction transaction(caseDb->handle());
            try {
                removeFileFromCase(caseDb->handle(), id);
                QFAIL("removed a file sharing records");
            } catch (const FileRemovalRefused &refused) {
                QVERIFY2(QByteArray(refused.what()).contains(name.toUtf8()), refused.what());
                QVERIFY2(QByteArray(refused.what()).contains("duplicate"), refused.what());
            }
        }
        QCOMPARE(tableRows(caseDb->handle()), before);
    }
};

QTEST_GUILESS_MAIN(TestFileRemoval)
#include "tst_fileremoval.moc"
