// SPDX-License-Identifier: GPL-3.0-or-later
// Filters saved by name in a case: round trip, replacement, awkward names,
// and cases from before saved filters existed (schema v1).

#include "format2_case.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/saved_filters.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

QStringList names(const std::vector<SavedFilter> &filters)
{
    QStringList out;
    for (const SavedFilter &f : filters)
        out << QString::fromStdString(f.name);
    return out;
}

// Turns a current case back into a v1 one, as an older Flowscope left it.
void downgradeToV1(const std::string &file)
{
    test::downgradeToFormat2(file);
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    execSql(db, "DROP TABLE saved_filter; PRAGMA user_version = 1");
    sqlite3_close(db);
}

} // namespace

class TestSavedFilters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

    static QString saveError(SavedFilters &filters, std::string_view name, std::string_view expression)
    {
        try {
            filters.save(name, expression);
        } catch (const StoreError &error) {
            return QString::fromUtf8(error.what());
        }
        return {};
    }

private Q_SLOTS:
    void schemaHasSavedFilters()
    {
        QVERIFY(currentSchemaVersion() >= 5); // later migrations keep the saved filters
        auto caseDb = CaseDb::open(path("new.flowcase"), CaseDb::Mode::CreateIfMissing);
        SavedFilters filters(*caseDb);
        QVERIFY(filters.isAvailable());
        QVERIFY(filters.list().empty());
    }

    void roundTrip()
    {
        const std::string file = path("round.flowcase");
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            SavedFilters filters(*caseDb);
            filters.save("ssh", "dstport == 22");
            filters.save("  Rejects  ", "action == reject");
            filters.save("ssh", "dstport == 22 and action == accept"); // replaces
            filters.save("beta", "protocol == udp");
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        const auto list = SavedFilters(*caseDb).list();
        QCOMPARE(names(list), (QStringList{QStringLiteral("beta"), QStringLiteral("Rejects"), QStringLiteral("ssh")}));
        QCOMPARE(QString::fromStdString(list[2].expression), QStringLiteral("dstport == 22 and action == accept"));
        QVERIFY(list[2].createdAt > 1700000000);
    }

    void awkwardNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("apostrophe") << "it's mine";
        QTest::newRow("double quotes") << "the \"odd\" ones";
        QTest::newRow("sql") << "x'); DROP TABLE saved_filter; --";
        QTest::newRow("unicode") << QStringLiteral("Zugriffe über 443 ✓");
    }

    void awkwardNames()
    {
        QFETCH(QString, name);
        auto caseDb = CaseDb::open(path("awkward.flowcase"), CaseDb::Mode::CreateIfMissing);
        SavedFilters filters(*caseDb);
        const std::string key = name.toStdString();
        filters.save(key, "addr == \"10.0.0.1\"");
        const auto list = filters.list();
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(list[0].name), name);
        QCOMPARE(QString::fromStdString(list[0].expression), QStringLiteral("addr == \"10.0.0.1\""));
        QVERIFY(filters.remove(key));
        QVERIFY(!filters.remove(key));
        QVERIFY(filters.list().empty());
    }

    void refusesEmptyName()
    {
        auto caseDb = CaseDb::open(path("empty-name.flowcase"), CaseDb::Mode::CreateIfMissing);
        SavedFilters filters(*caseDb);
        QVERIFY(saveError(filters, "   ", "dstport == 22").contains(QStringLiteral("needs a name")));
        QVERIFY(filters.list().empty());
    }

    void readOnlyCaseRefusesChanges()
    {
        const std::string file = path("readonly.flowcase");
        CaseDb::open(file, CaseDb::Mode::CreateIfMissing).reset();
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        SavedFilters filters(*caseDb);
        QVERIFY(saveError(filters, "ssh", "dstport == 22").contains(QStringLiteral("read-only")));
    }

    void v1CaseReadOnlyHasNone()
    {
        const std::string file = path("v1-readonly.flowcase");
        CaseDb::open(file, CaseDb::Mode::CreateIfMissing).reset();
        downgradeToV1(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), 1); // not migrated read-only
        SavedFilters filters(*caseDb);
        QVERIFY(!filters.isAvailable());
        QVERIFY(filters.list().empty());
        QVERIFY(!saveError(filters, "ssh", "dstport == 22").isEmpty());
    }

    void v1CaseIsUpgradedWhenOpenedReadWrite()
    {
        const std::string file = path("v1.flowcase");
        const QString input = m_dir.filePath(QStringLiteral("v1/in.log"));
        test::writeFile(input, test::smallTrafficRecords());
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({input.toStdString()}, {}).records, 5u);
        }
        downgradeToV1(file);
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
            QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), currentSchemaVersion());
            QCOMPARE(queryInt(caseDb->handle(), "SELECT coalesce(sum(records), 0) FROM flow_block"), 5); // records kept
            SavedFilters filters(*caseDb);
            QVERIFY(filters.isAvailable());
            filters.save("web", "dstport == 443");
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        const auto list = SavedFilters(*caseDb).list();
        QCOMPARE(names(list), QStringList{QStringLiteral("web")});
        QCOMPARE(QString::fromStdString(list[0].expression), QStringLiteral("dstport == 443"));
    }
};

QTEST_GUILESS_MAIN(TestSavedFilters)
#include "tst_savedfilters.moc"
