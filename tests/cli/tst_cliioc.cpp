// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli ioc: add, list, hunt (kept in the case) and remove, and @NAME in the filters of other commands.
#include "cli_process.h"
#include "ioc_case.h"

#include "incident/ioc_hunt_store.h"
#include "store/case_db.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

} // namespace

class TestCliIoc : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addListHuntRemove();
    void usageErrors();
};

void TestCliIoc::addListHuntRemove()
{
    QTemporaryDir dir;
    QString casePath;
    {
        auto ioc = test::makeIocCase(dir.path());
        casePath = QString::fromStdString(ioc.caseDb->path().string());
    }
    const QString list = test::writeList(dir.path(), "c2.txt", "198.51.100.7\nnot-an-address\n[2001:db8::7]:22\n");
    const Run add = cli({"ioc", casePath, "add", "c2", list, "--format", "json"});
    QCOMPARE(add.exitCode, 1); // a line rejected, the good ones stored
    const QJsonObject added = QJsonDocument::fromJson(add.out).object();
    QCOMPARE(added.value("added").toInt(), 2);
    QCOMPARE(added.value("created").toBool(), true);
    QCOMPARE(added.value("errors").toArray().at(0).toObject().value("line").toInt(), 2);
    QCOMPARE(added.value("errors").toArray().at(0).toObject().value("file").toString(), list);

    const Run listed = cli({"ioc", casePath, "list", "--format", "json"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray lists = QJsonDocument::fromJson(listed.out).object().value("lists").toArray();
    QCOMPARE(lists.size(), 1);
    QCOMPARE(lists.at(0).toObject().value("name").toString(), QStringLiteral("c2"));
    QCOMPARE(lists.at(0).toObject().value("indicators").toInt(), 2);

    const Run count = cli({"count", casePath, "@c2"});
    QCOMPARE(count.exitCode, 0);
    QCOMPARE(count.out.trimmed().toInt(), test::IocCase::kPlantedV4 + 1);
    const Run unknown = cli({"count", casePath, "srcaddr in @nope"});
    QVERIFY(unknown.exitCode != 0);
    QVERIFY2(unknown.err.contains("unknown IOC list '@nope'"), unknown.err.constData());

    const Run hunt = cli({"ioc", casePath, "hunt", "--format", "json"});
    QCOMPARE(hunt.exitCode, 0);
    const QJsonArray hits = QJsonDocument::fromJson(hunt.out).object().value("hits").toArray();
    QCOMPARE(hits.size(), 2);
    const QJsonObject first = hits.at(0).toObject();
    QCOMPARE(first.value("indicator").toString(), QStringLiteral("198.51.100.7"));
    QCOMPARE(first.value("records").toInt(), test::IocCase::kPlantedV4);
    QCOMPARE(first.value("rejected").toInt(), 1);
    QCOMPARE(first.value("interfaces").toArray().at(0).toString(), QStringLiteral("eni-1"));
    QCOMPARE(first.value("filter").toString(), QStringLiteral("addr == 198.51.100.7"));
    const Run table = cli({"ioc", casePath, "hunt", "c2"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("2 of 2 indicators hit"), table.out.constData());
    {
        // The last hunt is kept in the case, with the lists it covered, for the window to show.
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        const auto stored = incident::loadIocHunt(*caseDb);
        QVERIFY(stored);
        QCOMPARE(stored->lists, std::vector<std::string>{"c2"});
        QVERIFY(stored->ranAt > 0);
        QCOMPARE(stored->hunt.hits.size(), std::size_t(2));
        QCOMPARE(stored->hunt.hits.front().indicator, std::string("198.51.100.7"));
        QCOMPARE(stored->hunt.hits.front().records, std::int64_t(test::IocCase::kPlantedV4));
        QCOMPARE(stored->hunt.hits.front().interfaces, std::vector<std::string>{"eni-1"});
    }

    QCOMPARE(cli({"ioc", casePath, "remove", "c2"}).exitCode, 0);
    {
        // Its hits no longer hold once a list is gone.
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        QVERIFY(!incident::loadIocHunt(*caseDb));
    }
    const Run again = cli({"ioc", casePath, "remove", "c2"});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains("no IOC list 'c2'"));
    QVERIFY(cli({"ioc", casePath, "list"}).out.contains("no IOC list in the case"));
}

void TestCliIoc::usageErrors()
{
    QTemporaryDir dir;
    const QString casePath = QString::fromStdString(test::makeIocCase(dir.path()).caseDb->path().string());
    const Run noFile = cli({"ioc", casePath, "add", "x"});
    QCOMPARE(noFile.exitCode, 2);
    QVERIFY(noFile.err.contains("add needs NAME and at least one FILE"));
    const Run badName = cli({"ioc", casePath, "add", "a b", casePath});
    QCOMPARE(badName.exitCode, 2);
    QVERIFY(badName.err.contains("may hold only letters"));
    const Run unknownHunt = cli({"ioc", casePath, "hunt", "nope"});
    QCOMPARE(unknownHunt.exitCode, 2);
    QVERIFY(unknownHunt.err.contains("the case holds no IOC list 'nope'"));
    QCOMPARE(cli({"ioc", casePath, "frobnicate"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliIoc)
#include "tst_cliioc.moc"
