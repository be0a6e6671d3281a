// SPDX-License-Identifier: GPL-3.0-or-later
// A filter tested a column at a time over a block gives, record by record,
// the answer of the record predicate: on random blocks shaped like an
// internet-facing VPC (internal and external addresses, IPv6, ports on both
// sides of 32768, rejects, NODATA records without addresses or ports, long
// flows, absent fields), in both block formats. Filters that read text get
// no column test.

#include "query/column_predicate.h"
#include "query/filter_fields.h"
#include "query/filter_parser.h"
#include "query/record_predicate.h"
#include "store/block_codec.h"
#include "store/dictionaries.h"

#include <QTest>

#include <random>

using namespace flowscope;

namespace {

IpAddress v6(std::uint16_t prefix, std::uint64_t low)
{
    IpAddress a;
    a.family = IpAddress::Family::V6;
    a.bytes[0] = static_cast<std::uint8_t>(prefix >> 8);
    a.bytes[1] = static_cast<std::uint8_t>(prefix);
    for (int i = 0; i < 8; ++i)
        a.bytes[15 - i] = static_cast<std::uint8_t>(low >> (8 * i));
    return a;
}

std::vector<EncodedFlow> generate(std::uint64_t seed, std::size_t count)
{
    std::mt19937_64 random(seed);
    const auto below = [&](std::uint64_t n) { return random() % n; };
    std::vector<EncodedFlow> rows(count);
    std::int64_t start = 1773100800;
    for (std::size_t i = 0; i < count; ++i) {
        EncodedFlow &f = rows[i];
        f.line = i + 2;
        const auto set = [&](Field field) { f.present |= std::uint64_t(1) << static_cast<unsigned>(field); };
        start += static_cast<std::int64_t>(below(3));
        f.start = start;
        f.end = start + static_cast<std::int64_t>(below(20) == 0 ? 600 + below(3000) : below(60));
        f.version = 5;
        for (const Field field : {Field::Version, Field::Start, Field::End, Field::LogStatus})
            set(field);
        if (below(40) == 0) { // NODATA: no addresses, ports, action
            f.logStatus = LogStatus::NoData;
            continue;
        }
        for (const Field field : {Field::SrcAddr, Field::DstAddr, Field::Protocol, Field::Packets, Field::Bytes,
                                  Field::Action, Field::Type, Field::FlowDirection, Field::PktSrcAddr, Field::PktDstAddr})
            set(field);
        f.protocol = below(10) == 0 ? 1 : (below(5) == 0 ? 17 : 6);
        if (f.protocol != 1) { // ICMP has no ports
            set(Field::SrcPort);
            set(Field::DstPort);
            set(Field::TcpFlags);
        }
        const bool ipv6 = below(30) == 0;
        const IpAddress inside = ipv6 ? v6(0x2600, below(40)) : IpAddress::fromV4(0x0a000000 + static_cast<std::uint32_t>(below(600)));
        const IpAddress outside = ipv6 ? v6(0x2a05, below(20000))
                                       : IpAddress::fromV4(0x12000000 + static_cast<std::uint32_t>(below(20000)) * 977);
        const bool ingress = below(2) == 0;
        f.srcAddr = ingress ? outside : inside;
        f.dstAddr = ingress ? inside : outside;
        f.pktSrcAddr = below(6) == 0 ? IpAddress::fromV4(0xc0a80000 + static_cast<std::uint32_t>(below(50))) : f.srcAddr;
        f.pktDstAddr = f.dstAddr;
        static const std::uint16_t kServices[] = {443, 80, 22, 3306, 53, 40001};
        const auto service = kServices[below(6)];
        const auto ephemeral = static_cast<std::uint16_t>(1024 + below(65536 - 1024));
        f.srcPort = ingress ? ephemeral : service;
        f.dstPort = ingress ? service : ephemeral;
        f.tcpFlags = static_cast<std::uint8_t>(below(64));
        f.packets = below(1000) == 0 ? (std::uint64_t(1) << 40) : below(5000);
        f.bytes = below(1000) == 0 ? (std::uint64_t(1) << 50) : below(3000000);
        f.action = below(100) < 12 ? Action::Reject : Action::Accept;
        f.type = ipv6 ? TrafficType::IPv6 : TrafficType::IPv4;
        f.direction = ingress ? FlowDirection::Ingress : FlowDirection::Egress;
    }
    return rows;
}

} // namespace

class TestColumnPredicate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithRecordPredicate_data()
    {
        QTest::addColumn<QString>("filter");
        for (const char *filter : {
                 "dstport == 3306", "port == 443", "srcport >= 32768", "dstport < 1024", "port in {22, 3306, 40000..50000}",
                 "not dstport == 443", "dstport != 80", "action == reject", "action == accept", "not action == reject",
                 "log-status == nodata", "protocol == udp", "protocol != tcp", "tcp-flags has syn",
                 "type == ipv6", "flow-direction == egress", "version == 5", "bytes > 1MB", "packets <= 10",
                 "addr == 10.0.0.0/8", "addr == 10.0.1.7", "srcaddr == 18.0.0.0/16", "dstaddr != 10.0.0.0/24",
                 "addr == 2600::/16", "addr == 2a05::/16", "addr == 0.0.0.0/0", "pkt-srcaddr == 192.168.0.0/16",
                 "pkt-dstaddr == 10.0.0.0/8", "addr in {10.0.0.5, 2600::7, 18.0.0.0/12}",
                 "addr == 10.0.0.0/8 and action == reject", "addr == 10.0.0.0/8 and action == reject and dstport == 22",
                 "srcaddr == 10.0.0.0/8 or dstport == 53", "not (addr == 2a05::/16 or action == reject)",
                 "time >= 1773101000 and time < 1773101500", "time == 1773101234", "time > 1773102000",
                 "time <= 1773100900", "start >= 1773101000", "end < 1773101000",
                 "bytes > 100000 and not (srcport == 443 or dstport == 443) and protocol == tcp",
                 "dstaddr == 9.9.9.9", "addr == 18.0.3.0/24", "addr == 2a05::42", "dstaddr in {2a05::/112, 10.0.0.0/16}",
                 // IPv4 ranges tested without a branch (up to four) and beyond, at the ends of the space
                 "addr in {10.0.0.1, 10.0.0.2/31, 10.0.2.0/24, 18.0.0.0/9}",
                 "addr in {10.0.0.1, 10.0.0.3, 10.0.0.5, 10.0.0.7, 10.0.0.9, 2a05::/16}",
                 "srcaddr in {0.0.0.0/32, 255.255.255.255/32, 2600::/16}", "dstaddr == 0.0.0.0/1",
                 "dstaddr == 128.0.0.0/1 and action == accept",
                 // the source addresses put together for the packet's before the range is compared
                 "pkt-srcaddr == 192.168.0.0/16 or srcaddr == 10.0.0.0/24"}) {
            QTest::newRow(filter) << QString::fromLatin1(filter);
        }
    }

    void agreesWithRecordPredicate()
    {
        QFETCH(QString, filter);
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        QVERIFY2(parsed.ok(), parsed.error ? parsed.error->message.c_str() : "");
        const StringDictionary strings;
        const InterfaceDictionary interfaces;
        const RecordPredicate accept = compileRecordPredicate(*parsed.root, strings, interfaces);
        const auto test = compileColumnPredicate(*parsed.root);
        QVERIFY(test.has_value());
        ColumnMask columns = 0;
        const FieldSet fields = fieldsReadBy(*parsed.root);
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (fields.test(f))
                columns |= columnOf(static_cast<Field>(f));
        BlockColumns block; // reused from block to block, as a scan does
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            std::vector<EncodedFlow> rows = generate(seed, seed == 6 ? 1001 : 4096);
            // Every block format a case may hold, one after another.
            const std::string data = seed % 3 == 0 ? encodeBlockFormat1(rows)
                : seed % 3 == 1                    ? encodeBlockFormat2(rows)
                                                   : encodeBlock(rows);
            const std::vector<EncodedFlow> decoded = decodeBlock(data);
            block.open(data, columns);
            BlockMatchBits bits;
            bits.fill(~std::uint64_t(0)); // whatever was there before
            (*test)(block, bits);
            for (std::size_t slot = 0; slot < kBlockCapacity; ++slot) {
                const bool expected = slot < decoded.size() && accept(decoded[slot]);
                QVERIFY2(bool((bits[slot / 64] >> (slot % 64)) & 1U) == expected,
                         qPrintable(QStringLiteral("block %1, slot %2").arg(seed).arg(slot)));
            }
        }
    }

    void textFiltersHaveNoColumnTest_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("eni") << "eni == eni-0a";
        QTest::newRow("contains") << "vpc-id contains \"vpc\"";
        QTest::newRow("service") << "pkt-dst-aws-service == \"S3\"";
        QTest::newRow("inside an and") << "dstport == 22 and eni == eni-0a";
        QTest::newRow("ioc list") << "addr in @bad";
    }

    void textFiltersHaveNoColumnTest()
    {
        QFETCH(QString, filter);
        FilterParseOptions options;
        options.iocListExists = [](std::string_view name) { return name == "bad"; };
        const FilterParseResult parsed = parseFilter(filter.toStdString(), options);
        QVERIFY2(parsed.ok(), parsed.error ? parsed.error->message.c_str() : "");
        QVERIFY(!compileColumnPredicate(*parsed.root).has_value());
    }
};

QTEST_GUILESS_MAIN(TestColumnPredicate)
#include "tst_columnpredicate.moc"
