// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_case.h"

#include "explain/case_enrichment.h"
#include "itemmodels/ioc_row_match.h"
#include "incident/ioc_list_store.h"
#include "query/block_selection.h"
#include "query/ioc_indicators.h"
#include "query/filter_values.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

struct Outcome {
    std::int64_t matches = 0;
    std::size_t blocks = 0; // candidate blocks; SIZE_MAX for every block
};

Outcome evaluate(CaseDb &caseDb, const std::shared_ptr<const CaseFilter> &filter)
{
    Outcome out;
    out.blocks = filter->blocks() ? filter->blocks()->size() : SIZE_MAX;
    scanRecords(caseDb, filter->blocks(), [&](const EncodedFlow &f, std::int64_t) {
        if (filter->predicate()(f))
            ++out.matches;
    });
    return out;
}

IocIndicator indicator(const char *text)
{
    AddressRange range;
    std::string error;
    const std::string s(text);
    const auto colon = s.rfind(';');
    parseFilterAddress(s.substr(0, colon), range, error);
    return {range, colon == std::string::npos ? std::nullopt : std::optional<std::uint16_t>(std::stoi(s.substr(colon + 1)))};
}

} // namespace

class TestIocFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matching_data();
    void matching();
    void errors_data();
    void errors();
    void sharedCompilePathReadsLists();
    void overlappingIndicators_data();
    void overlappingIndicators();
    void tableRowColourRule_data();
    void tableRowColourRule();

private:
    QTemporaryDir m_dir;
    test::IocCase m_case;
};

void TestIocFilter::initTestCase()
{
    m_case = test::makeIocCase(m_dir.path());
    const auto add = [&](const char *name, const QByteArray &text) {
        const QString path = test::writeList(m_dir.path(), QString(name) + ".txt", text);
        QVERIFY(incident::addIocFiles(*m_case.caseDb, name, {path.toStdString()}).stored);
    };
    add("bad", "198.51.100.7\n");
    add("bad443", "198.51.100.7:443\n");
    add("bad80", "198.51.100.7:80\n");
    add("block", "198.51.100.0/24\n203.0.113.0/24\n");
    add("v6", "[2001:db8::7]:22\n");
    add("v6net", "2001:db8::/32\n");
    add("both", "198.51.100.7\n2001:db8::7\n");
    add("internal", "10.0.0.0/16\n");
}

void TestIocFilter::matching_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("matches");
    QTest::addColumn<int>("blocks"); // -1: every block
    const int all = test::IocCase::kBlocks * 4096;
    const int planted = test::IocCase::kPlantedV4;
    QTest::newRow("an address") << "@bad" << planted << 1;
    QTest::newRow("addr in") << "addr in @bad" << planted << 1;
    QTest::newRow("its side") << "dstaddr in @bad" << planted << 1;
    QTest::newRow("the other side") << "srcaddr in @bad" << 0 << 1;
    QTest::newRow("with its port") << "@bad443" << planted << 1;
    QTest::newRow("with another port") << "@bad80" << 0 << 1;
    QTest::newRow("a CIDR block") << "@block" << planted << 1;
    QTest::newRow("ipv6 with port") << "@v6" << 1 << 1;
    QTest::newRow("ipv6 block, either side") << "@v6net" << 1 << 1;
    QTest::newRow("both families") << "@both" << planted + 1 << 2;
    QTest::newRow("and an action") << "@bad and action == reject" << 1 << 1;
    QTest::newRow("negated") << "not @bad" << all - planted << -1;
    QTest::newRow("or of lists") << "@bad or @v6" << planted + 1 << 2;
    // Every block holds 10.0.0.x/10.0.1.x sources except where an IPv6 record stands.
    QTest::newRow("a wide block") << "srcaddr in @internal" << all - 1 << 3;
}

void TestIocFilter::matching()
{
    QFETCH(QString, filter);
    QFETCH(int, matches);
    QFETCH(int, blocks);
    auto compiled = CaseFilter::compile(*m_case.caseDb, filter.toStdString());
    QVERIFY2(std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled),
             std::holds_alternative<FilterError>(compiled) ? std::get<FilterError>(compiled).message.c_str() : "");
    const Outcome outcome = evaluate(*m_case.caseDb, std::get<std::shared_ptr<const CaseFilter>>(compiled));
    QCOMPARE(outcome.matches, std::int64_t(matches));
    QCOMPARE(outcome.blocks, blocks < 0 ? SIZE_MAX : std::size_t(blocks));
}

void TestIocFilter::errors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown list") << "@nope" << "unknown IOC list '@nope': the case holds no list of that name";
    QTest::newRow("unknown list in") << "addr in @nope" << "unknown IOC list '@nope'";
    QTest::newRow("a port field") << "dstport in @bad" << "IOC lists hold addresses, but dstport is";
    QTest::newRow("a text field") << "interface-id in @bad" << "IOC lists hold addresses, but interface-id is";
    QTest::newRow("no name") << "@" << "expected an IOC list name";
}

void TestIocFilter::errors()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    auto compiled = CaseFilter::compile(*m_case.caseDb, filter.toStdString());
    QVERIFY(std::holds_alternative<FilterError>(compiled));
    const std::string text = std::get<FilterError>(compiled).message;
    QVERIFY2(QString::fromStdString(text).contains(message), text.c_str());
}

// The views compile through the snapshot-aware path: lists resolve there too.
void TestIocFilter::sharedCompilePathReadsLists()
{
    auto compiled = explain::compileWithSnapshot(*m_case.caseDb, "@bad and dstport == 443");
    QVERIFY(std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled));
    const auto filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
    QCOMPARE(evaluate(*m_case.caseDb, filter).matches, std::int64_t(test::IocCase::kPlantedV4));
    // The plan says it runs the list's ranges through the address index.
    QVERIFY(QString::fromStdString(describeBlockSelection(filter->root())).contains("address ranges the IOC list covers"));
}

void TestIocFilter::overlappingIndicators_data()
{
    QTest::addColumn<QStringList>("indicators");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port"); // -1: none
    QTest::addColumn<int>("hits");
    const QStringList nested{"10.0.0.0/8", "10.1.0.0/16", "10.1.2.3", "10.1.2.3;22", "10.200.0.0/16"};
    QTest::newRow("inside all three") << nested << "10.1.2.3" << 22 << 4;
    QTest::newRow("port differs") << nested << "10.1.2.3" << 80 << 3;
    QTest::newRow("no port") << nested << "10.1.2.3" << -1 << 3;
    QTest::newRow("only the /8") << nested << "10.2.0.1" << -1 << 1;
    QTest::newRow("the /8 reaches past the /16") << nested << "10.250.0.1" << -1 << 1;
    QTest::newRow("outside") << nested << "11.0.0.0" << -1 << 0;
    QTest::newRow("below") << nested << "9.255.255.255" << -1 << 0;
    QTest::newRow("other family") << nested << "::a01:203" << -1 << 0;
    const QStringList mixed{"::/0", "0.0.0.0/0;53"};
    QTest::newRow("ipv6 everything") << mixed << "2001:db8::1" << 53 << 1;
    QTest::newRow("ipv4 port") << mixed << "192.0.2.1" << 53 << 1;
}

void TestIocFilter::overlappingIndicators()
{
    QFETCH(QStringList, indicators);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(int, hits);
    std::vector<IocIndicator> list;
    for (const QString &i : indicators)
        list.push_back(indicator(i.toStdString().c_str()));
    const IocIndicatorSet set(list);
    const auto a = IpAddress::parse(address.toStdString());
    QVERIFY(a);
    const std::optional<std::uint16_t> p = port < 0 ? std::nullopt : std::optional<std::uint16_t>(port);
    std::vector<std::size_t> found;
    set.forEachMatch(*a, p, [&](std::size_t i) { found.push_back(set.givenIndex(i)); });
    QCOMPARE(int(found.size()), hits);
    QCOMPARE(set.matches(*a, p), hits > 0);
    for (const std::size_t given : found) {
        const IocIndicator &i = list[given];
        QVERIFY(!addressLess(*a, i.range.lo) && !addressLess(i.range.hi, *a));
    }
}

// The flow table's rows (text addresses, numeric ports) follow the filter's rule.
void TestIocFilter::tableRowColourRule_data()
{
    QTest::addColumn<QString>("src");
    QTest::addColumn<int>("srcport");
    QTest::addColumn<QString>("dst");
    QTest::addColumn<int>("dstport");
    QTest::addColumn<bool>("hit");
    QTest::newRow("destination in the block") << "10.0.0.1" << 40000 << "198.51.100.9" << 80 << true;
    QTest::newRow("source on the indicator's port") << "192.0.2.1" << 443 << "10.0.0.1" << 40000 << true;
    QTest::newRow("indicator's address, other port") << "192.0.2.1" << 80 << "10.0.0.1" << 443 << false;
    QTest::newRow("neither") << "10.0.0.1" << 1 << "10.0.0.2" << 2 << false;
    QTest::newRow("absent addresses") << "" << -1 << "" << -1 << false;
}

void TestIocFilter::tableRowColourRule()
{
    QFETCH(QString, src);
    QFETCH(int, srcport);
    QFETCH(QString, dst);
    QFETCH(int, dstport);
    QFETCH(bool, hit);
    const IocIndicatorSet set({indicator("198.51.100.0/24"), indicator("192.0.2.1;443")});
    FlowRow row;
    const auto put = [&](Field f, const QString &text) {
        if (!text.isEmpty())
            row.values[static_cast<std::size_t>(f)] = text.toStdString();
    };
    const auto putPort = [&](Field f, int port) {
        if (port >= 0)
            row.values[static_cast<std::size_t>(f)] = std::int64_t(port);
    };
    put(Field::SrcAddr, src);
    put(Field::DstAddr, dst);
    putPort(Field::SrcPort, srcport);
    putPort(Field::DstPort, dstport);
    QCOMPARE(rowMatchesIndicators(row, set), hit);
}

QTEST_GUILESS_MAIN(TestIocFilter)
#include "tst_iocfilter.moc"
