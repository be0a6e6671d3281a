// SPDX-License-Identifier: GPL-3.0-or-later
// Filters evaluated on the records of a small case with known answers,
// following the rules of filter_ast.h (absent values, either-side shorthands,
// time spans).

#include "ingest/case_importer.h"
#include "query/block_selection.h"
#include "query/filter_parser.h"
#include "query/record_predicate.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {
const QByteArray kVersion5 =
    "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id interface-id action "
    "tcp-flags pkt-dst-aws-service flow-direction log-status\n"
    "5 2001:db8::1 2001:db8::2 5000 443 6 1700000400 1700000460 IPv6 10 5000 123456789010 eni-d ACCEPT 18 S3 egress OK\n"
    "5 10.0.0.5 52.95.128.179 34210 80 6 1700000500 1700000560 IPv4 7 471 123456789010 eni-d REJECT 2 - ingress OK\n";
}

class TestRecordPredicate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in/default.log")), test::smallTrafficRecords());
        test::writeFile(m_dir.filePath(QStringLiteral("in/v5.log")), kVersion5);
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("p.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {}).records, 7u);
        m_strings.load(m_case->handle());
        m_interfaces.load(m_case->handle(), m_strings);
    }

    void matches_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("expected");
        QTest::newRow("empty") << "" << 7;
        QTest::newRow("action") << "action == reject" << 2;
        QTest::newRow("not action keeps NODATA") << "not action == reject" << 5;
        QTest::newRow("!= is not ==") << "action != reject" << 5;
        QTest::newRow("addr cidr") << "addr == 10.0.0.0/8" << 5;
        QTest::newRow("srcaddr") << "srcaddr == 10.0.0.1" << 3;
        QTest::newRow("dstaddr") << "dstaddr == 10.0.0.1" << 1;
        QTest::newRow("ipv6 cidr") << "addr == 2001:db8::/32" << 1;
        QTest::newRow("ipv4 range misses ipv6") << "addr == 0.0.0.0/0" << 5;
        QTest::newRow("dstport") << "dstport == 443" << 3;
        QTest::newRow("port either side") << "port == 443" << 4;
        QTest::newRow("not dstport keeps absent") << "not dstport == 443" << 4;
        QTest::newRow("set") << "dstport in {22, 80}" << 2;
        QTest::newRow("range") << "dstport in {1..1023}" << 5;
        QTest::newRow("port set either side") << "port in {40000, 5000}" << 3;
        QTest::newRow("addr set") << "addr in {10.0.0.5, 2001:db8::2}" << 2;
        QTest::newRow("byte unit") << "bytes > 1KB" << 1;
        QTest::newRow("bytes >=") << "bytes >= 1000" << 2;
        QTest::newRow("packets <") << "packets < 3" << 2;
        QTest::newRow("eni") << "eni == eni-a" << 3;
        QTest::newRow("contains") << "interface-id contains \"eni-\"" << 7;
        QTest::newRow("matches") << "interface-id matches \"^eni-[ab]$\"" << 4;
        QTest::newRow("nodata") << "log-status == nodata" << 1;
        QTest::newRow("has syn") << "tcp-flags has syn" << 2;
        QTest::newRow("has ack") << "tcp-flags has ack" << 1;
        QTest::newRow("service") << "pkt-dst-aws-service == \"S3\"" << 1;
        QTest::newRow("direction") << "flow-direction == egress" << 1;
        QTest::newRow("type") << "type == ipv6" << 1;
        QTest::newRow("time >= (span ends at or after)") << "time >= 1700000300" << 4;
        QTest::newRow("time < (span starts before)") << "time < 1700000100" << 2;
        QTest::newRow("time == (span holds it)") << "time == 1700000050" << 2;
        QTest::newRow("time window") << "time >= 1700000100 and time < 1700000300" << 3;
        QTest::newRow("iso time") << "start >= 2023-11-14T22:20:00Z" << 2;
        QTest::newRow("and") << "protocol == tcp and action == accept" << 4;
        QTest::newRow("or") << "srcaddr == 10.0.0.1 or dstaddr == 2001:db8::2" << 4;
        QTest::newRow("and not") << "addr == 10.0.0.2 and not action == reject" << 2;
        QTest::newRow("account") << "account-id == \"123456789010\"" << 7;
        QTest::newRow("nothing") << "srcaddr == 192.0.2.1" << 0;
    }

    void matches()
    {
        QFETCH(QString, filter);
        QFETCH(int, expected);
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        QVERIFY2(parsed.ok(), parsed.error ? parsed.error->message.c_str() : "");
        const RecordPredicate accept = compileRecordPredicate(*parsed.root, m_strings, m_interfaces);
        int count = 0;
        scanRecords(*m_case, std::nullopt, [&](const EncodedFlow &flow, std::int64_t) { count += accept(flow); });
        QCOMPARE(count, expected);

        // The index preselection loses no match: the same count from the blocks it keeps.
        const auto blocks = selectBlocks(*m_case, *parsed.root);
        int narrowed = 0;
        scanRecords(*m_case, blocks, [&](const EncodedFlow &flow, std::int64_t) { narrowed += accept(flow); });
        QCOMPARE(narrowed, expected);
    }

    void preselectionNarrows_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("blocks"); // -1: every block (cannot narrow)
        // Two files, two blocks: the default-format one (block 1) and the v5 one (block 2).
        QTest::newRow("address") << "srcaddr == 10.0.0.5" << 1;
        QTest::newRow("cidr") << "addr == 2001:db8::/32" << 1;
        QTest::newRow("address in neither") << "addr == 192.0.2.0/24" << 0;
        QTest::newRow("port") << "port == 22" << 1;
        QTest::newRow("ephemeral port") << "srcport == 40001" << 1;
        QTest::newRow("port set") << "dstport in {80, 22}" << 2;
        QTest::newRow("eni") << "eni == eni-d" << 1;
        QTest::newRow("rejects") << "action == reject" << 2;
        QTest::newRow("time") << "time >= 1700000400" << 2;
        QTest::newRow("early time") << "start < 1700000100" << 1;
        QTest::newRow("and intersects") << "eni == eni-d and port == 22" << 0;
        QTest::newRow("or unites") << "eni == eni-d or port == 22" << 2;
        QTest::newRow("not cannot narrow") << "not srcaddr == 10.0.0.5" << -1;
        QTest::newRow("text cannot narrow") << "interface-id contains \"d\"" << -1;
    }

    void preselectionNarrows()
    {
        QFETCH(QString, filter);
        QFETCH(int, blocks);
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        QVERIFY(parsed.ok());
        const auto selected = selectBlocks(*m_case, *parsed.root);
        QCOMPARE(selected ? int(selected->size()) : -1, blocks);
    }

    void iocLists()
    {
        FilterParseOptions options;
        options.iocListExists = [](std::string_view name) { return name == "c2"; };
        const FilterParseResult parsed = parseFilter("addr in @c2", options);
        QVERIFY(parsed.ok());
        const RecordPredicate accept = compileRecordPredicate(
            *parsed.root, m_strings, m_interfaces,
            [](std::string_view list, std::string_view value) { return list == "c2" && value == "203.0.113.9"; });
        int count = 0;
        scanRecords(*m_case, std::nullopt, [&](const EncodedFlow &flow, std::int64_t) { count += accept(flow); });
        QCOMPARE(count, 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordPredicate)
#include "tst_recordpredicate.moc"
