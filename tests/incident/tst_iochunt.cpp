// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_case.h"

#include "incident/ioc_hunt.h"
#include "incident/ioc_list_store.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

class TestIocHunt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hitsPerIndicator();
    void huntsNamedListsOnly();
    void hitFilterShowsTheSameRecords();
    void unknownListIsAnError();
    void cancelled();

private:
    const IocHit *find(const IocHunt &hunt, const std::string &indicator) const;
    QTemporaryDir m_dir;
    test::IocCase m_case;
};

void TestIocHunt::initTestCase()
{
    m_case = test::makeIocCase(m_dir.path());
    const auto add = [&](const char *name, const QByteArray &text) {
        const QString path = test::writeList(m_dir.path(), QString(name) + ".txt", text);
        QVERIFY(addIocFiles(*m_case.caseDb, name, {path.toStdString()}).stored);
    };
    add("c2", "198.51.100.7\n198.51.100.0/24\n203.0.113.5\n");
    add("ssh", "indicator,label\n\"[2001:db8::7]:22\",bastion\n[2001:db8::7]:23,other\n");
}

const IocHit *TestIocHunt::find(const IocHunt &hunt, const std::string &indicator) const
{
    for (const IocHit &hit : hunt.hits)
        if (hit.indicator == indicator)
            return &hit;
    return nullptr;
}

void TestIocHunt::hitsPerIndicator()
{
    const IocHunt hunt = huntIocLists(*m_case.caseDb, {});
    QVERIFY2(hunt.error.empty(), hunt.error.c_str());
    QCOMPARE(hunt.indicators, std::int64_t(5));
    QCOMPARE(hunt.blocksRead, std::int64_t(2)); // blocks 1 and 2, not block 0
    QCOMPARE(hunt.hits.size(), std::size_t(3));  // 203.0.113.5 and port 23 hit nothing
    const std::int64_t blockStart = 1772330400 + 4096;
    for (const char *indicator : {"198.51.100.7", "198.51.100.0/24"}) {
        const IocHit *hit = find(hunt, indicator);
        QVERIFY(hit);
        QCOMPARE(hit->list, std::string("c2"));
        QCOMPARE(hit->records, std::int64_t(test::IocCase::kPlantedV4));
        QCOMPARE(hit->rejected, std::int64_t(1));
        QCOMPARE(hit->accepted, std::int64_t(test::IocCase::kPlantedV4 - 1));
        QCOMPARE(hit->firstSeen, blockStart);
        QCOMPARE(hit->lastSeen, blockStart + 3584 + 30);
        QCOMPARE(hit->interfaces, std::vector<std::string>{"eni-1"});
    }
    const IocHit *ssh = find(hunt, "[2001:db8::7]:22");
    QVERIFY(ssh);
    QCOMPARE(ssh->label, std::string("bastion"));
    QCOMPARE(ssh->records, std::int64_t(1));
    QCOMPARE(ssh->interfaces, std::vector<std::string>{"eni-2"});
    QCOMPARE(hunt.hits.back().indicator, std::string("[2001:db8::7]:22")); // fewest records last
}

void TestIocHunt::huntsNamedListsOnly()
{
    const IocHunt hunt = huntIocLists(*m_case.caseDb, {"ssh"});
    QCOMPARE(hunt.indicators, std::int64_t(2));
    QCOMPARE(hunt.hits.size(), std::size_t(1));
    QCOMPARE(hunt.blocksRead, std::int64_t(1));
}

void TestIocHunt::hitFilterShowsTheSameRecords()
{
    const IocHunt hunt = huntIocLists(*m_case.caseDb, {});
    for (const IocHit &hit : hunt.hits) {
        auto compiled = CaseFilter::compile(*m_case.caseDb, hit.filter);
        QVERIFY2(std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled), hit.filter.c_str());
        const auto filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        std::int64_t matches = 0;
        scanRecords(*m_case.caseDb, filter->blocks(), [&](const EncodedFlow &f, std::int64_t) { matches += filter->predicate()(f); });
        QCOMPARE(matches, hit.records);
    }
}

void TestIocHunt::unknownListIsAnError()
{
    const IocHunt hunt = huntIocLists(*m_case.caseDb, {"c2", "nope"});
    QCOMPARE(hunt.error, std::string("the case holds no IOC list 'nope'"));
    QVERIFY(hunt.hits.empty());
}

void TestIocHunt::cancelled()
{
    const std::atomic_bool cancel{true};
    const IocHunt hunt = huntIocLists(*m_case.caseDb, {}, &cancel);
    QVERIFY(hunt.cancelled);
    QVERIFY(hunt.hits.empty());
}

QTEST_GUILESS_MAIN(TestIocHunt)
#include "tst_iochunt.moc"
