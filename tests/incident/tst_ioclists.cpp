// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_case.h"

#include "incident/ioc_list_store.h"
#include "query/case_ioc_lists.h"
#include "store/case_db.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

class TestIocLists : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addsFilesToANewList();
    void appendsAndSkipsDuplicates();
    void keepsGoodLinesAndReportsBadOnes();
    void refusesBadNamesAndUnreadableFiles();
    void removesAList();
    void survivesReopening();
    void newCaseHasTheTables();
};

void TestIocLists::addsFilesToANewList()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString text = test::writeList(dir.path(), "feed.txt", "# feed\n198.51.100.7\n203.0.113.0/24\n");
    const QString csv = test::writeList(dir.path(), "feed.csv", "indicator,label,source,first_seen\n"
                                                                "[2001:db8::7]:22,ssh,\"x, y\",2026-03-01T00:00Z\n");
    const IocAddResult result = addIocFiles(*ioc.caseDb, "bad", {text.toStdString(), csv.toStdString()});
    QVERIFY2(result.stored, result.refusal.c_str());
    QVERIFY(result.created);
    QCOMPARE(result.added, std::int64_t(3));
    QCOMPARE(result.files.size(), std::size_t(2));
    QCOMPARE(result.files[1].format, IocFileFormat::Csv);
    const std::vector<IocListRow> lists = iocLists(*ioc.caseDb);
    QCOMPARE(lists.size(), std::size_t(1));
    QCOMPARE(lists[0].name, std::string("bad"));
    QCOMPARE(lists[0].indicators, std::int64_t(3));
    const std::vector<IocListFileRow> files = readIocListFiles(ioc.caseDb->handle(), lists[0].id);
    QCOMPARE(files.size(), std::size_t(2));
    QCOMPARE(files[0].sha256, result.files[0].sha256);
    QCOMPARE(files[0].sha256.size(), std::size_t(64));
    std::vector<IocIndicatorRow> rows;
    readIocIndicators(ioc.caseDb->handle(), lists[0].id, [&](const IocIndicatorRow &r) { rows.push_back(r); });
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[1].low.toString(), std::string("203.0.113.0"));
    QCOMPARE(rows[1].high.toString(), std::string("203.0.113.255"));
    QCOMPARE(rows[1].line, std::int64_t(3));
    QCOMPARE(rows[2].low.toString(), std::string("2001:db8::7"));
    QCOMPARE(rows[2].port, std::optional<std::uint16_t>(22));
    QCOMPARE(rows[2].source, std::string("x, y"));
    QCOMPARE(rows[2].label, std::string("ssh"));
    QCOMPARE(rows[2].firstSeen, std::optional<std::int64_t>(1772323200));
    QCOMPARE(rows[2].file, std::int64_t(1));
    // The stored form of IPv4 is block_address's.
    QCOMPARE(queryInt(ioc.caseDb->handle(), "SELECT low FROM ioc_indicator WHERE position = 0"),
             std::int64_t((198LL << 24 | 51 << 16 | 100 << 8 | 7) - (1LL << 31)));
}

void TestIocLists::appendsAndSkipsDuplicates()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString a = test::writeList(dir.path(), "a.txt", "198.51.100.7\n198.51.100.7\n");
    const QString b = test::writeList(dir.path(), "b.txt", "198.51.100.7\n198.51.100.7:443\n");
    QCOMPARE(addIocFiles(*ioc.caseDb, "x", {a.toStdString()}).duplicates, std::int64_t(1));
    const IocAddResult second = addIocFiles(*ioc.caseDb, "x", {b.toStdString()});
    QVERIFY(!second.created);
    QCOMPARE(second.added, std::int64_t(1)); // with a port it is another indicator
    QCOMPARE(second.duplicates, std::int64_t(1));
    QCOMPARE(iocLists(*ioc.caseDb)[0].indicators, std::int64_t(2));
    QCOMPARE(iocLists(*ioc.caseDb)[0].files, std::int64_t(2));
}

void TestIocLists::keepsGoodLinesAndReportsBadOnes()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString path = test::writeList(dir.path(), "mixed.txt", "198.51.100.7\nnot-an-address\n10.0.0.0/40\n192.0.2.1\n");
    const IocAddResult result = addIocFiles(*ioc.caseDb, "mixed", {path.toStdString()});
    QVERIFY(result.stored);
    QCOMPARE(result.added, std::int64_t(2));
    QCOMPARE(result.errors.size(), std::size_t(2));
    QCOMPARE(result.errors[0].file, path.toStdString());
    QCOMPARE(result.errors[0].line, std::uint64_t(2));
    QCOMPARE(result.errors[1].line, std::uint64_t(3));
    QCOMPARE(result.files[0].errors, std::int64_t(2));
}

void TestIocLists::refusesBadNamesAndUnreadableFiles()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString good = test::writeList(dir.path(), "good.txt", "198.51.100.7\n");
    const IocAddResult badName = addIocFiles(*ioc.caseDb, "bad list", {good.toStdString()});
    QVERIFY(!badName.stored);
    QVERIFY(QString::fromStdString(badName.refusal).contains("only letters, digits"));
    const IocAddResult missing = addIocFiles(*ioc.caseDb, "m", {dir.filePath("missing.txt").toStdString()});
    QVERIFY(!missing.stored);
    QCOMPARE(missing.errors.size(), std::size_t(1));
    QVERIFY(iocLists(*ioc.caseDb).empty());
    // One unreadable file among good ones: the good ones are added.
    const IocAddResult mixed = addIocFiles(*ioc.caseDb, "m", {dir.filePath("missing.txt").toStdString(), good.toStdString()});
    QVERIFY(mixed.stored);
    QCOMPARE(mixed.added, std::int64_t(1));
    QCOMPARE(mixed.errors.size(), std::size_t(1));
}

void TestIocLists::removesAList()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    const QString path = test::writeList(dir.path(), "a.txt", "198.51.100.7\n");
    addIocFiles(*ioc.caseDb, "one", {path.toStdString()});
    addIocFiles(*ioc.caseDb, "two", {path.toStdString()});
    QVERIFY(removeIocList(*ioc.caseDb, "one"));
    QVERIFY(!removeIocList(*ioc.caseDb, "one"));
    QCOMPARE(iocLists(*ioc.caseDb).size(), std::size_t(1));
    QCOMPARE(queryInt(ioc.caseDb->handle(), "SELECT count(*) FROM ioc_indicator"), std::int64_t(1));
    QVERIFY(!loadCaseIocList(*ioc.caseDb, "one"));
    QVERIFY(loadCaseIocList(*ioc.caseDb, "two"));
}

void TestIocLists::survivesReopening()
{
    QTemporaryDir dir;
    std::string casePath;
    {
        auto ioc = test::makeIocCase(dir.path());
        casePath = ioc.caseDb->path().string();
        addIocFiles(*ioc.caseDb, "kept", {test::writeList(dir.path(), "a.txt", "198.51.100.0/24\n").toStdString()});
    }
    auto reopened = CaseDb::open(casePath, CaseDb::Mode::ReadOnly);
    const auto set = loadCaseIocList(*reopened, "kept");
    QVERIFY(set);
    QCOMPARE(set->indicators().size(), std::size_t(1));
    QVERIFY(set->matches(*IpAddress::parse("198.51.100.200"), std::nullopt));
    QVERIFY(!set->matches(*IpAddress::parse("198.51.101.1"), std::nullopt));
}

void TestIocLists::newCaseHasTheTables()
{
    QTemporaryDir dir;
    auto ioc = test::makeIocCase(dir.path());
    QCOMPARE(queryInt(ioc.caseDb->handle(), "PRAGMA user_version"), std::int64_t(currentSchemaVersion()));
    QVERIFY(hasIocListTables(ioc.caseDb->handle()));
}

QTEST_GUILESS_MAIN(TestIocLists)
#include "tst_ioclists.moc"
