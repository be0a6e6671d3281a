// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_codec.h"

#include "sqlite_handle.h"

#include <zstd.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace flowscope {

namespace {

constexpr std::uint8_t kBlockFormat = 1;
constexpr int kZstdLevel = 3;

class Writer {
public:
    std::string bytes;
    void u8(std::uint8_t v) { bytes.push_back(static_cast<char>(v)); }
    void u16(std::uint16_t v)
    {
        u8(static_cast<std::uint8_t>(v));
        u8(static_cast<std::uint8_t>(v >> 8));
    }
    void varint(std::uint64_t v)
    {
        while (v >= 0x80) {
            u8(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        u8(static_cast<std::uint8_t>(v));
    }
    void zigzag(std::int64_t v) { varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void address(const IpAddress &a)
    {
        u8(a.isV4() ? 4 : 6);
        bytes.append(reinterpret_cast<const char *>(a.bytes.data()), a.isV4() ? 4 : 16);
    }
};

class Reader {
public:
    explicit Reader(std::string_view data)
        : m_data(data)
    {
    }
    std::uint8_t u8()
    {
        need(1);
        return static_cast<std::uint8_t>(m_data[m_pos++]);
    }
    std::uint16_t u16()
    {
        const std::uint16_t lo = u8();
        return static_cast<std::uint16_t>(lo | (std::uint16_t(u8()) << 8));
    }
    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const std::uint8_t b = u8();
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        throw StoreError("corrupt record block (varint too long)");
    }
    std::int64_t zigzag()
    {
        const std::uint64_t v = varint();
        return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
    }
    IpAddress address()
    {
        IpAddress a;
        const std::uint8_t family = u8();
        if (family != 4 && family != 6)
            throw StoreError("corrupt record block (address family)");
        a.family = family == 4 ? IpAddress::Family::V4 : IpAddress::Family::V6;
        const std::size_t size = family == 4 ? 4 : 16;
        need(size);
        std::memcpy(a.bytes.data(), m_data.data() + m_pos, size);
        m_pos += size;
        return a;
    }
    bool atEnd() const { return m_pos == m_data.size(); }

private:
    void need(std::size_t n)
    {
        if (m_pos + n > m_data.size())
            throw StoreError("corrupt record block (truncated)");
    }
    std::string_view m_data;
    std::size_t m_pos = 0;
};

// Visits every column in one fixed order, for writing and reading alike, so
// the two can never disagree about the layout.
template <typename Rows, typename Column>
void forEachColumn(Rows &rows, Column &&column)
{
    using F = Field;
    column(F::End, [](auto &io, auto &r, std::int64_t &) { io.endTime(r); });
    column(F::Action, [](auto &io, auto &r, std::int64_t &) { io.byteEnum(r.action); });
    column(F::LogStatus, [](auto &io, auto &r, std::int64_t &) { io.byteEnum(r.logStatus); });
    column(F::Type, [](auto &io, auto &r, std::int64_t &) { io.byteEnum(r.type); });
    column(F::FlowDirection, [](auto &io, auto &r, std::int64_t &) { io.byteEnum(r.direction); });
    column(F::Protocol, [](auto &io, auto &r, std::int64_t &) { io.byte(r.protocol); });
    column(F::TcpFlags, [](auto &io, auto &r, std::int64_t &) { io.byte(r.tcpFlags); });
    column(F::TrafficPath, [](auto &io, auto &r, std::int64_t &) { io.byte(r.trafficPath); });
    column(F::EncryptionStatus, [](auto &io, auto &r, std::int64_t &) { io.byte(r.encryptionStatus); });
    column(F::Version, [](auto &io, auto &r, std::int64_t &) { io.number32(r.version); });
    column(F::SrcPort, [](auto &io, auto &r, std::int64_t &) { io.port(r.srcPort); });
    column(F::DstPort, [](auto &io, auto &r, std::int64_t &) { io.port(r.dstPort); });
    column(F::Packets, [](auto &io, auto &r, std::int64_t &) { io.number64(r.packets); });
    column(F::Bytes, [](auto &io, auto &r, std::int64_t &) { io.number64(r.bytes); });
    column(F::SrcAddr, [](auto &io, auto &r, std::int64_t &) { io.address(r.srcAddr); });
    column(F::DstAddr, [](auto &io, auto &r, std::int64_t &) { io.address(r.dstAddr); });
    column(F::PktSrcAddr, [](auto &io, auto &r, std::int64_t &) { io.address(r.pktSrcAddr); });
    column(F::PktDstAddr, [](auto &io, auto &r, std::int64_t &) { io.address(r.pktDstAddr); });
    (void)rows;
}

struct ColumnWriter {
    Writer &w;
    void endTime(const EncodedFlow &r) { r.has(Field::Start) ? w.varint(static_cast<std::uint64_t>(r.end - r.start)) : w.zigzag(r.end); }
    template <typename E>
    void byteEnum(E v) { w.u8(static_cast<std::uint8_t>(v)); }
    void byte(std::uint8_t v) { w.u8(v); }
    void number32(std::uint32_t v) { w.varint(v); }
    void port(std::uint16_t v) { w.u16(v); }
    void number64(std::uint64_t v) { w.varint(v); }
    void address(const IpAddress &a) { w.address(a); }
};

struct ColumnReader {
    Reader &r;
    void endTime(EncodedFlow &f)
    {
        f.end = f.has(Field::Start) ? f.start + static_cast<std::int64_t>(r.varint()) : r.zigzag();
    }
    template <typename E>
    void byteEnum(E &v) { v = static_cast<E>(r.u8()); }
    void byte(std::uint8_t &v) { v = r.u8(); }
    void number32(std::uint32_t &v) { v = static_cast<std::uint32_t>(r.varint()); }
    void port(std::uint16_t &v) { v = r.u16(); }
    void number64(std::uint64_t &v) { v = r.varint(); }
    void address(IpAddress &a) { a = r.address(); }
};

} // namespace

bool blockOrder(const EncodedFlow &a, const EncodedFlow &b)
{
    const auto sa = sortStart(a);
    const auto sb = sortStart(b);
    return sa != sb ? sa < sb : a.line < b.line;
}

std::string encodeBlock(std::vector<EncodedFlow> &rows)
{
    if (!std::is_sorted(rows.begin(), rows.end(), blockOrder))
        std::stable_sort(rows.begin(), rows.end(), blockOrder);
    Writer w;
    w.bytes.reserve(rows.size() * 48);
    w.varint(rows.size());
    for (const auto &r : rows)
        w.varint(r.present);
    // Start times right after the masks: the sort keys can be read without
    // decoding the rest (see decodeBlockKeys).
    std::int64_t previousStart = 0;
    for (const auto &r : rows) {
        if (r.has(Field::Start)) {
            w.zigzag(r.start - previousStart);
            previousStart = r.start;
        }
    }
    std::int64_t previousLine = 0;
    for (const auto &r : rows) {
        w.zigzag(static_cast<std::int64_t>(r.line) - previousLine);
        previousLine = static_cast<std::int64_t>(r.line);
    }
    for (const auto &r : rows)
        w.varint(r.interface);
    for (const auto &r : rows)
        w.varint(r.pktSrcService);
    for (const auto &r : rows)
        w.varint(r.pktDstService);
    for (const auto &r : rows)
        w.varint(r.rejectReason);
    ColumnWriter io{w};
    forEachColumn(rows, [&](Field field, auto &&code) {
        std::int64_t previous = 0;
        for (auto &r : rows)
            if (r.has(field))
                code(io, r, previous);
    });

    std::string out(1 + ZSTD_compressBound(w.bytes.size()), '\0');
    out[0] = static_cast<char>(kBlockFormat);
    const std::size_t size = ZSTD_compress(out.data() + 1, out.size() - 1, w.bytes.data(), w.bytes.size(), kZstdLevel);
    if (ZSTD_isError(size))
        throw StoreError(std::string("cannot compress a record block: ") + ZSTD_getErrorName(size));
    out.resize(1 + size);
    return out;
}

namespace {

std::string decompressBlock(std::string_view data)
{
    if (data.empty() || static_cast<std::uint8_t>(data[0]) != kBlockFormat)
        throw StoreError("record block of an unknown format");
    data.remove_prefix(1);
    const unsigned long long rawSize = ZSTD_getFrameContentSize(data.data(), data.size());
    if (rawSize == ZSTD_CONTENTSIZE_ERROR || rawSize == ZSTD_CONTENTSIZE_UNKNOWN || rawSize > (64u << 20))
        throw StoreError("corrupt record block (size)");
    std::string raw(rawSize, '\0');
    const std::size_t got = ZSTD_decompress(raw.data(), raw.size(), data.data(), data.size());
    if (ZSTD_isError(got) || got != rawSize)
        throw StoreError("corrupt record block (zstd)");
    return raw;
}

} // namespace

std::vector<std::int64_t> decodeBlockKeys(std::string_view data)
{
    const std::string raw = decompressBlock(data);
    Reader r(raw);
    const std::uint64_t count = r.varint();
    if (count > kBlockCapacity)
        throw StoreError("corrupt record block (count)");
    std::vector<std::uint64_t> present(count);
    for (auto &mask : present)
        mask = r.varint();
    std::vector<std::int64_t> keys(count);
    std::int64_t start = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if ((present[i] >> static_cast<unsigned>(Field::Start)) & 1U) {
            start += r.zigzag();
            keys[i] = start;
        } else {
            keys[i] = INT64_MIN;
        }
    }
    return keys;
}

std::vector<EncodedFlow> decodeBlock(std::string_view data)
{
    const std::string raw = decompressBlock(data);
    Reader r(raw);
    const std::uint64_t count = r.varint();
    if (count > kBlockCapacity)
        throw StoreError("corrupt record block (count)");
    std::vector<EncodedFlow> rows(count);
    for (auto &f : rows)
        f.present = r.varint();
    std::int64_t start = 0;
    for (auto &f : rows) {
        if (f.has(Field::Start)) {
            start += r.zigzag();
            f.start = start;
        }
    }
    std::int64_t line = 0;
    for (auto &f : rows) {
        line += r.zigzag();
        f.line = static_cast<std::uint64_t>(line);
    }
    for (auto &f : rows)
        f.interface = static_cast<std::uint32_t>(r.varint());
    for (auto &f : rows)
        f.pktSrcService = static_cast<std::uint32_t>(r.varint());
    for (auto &f : rows)
        f.pktDstService = static_cast<std::uint32_t>(r.varint());
    for (auto &f : rows)
        f.rejectReason = static_cast<std::uint32_t>(r.varint());
    ColumnReader io{r};
    forEachColumn(rows, [&](Field field, auto &&code) {
        std::int64_t previous = 0;
        for (auto &f : rows)
            if (f.has(field))
                code(io, f, previous);
    });
    if (!r.atEnd())
        throw StoreError("corrupt record block (trailing data)");
    return rows;
}

} // namespace flowscope
