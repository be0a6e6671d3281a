// SPDX-License-Identifier: GPL-3.0-or-later
// Filter text built from cells and statistics rows: the exact text, that it
// parses, and that it selects exactly the records holding the value (every
// catalogue field, absent values included) or counted in the row.

#include "analysis/traffic_stats.h"
#include "ingest/case_importer.h"
#include "pivot/filter_compose.h"
#include "query/block_selection.h"
#include "query/filter_parser.h"
#include "query/record_predicate.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/flow_reader.h"
#include "test_files.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace flowscope;

namespace {

// Every catalogue field, with values that exercise the quoting rules: a
// keyword, "..", a quote and a backslash, an ARN.
QByteArray allFieldsFile()
{
    QByteArray header;
    for (const FieldInfo &info : allFields())
        header += (header.isEmpty() ? "" : " ") + QByteArray(info.name.data(), qsizetype(info.name.size()));
    return header + '\n'
        + "8 123456789010 eni-0a1b 10.0.0.5 2001:db8::7 40000 443 6 10 5000 1700000000 1700000060 ACCEPT OK vpc-1 "
          "subnet-1 i-1 18 IPv4 10.0.0.5 203.0.113.9 us-east-1 use1-az1 wavelength wl-1 S3 AMAZON ingress 1 "
          "arn:aws:ecs:us-east-1:123456789010:cluster/prod prod arn:aws:ecs:ci/1 ci-1 c-1 c-2 and "
          "arn:aws:ecs:td/1 arn:aws:ecs:task/1 t-1 a\"b\\c res-1 1\n"
        + "8 123456789010 eni-0a1b 2001:db8::7 10.0.0.5 443 40000 58 1 60 1700000100 1700000160 REJECT OK - - - 0 "
          "IPv6 - - - - - - - - egress - - - - - - - - - - - x..y - 0\n"
        // NODATA: only the interval and the status.
        + "8 - - - - - - - - - 1700000200 1700000260 - NODATA" + QByteArray(" -").repeated(kFieldCount - 14) + '\n';
}

QVariant rawValue(const FieldValue &value)
{
    if (const auto *number = std::get_if<std::int64_t>(&value))
        return QVariant::fromValue<qint64>(*number);
    if (const auto *text = std::get_if<std::string>(&value))
        return QString::fromStdString(*text);
    return {};
}

} // namespace

class TestFilterCompose : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    std::map<std::int64_t, FlowRow> m_rows;

    QSet<std::int64_t> matching(const QString &filter, bool narrowed = false)
    {
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        if (!parsed.ok())
            return {-1};
        const RecordPredicate accept = compileRecordPredicate(*parsed.root, m_strings, m_interfaces);
        QSet<std::int64_t> ids;
        scanRecords(*m_case, narrowed ? selectBlocks(*m_case, *parsed.root) : std::nullopt,
                    [&](const EncodedFlow &flow, std::int64_t id) {
                        if (accept(flow))
                            ids.insert(id);
                    });
        return ids;
    }

    RecordFilter predicate(const QString &filter)
    {
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        return parsed.ok() ? compileRecordPredicate(*parsed.root, m_strings, m_interfaces) : RecordFilter();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in/default.log")), test::smallTrafficRecords());
        test::writeFile(m_dir.filePath(QStringLiteral("in/all.log")), allFieldsFile());
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("c.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const ImportReport report = CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {});
        for (const ImportIssue &issue : report.errors)
            qWarning() << issue.reason.c_str();
        QCOMPARE(report.records, 8u);
        m_strings.load(m_case->handle());
        m_interfaces.load(m_case->handle(), m_strings);
        FlowReader(*m_case).forEachInTimeOrder(-1, [&](const FlowRow &row) {
            m_rows[row.id] = row;
            return true;
        });
        QCOMPARE(m_rows.size(), std::size_t(8));
    }

    void terms_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("raw");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, Field field, const QVariant &raw, const char *expected) {
            QTest::newRow(name) << int(field) << raw << QString::fromUtf8(expected);
        };
        const QVariant absent;
        row("srcaddr v4", Field::SrcAddr, QStringLiteral("10.0.0.5"), "srcaddr == 10.0.0.5");
        row("dstaddr v6", Field::DstAddr, QStringLiteral("2001:DB8:0::7"), "dstaddr == 2001:db8::7");
        row("pkt-srcaddr", Field::PktSrcAddr, QStringLiteral("192.0.2.1"), "pkt-srcaddr == 192.0.2.1");
        row("address not one", Field::SrcAddr, QStringLiteral("10.0.0.300"), "");
        row("dstport", Field::DstPort, qint64(443), "dstport == 443");
        row("srcport zero", Field::SrcPort, qint64(0), "srcport == 0");
        row("port out of range", Field::DstPort, qint64(70000), "");
        row("negative", Field::Packets, qint64(-1), "");
        row("port as text", Field::DstPort, QStringLiteral("22"), "dstport == 22");
        row("not a number", Field::DstPort, QStringLiteral("ssh"), "");
        row("protocol tcp", Field::Protocol, qint64(6), "protocol == tcp");
        row("protocol udp", Field::Protocol, qint64(17), "protocol == udp");
        row("protocol icmpv6", Field::Protocol, qint64(58), "protocol == icmpv6");
        row("protocol unnamed", Field::Protocol, qint64(253), "protocol == 253");
        row("bytes", Field::Bytes, qint64(123456789012), "bytes == 123456789012");
        row("packets", Field::Packets, qint64(7), "packets == 7");
        row("version", Field::Version, qint64(5), "version == 5");
        row("tcp-flags", Field::TcpFlags, qint64(18), "tcp-flags == 18");
        row("traffic-path", Field::TrafficPath, qint64(8), "traffic-path == 8");
        row("encryption-status", Field::EncryptionStatus, qint64(2), "encryption-status == 2");
        row("start", Field::Start, qint64(1700000000), "start == 2023-11-14T22:13:20Z");
        row("end", Field::End, qint64(0), "end == 1970-01-01T00:00:00Z");
        row("action", Field::Action, QStringLiteral("REJECT"), "action == reject");
        row("log-status", Field::LogStatus, QStringLiteral("NODATA"), "log-status == nodata");
        row("type", Field::Type, QStringLiteral("IPv6"), "type == ipv6");
        row("flow-direction", Field::FlowDirection, QStringLiteral("egress"), "flow-direction == egress");
        row("enum unknown", Field::Action, QStringLiteral("DROP"), "");
        row("interface-id", Field::InterfaceId, QStringLiteral("eni-0a1b2c3d"), "interface-id == eni-0a1b2c3d");
        row("account digits", Field::AccountId, QStringLiteral("123456789010"), "account-id == 123456789010");
        row("arn", Field::EcsClusterArn, QStringLiteral("arn:aws:ecs:us-east-1:1:cluster/prod"),
            "ecs-cluster-arn == arn:aws:ecs:us-east-1:1:cluster/prod");
        row("text keyword", Field::EcsServiceName, QStringLiteral("and"), "ecs-service-name == \"and\"");
        row("text dotdot", Field::RejectReason, QStringLiteral("x..y"), "reject-reason == \"x..y\"");
        row("text escapes", Field::RejectReason, QStringLiteral("a\"b\\c\td"), "reject-reason == \"a\\\"b\\\\c\\td\"");
        row("text space", Field::PktSrcAwsService, QStringLiteral("S3 bucket"), "pkt-src-aws-service == \"S3 bucket\"");
        row("text non-ASCII", Field::EcsTaskId, QStringLiteral("tâche"), "ecs-task-id == \"tâche\"");
        row("text leading dash", Field::ResourceId, QStringLiteral("-x"), "resource-id == \"-x\"");
        row("text empty", Field::VpcId, QString(), "");
        row("absent integer", Field::DstPort, absent, "not dstport >= 0");
        row("absent time", Field::Start, absent, "not start >= 0");
        row("absent address", Field::SrcAddr, absent, "not srcaddr in {0.0.0.0/0, ::/0}");
        row("absent text", Field::VpcId, absent, "not vpc-id contains \"\"");
        row("absent action", Field::Action, absent, "not (action == accept or action == reject)");
        row("absent log-status", Field::LogStatus, absent, "not (log-status == ok or log-status == nodata or log-status == skipdata)");
        row("absent type", Field::Type, absent, "not (type == ipv4 or type == ipv6 or type == efa)");
        row("absent direction", Field::FlowDirection, absent, "not (flow-direction == ingress or flow-direction == egress)");
    }

    void terms()
    {
        QFETCH(int, field);
        QFETCH(QVariant, raw);
        QFETCH(QString, expected);
        const QString term = filterTermFor(static_cast<Field>(field), raw);
        QCOMPARE(term, expected);
        if (term.isEmpty())
            return;
        const FilterParseResult parsed = parseFilter(term.toStdString());
        QVERIFY2(parsed.ok(), parsed.error ? parsed.error->message.c_str() : "");
    }

    // For every field, each value the case holds (absent included) selects
    // exactly the records with that value, and the index preselection keeps them.
    void termSelectsExactlyItsRecords_data()
    {
        QTest::addColumn<int>("field");
        for (const FieldInfo &info : allFields())
            QTest::newRow(std::string(info.name).c_str()) << int(info.field);
    }

    void termSelectsExactlyItsRecords()
    {
        QFETCH(int, field);
        const Field f = static_cast<Field>(field);
        std::map<std::string, QSet<std::int64_t>> byValue; // value's text (with its kind) -> ids
        std::map<std::string, QVariant> raws;
        for (const auto &[id, row] : m_rows) {
            const FieldValue &value = row.value(f);
            const std::string key = std::to_string(value.index()) + ':' + fieldText(value);
            byValue[key].insert(id);
            raws[key] = rawValue(value);
        }
        QVERIFY(!byValue.empty());
        for (const auto &[key, ids] : byValue) {
            const QString term = filterTermFor(f, raws[key]);
            QVERIFY2(!term.isEmpty(), key.c_str());
            QCOMPARE(matching(term), ids);
            QCOMPARE(matching(term, true), ids);
        }
    }

    void combine_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("term");
        QTest::addColumn<int>("how");
        QTest::addColumn<QString>("expected");
        const int replace = int(FilterCombine::Replace), andS = int(FilterCombine::And), orS = int(FilterCombine::Or),
                  andNot = int(FilterCombine::AndNot), orNot = int(FilterCombine::OrNot);
        const QString port = QStringLiteral("dstport == 443");
        auto row = [](const char *name, const QString &current, const QString &term, int how, const char *expected) {
            QTest::newRow(name) << current << term << how << QString::fromUtf8(expected);
        };
        row("replace", "action == reject", port, replace, "dstport == 443");
        row("and, empty", "", port, andS, "dstport == 443");
        row("or, empty", "  ", port, orS, "dstport == 443");
        row("and not, empty", "", port, andNot, "not dstport == 443");
        row("or not, empty", "", port, orNot, "not dstport == 443");
        row("and", "action == reject", port, andS, "action == reject and dstport == 443");
        row("or", "action == reject", port, orS, "action == reject or dstport == 443");
        row("and not", "action == reject", port, andNot, "action == reject and not dstport == 443");
        row("or not", "action == reject", port, orNot, "action == reject or not dstport == 443");
        row("and over or (valid)", "port == 22 or action == reject", port, andS,
            "(port == 22 or action == reject) and dstport == 443");
        row("and over and", "port == 22 && action == reject", port, andS, "port == 22 && action == reject and dstport == 443");
        row("or over and", "port == 22 and action == reject", port, orS, "(port == 22 and action == reject) or dstport == 443");
        row("or over or", "port == 22 or port == 80", port, orS, "port == 22 or port == 80 or dstport == 443");
        row("group kept", "(port == 22 or port == 80)", port, andS, "(port == 22 or port == 80) and dstport == 443");
        row("two groups", "(port == 22) or (port == 80)", port, andS, "((port == 22) or (port == 80)) and dstport == 443");
        row("not current", "not port == 22", port, andS, "not port == 22 and dstport == 443");
        row("invalid current", "port ==", port, andS, "(port ==) and dstport == 443");
        // Terms that parse only with a case keep the filter flat all the same.
        row("case terms and", "security-group == sg-0web and action == reject", port, andS,
            "security-group == sg-0web and action == reject and dstport == 443");
        row("case terms, or under and", "starred or addr in @c2", port, andS, "(starred or addr in @c2) and dstport == 443");
        row("case term, one", "tag == c2", port, orS, "tag == c2 or dstport == 443");
        row("compound term and", "action == reject", "addr == 10.0.0.1 and addr == 10.0.0.2", andS,
            "action == reject and addr == 10.0.0.1 and addr == 10.0.0.2");
        row("compound term or", "action == reject", "addr == 10.0.0.1 and addr == 10.0.0.2", orS,
            "action == reject or (addr == 10.0.0.1 and addr == 10.0.0.2)");
        row("compound term and not", "action == reject", "addr == 10.0.0.1 and addr == 10.0.0.2", andNot,
            "action == reject and not (addr == 10.0.0.1 and addr == 10.0.0.2)");
        row("absent term or not", "", "not (action == accept or action == reject)", orNot,
            "not not (action == accept or action == reject)");
        row("empty term", "action == reject", "", andS, "action == reject");
        row("trimmed", "  action == reject ", " dstport == 443 ", orS, "action == reject or dstport == 443");
        row("string with paren", "reject-reason == \"(x\"", port, andS, "reject-reason == \"(x\" and dstport == 443");
    }

    void combine()
    {
        QFETCH(QString, current);
        QFETCH(QString, term);
        QFETCH(int, how);
        QFETCH(QString, expected);
        const QString combined = combineFilter(current, term, static_cast<FilterCombine>(how));
        QCOMPARE(combined, expected);
        if (parseFilter(current.toStdString()).ok()) {
            const FilterParseResult parsed = parseFilter(combined.toStdString());
            QVERIFY2(parsed.ok(), parsed.error ? parsed.error->message.c_str() : "");
        }
    }

    // The combinations mean what Wireshark's menu says, on the records.
    void combineMeaning_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("and") << int(FilterCombine::And);
        QTest::newRow("or") << int(FilterCombine::Or);
        QTest::newRow("and not") << int(FilterCombine::AndNot);
        QTest::newRow("or not") << int(FilterCombine::OrNot);
    }

    void combineMeaning()
    {
        QFETCH(int, how);
        const QString current = QStringLiteral("dstport == 443 or action == reject");
        const QString term = QStringLiteral("addr == 10.0.0.1 and addr == 10.0.0.2");
        const QSet<std::int64_t> a = matching(current), b = matching(term), all = matching(QString());
        QSet<std::int64_t> expected;
        switch (static_cast<FilterCombine>(how)) {
        case FilterCombine::And: expected = a & b; break;
        case FilterCombine::Or: expected = a | b; break;
        case FilterCombine::AndNot: expected = a - b; break;
        case FilterCombine::OrNot: expected = a | (all - b); break;
        case FilterCombine::Replace: break;
        }
        QCOMPARE(matching(combineFilter(current, term, static_cast<FilterCombine>(how))), expected);
    }

    void statisticsTerms_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("conversation") << conversationFilter(QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"))
                                      << "addr == 10.0.0.1 and addr == 10.0.0.2";
        QTest::newRow("conversation v6") << conversationFilter(QStringLiteral("10.0.0.5"), QStringLiteral("2001:db8::7"))
                                         << "addr == 10.0.0.5 and addr == 2001:db8::7";
        QTest::newRow("conversation with itself")
            << conversationFilter(QStringLiteral("10.0.0.9"), QStringLiteral("10.0.0.9"))
            << "srcaddr == 10.0.0.9 and dstaddr == 10.0.0.9";
        QTest::newRow("conversation, bad address") << conversationFilter(QStringLiteral("x"), QStringLiteral("10.0.0.9"))
                                                   << "";
        QTest::newRow("service") << serviceConversationFilter(QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), 6, 443)
                                 << "addr == 10.0.0.1 and addr == 10.0.0.2 and protocol == tcp and port == 443 and "
                                    "srcport >= 443 and dstport >= 443";
        QTest::newRow("service, no port")
            << serviceConversationFilter(QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), 1, std::nullopt)
            << "addr == 10.0.0.1 and addr == 10.0.0.2 and protocol == icmp and not (srcport >= 0 and dstport >= 0)";
        QTest::newRow("service, no protocol")
            << serviceConversationFilter(QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), std::nullopt, 53)
            << "addr == 10.0.0.1 and addr == 10.0.0.2 and not protocol >= 0 and port == 53 and srcport >= 53 and "
               "dstport >= 53";
        QTest::newRow("service, bad port")
            << serviceConversationFilter(QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), 6, 70000) << "";
        QTest::newRow("address endpoint") << addressEndpointFilter(QStringLiteral("203.0.113.9")) << "addr == 203.0.113.9";
        QTest::newRow("address endpoint, bad") << addressEndpointFilter(QStringLiteral("eni-a")) << "";
        QTest::newRow("eni endpoint") << interfaceEndpointFilter(QStringLiteral("eni-0a1b")) << "eni == eni-0a1b";
        QTest::newRow("eni endpoint, odd") << interfaceEndpointFilter(QStringLiteral("or")) << "eni == \"or\"";
    }

    void statisticsTerms()
    {
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        QCOMPARE(filter, expected);
        if (!filter.isEmpty())
            QVERIFY(parseFilter(filter.toStdString()).ok());
    }

    // A brushed timeline range: appended to the analyst's filter, and
    // replacing (not stacking on) the range brushed before.
    void timeRange_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("expected");
        // 2026-03-10T02:00:00Z .. 02:05:00Z
        const QString range = QStringLiteral("time >= 2026-03-10T02:00:00Z and time < 2026-03-10T02:05:00Z");
        QTest::newRow("empty") << "" << range;
        QTest::newRow("simple") << "dstport == 22" << "dstport == 22 and " + range;
        QTest::newRow("or gets parentheses") << "dstport == 22 or dstport == 3389"
                                             << "(dstport == 22 or dstport == 3389) and " + range;
        QTest::newRow("replaces an earlier range")
            << "dstport == 22 and time >= 2026-03-09T00:00:00Z and time < 2026-03-09T01:00:00Z"
            << "dstport == 22 and " + range;
        QTest::newRow("replaces an earlier range after an or")
            << "(dstport == 22 or dstport == 3389) and time >= 2026-03-09T00:00:00Z and time < 2026-03-09T01:00:00Z"
            << "(dstport == 22 or dstport == 3389) and " + range;
        QTest::newRow("replaces a range alone")
            << "time >= 2026-03-09T00:00:00Z and time < 2026-03-09T01:00:00Z" << range;
        // Not ours to take away: joined with `or`, the range means something else.
        QTest::newRow("keeps a range under or")
            << "dstport == 22 or time >= 2026-03-09T00:00:00Z and time < 2026-03-09T01:00:00Z"
            << "(dstport == 22 or time >= 2026-03-09T00:00:00Z and time < 2026-03-09T01:00:00Z) and " + range;
        QTest::newRow("keeps the analyst's own time terms")
            << "time >= 2026-03-09T00:00:00Z and action == reject"
            << "time >= 2026-03-09T00:00:00Z and action == reject and " + range;
    }

    void timeRange()
    {
        QFETCH(QString, current);
        QFETCH(QString, expected);
        const qint64 begin = 1773108000; // 2026-03-10T02:00:00Z
        const QString narrowed = narrowToTimeRange(current, begin, begin + 300);
        QCOMPARE(narrowed, expected);
        QVERIFY2(parseFilter(narrowed.toStdString()).ok(), qPrintable(narrowed));
        // Brushing the same range again changes nothing.
        QCOMPARE(narrowToTimeRange(narrowed, begin, begin + 300), narrowed);
    }

    // The range selects exactly the records whose span overlaps it.
    void timeRangeSelectsOverlappingRecords()
    {
        int checked = 0;
        for (const auto &[id, row] : m_rows) {
            const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start));
            const auto *end = std::get_if<std::int64_t>(&row.value(Field::End));
            if (!start || !end)
                continue;
            ++checked;
            QVERIFY(matching(narrowToTimeRange({}, *start, *end + 1)).contains(id));
            QVERIFY(matching(narrowToTimeRange({}, *end, *end + 1)).contains(id));
            QVERIFY(!matching(narrowToTimeRange({}, *end + 1, *end + 100)).contains(id));
            QVERIFY(!matching(narrowToTimeRange({}, *start - 100, *start)).contains(id));
            QVERIFY(!matching(narrowToTimeRange(QStringLiteral("dstport == 1"), *start, *end + 1)).contains(id)
                    || std::get_if<std::int64_t>(&row.value(Field::DstPort)) != nullptr);
        }
        QVERIFY(checked >= 5);
    }

    // Filtering on a statistics row and recomputing gives that row back, unchanged.
    void statisticsRowsRoundTrip_data()
    {
        QTest::addColumn<bool>("service");
        QTest::newRow("addresses") << false;
        QTest::newRow("service") << true;
    }

    void statisticsRowsRoundTrip()
    {
        QFETCH(bool, service);
        const ConversationKey key = service ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses;
        const auto rows = topConversations(*m_case, key, 100, StatsOrder::Bytes);
        QVERIFY(rows.size() >= 3);
        for (const Conversation &c : rows) {
            const QString a = QString::fromStdString(c.a.toString()), b = QString::fromStdString(c.b.toString());
            const QString filter = service
                ? serviceConversationFilter(a, b, c.protocol ? std::optional<int>(*c.protocol) : std::nullopt,
                                            c.port ? std::optional<int>(*c.port) : std::nullopt)
                : conversationFilter(a, b);
            const auto again = topConversations(*m_case, key, 100, StatsOrder::Bytes, predicate(filter));
            QCOMPARE(again.size(), std::size_t(1));
            QCOMPARE(again[0].totals.flows, c.totals.flows);
            QCOMPARE(again[0].totals.bytes, c.totals.bytes);
        }
        for (const EndpointKey endpoint : {EndpointKey::Address, EndpointKey::Interface}) {
            for (const Endpoint &e : topEndpoints(*m_case, endpoint, 100, StatsOrder::Bytes)) {
                const QString name = QString::fromStdString(e.key);
                const QString filter =
                    endpoint == EndpointKey::Address ? addressEndpointFilter(name) : interfaceEndpointFilter(name);
                const auto again = topEndpoints(*m_case, endpoint, 100, StatsOrder::Bytes, predicate(filter));
                const auto same = std::find_if(again.begin(), again.end(), [&](const Endpoint &x) { return x.key == e.key; });
                QVERIFY2(same != again.end(), e.key.c_str());
                QCOMPARE(same->totals.flows, e.totals.flows);
                QCOMPARE(same->totals.bytes, e.totals.bytes);
                if (endpoint == EndpointKey::Interface)
                    QCOMPARE(again.size(), std::size_t(1));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFilterCompose)
#include "tst_filtercompose.moc"
