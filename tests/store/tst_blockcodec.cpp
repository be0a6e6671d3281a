// SPDX-License-Identifier: GPL-3.0-or-later
// Block formats 2 and 3: every record back as it was written, decoding any
// subset of columns gives those columns as decoding all does (into rows
// reused from another block too, record by record through a cursor, a column
// at a time into arrays), the address dictionary of format 3 read by every
// reader as format 2's columns are, format 1 and 2 blocks still read,
// damaged blocks refused.

#include "store/block_codec.h"
#include "store/sqlite_handle.h"

#include <QTest>

#include <zstd.h>

#include <random>

using namespace flowscope;

namespace {

IpAddress v4(std::uint32_t a) { return IpAddress::fromV4(a); }

IpAddress v6(std::uint64_t low)
{
    IpAddress a;
    a.family = IpAddress::Family::V6;
    a.bytes[0] = 0x2a;
    a.bytes[1] = 0x05;
    for (int i = 0; i < 8; ++i)
        a.bytes[15 - i] = static_cast<std::uint8_t>(low >> (8 * i));
    return a;
}

// Records with every stored field, each absent now and then (some fields
// absent from a whole block), starts increasing with ties and undated ones.
std::vector<EncodedFlow> generate(std::uint64_t seed, std::size_t count, bool sparse)
{
    std::mt19937_64 random(seed);
    const auto below = [&](std::uint64_t n) { return random() % n; };
    const std::vector<Field> fields{Field::Start, Field::End, Field::Action, Field::LogStatus, Field::Type,
                                    Field::FlowDirection, Field::Protocol, Field::TcpFlags, Field::TrafficPath,
                                    Field::EncryptionStatus, Field::Version, Field::SrcPort, Field::DstPort,
                                    Field::Packets, Field::Bytes, Field::SrcAddr, Field::DstAddr, Field::PktSrcAddr,
                                    Field::PktDstAddr};
    std::vector<EncodedFlow> rows(count);
    std::int64_t start = 1773100800;
    for (std::size_t i = 0; i < count; ++i) {
        EncodedFlow &f = rows[i];
        f.line = i + 2;
        for (const Field field : fields) {
            const bool rare = field == Field::PktSrcAddr || field == Field::TrafficPath;
            if ((sparse && rare) || below(30) == 0)
                continue;
            f.present |= std::uint64_t(1) << static_cast<unsigned>(field);
        }
        start += static_cast<std::int64_t>(below(3));
        f.start = start;
        f.end = start + static_cast<std::int64_t>(below(100));
        f.action = below(8) == 0 ? Action::Reject : Action::Accept;
        f.logStatus = below(20) == 0 ? LogStatus::NoData : LogStatus::Ok;
        f.type = below(30) == 0 ? TrafficType::IPv6 : TrafficType::IPv4;
        f.direction = below(2) == 0 ? FlowDirection::Egress : FlowDirection::Ingress;
        f.protocol = below(5) == 0 ? 17 : 6;
        f.tcpFlags = static_cast<std::uint8_t>(below(64));
        f.trafficPath = static_cast<std::uint8_t>(below(8));
        f.encryptionStatus = static_cast<std::uint8_t>(below(3));
        f.version = 5;
        f.srcPort = static_cast<std::uint16_t>(below(65536));
        f.dstPort = static_cast<std::uint16_t>(below(2) == 0 ? 443 : below(65536));
        f.packets = below(100) == 0 ? (std::uint64_t(1) << 40) : below(5000);
        f.bytes = below(100) == 0 ? (std::uint64_t(1) << 50) : below(3000000);
        f.srcAddr = below(30) == 0 ? v6(below(300)) : v4(0x0a000000 + static_cast<std::uint32_t>(below(600)));
        f.dstAddr = below(30) == 0 ? v6(below(20000)) : v4(0x12000000 + static_cast<std::uint32_t>(below(20000)));
        // Packet addresses of both families apart from the record's own, stepped over unread too.
        f.pktSrcAddr = below(5) == 0
            ? (below(4) == 0 ? v6(0x5000 + below(100)) : v4(0xc0a80000 + static_cast<std::uint32_t>(below(100))))
            : f.srcAddr;
        f.pktDstAddr = f.dstAddr;
        f.interface = static_cast<std::uint32_t>(below(300));
        f.pktSrcService = below(10) == 0 ? 7 : 0;
        f.pktDstService = 0; // never set: its column is left out
        f.rejectReason = f.action == Action::Reject ? 3 : 0;
        // A fresh record's value for what is absent, as a decode gives.
        const EncodedFlow fresh;
        if (!f.has(Field::Start))
            f.start = 0;
        if (!f.has(Field::End)) f.end = fresh.end;
        if (!f.has(Field::Action)) f.action = fresh.action;
        if (!f.has(Field::LogStatus)) f.logStatus = fresh.logStatus;
        if (!f.has(Field::Type)) f.type = fresh.type;
        if (!f.has(Field::FlowDirection)) f.direction = fresh.direction;
        if (!f.has(Field::Protocol)) f.protocol = fresh.protocol;
        if (!f.has(Field::TcpFlags)) f.tcpFlags = fresh.tcpFlags;
        if (!f.has(Field::TrafficPath)) f.trafficPath = fresh.trafficPath;
        if (!f.has(Field::EncryptionStatus)) f.encryptionStatus = fresh.encryptionStatus;
        if (!f.has(Field::Version)) f.version = fresh.version;
        if (!f.has(Field::SrcPort)) f.srcPort = fresh.srcPort;
        if (!f.has(Field::DstPort)) f.dstPort = fresh.dstPort;
        if (!f.has(Field::Packets)) f.packets = fresh.packets;
        if (!f.has(Field::Bytes)) f.bytes = fresh.bytes;
        if (!f.has(Field::SrcAddr)) f.srcAddr = fresh.srcAddr;
        if (!f.has(Field::DstAddr)) f.dstAddr = fresh.dstAddr;
        if (!f.has(Field::PktSrcAddr)) f.pktSrcAddr = fresh.pktSrcAddr;
        if (!f.has(Field::PktDstAddr)) f.pktDstAddr = fresh.pktDstAddr;
    }
    return rows;
}

bool sameRecord(const EncodedFlow &a, const EncodedFlow &b)
{
    return a.present == b.present && a.line == b.line && a.start == b.start && a.end == b.end && a.packets == b.packets
        && a.bytes == b.bytes && a.version == b.version && a.srcPort == b.srcPort && a.dstPort == b.dstPort
        && a.protocol == b.protocol && a.tcpFlags == b.tcpFlags && a.trafficPath == b.trafficPath
        && a.encryptionStatus == b.encryptionStatus && a.action == b.action && a.logStatus == b.logStatus
        && a.type == b.type && a.direction == b.direction && a.srcAddr == b.srcAddr && a.dstAddr == b.dstAddr
        && a.pktSrcAddr == b.pktSrcAddr && a.pktDstAddr == b.pktDstAddr && a.interface == b.interface
        && a.pktSrcService == b.pktSrcService && a.pktDstService == b.pktDstService && a.rejectReason == b.rejectReason;
}

// Whether `partial` agrees with `all` on what `columns` asked for.
bool sameColumns(const EncodedFlow &partial, const EncodedFlow &all, ColumnMask columns)
{
    const auto asked = [&](Field f) { return (columns & columnOf(f)) != 0; };
    bool same = partial.present == all.present && partial.start == all.start;
    if (columns & kLineColumn)
        same = same && partial.line == all.line;
    if (asked(Field::End)) same = same && partial.end == all.end;
    if (asked(Field::Action)) same = same && partial.action == all.action;
    if (asked(Field::LogStatus)) same = same && partial.logStatus == all.logStatus;
    if (asked(Field::Protocol)) same = same && partial.protocol == all.protocol;
    if (asked(Field::SrcPort)) same = same && partial.srcPort == all.srcPort;
    if (asked(Field::DstPort)) same = same && partial.dstPort == all.dstPort;
    if (asked(Field::Packets)) same = same && partial.packets == all.packets;
    if (asked(Field::Bytes)) same = same && partial.bytes == all.bytes;
    if (asked(Field::SrcAddr)) same = same && partial.srcAddr == all.srcAddr;
    if (asked(Field::DstAddr)) same = same && partial.dstAddr == all.dstAddr;
    if (asked(Field::PktSrcAddr)) same = same && partial.pktSrcAddr == all.pktSrcAddr;
    if (asked(Field::VpcId) || asked(Field::InterfaceId)) same = same && partial.interface == all.interface;
    if (asked(Field::PktSrcAwsService)) same = same && partial.pktSrcService == all.pktSrcService;
    if (asked(Field::PktDstAwsService)) same = same && partial.pktDstService == all.pktDstService;
    if (asked(Field::RejectReason)) same = same && partial.rejectReason == all.rejectReason;
    return same;
}


// Format 2's layout (block_codec.cpp): u8 2, varint records, varint
// sections, per section varint id, stored size, raw size, then the bodies.
std::uint64_t readVarint(std::string_view data, std::size_t &pos)
{
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const auto b = static_cast<std::uint8_t>(data.at(pos++));
        v |= std::uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
}

void writeVarint(std::string &out, std::uint64_t v)
{
    for (; v >= 0x80; v >>= 7)
        out.push_back(static_cast<char>(v | 0x80));
    out.push_back(static_cast<char>(v));
}

// A section of a block as stored: its bytes (a zstd frame, or the raw
// bytes when `raw` is their size) and its size once decompressed.
struct StoredSection {
    std::uint64_t id;
    std::string bytes;
    std::uint64_t raw;
};

// The block with each of its sections passed through `rewrite`, which
// changes it in place and returns false to give up (then nothing).
template <typename Rewrite>
std::string withSectionsRewritten(std::string_view block, Rewrite &&rewrite)
{
    std::size_t pos = 1;
    const std::uint64_t records = readVarint(block, pos);
    const std::uint64_t count = readVarint(block, pos);
    std::vector<StoredSection> sections;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t id = readVarint(block, pos);
        const std::uint64_t stored = readVarint(block, pos);
        sections.push_back({id, std::string(stored, '\0'), readVarint(block, pos)});
    }
    std::string directory(1, block[0]);
    writeVarint(directory, records);
    writeVarint(directory, count);
    std::string bodies;
    for (StoredSection &section : sections) {
        section.bytes = std::string(block.substr(pos, section.bytes.size()));
        pos += section.bytes.size();
        if (!rewrite(section))
            return {};
        writeVarint(directory, section.id);
        writeVarint(directory, section.bytes.size());
        writeVarint(directory, section.raw);
        bodies += section.bytes;
    }
    return directory + bodies;
}

// The same block with every compressed column compressed again at `level`,
// as an older or newer build that picks another level writes it.
std::string recompressed(std::string_view block, int level)
{
    return withSectionsRewritten(block, [level](StoredSection &section) {
        if (section.bytes.size() == section.raw)
            return true; // stored as it is
        std::string raw(section.raw, '\0');
        if (ZSTD_decompress(raw.data(), raw.size(), section.bytes.data(), section.bytes.size()) != section.raw)
            return false;
        std::string frame(ZSTD_compressBound(raw.size()), '\0');
        const std::size_t size = ZSTD_compress(frame.data(), frame.size(), raw.data(), raw.size(), level);
        if (ZSTD_isError(size))
            return false;
        frame.resize(size);
        section.bytes = frame.size() >= raw.size() ? raw : frame; // kept as it is, as the writer does
        return true;
    });
}

// Records of the realistic shape's addresses: an internal 10.x address on
// one side, an outside one (popular few, a long tail, 3% IPv6) on the
// other, packet addresses that are the record's own but for a few (NAT,
// a load balancer), NODATA records without addresses, some packet
// addresses without their own. `distinct`: every address of the block
// different (4 x 4,096 entries, the most a dictionary holds).
std::vector<EncodedFlow> generateAddresses(std::uint64_t seed, std::size_t count, bool distinct)
{
    std::mt19937_64 random(seed);
    const auto below = [&](std::uint64_t n) { return random() % n; };
    std::vector<EncodedFlow> rows(count);
    std::uint32_t unique = 0x0b000000;
    const auto outside = [&]() -> IpAddress {
        if (distinct)
            return below(30) == 0 ? v6(++unique) : v4(++unique);
        if (below(30) == 0)
            return v6(below(2) == 0 ? below(40) : below(1u << 30));
        const std::uint64_t rank = below(10) < 7 ? below(50) : below(20000);
        return v4(0x1f000000 + static_cast<std::uint32_t>(rank * 2654435761u % 0xd0000000u));
    };
    const auto inside = [&]() { return distinct ? v4(0x0a000000 + ++unique % 0xffffff) : v4(0x0a000000 + static_cast<std::uint32_t>(below(600))); };
    std::int64_t start = 1773100800;
    for (std::size_t i = 0; i < count; ++i) {
        EncodedFlow &f = rows[i];
        f.line = i + 2;
        start += static_cast<std::int64_t>(below(2));
        f.start = start;
        f.end = start + 60;
        f.present = columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::LogStatus);
        if (below(40) == 0) {
            f.logStatus = LogStatus::NoData; // no addresses at all
            continue;
        }
        f.present |= columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::PktSrcAddr)
            | columnOf(Field::PktDstAddr) | columnOf(Field::Action);
        const bool in = below(2) == 0;
        f.srcAddr = in ? outside() : inside();
        f.dstAddr = in ? inside() : outside();
        f.action = below(8) == 0 ? Action::Reject : Action::Accept;
        f.pktSrcAddr = below(20) == 0 ? (distinct ? v4(++unique) : v4(0xac100000 + static_cast<std::uint32_t>(below(50)))) : f.srcAddr;
        f.pktDstAddr = below(25) == 0 ? (distinct ? v6(++unique) : v6(0x7000 + below(10))) : f.dstAddr;
        if (below(60) == 0) { // a packet address without the record's own
            f.present &= ~columnOf(Field::SrcAddr);
            f.srcAddr = EncodedFlow().srcAddr;
        }
        if (below(70) == 0) {
            f.present &= ~columnOf(Field::PktDstAddr);
            f.pktDstAddr = EncodedFlow().pktDstAddr;
        }
    }
    return rows;
}

// Whether `a` lies within one of `ranges`, compared as numbers.
bool within(const IpAddress &a, const std::vector<AddressWordRange> &ranges)
{
    std::uint64_t high = 0, low = 0;
    for (std::size_t b = 0; b < (a.isV4() ? 4u : 8u); ++b)
        high = high << 8 | a.bytes[b];
    if (!a.isV4())
        for (std::size_t b = 8; b < 16; ++b)
            low = low << 8 | a.bytes[b];
    for (const AddressWordRange &r : ranges)
        if (r.v6 == !a.isV4() && std::pair(r.loHigh, r.loLow) <= std::pair(high, low)
            && std::pair(high, low) <= std::pair(r.hiHigh, r.hiLow))
            return true;
    return false;
}

const IpAddress &addressOf(const EncodedFlow &f, Field field)
{
    switch (field) {
    case Field::SrcAddr: return f.srcAddr;
    case Field::DstAddr: return f.dstAddr;
    case Field::PktSrcAddr: return f.pktSrcAddr;
    default: return f.pktDstAddr;
    }
}

// The same block with section `id`'s raw bytes changed by `change` (and
// stored uncompressed), for damage a writer would not make.
template <typename Change>
std::string withSection(std::string_view block, std::uint64_t id, Change &&change)
{
    return withSectionsRewritten(block, [&](StoredSection &section) {
        if (section.id != id)
            return true;
        if (section.bytes.size() != section.raw) {
            std::string raw(section.raw, '\0');
            ZSTD_decompress(raw.data(), raw.size(), section.bytes.data(), section.bytes.size());
            section.bytes = raw;
        }
        change(section.bytes);
        section.raw = section.bytes.size();
        return true;
    });
}

constexpr std::uint64_t sectionOf(Field f) { return 2 + static_cast<std::uint64_t>(f); }
} // namespace

class TestBlockCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("sparse");
        QTest::addColumn<int>("format");
        QTest::newRow("full block") << 4096 << false << 2;
        QTest::newRow("sparse columns") << 4096 << true << 2;
        QTest::newRow("a partial block") << 37 << false << 2;
        QTest::newRow("one record") << 1 << true << 2;
        QTest::newRow("format 1") << 4096 << false << 1;
        QTest::newRow("format 3, full block") << 4096 << false << 3;
        QTest::newRow("format 3, sparse columns") << 4096 << true << 3;
        QTest::newRow("format 3, a partial block") << 37 << false << 3;
        QTest::newRow("format 3, one record") << 1 << true << 3;
    }

    void roundTrip()
    {
        QFETCH(int, count);
        QFETCH(bool, sparse);
        QFETCH(int, format);
        std::vector<EncodedFlow> rows = generate(static_cast<std::uint64_t>(count), static_cast<std::size_t>(count), sparse);
        const std::string data = format == 1 ? encodeBlockFormat1(rows)
            : format == 2                    ? encodeBlockFormat2(rows)
                                             : encodeBlock(rows);
        QCOMPARE(blockFormatOf(data), format);
        const std::vector<EncodedFlow> decoded = decodeBlock(data);
        QCOMPARE(decoded.size(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            QVERIFY2(sameRecord(decoded[i], rows[i]), qPrintable(QStringLiteral("record %1").arg(i)));
        const std::vector<std::int64_t> keys = decodeBlockKeys(data);
        for (std::size_t i = 0; i < rows.size(); ++i)
            QCOMPARE(keys[i], sortStart(rows[i]));
    }


    // The compression level of the columns is the writer's choice: a block
    // written at another level (level 3 up to schema 13's first releases)
    // reads the same, whole, by columns and record by record.
    void columnsOfAnyLevelRead_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("sparse");
        QTest::addColumn<int>("format");
        QTest::newRow("level 3") << 3 << false << 2;
        QTest::newRow("level 3, sparse columns") << 3 << true << 2;
        QTest::newRow("level 1") << 1 << false << 2;
        QTest::newRow("level 19") << 19 << false << 2;
        QTest::newRow("level -5") << -5 << true << 2;
        QTest::newRow("format 3, level 3") << 3 << false << 3;
        QTest::newRow("format 3, level 19, sparse columns") << 19 << true << 3;
    }

    void columnsOfAnyLevelRead()
    {
        QFETCH(int, level);
        QFETCH(bool, sparse);
        QFETCH(int, format);
        std::vector<EncodedFlow> rows = generate(11, kBlockCapacity, sparse);
        const std::string current = format == 2 ? encodeBlockFormat2(rows) : encodeBlock(rows);
        const std::string other = recompressed(current, level);
        QVERIFY(!other.empty());
        QVERIFY(other != current);
        const std::vector<EncodedFlow> decoded = decodeBlock(other);
        QCOMPARE(decoded.size(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            QVERIFY2(sameRecord(decoded[i], rows[i]), qPrintable(QStringLiteral("record %1").arg(i)));
        const ColumnMask ports = columnOf(Field::SrcPort) | columnOf(Field::DstPort);
        std::vector<EncodedFlow> partial;
        decodeBlockColumns(other, ports, partial);
        for (std::size_t i = 0; i < rows.size(); ++i)
            QVERIFY(sameColumns(partial[i], rows[i], ports));
    }

    void subsetsEqualAll_data()
    {
        QTest::addColumn<quint64>("columns");
        QTest::newRow("keys only") << quint64(0);
        QTest::newRow("a port") << quint64(columnOf(Field::DstPort));
        QTest::newRow("ports and action") << quint64(columnOf(Field::SrcPort) | columnOf(Field::DstPort) | columnOf(Field::Action));
        QTest::newRow("addresses") << quint64(columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::PktSrcAddr));
        QTest::newRow("interface context") << quint64(columnOf(Field::VpcId));
        QTest::newRow("texts and lines") << quint64(columnOf(Field::PktSrcAwsService) | columnOf(Field::PktDstAwsService)
                                                    | columnOf(Field::RejectReason) | kLineColumn);
        QTest::newRow("statistics") << quint64(columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::Packets)
                                               | columnOf(Field::Bytes) | columnOf(Field::Protocol) | columnOf(Field::End));
        std::mt19937_64 random(7);
        for (int i = 0; i < 6; ++i)
            QTest::newRow(qPrintable(QStringLiteral("random %1").arg(i))) << quint64(random());
    }

    void subsetsEqualAll()
    {
        QFETCH(quint64, columns);
        std::vector<EncodedFlow> first = generate(1, 4096, false);
        std::vector<EncodedFlow> second = generate(2, 3000, true);
        const std::string firstData = encodeBlock(first);
        const std::string secondData = encodeBlock(second);
        std::vector<EncodedFlow> reused;
        // The second decode reuses the rows of the first: what it asks for
        // must not keep the first block's values.
        for (const std::string *data : {&firstData, &secondData}) {
            decodeBlockColumns(*data, columns, reused);
            const std::vector<EncodedFlow> all = decodeBlock(*data);
            QCOMPARE(reused.size(), all.size());
            for (std::size_t i = 0; i < all.size(); ++i)
                QVERIFY2(sameColumns(reused[i], all[i], columns), qPrintable(QStringLiteral("record %1").arg(i)));
        }
    }

    // The cursor (one reused record) and the column arrays give what a
    // whole decode gives, for blocks of both formats read one after another.
    void cursorAndColumnsEqualAll_data() { subsetsEqualAll_data(); }

    void cursorAndColumnsEqualAll()
    {
        QFETCH(quint64, columns);
        std::vector<EncodedFlow> first = generate(4, 4096, false);
        std::vector<EncodedFlow> second = generate(5, 2500, true);
        std::vector<EncodedFlow> third = generate(6, 1000, false);
        std::vector<EncodedFlow> fourth = generate(15, 3000, false);
        const std::string blocks[] = {encodeBlock(first), encodeBlock(second), encodeBlockFormat1(third),
                                      encodeBlockFormat2(fourth), encodeBlockFormat2(first)};
        BlockRecordCursor cursor;
        BlockColumns arrays;
        for (const std::string &data : blocks) {
            const std::vector<EncodedFlow> all = decodeBlock(data);
            cursor.open(data, columns);
            QCOMPARE(cursor.size(), all.size());
            std::size_t slot = 0;
            for (const EncodedFlow *record; (record = cursor.next()); ++slot)
                QVERIFY2(slot < all.size() && sameColumns(*record, all[slot], columns),
                         qPrintable(QStringLiteral("record %1").arg(slot)));
            QCOMPARE(slot, all.size());

            arrays.open(data, columns);
            QCOMPARE(arrays.size(), all.size());
            const auto has = [&](Field field, std::size_t i) { return (arrays.presence(field)[i / 64] >> (i % 64)) & 1U; };
            for (std::size_t i = 0; i < all.size(); ++i) {
                for (std::size_t f = 0; f < static_cast<std::size_t>(kFieldCount); ++f)
                    QCOMPARE(bool(has(static_cast<Field>(f), i)), all[i].has(static_cast<Field>(f)));
                if (all[i].has(Field::Start))
                    QCOMPARE(static_cast<std::int64_t>(arrays.integers(Field::Start)[i]), all[i].start);
            }
            const auto checkNumbers = [&](Field field, auto member) {
                if (!(columns & columnOf(field)))
                    return;
                const std::uint64_t *values = arrays.integers(field);
                for (std::size_t i = 0; i < all.size(); ++i)
                    if (all[i].has(field))
                        QCOMPARE(values[i], static_cast<std::uint64_t>(all[i].*member));
            };
            checkNumbers(Field::End, &EncodedFlow::end);
            checkNumbers(Field::SrcPort, &EncodedFlow::srcPort);
            checkNumbers(Field::DstPort, &EncodedFlow::dstPort);
            checkNumbers(Field::Protocol, &EncodedFlow::protocol);
            checkNumbers(Field::Packets, &EncodedFlow::packets);
            checkNumbers(Field::Bytes, &EncodedFlow::bytes);
            checkNumbers(Field::Action, &EncodedFlow::action);
            checkNumbers(Field::LogStatus, &EncodedFlow::logStatus);
            checkNumbers(Field::TcpFlags, &EncodedFlow::tcpFlags);
            checkNumbers(Field::Version, &EncodedFlow::version);
            const auto checkAddresses = [&](Field field, IpAddress EncodedFlow::*member) {
                if (!(columns & columnOf(field)))
                    return;
                const IpAddress *values = arrays.addresses(field);
                for (std::size_t i = 0; i < all.size(); ++i)
                    if (all[i].has(field))
                        QVERIFY2(values[i] == all[i].*member, qPrintable(QStringLiteral("record %1").arg(i)));
            };
            checkAddresses(Field::SrcAddr, &EncodedFlow::srcAddr);
            checkAddresses(Field::DstAddr, &EncodedFlow::dstAddr);
            checkAddresses(Field::PktSrcAddr, &EncodedFlow::pktSrcAddr);
            const auto checkIds = [&](Field field, std::uint32_t EncodedFlow::*member) {
                // Any field of the interface context brings its id.
                const ColumnMask asking = field == Field::InterfaceId ? columnOf(field) | columnOf(Field::VpcId) : columnOf(field);
                if (!(columns & asking))
                    return;
                const std::uint32_t *values = arrays.ids(field);
                for (std::size_t i = 0; i < all.size(); ++i)
                    QCOMPARE(values[i], all[i].*member);
            };
            checkIds(Field::InterfaceId, &EncodedFlow::interface);
            checkIds(Field::PktSrcAwsService, &EncodedFlow::pktSrcService);
            checkIds(Field::PktDstAwsService, &EncodedFlow::pktDstService);
            checkIds(Field::RejectReason, &EncodedFlow::rejectReason);
        }
    }

    // Records stepped over and then read give what a whole decode gives at
    // their slots: steps of every length, across runs of records with
    // different fields, for blocks of both formats; a step past the end
    // ends the block, and the end's checks still run.
    void skippedRecordsLeaveTheRestIntact_data() { subsetsEqualAll_data(); }

    void skippedRecordsLeaveTheRestIntact()
    {
        QFETCH(quint64, columns);
        std::vector<EncodedFlow> first = generate(8, 4096, false);
        std::vector<EncodedFlow> second = generate(9, 2500, true);
        std::vector<EncodedFlow> third = generate(10, 1000, false);
        std::vector<EncodedFlow> fourth = generate(16, 2000, true);
        const std::string blocks[] = {encodeBlock(first), encodeBlock(second), encodeBlockFormat1(third),
                                      encodeBlockFormat2(fourth)};
        std::mt19937_64 random(11);
        BlockRecordCursor cursor;
        for (const std::string &data : blocks) {
            const std::vector<EncodedFlow> all = decodeBlock(data, 5);
            for (const std::size_t longest : {std::size_t{1}, std::size_t{3}, std::size_t{70}, std::size_t{900}, std::size_t{4095}}) {
                cursor.open(data, columns, 5);
                std::size_t slot = 0;
                for (;;) {
                    const std::size_t step = static_cast<std::size_t>(random() % (longest + 1));
                    cursor.skip(step);
                    slot = std::min(all.size(), slot + step);
                    const EncodedFlow *record = cursor.next();
                    if (slot == all.size()) {
                        QVERIFY(!record);
                        break;
                    }
                    QVERIFY2(record && sameColumns(*record, all[slot], columns) && record->id == recordId(5, slot),
                             qPrintable(QStringLiteral("record %1 after steps up to %2").arg(slot).arg(longest)));
                    ++slot;
                }
            }
            // Straight to a record at the start, in the middle and at the end
            // (a page reads a block only as far as its last record shown).
            for (const std::size_t slot : {std::size_t{0}, std::size_t{1}, all.size() / 2, all.size() - 2, all.size() - 1}) {
                cursor.open(data, columns, 5);
                cursor.skip(slot);
                const EncodedFlow *record = cursor.next();
                QVERIFY2(record && sameColumns(*record, all[slot], columns) && record->id == recordId(5, slot),
                         qPrintable(QStringLiteral("record %1 alone").arg(slot)));
            }
            cursor.open(data, columns);
            cursor.skip(all.size() + 10);
            QVERIFY(!cursor.next());
        }
    }

    // A cursor that takes the columns a test already decompressed gives
    // every column as a cursor of its own does: for blocks of both formats
    // and a partial one, the earlier reading holding only some columns
    // (decoded or not yet) or those of another block (which must not be
    // taken), and records skipped on the way.
    void cursorTakingDecodedColumnsEqualsAll_data() { subsetsEqualAll_data(); }

    void cursorTakingDecodedColumnsEqualsAll()
    {
        QFETCH(quint64, columns);
        std::vector<EncodedFlow> first = generate(12, 4096, false);
        std::vector<EncodedFlow> second = generate(13, 2500, true);
        std::vector<EncodedFlow> third = generate(14, 1000, false);
        std::vector<EncodedFlow> fourth = generate(17, 4096, false);
        const std::string blocks[] = {encodeBlock(first), encodeBlock(second), encodeBlockFormat1(third),
                                      encodeBlockFormat2(fourth)};
        BlockColumns tested;
        BlockRecordCursor cursor;
        for (std::size_t b = 0; b < std::size(blocks); ++b) {
            const std::vector<EncodedFlow> all = decodeBlock(blocks[b], 3);
            for (const std::size_t earlier : {b, (b + 1) % std::size(blocks)}) {
                // The test's reading: only what `columns` needs (zeros past it).
                std::string head = blocks[earlier];
                if (const auto needed = blockBytesNeeded(head, head.size(), columns))
                    head.resize(*needed);
                tested.open(head, columns);
                if (columns & columnOf(Field::SrcAddr))
                    tested.addresses(Field::SrcAddr);
                cursor.open(blocks[b], kAllColumns, 3, tested);
                std::size_t slot = 0;
                for (std::size_t step = 0;; ++step) {
                    cursor.skip(step % 3);
                    slot = std::min(all.size(), slot + step % 3);
                    const EncodedFlow *record = cursor.next();
                    if (slot == all.size()) {
                        QVERIFY(!record);
                        break;
                    }
                    QVERIFY2(record && sameRecord(*record, all[slot]) && record->id == recordId(3, slot),
                             qPrintable(QStringLiteral("block %1 (earlier %2): record %3").arg(b).arg(earlier).arg(slot)));
                    ++slot;
                }
            }
        }
    }

    // Addresses compared as stored give what a comparison of the addresses
    // put together gives: ranges of either family, both, one address, none,
    // on blocks with and without absent addresses.
    void storedAddressesMatchAsDecoded_data()
    {
        QTest::addColumn<int>("ranges"); // what the ranges hold, below
        QTest::addColumn<bool>("matches"); // whether some record matches
        QTest::newRow("an IPv4 block") << 0 << true;
        QTest::newRow("an IPv6 block") << 1 << true;
        QTest::newRow("both families") << 2 << true;
        QTest::newRow("one IPv6 address") << 3 << true;
        QTest::newRow("nothing") << 4 << false;
    }

    void storedAddressesMatchAsDecoded()
    {
        QFETCH(int, ranges);
        QFETCH(bool, matches);
        std::vector<AddressWordRange> within;
        const auto v4Range = [](std::uint32_t lo, std::uint32_t hi) { return AddressWordRange{false, lo, 0, hi, 0}; };
        const auto v6Range = [](std::uint64_t lo, std::uint64_t hi) {
            return AddressWordRange{true, 0x2a05000000000000ULL, lo, 0x2a05000000000000ULL, hi};
        };
        if (ranges == 0 || ranges == 2)
            within.push_back(v4Range(0x12000000, 0x120000ff));
        if (ranges == 1 || ranges == 2)
            within.push_back(v6Range(0, 40));
        if (ranges == 3)
            within.push_back(v6Range(7, 7));
        if (ranges == 4)
            within.push_back(v4Range(0xc6336400, 0xc63364ff));
        std::vector<EncodedFlow> first = generate(21, 4096, false);
        std::vector<EncodedFlow> second = generate(22, 2500, true);
        const ColumnMask columns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr);
        bool any = false;
        for (const std::string &data : {encodeBlock(first), encodeBlock(second), encodeBlockFormat2(first),
                                        encodeBlockFormat2(second)}) {
            for (const Field field : {Field::SrcAddr, Field::DstAddr}) {
                BlockColumns stored, decoded;
                stored.open(data, columns);
                decoded.open(data, columns);
                decoded.addresses(field); // compared once put together
                std::array<std::uint64_t, kBlockCapacity / 64> got{}, expected{};
                stored.matchAddresses(field, within.data(), within.size(), got);
                decoded.matchAddresses(field, within.data(), within.size(), expected);
                QCOMPARE(got, expected);
                any = any || std::any_of(got.begin(), got.end(), [](std::uint64_t w) { return w != 0; });
            }
        }
        QCOMPARE(any, matches);
    }

    // Every reader of the address columns gives for format 3 (the
    // dictionary) what the records held and what format 2 gives: whole
    // decodes, partial ones, the cursor read and stepped, the column arrays
    // and the range tests, against a brute-force test of the records, on
    // blocks of one record, a few, 4,096, every address distinct, and none.
    void dictionaryReadersAgreeWithBruteForce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("distinct");
        QTest::addColumn<bool>("stripped"); // no record has an address
        QTest::newRow("one record") << 1 << false << false;
        QTest::newRow("three records") << 3 << false << false;
        QTest::newRow("a partial block") << 777 << false << false;
        QTest::newRow("a full block") << 4096 << false << false;
        QTest::newRow("every address distinct") << 4096 << true << false;
        QTest::newRow("no addresses") << 300 << false << true;
    }

    void dictionaryReadersAgreeWithBruteForce()
    {
        QFETCH(int, count);
        QFETCH(bool, distinct);
        QFETCH(bool, stripped);
        const auto v4Range = [](std::uint32_t lo, std::uint32_t hi) { return AddressWordRange{false, lo, 0, hi, 0}; };
        const auto v6Range = [](std::uint64_t lo, std::uint64_t hi) {
            return AddressWordRange{true, 0x2a05000000000000ULL, lo, 0x2a05000000000000ULL, hi};
        };
        const std::vector<std::vector<AddressWordRange>> rangeSets{
            {v4Range(0x0a000000, 0x0affffff)},                                  // 10.0.0.0/8
            {v4Range(0x1f000000, 0x1fffffff)},                                  // an outside /8
            {v4Range(0xac100000, 0xac1fffff)},                                  // 172.16.0.0/12: packet addresses
            {v6Range(7, 7)},                                                    // one IPv6 address
            {v6Range(0, 0xffffffff)},                                           // an IPv6 /96
            {v4Range(0x0a000000, 0x0a0000ff), v6Range(0, 40)},                  // both families
            {v4Range(0, 0xffffffff)},                                           // every IPv4 address
            {v4Range(0xc0000200, 0xc00002ff)},                                  // none
            {v4Range(0x0a000001, 0x0a000001), v4Range(0x0a000003, 0x0a000003), // more than a few
             v4Range(0x0a000010, 0x0a00001f), v4Range(0x1f000000, 0x1f7fffff), v4Range(0x0b000000, 0x0b00ffff)},
        };
        const std::array<Field, 4> fields{Field::SrcAddr, Field::DstAddr, Field::PktSrcAddr, Field::PktDstAddr};
        const ColumnMask addressColumns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr)
            | columnOf(Field::PktSrcAddr) | columnOf(Field::PktDstAddr);
        BlockRecordCursor cursor; // reused from block to block and format to format
        BlockColumns arrays;
        std::mt19937_64 random(static_cast<std::uint64_t>(count));
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            std::vector<EncodedFlow> rows
                = generateAddresses(seed * 1000 + static_cast<std::uint64_t>(count), static_cast<std::size_t>(count), distinct);
            if (stripped)
                for (EncodedFlow &f : rows) {
                    f.present &= ~addressColumns;
                    f.srcAddr = f.dstAddr = f.pktSrcAddr = f.pktDstAddr = EncodedFlow().srcAddr;
                }
            std::vector<EncodedFlow> copy = rows;
            const std::string format3 = encodeBlock(copy);
            copy = rows;
            const std::string format2 = encodeBlockFormat2(copy);
            QCOMPARE(blockFormatOf(format3), 3);
            QCOMPARE(blockFormatOf(format2), 2);
            for (const std::string *data : {&format3, &format2}) {
                const QString block = QStringLiteral("seed %1, format %2").arg(seed).arg(blockFormatOf(*data));
                const std::vector<EncodedFlow> all = decodeBlock(*data, 9);
                QCOMPARE(all.size(), rows.size());
                for (std::size_t i = 0; i < rows.size(); ++i)
                    QVERIFY2(sameRecord(all[i], rows[i]), qPrintable(block + QStringLiteral(": record %1").arg(i)));
                // The address columns alone, and a packet address alone (its own decoded beside it).
                for (const ColumnMask columns : {addressColumns, columnOf(Field::PktDstAddr), columnOf(Field::SrcAddr)}) {
                    std::vector<EncodedFlow> partial;
                    decodeBlockColumns(*data, columns, partial);
                    for (std::size_t i = 0; i < rows.size(); ++i)
                        QVERIFY2(sameColumns(partial[i], rows[i], columns) && (!(columns & columnOf(Field::PktDstAddr)) || partial[i].pktDstAddr == rows[i].pktDstAddr),
                                 qPrintable(block + QStringLiteral(": record %1 of a partial decode").arg(i)));
                    // Read only as far as the decode needs, as a scan reads it.
                    std::string head = *data;
                    if (const auto needed = blockBytesNeeded(head, head.size(), columns))
                        head.resize(*needed);
                    cursor.open(head, columns, 9);
                    std::size_t slot = 0;
                    for (;;) {
                        const std::size_t step = static_cast<std::size_t>(random() % 5);
                        cursor.skip(step);
                        slot = std::min(rows.size(), slot + step);
                        const EncodedFlow *record = cursor.next();
                        if (slot == rows.size()) {
                            QVERIFY(!record);
                            break;
                        }
                        QVERIFY2(record && sameColumns(*record, rows[slot], columns) && record->pktDstAddr == (columns & columnOf(Field::PktDstAddr) ? rows[slot].pktDstAddr : record->pktDstAddr),
                                 qPrintable(block + QStringLiteral(": record %1 read by the cursor").arg(slot)));
                        ++slot;
                    }
                    arrays.open(head, columns);
                    for (const Field field : fields) {
                        if (!(columns & columnOf(field)))
                            continue;
                        const std::uint64_t *has = arrays.presence(field);
                        const IpAddress *values = arrays.addresses(field);
                        for (std::size_t i = 0; i < rows.size(); ++i) {
                            QCOMPARE(bool((has[i / 64] >> (i % 64)) & 1U), rows[i].has(field));
                            if (rows[i].has(field))
                                QVERIFY2(values[i] == addressOf(rows[i], field),
                                         qPrintable(block + QStringLiteral(": address of record %1").arg(i)));
                        }
                    }
                }
                // The range tests, on a fresh reading (the indexes alone)
                // and after the addresses were put together.
                for (const bool decodedFirst : {false, true}) {
                    for (const auto &ranges : rangeSets) {
                        arrays.open(*data, addressColumns);
                        for (const Field field : fields) {
                            if (decodedFirst)
                                arrays.addresses(field);
                            std::array<std::uint64_t, kBlockCapacity / 64> got{};
                            got.fill(~std::uint64_t(0)); // whatever was there before
                            arrays.matchAddresses(field, ranges.data(), ranges.size(), got);
                            for (std::size_t i = 0; i < kBlockCapacity; ++i) {
                                const bool expected = i < rows.size() && rows[i].has(field) && within(addressOf(rows[i], field), ranges);
                                QVERIFY2(bool((got[i / 64] >> (i % 64)) & 1U) == expected,
                                         qPrintable(block + QStringLiteral(": slot %1, field %2, %3 ranges")
                                                                .arg(i)
                                                                .arg(static_cast<int>(field))
                                                                .arg(ranges.size())));
                            }
                        }
                    }
                }
            }
            // The dictionary makes the address columns smaller, not larger.
            if (!stripped && count == 4096 && !distinct)
                QVERIFY2(format3.size() < format2.size(), qPrintable(QStringLiteral("%1 against %2 bytes").arg(format3.size()).arg(format2.size())));
        }
    }

    // Damage only format 3 can have: an index past the dictionary, a packet
    // address referring to an own address the record lacks, a dictionary
    // whose size does not add up, and a dictionary in a format 2 block.
    void damagedDictionariesAreRefused_data()
    {
        QTest::addColumn<int>("damage");
        QTest::newRow("index past the dictionary") << 0;
        QTest::newRow("own address missing") << 1;
        QTest::newRow("dictionary cut short") << 2;
        QTest::newRow("dictionary in format 2") << 3;
    }

    void damagedDictionariesAreRefused()
    {
        QFETCH(int, damage);
        std::vector<EncodedFlow> rows = generateAddresses(5, 500, false);
        // Record 0 has a packet source address and no source address of its own.
        rows[0].present = (rows[0].present | columnOf(Field::PktSrcAddr)) & ~columnOf(Field::SrcAddr);
        rows[0].pktSrcAddr = v4(0xac100001);
        std::string data = encodeBlock(rows);
        constexpr std::uint64_t kDictionary = 2 + kFieldCount;
        switch (damage) {
        case 0: // the first source address: the highest index
            data = withSection(data, sectionOf(Field::DstAddr), [](std::string &raw) {
                raw[0] = '\xfe';
                raw[raw.size() / 2] = '\x7f';
            });
            break;
        case 1:
            data = withSection(data, sectionOf(Field::PktSrcAddr), [](std::string &raw) {
                raw[0] = '\xff';
                raw[raw.size() / 2] = '\xff';
            });
            break;
        case 2: data = withSection(data, kDictionary, [](std::string &raw) { raw.pop_back(); }); break;
        case 3: data[0] = 2; break;
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, decodeBlock(data));
        QVERIFY_THROWS_EXCEPTION(StoreError, {
            BlockRecordCursor cursor;
            cursor.open(data, kAllColumns);
            while (cursor.next())
                ;
        });
        QVERIFY_THROWS_EXCEPTION(StoreError, {
            BlockRecordCursor cursor;
            cursor.open(data, kAllColumns);
            cursor.skip(rows.size());
            cursor.next();
        });
        QVERIFY_THROWS_EXCEPTION(StoreError, {
            BlockColumns columns;
            columns.open(data, kAllColumns);
            for (const Field f : {Field::SrcAddr, Field::DstAddr, Field::PktSrcAddr, Field::PktDstAddr})
                columns.addresses(f);
        });
    }

    void damagedBlocksAreRefused_data()
    {
        QTest::addColumn<int>("cut"); // bytes cut from the end, or -1: a byte changed
        QTest::newRow("cut short") << 10;
        QTest::newRow("one byte short") << 1;
        QTest::newRow("directory changed") << -1;
    }

    void damagedBlocksAreRefused()
    {
        QFETCH(int, cut);
        std::vector<EncodedFlow> rows = generate(3, 500, false);
        std::string data = encodeBlock(rows);
        if (cut > 0)
            data.resize(data.size() - static_cast<std::size_t>(cut));
        else
            data[3] = static_cast<char>(data[3] ^ 0x40); // the number of sections
        QVERIFY_THROWS_EXCEPTION(StoreError, decodeBlock(data));
        // Read record by record or a column at a time, the damage is found too.
        QVERIFY_THROWS_EXCEPTION(StoreError, {
            BlockRecordCursor cursor;
            cursor.open(data, kAllColumns);
            while (cursor.next())
                ;
        });
        // Stepped over to the end as well.
        QVERIFY_THROWS_EXCEPTION(StoreError, {
            BlockRecordCursor cursor;
            cursor.open(data, kAllColumns);
            cursor.skip(rows.size());
            cursor.next();
        });
        // The line numbers come last, and a read a column at a time never
        // reads them: a cut there goes unseen, as in any partial decode.
        if (cut < 0) {
            QVERIFY_THROWS_EXCEPTION(StoreError, {
                BlockColumns columns;
                columns.open(data, kAllColumns);
                for (const Field f : {Field::End, Field::Action, Field::LogStatus, Field::Type, Field::FlowDirection,
                                      Field::Protocol, Field::TcpFlags, Field::TrafficPath, Field::EncryptionStatus,
                                      Field::Version, Field::SrcPort, Field::DstPort, Field::Packets, Field::Bytes})
                    columns.integers(f);
                for (const Field f : {Field::SrcAddr, Field::DstAddr, Field::PktSrcAddr, Field::PktDstAddr})
                    columns.addresses(f);
            });
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, decodeBlock(std::string("\x07", 1)));
        QVERIFY_THROWS_EXCEPTION(StoreError, decodeBlock(std::string()));
    }
};

QTEST_GUILESS_MAIN(TestBlockCodec)
#include "tst_blockcodec.moc"
