// SPDX-License-Identifier: GPL-3.0-or-later
// The display-filter front end: every operator and value kind through its
// canonical form, type and syntax errors with their position and kind, the
// robustness cases (deep nesting, huge sets, hostile text) and the caret
// rendering of errors.

#include "query/filter_canonical.h"
#include "query/filter_parser.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTest>

#include <string>
#include <string_view>

using namespace flowscope;

namespace {

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

FilterParseOptions options()
{
    FilterParseOptions o;
    o.iocListExists = [](std::string_view name) { return name == "badips" || name == "tor-exits"; };
    return o;
}

FilterParseResult parse(std::string_view expression) { return parseFilter(expression, options()); }

QByteArray describe(const FilterParseResult &r)
{
    if (r.ok())
        return QByteArray::fromStdString("ok: " + toCanonicalString(*r.root));
    return QByteArray::fromStdString("error at " + std::to_string(r.error->position) + ": " + r.error->message);
}

} // namespace

class TestFilterParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void canonical_data();
    void canonical();
    void errors_data();
    void errors();
    void typedValues();
    void setsAreSortedAndMerged();
    void deepParentheses();
    void nestingWithinLimit();
    void deepNot();
    void hugeSet();
    void longOrChain();
    void hostileText_data();
    void hostileText();
    void nonAscii_data();
    void nonAscii();
    void everyPrefixIsHandled();
    void iocWithoutCallback();
    void caret_data();
    void caret();
};

void TestFilterParser::canonical_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("canonical");
    auto row = [](const char *e, const char *c) { QTest::newRow(e) << QByteArray(e) << QByteArray(c); };
    // Empty and trivial.
    row("", "true");
    row("   ", "true");
    row("true", "true");
    // Every comparison operator on an integer field.
    row("dstport == 22", "dstport == 22");
    row("dstport != 22", "dstport != 22");
    row("dstport < 1024", "dstport < 1024");
    row("dstport <= 1024", "dstport <= 1024");
    row("dstport > 1024", "dstport > 1024");
    row("dstport >= 1024", "dstport >= 1024");
    row("dstport==22", "dstport == 22");
    row("DSTPORT == 22", "dstport == 22");
    row("interface_id == eni-1", "interface-id == \"eni-1\"");
    row("srcport == 0", "srcport == 0");
    row("srcport == 65535", "srcport == 65535");
    row("version == 5", "version == 5");
    row("packets > 100", "packets > 100");
    row("traffic-path == 8", "traffic-path == 8");
    row("encryption-status == 3", "encryption-status == 3");
    row("tcp-flags == 18", "tcp-flags == 18");
    row("bytes >= 9223372036854775807", "bytes >= 9223372036854775807");
    // Protocol names.
    row("protocol == tcp", "protocol == 6");
    row("protocol == TCP", "protocol == 6");
    row("protocol == udp", "protocol == 17");
    row("protocol == icmp", "protocol == 1");
    row("protocol == icmpv6", "protocol == 58");
    row("protocol == esp", "protocol == 50");
    row("protocol == gre", "protocol == 47");
    row("protocol != 6", "protocol != 6");
    row("protocol in {tcp, udp}", "protocol in {6, 17}");
    // Byte units.
    row("bytes > 10MB", "bytes > 10000000");
    row("bytes > 10mb", "bytes > 10000000");
    row("bytes > 1KB", "bytes > 1000");
    row("bytes > 2GB", "bytes > 2000000000");
    row("bytes > 1TB", "bytes > 1000000000000");
    row("bytes > 1KiB", "bytes > 1024");
    row("bytes > 1mib", "bytes > 1048576");
    row("bytes > 1GiB", "bytes > 1073741824");
    row("bytes > 1TiB", "bytes > 1099511627776");
    row("bytes < 5B", "bytes < 5");
    row("bytes in {1KB..1MB}", "bytes in {1000..1000000}");
    // Shorthands.
    row("port == 443", "port == 443");
    row("port in {80, 443}", "port in {80, 443}");
    row("eni == eni-0abc123", "interface-id == \"eni-0abc123\"");
    row("addr == 10.0.0.1", "addr == 10.0.0.1");
    row("addr == 10.0.0.0/8", "addr == 10.0.0.0/8");
    row("addr != 10.1.2.3/8", "addr != 10.0.0.0/8");
    // Addresses and CIDRs, IPv4 and IPv6.
    row("srcaddr == 1.2.3.4", "srcaddr == 1.2.3.4");
    row("srcaddr == 1.2.3.4/32", "srcaddr == 1.2.3.4");
    row("srcaddr == 0.0.0.0/0", "srcaddr == 0.0.0.0/0");
    row("dstaddr == 192.168.0.0/16", "dstaddr == 192.168.0.0/16");
    row("srcaddr != 2001:db8::/32", "srcaddr != 2001:db8::/32");
    row("dstaddr == 2001:DB8::1", "dstaddr == 2001:db8::1");
    row("dstaddr == ::/0", "dstaddr == ::/0");
    row("pkt-srcaddr == 10.0.0.5", "pkt-srcaddr == 10.0.0.5");
    row("pkt-dstaddr == fe80::/10", "pkt-dstaddr == fe80::/10");
    row("srcaddr in {10.0.0.0/8, 192.168.1.1}", "srcaddr in {10.0.0.0/8, 192.168.1.1}");
    row("srcaddr in {10.0.0.1..10.0.0.9}", "srcaddr in {10.0.0.1..10.0.0.9}");
    row("srcaddr in {10.0.0.0..10.0.0.255}", "srcaddr in {10.0.0.0/24}");
    row("addr in {2001:db8::1, 10.0.0.1}", "addr in {10.0.0.1, 2001:db8::1}");
    // Named values of enum fields.
    row("action == reject", "action == REJECT");
    row("action == ACCEPT", "action == ACCEPT");
    row("action != \"reject\"", "action != REJECT");
    row("log-status == skipdata", "log-status == SKIPDATA");
    row("log-status == nodata", "log-status == NODATA");
    row("log-status == ok", "log-status == OK");
    row("type == ipv6", "type == IPv6");
    row("type == EFA", "type == EFA");
    row("flow-direction == egress", "flow-direction == egress");
    row("flow-direction == INGRESS", "flow-direction == ingress");
    // Text fields.
    row("interface-id == eni-0abc123", "interface-id == \"eni-0abc123\"");
    row("interface-id == \"eni-0abc123\"", "interface-id == \"eni-0abc123\"");
    row("region == us-east-1", "region == \"us-east-1\"");
    row("account-id == 123456789012", "account-id == \"123456789012\"");
    row("vpc-id != vpc-1", "vpc-id != \"vpc-1\"");
    row("reject-reason == BPA", "reject-reason == \"BPA\"");
    row("pkt-src-aws-service == S3", "pkt-src-aws-service == \"S3\"");
    row("ecs-task-definition-arn contains \"web\"", "ecs-task-definition-arn contains \"web\"");
    row("instance-id contains i-0", "instance-id contains \"i-0\"");
    row("interface-id matches \"^eni-[0-9a-f]+$\"", "interface-id matches \"^eni-[0-9a-f]+$\"");
    row("subnet-id matches \"subnet-\\d+\"", "subnet-id matches \"subnet-\\\\d+\"");
    row("az-id == \"say \\\"hi\\\"\"", "az-id == \"say \\\"hi\\\"\"");
    row("resource-id == \"\"", "resource-id == \"\"");
    // tcp-flags has.
    row("tcp-flags has syn", "tcp-flags has syn");
    row("tcp-flags has SYN", "tcp-flags has syn");
    row("tcp-flags has fin", "tcp-flags has fin");
    row("tcp-flags has rst", "tcp-flags has rst");
    row("tcp-flags has psh", "tcp-flags has psh");
    row("tcp-flags has ack", "tcp-flags has ack");
    row("tcp-flags has urg", "tcp-flags has urg");
    // Times.
    row("time >= 2026-03-10T02:00Z", "time >= 2026-03-10T02:00:00Z");
    row("time >= 2026-03-10T02:00:00+01:00", "time >= 2026-03-10T01:00:00Z");
    row("time >= 2026-03-10T02:00:00.123Z", "time >= 2026-03-10T02:00:00Z");
    row("time < 2026-03-10T02:00-0130", "time < 2026-03-10T03:30:00Z");
    row("time == 1700000000", "time == 2023-11-14T22:13:20Z");
    row("start >= 2024-02-29T23:59:59Z", "start >= 2024-02-29T23:59:59Z");
    row("end < 1773108000", "end < 2026-03-10T02:00:00Z");
    row("start in {1000..2000, 1500..2500}", "start in {1000..2500}");
    // Sets and ranges.
    row("dstport in {22, 3389, 8000..8999}", "dstport in {22, 3389, 8000..8999}");
    row("dstport in {3389, 22, 22}", "dstport in {22, 3389}");
    row("dstport in {1..5, 6..10}", "dstport in {1..10}");
    row("dstport in {1..5, 3..4}", "dstport in {1..5}");
    row("dstport in {7..7}", "dstport in {7}");
    row("dstport in { 22 , 23 }", "dstport in {22..23}");
    row("srcport in {0..65535}", "srcport in {0..65535}");
    // IOC lists.
    row("addr in @badips", "addr in @badips");
    row("@badips", "addr in @badips");
    row("dstport == 22 and not @badips", "dstport == 22 and not addr in @badips");
    row("srcaddr in @tor-exits", "srcaddr in @tor-exits");
    row("interface-id in @badips", "interface-id in @badips");
    // Boolean structure and precedence.
    row("dstport == 22 and srcport == 1", "dstport == 22 and srcport == 1");
    row("dstport == 22 && srcport == 1", "dstport == 22 and srcport == 1");
    row("dstport == 22 or srcport == 1", "dstport == 22 or srcport == 1");
    row("dstport == 22 || srcport == 1", "dstport == 22 or srcport == 1");
    row("not dstport == 22", "not dstport == 22");
    row("!dstport == 22", "not dstport == 22");
    row("! ! dstport == 22", "not not dstport == 22");
    row("dstport == 1 or dstport == 2 and dstport == 3",
        "dstport == 1 or (dstport == 2 and dstport == 3)");
    row("dstport == 1 and dstport == 2 or dstport == 3",
        "(dstport == 1 and dstport == 2) or dstport == 3");
    row("(dstport == 1 or dstport == 2) and dstport == 3",
        "(dstport == 1 or dstport == 2) and dstport == 3");
    row("not dstport == 1 and dstport == 2", "not dstport == 1 and dstport == 2");
    row("not (dstport == 1 and dstport == 2)", "not (dstport == 1 and dstport == 2)");
    row("a or chain flattens: (dstport == 1 or dstport == 2) or dstport == 3", "");
    row("((dstport == 1))", "dstport == 1");
    row("dstport == 1 AND srcport == 2 OR NOT protocol == tcp",
        "(dstport == 1 and srcport == 2) or not protocol == 6");
    row("addr == 10.0.0.0/8 and not (dstport in {22, 3389} or action == reject)",
        "addr == 10.0.0.0/8 and not (dstport in {22, 3389} or action == REJECT)");
    row("true and dstport == 1", "true and dstport == 1");
}

void TestFilterParser::canonical()
{
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, canonical);
    if (expression.startsWith("a or chain flattens: ")) {
        expression = expression.mid(21);
        canonical = "dstport == 1 or dstport == 2 or dstport == 3";
    }
    const FilterParseResult r = parse(view(expression));
    QVERIFY2(r.ok(), describe(r).constData());
    const std::string printed = toCanonicalString(*r.root);
    QCOMPARE(QByteArray::fromStdString(printed), canonical);
    // The canonical form is a fixed point.
    const FilterParseResult again = parse(printed);
    QVERIFY2(again.ok(), describe(again).constData());
    QCOMPARE(QByteArray::fromStdString(toCanonicalString(*again.root)), canonical);
}

void TestFilterParser::errors_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<int>("position");
    QTest::addColumn<bool>("incomplete");
    QTest::addColumn<QByteArray>("fragment");
    auto incomplete = [](const char *e, int pos, const char *fragment) {
        QTest::newRow(e) << QByteArray(e) << pos << true << QByteArray(fragment);
    };
    auto invalid = [](const char *e, int pos, const char *fragment) {
        QTest::newRow(e) << QByteArray(e) << pos << false << QByteArray(fragment);
    };
    // Incomplete: the text ended where more was expected.
    incomplete("dstport ==", 10, "expected a number for dstport");
    incomplete("dstport", 7, "expected an operator");
    incomplete("(srcaddr == 1.2.3.4", 19, "expected ')'");
    incomplete("dstport == 22 and", 17, "expected a field name");
    incomplete("dstport == 22 ||", 16, "expected a field name");
    incomplete("not", 3, "expected a field name");
    incomplete("(", 1, "expected a field name");
    incomplete("dstport in", 10, "expected '{'");
    incomplete("dstport in {", 12, "expected a number");
    incomplete("dstport in {22,", 15, "expected a number");
    incomplete("dstport in {22", 14, "expected ',' or '}'");
    incomplete("dstport in {22..", 16, "expected a number");
    incomplete("interface-id == \"eni-", 16, "unterminated string");
    incomplete("interface-id contains", 21, "expected a string");
    incomplete("interface-id matches", 20, "regular expression");
    incomplete("tcp-flags has", 13, "TCP flag");
    incomplete("addr in @", 8, "IOC list name");
    incomplete("action ==", 9, "expected a name for action");
    incomplete("time >=", 7, "expected a time");
    incomplete("srcaddr ==", 10, "address or CIDR");
    // Invalid: wrong as it stands.
    invalid("dstport == x", 11, "expected a number for dstport");
    invalid("dstport == 70000", 11, "70000 is out of range (0..65535) for dstport");
    invalid("dstport == -1", 11, "expected a number");
    invalid("protocol == 256", 12, "out of range");
    invalid("protocol == bogus", 12, "expected a number");
    invalid("encryption-status == 4", 21, "out of range");
    invalid("bytes > 10XB", 8, "unit");
    invalid("dstport > 10MB", 10, "byte units apply only to bytes");
    invalid("bytes > 20000000TB", 8, "out of range");
    invalid("bytes > 99999999999999999999", 8, "out of range");
    invalid("foo == 1", 0, "unknown field 'foo'");
    invalid("src-addr == 1.2.3.4", 0, "unknown field");
    invalid("srcaddr == 10.0.0.0/33", 11, "prefix length must be 0..32");
    invalid("srcaddr == 2001:db8::/129", 11, "0..128");
    invalid("srcaddr == 10.0.0.0/", 11, "bad CIDR");
    invalid("srcaddr == 10.0.0.256", 11, "expected an IPv4 or IPv6 address");
    invalid("srcaddr == 22", 11, "address");
    invalid("srcaddr == \"1.2.3.4\"", 11, "address or CIDR");
    invalid("srcaddr < 10.0.0.1", 8, "use == with a CIDR");
    invalid("addr >= 10.0.0.1", 5, "compares numbers and times");
    invalid("action < reject", 7, "named-value field");
    invalid("interface-id > eni-1", 13, "text field");
    invalid("action == drop", 10, "expected accept or reject");
    invalid("log-status == fine", 14, "expected ok, nodata or skipdata");
    invalid("type == ipv5", 8, "expected ipv4, ipv6 or efa");
    invalid("flow-direction == up", 18, "expected ingress or egress");
    invalid("action == 1", 10, "expected accept or reject");
    invalid("dstport == \"22\"", 11, "expected a number");
    invalid("dstport contains 2", 8, "applies only to text fields");
    invalid("srcaddr contains \"10.\"", 8, "applies only to text fields");
    invalid("action matches \"REJ\"", 7, "applies only to text fields");
    invalid("interface-id matches \"(unclosed\"", 21, "invalid regular expression");
    invalid("interface-id matches \"[z-a]\"", 21, "invalid regular expression");
    invalid("dstport has syn", 8, "only to tcp-flags");
    invalid("tcp-flags has fast", 14, "TCP flag");
    invalid("interface-id in {1, 2}", 13, "takes numbers or addresses");
    invalid("action in {accept}", 7, "takes numbers or addresses");
    invalid("time in {1..2}", 5, "not available for time");
    invalid("dstport in {}", 12, "a set cannot be empty");
    invalid("dstport in {9..1}", 12, "empty range");
    invalid("srcaddr in {10.0.0.9..10.0.0.1}", 12, "empty range");
    invalid("srcaddr in {10.0.0.1..::1}", 12, "mix IPv4 and IPv6");
    invalid("dstport in {22 23}", 15, "expected ',' or '}'");
    invalid("dstport in 22", 11, "expected '{'");
    invalid("addr in @unknown", 8, "unknown IOC list '@unknown'");
    invalid("dstport in @badips", 11, "apply to address and text fields");
    invalid("addr == @badips", 8, "in @badips");
    invalid("time >= 2026-03-10T02:00", 8, "needs a zone");
    invalid("time >= 2026-13-10T02:00Z", 8, "not a valid date");
    invalid("time >= 2026-02-30T02:00Z", 8, "not a valid date");
    invalid("time >= 2026-03-10", 8, "ISO 8601");
    invalid("time >= 1969-12-31T23:59Z", 8, "before 1970");
    invalid("start == yesterday", 9, "expected a time");
    invalid("dstport = 22", 8, "expected '=='");
    invalid("dstport == 22 & srcport == 1", 14, "expected '&&'");
    invalid("dstport == 22 | srcport == 1", 14, "expected '||'");
    invalid("dstport == 22)", 13, "unmatched ')'");
    invalid("dstport == 22 srcport == 1", 14, "expected 'and', 'or'");
    invalid("(dstport == 22 srcport", 15, "expected ')'");
    invalid("and dstport == 1", 0, "expected a field name");
    invalid("dstport == 1 and or", 17, "expected a field name");
    invalid("()", 1, "expected a field name");
    invalid("dstport 22", 8, "expected an operator");
    invalid("dstport == 22; drop table flows", 13, "unexpected character ';'");
    invalid("interface-id == 'x'", 16, "strings use double quotes");
    invalid("dstport == 22 # comment", 14, "unexpected character '#'");
    invalid("dstport == 22 and @x", 18, "unknown IOC list '@x'"); // `@x` alone is `addr in @x`
    incomplete("dstport == 22 and @", 18, "IOC list name");
    invalid("dstport == 1..2", 12, "expected 'and', 'or'");
    invalid("dstport == 22\t\x01", 14, "control character 0x01");
    invalid("srcaddr == \"a\\\"b\"", 11, "address or CIDR");
    incomplete("interface-id == \"ab\\", 16, "unterminated string");
}

void TestFilterParser::errors()
{
    QFETCH(QByteArray, expression);
    QFETCH(int, position);
    QFETCH(bool, incomplete);
    QFETCH(QByteArray, fragment);
    const FilterParseResult r = parse(view(expression));
    QVERIFY2(!r.ok(), describe(r).constData());
    QVERIFY(r.error.has_value());
    const QByteArray message = QByteArray::fromStdString(r.error->message);
    QVERIFY2(message.contains(fragment), message.constData());
    QCOMPARE(static_cast<int>(r.error->position), position);
    QCOMPARE(r.error->kind == FilterError::Kind::Incomplete, incomplete);
    QVERIFY(r.error->position + r.error->length <= static_cast<std::size_t>(expression.size()));
    QCOMPARE(QByteArray::fromStdString(r.error->token),
             expression.mid(static_cast<int>(r.error->position), static_cast<int>(r.error->length)));
}

void TestFilterParser::typedValues()
{
    {
        const auto r = parse("protocol == icmpv6");
        QVERIFY(r.ok());
        const auto &c = std::get<CompareNode>(r.root->node);
        QCOMPARE(c.value.kind, ValueKind::Integer);
        QCOMPARE(c.value.integer, std::uint64_t(58));
    }
    {
        const auto r = parse("action == reject");
        const auto &c = std::get<CompareNode>(r.root->node);
        QCOMPARE(c.value.kind, ValueKind::Name);
        QCOMPARE(c.value.integer, std::uint64_t(1));
        QCOMPARE(c.target.field, Field::Action);
    }
    {
        const auto r = parse("time >= 2026-03-10T02:00Z");
        const auto &c = std::get<CompareNode>(r.root->node);
        QCOMPARE(c.value.kind, ValueKind::Time);
        QCOMPARE(c.value.time, std::int64_t(1773108000));
        QCOMPARE(c.target.kind, FilterTargetKind::TimeSpan);
        QCOMPARE(c.op, CompareOp::Ge);
    }
    {
        const auto r = parse("addr == 10.0.0.0/8");
        const auto &c = std::get<CompareNode>(r.root->node);
        QCOMPARE(c.value.kind, ValueKind::Address);
        QCOMPARE(c.target.kind, FilterTargetKind::AnyAddress);
        QCOMPARE(c.value.address.lo, *IpAddress::parse("10.0.0.0"));
        QCOMPARE(c.value.address.hi, *IpAddress::parse("10.255.255.255"));
    }
    {
        const auto r = parse("srcaddr == 2001:db8::/32");
        const auto &c = std::get<CompareNode>(r.root->node);
        QVERIFY(!c.value.address.lo.isV4());
        QCOMPARE(c.value.address.hi, *IpAddress::parse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
    }
    {
        const auto r = parse("eni == eni-1");
        const auto &c = std::get<CompareNode>(r.root->node);
        QCOMPARE(c.target.field, Field::InterfaceId);
        QCOMPARE(c.value.kind, ValueKind::Text);
        QCOMPARE(QByteArray::fromStdString(c.value.text), QByteArray("eni-1"));
    }
    {
        const auto r = parse("tcp-flags has ack");
        QCOMPARE(std::get<HasFlagNode>(r.root->node).mask, std::uint8_t(16));
    }
    {
        const auto r = parse("interface-id matches \"a\\\\b\"");
        QCOMPARE(QByteArray::fromStdString(std::get<TextMatchNode>(r.root->node).pattern), QByteArray("a\\b"));
    }
    {
        const auto r = parse("port == 1 or port == 2 or port == 3");
        QCOMPARE(std::get<OrNode>(r.root->node).children.size(), std::size_t(3));
    }
    {
        const auto r = parse("addr in @badips");
        QCOMPARE(QByteArray::fromStdString(std::get<IocListNode>(r.root->node).list), QByteArray("badips"));
    }
}

void TestFilterParser::setsAreSortedAndMerged()
{
    const auto r = parse("dstport in {9000, 8000..8999, 22, 21, 23, 100..200, 150..160}");
    QVERIFY(r.ok());
    const auto &s = std::get<InSetNode>(r.root->node);
    const std::vector<IntegerRange> expected{{21, 23}, {100, 200}, {8000, 9000}};
    QCOMPARE(s.integers, expected);
    const auto a = parse("srcaddr in {10.0.0.2, 10.0.0.1, ::1, 10.0.0.0/31, 10.0.0.3}");
    QVERIFY(a.ok());
    const auto &as = std::get<InSetNode>(a.root->node);
    QCOMPARE(as.addresses.size(), std::size_t(2));
    QCOMPARE(toCanonicalString(*a.root), std::string("srcaddr in {10.0.0.0/30, ::1}"));
}

void TestFilterParser::deepParentheses()
{
    const std::string deep = std::string(1000, '(') + "dstport == 22" + std::string(1000, ')');
    const auto r = parse(deep);
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, FilterError::Kind::Invalid);
    QCOMPARE(r.error->position, std::size_t(256));
    QVERIFY(r.error->message.find("nesting deeper than 256") != std::string::npos);
    // Unclosed: still the nesting error, not a crash.
    QVERIFY(!parse(std::string(100000, '(')).ok());
}

void TestFilterParser::nestingWithinLimit()
{
    const std::string deep = std::string(256, '(') + "dstport == 22" + std::string(256, ')');
    const auto r = parse(deep);
    QVERIFY2(r.ok(), describe(r).constData());
    QCOMPARE(toCanonicalString(*r.root), std::string("dstport == 22"));
}

void TestFilterParser::deepNot()
{
    std::string nots;
    for (int i = 0; i < 1000; ++i)
        nots += "not ";
    const auto r = parse(nots + "dstport == 22");
    QVERIFY(!r.ok());
    QVERIFY(r.error->message.find("nesting") != std::string::npos);
    QCOMPARE(r.error->position, std::size_t(256 * 4));
    const auto bangs = parse(std::string(100000, '!') + "dstport == 1");
    QVERIFY(!bangs.ok());
}

void TestFilterParser::hugeSet()
{
    std::string expression = "dstport in {";
    for (int i = 0; i < 100000; ++i) {
        if (i)
            expression += ", ";
        expression += std::to_string((i * 7919) % 65536);
    }
    expression += "}";
    QElapsedTimer timer;
    timer.start();
    const auto r = parse(expression);
    QVERIFY2(r.ok(), describe(r).constData());
    QVERIFY2(timer.elapsed() < 5000, QByteArray::number(timer.elapsed()).constData());
    const auto &s = std::get<InSetNode>(r.root->node);
    // 100,000 values over 65,536 ports cover every port: one merged range.
    QCOMPARE(s.integers.size(), std::size_t(1));
    QCOMPARE(s.integers.front(), (IntegerRange{0, 65535}));

    std::string addresses = "addr in {";
    for (int i = 0; i < 100000; ++i) {
        if (i)
            addresses += ",";
        addresses += "10." + std::to_string(i / 65536) + "." + std::to_string(i / 256 % 256) + "."
            + std::to_string((i * 2) % 256);
    }
    addresses += "}";
    const auto a = parse(addresses);
    QVERIFY2(a.ok(), describe(a).constData());
    QVERIFY(!std::get<InSetNode>(a.root->node).addresses.empty());
    QVERIFY(std::is_sorted(std::get<InSetNode>(a.root->node).addresses.begin(),
                           std::get<InSetNode>(a.root->node).addresses.end(),
                           [](const auto &x, const auto &y) { return x.lo.bytes < y.lo.bytes; }));
}

void TestFilterParser::longOrChain()
{
    std::string expression;
    for (int i = 0; i < 20000; ++i)
        expression += (i ? " or dstport == " : "dstport == ") + std::to_string(i % 65536);
    const auto r = parse(expression);
    QVERIFY(r.ok());
    QCOMPARE(std::get<OrNode>(r.root->node).children.size(), std::size_t(20000));
}

void TestFilterParser::hostileText_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("canonical"); // empty: must be an error
    QTest::newRow("sql in a string") << QByteArray("interface-id == \"x'; DROP TABLE flows; --\"")
                                     << QByteArray("interface-id == \"x'; DROP TABLE flows; --\"");
    QTest::newRow("quote escape") << QByteArray("vpc-id == \"a\\\" or 1=1 --\"")
                                  << QByteArray("vpc-id == \"a\\\" or 1=1 --\"");
    QTest::newRow("sql after value") << QByteArray("dstport == 22 OR 1=1") << QByteArray();
    QTest::newRow("semicolon") << QByteArray(";") << QByteArray();
    QTest::newRow("backtick") << QByteArray("`rm -rf`") << QByteArray();
    QTest::newRow("nul byte") << QByteArray("dstport == 22\0", 14) << QByteArray();
    QTest::newRow("percent") << QByteArray("interface-id contains %") << QByteArray();
    QTest::newRow("percent in string") << QByteArray("interface-id contains \"%_\"")
                                       << QByteArray("interface-id contains \"%_\"");
    QTest::newRow("regex bomb bounded") << QByteArray("interface-id matches \"" + QByteArray(5000, '(') + "\"")
                                        << QByteArray();
    QTest::newRow("dollar brace") << QByteArray("${srcaddr} == 1") << QByteArray();
}

void TestFilterParser::hostileText()
{
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, canonical);
    const auto r = parse(view(expression));
    if (canonical.isEmpty()) {
        QVERIFY2(!r.ok(), describe(r).constData());
        QCOMPARE(r.error->kind, FilterError::Kind::Invalid);
        QVERIFY(!r.error->message.empty());
    } else {
        QVERIFY2(r.ok(), describe(r).constData());
        QCOMPARE(QByteArray::fromStdString(toCanonicalString(*r.root)), canonical);
    }
}

void TestFilterParser::nonAscii_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");
    QTest::newRow("field") << QByteArray("dstpört == 22") << 4 << 2;
    QTest::newRow("value") << QByteArray("dstport == ２２") << 11 << 3;
    QTest::newRow("emoji") << QByteArray("dstport == 22 and 😀") << 18 << 4;
    QTest::newRow("lone continuation") << QByteArray("dstport == 22 \x80") << 14 << 1;
    QTest::newRow("truncated lead") << QByteArray("dstport == 22 \xE2\x82") << 14 << 2;
    QTest::newRow("smart quotes") << QByteArray("region == “x”") << 10 << 3;
}

void TestFilterParser::nonAscii()
{
    QFETCH(QByteArray, expression);
    QFETCH(int, position);
    QFETCH(int, length);
    const auto r = parse(view(expression));
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, FilterError::Kind::Invalid);
    QCOMPARE(static_cast<int>(r.error->position), position);
    QCOMPARE(static_cast<int>(r.error->length), length);
    QVERIFY(r.error->message.find("non-ASCII") != std::string::npos);
    // Non-ASCII text inside a string is just text.
    QVERIFY(parse("region == \"zürich\"").ok());
}

void TestFilterParser::everyPrefixIsHandled()
{
    // Each prefix of a valid filter either parses or fails cleanly; cutting
    // at the end of the input never yields an Invalid error past the cut.
    const std::string full = "(addr == 10.0.0.0/8 or dstport in {22, 80..90}) and not action == reject "
                             "&& interface-id matches \"^eni-\" || tcp-flags has syn and time >= 1700000000";
    for (std::size_t n = 0; n <= full.size(); ++n) {
        const auto r = parse(std::string_view(full).substr(0, n));
        if (!r.ok())
            QVERIFY(r.error->position <= n);
    }
}

void TestFilterParser::iocWithoutCallback()
{
    const auto r = parseFilter("addr in @badips");
    QVERIFY(!r.ok());
    QVERIFY(r.error->message.find("unknown IOC list '@badips'") != std::string::npos);
}

void TestFilterParser::caret_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("rendered");
    QTest::newRow("range") << QByteArray("dstport == 70000")
                           << QByteArray("dstport == 70000\n           ^~~~~\n"
                                         "70000 is out of range (0..65535) for dstport");
    QTest::newRow("incomplete") << QByteArray("dstport ==")
                                << QByteArray("dstport ==\n          ^\nexpected a number for dstport");
    QTest::newRow("unknown field") << QByteArray("foo == 1")
                                   << QByteArray("foo == 1\n^~~\nunknown field 'foo': expected an AWS flow-log "
                                                 "field name or addr, port, eni, time");
    QTest::newRow("after non-ASCII") << QByteArray("region == \"é\" and srcaddr")
                                     << QByteArray("region == \"é\" and srcaddr\n" + QByteArray(25, ' ')
                                                   + "^\nexpected an operator after srcaddr (==, !=, <, <=, >, "
                                                     ">=, in, contains, matches, has)");
    QTest::newRow("newline in input") << QByteArray("dstport ==\n x")
                                      << QByteArray("dstport ==  x\n            ^\nexpected a number for dstport");
}

void TestFilterParser::caret()
{
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, rendered);
    const auto r = parse(view(expression));
    QVERIFY(!r.ok());
    const QByteArray out = QByteArray::fromStdString(renderFilterError(view(expression), *r.error));
    QCOMPARE(out, rendered);
}

QTEST_APPLESS_MAIN(TestFilterParser)
#include "tst_filterparser.moc"
