// SPDX-License-Identifier: GPL-3.0-or-later
// The Athena back end against reviewed golden queries: one file of SQL per
// case in golden/athena, so a change in the generated SQL shows as a diff.
// Set FLOWSCOPE_UPDATE_GOLDEN=1 to rewrite the files (then review the diff).

#include "query/athena_sql.h"
#include "query/filter_parser.h"

#include <QFile>
#include <QTest>

using namespace flowscope;

namespace {

// Table layouts the cases run against.
AthenaSqlOptions profile(const QString &name)
{
    AthenaSqlOptions o;
    o.database = "flowlogs";
    o.table = "vpc_flow_logs";
    if (name == QLatin1String("hive")) { // Hive-style prefixes, no single day column
        o.accountPartition = "aws-account-id";
        o.regionPartition = "aws-region";
        o.dayPartition.clear();
    } else if (name == QLatin1String("date")) { // PARTITIONED BY (`date` date)
        o.accountPartition.clear();
        o.regionPartition.clear();
        o.dayPartition = "date";
        o.dayIsDate = true;
    } else if (name == QLatin1String("limit")) {
        o.limit = 100;
        o.iocDatabase = "threat_intel";
    } else if (name == QLatin1String("dashed")) { // projection with day as yyyy-MM-dd
        o.dayFormat = "yyyy-MM-dd";
    }
    return o;
}

FilterNodePtr parse(const std::string &expression)
{
    FilterParseOptions options;
    options.iocListExists = [](std::string_view) { return true; };
    FilterParseResult parsed = parseFilter(expression, options);
    if (!parsed.ok())
        qWarning("%s", parsed.error->message.c_str());
    return std::move(parsed.root);
}

QString goldenPath(const QString &name) { return QStringLiteral(FLOWSCOPE_ATHENA_GOLDEN "/%1.sql").arg(name); }

} // namespace

class TestAthenaSql : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("profile");
        auto row = [](const char *name, const char *expression, const char *profile = "aws") {
            QTest::addRow("%s", name) << QString::fromUtf8(expression) << QString::fromLatin1(profile);
        };
        // Time bounds: day partitions (delivery may trail by an hour) and epoch bounds.
        row("time_range", "time >= 2026-03-10T02:00Z and time < 2026-03-11T00:00Z");
        row("time_instant", "time == 2026-03-10T12:00Z");
        row("time_near_midnight", "time >= 2026-03-10T23:00Z and time < 2026-03-10T23:30Z");
        row("time_lower_only", "time > 2026-03-10T00:00Z and action == reject");
        row("start_end_epoch", "start >= 1773100800 and end <= 1773187199");
        row("time_either_window",
            "(time >= 2026-03-01T00:00Z and time < 2026-03-02T00:00Z and dstport == 22)"
            " or (time >= 2026-03-05T00:00Z and time < 2026-03-06T00:00Z)");
        row("time_not_bounds_nothing", "not time < 2026-03-10T00:00Z");
        row("time_date_partition", "time >= 2026-03-10T02:00Z and time < 2026-03-11T00:00Z", "date");
        row("time_dashed_day", "time >= 2026-12-31T20:00Z and time <= 2026-12-31T23:59:59Z", "dashed");
        // Account and region partitions.
        row("account_region", "account-id == \"123456789010\" and region == \"eu-west-1\" and time >= 2026-03-10T00:00Z");
        row("account_region_hive", "account-id == \"123456789010\" and region == \"eu-west-1\"", "hive");
        row("accounts_either", "account-id == \"111111111111\" or account-id == \"222222222222\"");
        // The absent-value rule: NOT is TRUE for NULL.
        row("not_dstport", "not dstport == 22");
        row("ne_is_not_eq", "action != reject");
        row("not_and", "not (srcport == 22 and protocol == tcp)");
        row("text_dash_is_absent", "vpc-id == \"-\" or not subnet-id == \"-\"");
        row("precedence", "srcaddr == 10.0.0.1 and (dstport == 22 or dstport == 3389) or action == reject");
        // Addresses: IPv4 and IPv6, either side, sets.
        row("addr_cidr_v4", "addr == 10.0.0.0/8");
        row("srcaddr_single", "srcaddr == 10.0.0.5");
        row("addr_cidr_v6", "dstaddr == 2001:db8::/32");
        row("v6_all_skips_ipv4", "srcaddr == ::/0");
        row("addr_set", "addr in {10.0.0.1, 10.0.0.5, 192.168.0.0/16, 2001:db8::1}");
        row("addr_ne", "pkt-srcaddr != 203.0.113.0/24");
        // Ports and numbers.
        row("port_set_ranges", "dstport in {22, 80, 443, 1024..2048, 8080..8090}");
        row("port_either_compare", "port < 1024");
        row("port_set_either", "port in {22, 3389}");
        row("bytes_units", "bytes >= 1MB and packets > 10");
        // Named values and flags.
        row("named_values",
            "action == reject and log-status == ok and type == ipv6 and flow-direction == egress and protocol == udp");
        row("tcp_flags", "tcp-flags has syn and not tcp-flags has ack");
        // IOC lists as tables.
        row("ioc_addr", "addr in @tor-exits");
        row("ioc_text_other_db", "interface-id in @watched.enis", "limit");
        // Text tests and escaping.
        row("escape_quote", "interface-id == \"it's\"");
        row("injection_equal", "vpc-id == \"x'; DROP TABLE vpc_flow_logs; --\"");
        row("injection_regex", "instance-id matches \"^i-'.*\" or az-id contains \"'' OR 1=1\"");
        row("contains", "interface-id contains \"eni-0a\"");
        row("contains_dash_guard", "vpc-id contains \"-\"");
        row("matches_dash_guard", "subnet-id matches \"^[a-z-]+$\"");
        row("matches_no_guard", "subnet-id matches \"^subnet-0\"");
        // Reserved words and hyphenated names quoted.
        row("reserved_end", "end > 1773100800 and pkt-dst-aws-service == \"S3\"");
        row("limit_everything", "", "limit");
    }

    void golden()
    {
        QFETCH(QString, expression);
        QFETCH(QString, profile);
        const FilterNodePtr root = parse(expression.toStdString());
        QVERIFY(root);
        const AthenaSqlResult result = toAthenaSql(*root, ::profile(profile));
        QVERIFY2(result.ok(), result.error.c_str());
        const QByteArray actual = QByteArray::fromStdString(result.sql);

        QFile file(goldenPath(QString::fromLatin1(QTest::currentDataTag())));
        if (qEnvironmentVariableIsSet("FLOWSCOPE_UPDATE_GOLDEN")) {
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(actual);
            return;
        }
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QCOMPARE(actual, file.readAll());
    }

    void notes()
    {
        const FilterNodePtr unbounded = parse("dstport == 22");
        const AthenaSqlResult a = toAthenaSql(*unbounded, profile(QStringLiteral("aws")));
        QCOMPARE(a.notes.size(), std::size_t(1));
        QVERIFY(a.notes.front().find("no time bounds") != std::string::npos);

        const FilterNodePtr bounded = parse("time >= 2026-03-10T00:00Z and time < 2026-03-11T00:00Z");
        QVERIFY(toAthenaSql(*bounded, profile(QStringLiteral("aws"))).notes.empty());
        // Without a day partition there is nothing to warn about.
        QVERIFY(toAthenaSql(*unbounded, profile(QStringLiteral("hive"))).notes.empty());

        const FilterNodePtr regex = parse("vpc-id matches \"^vpc-\"");
        QCOMPARE(toAthenaSql(*regex, profile(QStringLiteral("hive"))).notes.size(), std::size_t(1));
    }

    void sizeCap()
    {
        // 20,000 addresses that cannot merge into ranges: too big for Athena.
        std::string expression = "srcaddr in {";
        for (int i = 0; i < 20000; ++i)
            expression += (i ? ", 10." : "10.") + std::to_string(i / 128) + "." + std::to_string((i % 128) * 2) + ".1";
        expression += "}";
        const FilterNodePtr big = parse(expression);
        QVERIFY(big);
        const AthenaSqlResult result = toAthenaSql(*big, profile(QStringLiteral("aws")));
        QVERIFY(!result.ok());
        QVERIFY(result.sql.empty()); // never a truncated query
        QVERIFY2(result.error.find("over Athena's limit of 262144 bytes") != std::string::npos, result.error.c_str());
        QVERIFY(result.error.find("IOC list") != std::string::npos);

        // 100,000 adjacent addresses merge into one range and fit.
        std::string adjacent = "srcaddr in {";
        for (int i = 0; i < 100000; ++i)
            adjacent += (i ? ", 10." : "10.") + std::to_string(i >> 16) + "." + std::to_string((i >> 8) & 255) + "."
                + std::to_string(i & 255);
        adjacent += "}";
        const FilterNodePtr merged = parse(adjacent);
        QVERIFY(merged);
        const AthenaSqlResult fits = toAthenaSql(*merged, profile(QStringLiteral("aws")));
        QVERIFY2(fits.ok(), fits.error.c_str());
        QVERIFY(fits.sql.find("BETWEEN IPADDRESS '10.0.0.0' AND IPADDRESS '10.1.134.159'") != std::string::npos);

        // The cap is an option: exactly at the limit passes, one byte less fails.
        AthenaSqlOptions options = profile(QStringLiteral("aws"));
        const FilterNodePtr small = parse("dstport == 22");
        const std::size_t size = toAthenaSql(*small, options).sql.size();
        options.maxQueryBytes = size;
        QVERIFY(toAthenaSql(*small, options).ok());
        options.maxQueryBytes = size - 1;
        QVERIFY(!toAthenaSql(*small, options).ok());
    }

    void quoting_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("identifier");
        QTest::newRow("plain") << "srcaddr" << "srcaddr";
        QTest::newRow("reserved") << "end" << "\"end\"";
        QTest::newRow("reserved date") << "date" << "\"date\"";
        QTest::newRow("hyphen") << "aws-region" << "\"aws-region\"";
        QTest::newRow("upper case") << "Day" << "\"Day\"";
        QTest::newRow("leading digit") << "1x" << "\"1x\"";
        QTest::newRow("double quote") << "a\"b" << "\"a\"\"b\"";
    }

    void quoting()
    {
        QFETCH(QString, name);
        QFETCH(QString, identifier);
        QCOMPARE(QString::fromStdString(athenaIdentifier(name.toStdString())), identifier);
    }

    void literalsAndColumns()
    {
        QCOMPARE(athenaString("it's"), std::string("'it''s'"));
        QCOMPARE(athenaString("''"), std::string("''''''"));
        QCOMPARE(athenaString("back\\slash"), std::string("'back\\slash'")); // no backslash escapes in Trino
        QCOMPARE(athenaColumn(Field::End), std::string("\"end\""));
        QCOMPARE(athenaColumn(Field::PktDstAwsService), std::string("pkt_dst_aws_service"));
        QCOMPARE(athenaColumn(Field::LogStatus), std::string("log_status"));
    }

    void identifiersFromTheUserAreQuoted()
    {
        AthenaSqlOptions options;
        options.database = "my\"db";
        options.table = "flows; DROP TABLE x";
        const FilterNodePtr root = parse("");
        QCOMPARE(toAthenaSql(*root, options).sql,
                 std::string("SELECT *\nFROM \"my\"\"db\".\"flows; DROP TABLE x\"\n"));
    }
};

QTEST_GUILESS_MAIN(TestAthenaSql)
#include "tst_athenasql.moc"
