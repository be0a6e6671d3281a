// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/ioc_indicator_text.h"
#include "incident/ioc_list_parser.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace flowscope;
using namespace flowscope::incident;

namespace {

// Lines of a text, numbered from 1, as a file's reader hands them out.
LineSource linesOf(const std::string &text, std::vector<std::string> &storage)
{
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        storage.push_back(line);
    auto next = std::make_shared<std::size_t>(0);
    return [&storage, next](std::string_view &line, std::uint64_t &number) {
        if (*next >= storage.size())
            return false;
        line = storage[*next];
        number = ++*next;
        return true;
    };
}

IocFileParse parse(const std::string &file, const std::string &text)
{
    std::vector<std::string> storage;
    return parseIocLines(file, linesOf(text, storage));
}

} // namespace

class TestIocListParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void indicators_data();
    void indicators();
    void badTextLines_data();
    void badTextLines();
    void badCsvLines_data();
    void badCsvLines();
    void keepsGoodLinesAroundBadOnes();
    void csvWithQuotesAndOptionalColumns();
    void detectsCsvByHeader();
    void readsFileWithChecksum();
};

void TestIocListParser::indicators_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("lo");
    QTest::addColumn<QString>("hi");
    QTest::addColumn<int>("port"); // -1: none
    QTest::newRow("ipv4") << "198.51.100.7" << "198.51.100.7" << "198.51.100.7" << "198.51.100.7" << -1;
    QTest::newRow("ipv4 cidr") << "203.0.113.0/24" << "203.0.113.0/24" << "203.0.113.0" << "203.0.113.255" << -1;
    QTest::newRow("ipv4 host bits ignored") << "10.1.2.3/8" << "10.0.0.0/8" << "10.0.0.0" << "10.255.255.255" << -1;
    QTest::newRow("ipv4 port") << "198.51.100.7:443" << "198.51.100.7:443" << "198.51.100.7" << "198.51.100.7" << 443;
    QTest::newRow("ipv4 cidr port") << "10.0.0.0/8:22" << "10.0.0.0/8:22" << "10.0.0.0" << "10.255.255.255" << 22;
    QTest::newRow("ipv6") << "2001:db8::1" << "2001:db8::1" << "2001:db8::1" << "2001:db8::1" << -1;
    QTest::newRow("ipv6 cidr") << "2001:db8::/32" << "2001:db8::/32" << "2001:db8::" << "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff" << -1;
    QTest::newRow("ipv6 port") << "[2001:db8::1]:8443" << "[2001:db8::1]:8443" << "2001:db8::1" << "2001:db8::1" << 8443;
    QTest::newRow("port 0") << "192.0.2.1:0" << "192.0.2.1:0" << "192.0.2.1" << "192.0.2.1" << 0;
}

void TestIocListParser::indicators()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, lo);
    QFETCH(QString, hi);
    QFETCH(int, port);
    std::string error;
    const auto indicator = parseIocIndicator(text.toStdString(), error);
    QVERIFY2(indicator, error.c_str());
    QCOMPARE(QString::fromStdString(formatIocIndicator(*indicator)), canonical);
    QCOMPARE(QString::fromStdString(indicator->range.lo.toString()), lo);
    QCOMPARE(QString::fromStdString(indicator->range.hi.toString()), hi);
    QCOMPARE(indicator->port ? int(*indicator->port) : -1, port);
}

// Every kind of bad line of a text list, each between two good lines.
void TestIocListParser::badTextLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not an address") << "300.1.2.3" << "'300.1.2.3': expected an IPv4 or IPv6 address";
    QTest::newRow("a host name") << "evil.example.com" << "is a name, not an address";
    QTest::newRow("prefix too long") << "10.0.0.0/33" << "prefix length must be 0..32";
    QTest::newRow("ipv6 prefix too long") << "2001:db8::/129" << "prefix length must be 0..128";
    QTest::newRow("port not a number") << "198.51.100.7:https" << "port 'https' is not a number";
    QTest::newRow("port out of range") << "198.51.100.7:70000" << "port 70000 is out of range";
    QTest::newRow("no port after colon") << "198.51.100.7:" << "no port after ':'";
    QTest::newRow("unclosed bracket") << "[2001:db8::1:443" << "'[' without a closing ']'";
    QTest::newRow("bracket without port") << "[2001:db8::1]" << "expected ':port' after ']'";
    QTest::newRow("ipv4 in brackets") << "[198.51.100.7]:80" << "brackets are for IPv6";
    QTest::newRow("bad ipv6 with port") << "[2001:db8::zz]:80" << "'2001:db8::zz'";
    QTest::newRow("text after the indicator") << "198.51.100.7 c2-server" << "unexpected text after the indicator: 'c2-server'";
}

void TestIocListParser::badTextLines()
{
    QFETCH(QString, line);
    QFETCH(QString, reason);
    const IocFileParse parsed = parse("list.txt", "192.0.2.1\n" + line.toStdString() + "\n192.0.2.2\n");
    QCOMPARE(parsed.format, IocFileFormat::Text);
    QCOMPARE(parsed.entries.size(), std::size_t(2));
    QCOMPARE(parsed.entries[0].line, std::uint64_t(1));
    QCOMPARE(parsed.entries[1].line, std::uint64_t(3));
    QCOMPARE(parsed.errors.size(), std::size_t(1));
    QCOMPARE(parsed.errors[0].file, std::string("list.txt"));
    QCOMPARE(parsed.errors[0].line, std::uint64_t(2));
    QVERIFY2(QString::fromStdString(parsed.errors[0].reason).contains(reason), parsed.errors[0].reason.c_str());
    QVERIFY(QString::fromStdString(parsed.errors[0].toString()).startsWith("list.txt:2: "));
}

// Every kind of bad record of a CSV list; `line` is where the error is reported.
void TestIocListParser::badCsvLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("kept");
    const QString header = "indicator,label,first_seen\n";
    QTest::newRow("no indicator column") << "address,label\n192.0.2.1,x\n" << 1 << "no 'indicator' column (it has: address, label)" << 0;
    QTest::newRow("too few fields") << header + "192.0.2.1,x,\n192.0.2.9\n" << 3 << "1 fields where the header has 3" << 1;
    QTest::newRow("too many fields") << header + "192.0.2.9,x,,extra\n192.0.2.1,x,\n" << 2 << "4 fields where the header has 3" << 1;
    QTest::newRow("empty indicator") << header + ",x,\n192.0.2.1,x,\n" << 2 << "empty indicator" << 1;
    QTest::newRow("bad indicator") << header + "192.0.2.1,x,\n192.0.2.999,x,\n" << 3 << "'192.0.2.999'" << 1;
    QTest::newRow("bad first_seen") << header + "192.0.2.9,x,yesterday\n192.0.2.1,x,2026-03-01T00:00Z\n" << 2
                                    << "first_seen 'yesterday'" << 1;
    QTest::newRow("quote inside unquoted field") << header + "192.0.2.9,a\"b,\n192.0.2.1,x,\n" << 2
                                                 << "a quote inside unquoted field 2" << 1;
    QTest::newRow("text after closing quote") << header + "192.0.2.9,\"a\"b,\n192.0.2.1,x,\n" << 2
                                              << "text after the closing quote of field 2" << 1;
    QTest::newRow("unclosed quote") << header + "192.0.2.1,x,\n192.0.2.9,\"open,\n" << 3
                                    << "opened on line 3 is never closed" << 1;
}

void TestIocListParser::badCsvLines()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, reason);
    QFETCH(int, kept);
    const IocFileParse parsed = parse("list.csv", text.toStdString());
    QCOMPARE(parsed.format, IocFileFormat::Csv);
    QCOMPARE(int(parsed.entries.size()), kept);
    QCOMPARE(parsed.errors.size(), std::size_t(1));
    QCOMPARE(int(parsed.errors[0].line), line);
    QVERIFY2(QString::fromStdString(parsed.errors[0].reason).contains(reason), parsed.errors[0].reason.c_str());
    if (kept)
        QCOMPARE(QString::fromStdString(parsed.entries[0].text), QString("192.0.2.1"));
}

void TestIocListParser::keepsGoodLinesAroundBadOnes()
{
    const IocFileParse parsed = parse("mixed.txt", "# threat feed\n\n10.0.0.0/8   # internal\nbad\n  198.51.100.7:443\r\n"
                                                   "[2001:db8::1]:22\nnope.example\n");
    QCOMPARE(parsed.entries.size(), std::size_t(3));
    QCOMPARE(parsed.entries[0].line, std::uint64_t(3));
    QCOMPARE(parsed.entries[1].text, std::string("198.51.100.7:443"));
    QCOMPARE(parsed.entries[2].indicator.port, std::optional<std::uint16_t>(22));
    QCOMPARE(parsed.errors.size(), std::size_t(2));
    QCOMPARE(parsed.errors[0].line, std::uint64_t(4));
    QCOMPARE(parsed.errors[1].line, std::uint64_t(7));
}

void TestIocListParser::csvWithQuotesAndOptionalColumns()
{
    const IocFileParse parsed = parse("feed.csv", "Source,Indicator,Label,First_Seen\n"
                                                  "\"abuse.ch, feodo\",198.51.100.7:443,\"C2 \"\"Dridex\"\"\",2026-03-01T02:00Z\n"
                                                  "feed,\"203.0.113.0/24\",\"two\nlines\",1772330400\n"
                                                  "feed,[2001:db8::1]:80,,\n");
    QVERIFY(parsed.errors.empty());
    QCOMPARE(parsed.entries.size(), std::size_t(3));
    QCOMPARE(parsed.entries[0].source, std::string("abuse.ch, feodo"));
    QCOMPARE(parsed.entries[0].label, std::string("C2 \"Dridex\""));
    QCOMPARE(parsed.entries[0].firstSeen, std::optional<std::int64_t>(1772330400));
    QCOMPARE(parsed.entries[1].label, std::string("two\nlines"));
    QCOMPARE(parsed.entries[1].line, std::uint64_t(3));
    QCOMPARE(parsed.entries[2].line, std::uint64_t(5)); // the quoted line break counts
    QVERIFY(!parsed.entries[2].firstSeen);
}

void TestIocListParser::detectsCsvByHeader()
{
    const IocFileParse csv = parse("feed.txt", "# exported\nindicator,label\n192.0.2.1,x\n");
    QCOMPARE(csv.format, IocFileFormat::Csv);
    QCOMPARE(csv.entries.size(), std::size_t(1));
    QCOMPARE(csv.entries[0].label, std::string("x"));
    const IocFileParse text = parse("feed.txt", "# exported\n192.0.2.1\n");
    QCOMPARE(text.format, IocFileFormat::Text);
    QCOMPARE(text.entries.size(), std::size_t(1));
}

void TestIocListParser::readsFileWithChecksum()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("list.txt").toStdString();
    std::ofstream(path) << "192.0.2.1\n192.0.2.2\n";
    const IocFileParse parsed = parseIocFile(path);
    QCOMPARE(parsed.entries.size(), std::size_t(2));
    // `printf '192.0.2.1\n192.0.2.2\n' | sha256sum`
    QCOMPARE(parsed.sha256, std::string("edc912c3b411d6eee7de26229f6ebc3309bb12bb82906a7400ac8fbeafd22d27"));
    const IocFileParse missing = parseIocFile(dir.filePath("missing.txt").toStdString());
    QVERIFY(missing.unreadable);
    QCOMPARE(missing.errors.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(missing.errors[0].toString()).contains("missing.txt"));
}

QTEST_GUILESS_MAIN(TestIocListParser)
#include "tst_ioclistparser.moc"
