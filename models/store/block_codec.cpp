// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_codec.h"

#include "sqlite_handle.h"

#include <zstd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace flowscope {

namespace {

constexpr std::uint8_t kBlockFormat1 = 1;
constexpr std::uint8_t kBlockFormat2 = 2;
constexpr std::uint8_t kBlockFormat3 = 3;
constexpr int kZstdLevel = 3; // format 1, as schema 3 wrote it
// Format 2's columns: zstd's first fast level compresses a flow log's
// columns nearly as well as level 3 (the blocks of the realistic 2M-record
// file take 24.7 MB instead of 20.3 MB) in about half the time, and
// compressing them was a tenth of an import's CPU time, all of it on the
// writing thread. The reader does not depend on the level: blocks written at
// level 3 read as before.
constexpr int kColumnZstdLevel = -1;
constexpr std::size_t kMaxRawBlock = 64u << 20;

// Bytes written through a cursor into room made ahead, so a value costs a
// store or a few rather than a checked push_back per byte (a fifth of the
// encoding's time was in push_back).
class Writer {
public:
    void u8(std::uint8_t v)
    {
        room(1);
        m_bytes[m_used++] = static_cast<char>(v);
    }
    void u16(std::uint16_t v)
    {
        room(2);
        m_bytes[m_used++] = static_cast<char>(static_cast<std::uint8_t>(v));
        m_bytes[m_used++] = static_cast<char>(static_cast<std::uint8_t>(v >> 8));
    }
    void varint(std::uint64_t v)
    {
        room(10);
        while (v >= 0x80) {
            m_bytes[m_used++] = static_cast<char>(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        m_bytes[m_used++] = static_cast<char>(static_cast<std::uint8_t>(v));
    }
    void zigzag(std::int64_t v) { varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void address(const IpAddress &a)
    {
        room(17);
        const std::size_t size = a.isV4() ? 4 : 16;
        m_bytes[m_used++] = static_cast<char>(a.isV4() ? 4 : 6);
        std::memcpy(m_bytes.data() + m_used, a.bytes.data(), size);
        m_used += size;
    }
    bool empty() const { return m_used == 0; }
    std::size_t size() const { return m_used; }
    const char *data() const { return m_bytes.data(); }
    void reserve(std::size_t n) { room(n); }
    // The bytes written; the writer is empty afterwards.
    std::string take()
    {
        m_bytes.resize(m_used);
        m_used = 0;
        return std::move(m_bytes);
    }

private:
    void room(std::size_t n)
    {
        if (m_bytes.size() - m_used < n)
            m_bytes.resize(std::max(m_bytes.size() * 2, m_used + n + 256));
    }
    std::string m_bytes; // written up to m_used, the rest room
    std::size_t m_used = 0;
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
        if (m_data.size() - m_pos >= 2) {
            // One or two bytes (most values): read where they lie, inlined.
            const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data()) + m_pos;
            if (!(p[0] & 0x80)) {
                m_pos += 1;
                return p[0];
            }
            if (!(p[1] & 0x80)) {
                m_pos += 2;
                return std::uint64_t(p[0] & 0x7f) | std::uint64_t(p[1]) << 7;
            }
        }
        return longVarint();
    }
    // `n` varints into `out`, in one loop that keeps its position in a
    // register (a column of packets or bytes).
    void varints(std::uint64_t *out, std::size_t n)
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data());
        const std::size_t size = m_data.size();
        std::size_t pos = m_pos;
        for (std::size_t i = 0; i < n; ++i) {
            if (size - pos < 10) { // near the end: checked a byte at a time
                m_pos = pos;
                out[i] = longVarint();
                pos = m_pos;
                continue;
            }
            std::uint64_t v = 0;
            for (unsigned shift = 0;; shift += 7) {
                const std::uint8_t b = p[pos++];
                v |= std::uint64_t(b & 0x7f) << shift;
                if (!(b & 0x80))
                    break;
                if (shift == 63)
                    throw StoreError("corrupt record block (varint too long)");
            }
            out[i] = v;
        }
        m_pos = pos;
    }
    // A varint of three bytes or more, or near the end: not inlined.
    [[gnu::noinline]] std::uint64_t longVarint()
    {
        if (m_data.size() - m_pos >= 10) {
            // Far from the end: no bounds check a byte (the longest varint is 10).
            const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data()) + m_pos;
            std::uint64_t v = p[0] & 0x7f;
            if (!(p[0] & 0x80)) {
                m_pos += 1;
                return v;
            }
            for (int i = 1; i < 10; ++i) {
                v |= std::uint64_t(p[i] & 0x7f) << (7 * i);
                if (!(p[i] & 0x80)) {
                    m_pos += static_cast<std::size_t>(i) + 1;
                    return v;
                }
            }
            throw StoreError("corrupt record block (varint too long)");
        }
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
    // The same into `a` in place (no copy of a temporary): for a column read
    // whole.
    void addressInto(IpAddress &a)
    {
        const std::uint8_t family = u8();
        if (family == 4) {
            need(4);
            a.family = IpAddress::Family::V4;
            std::memcpy(a.bytes.data(), m_data.data() + m_pos, 4);
            std::memset(a.bytes.data() + 4, 0, 12);
            m_pos += 4;
        } else if (family == 6) {
            need(16);
            a.family = IpAddress::Family::V6;
            std::memcpy(a.bytes.data(), m_data.data() + m_pos, 16);
            m_pos += 16;
        } else {
            throw StoreError("corrupt record block (address family)");
        }
    }
    // Steps over `n` bytes, or `n` varints (each ends at a byte below 0x80),
    // or an address, without reading their values: a record stepped over
    // costs a scan of its bytes.
    void skip(std::size_t n)
    {
        need(n);
        m_pos += n;
    }
    void skipVarints(std::size_t n)
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data());
        const std::size_t size = m_data.size();
        // Eight bytes at a time while a word holds fewer ends than are left.
        while (n >= 8 && size - m_pos >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p + m_pos, 8);
            // The bytes below 0x80 counted by a multiply (a popcount is a
            // library call on the baseline x86-64 this is built for).
            const std::uint64_t last = (~word & 0x8080808080808080ULL) >> 7;
            const auto ends = static_cast<std::size_t>((last * 0x0101010101010101ULL) >> 56);
            if (ends >= n)
                break;
            n -= ends;
            m_pos += 8;
        }
        for (; n > 0; ++m_pos) {
            if (m_pos >= size)
                throw StoreError("corrupt record block (truncated)");
            if (!(p[m_pos] & 0x80))
                --n;
        }
    }
    // The sum of the next `n` zigzag varints (deltas read only for their
    // total): one loop without a call a value.
    std::int64_t sumZigzags(std::size_t n)
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data());
        const std::size_t size = m_data.size();
        std::uint64_t sum = 0; // wraps as the deltas' int64 sum would
        for (; n > 0; --n) {
            if (m_pos < size && p[m_pos] < 0x80) { // most deltas fit a byte
                const std::uint64_t v = p[m_pos++];
                sum += (v >> 1) ^ (~(v & 1) + 1);
                continue;
            }
            const std::uint64_t v = varint();
            sum += (v >> 1) ^ (~(v & 1) + 1);
        }
        return static_cast<std::int64_t>(sum);
    }
    void skipAddress()
    {
        const std::uint8_t family = u8();
        if (family != 4 && family != 6)
            throw StoreError("corrupt record block (address family)");
        skip(family == 4 ? 4 : 16);
    }
    // Steps over `n` addresses in one tight loop (a family byte, then 4 or
    // 16 bytes each).
    void skipAddresses(std::size_t n) { skipAddressRun<false>(n); }
    // Steps over `n` packet addresses: each a 0 byte (the record's own
    // address) or an address.
    void skipPacketAddresses(std::size_t n) { skipAddressRun<true>(n); }
    template <bool kOwnAddressByte>
    void skipAddressRun(std::size_t n)
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data());
        const std::size_t size = m_data.size();
        std::size_t pos = m_pos;
        for (; n > 0; --n) {
            if (pos >= size)
                throw StoreError("corrupt record block (truncated)");
            const std::uint8_t family = p[pos];
            if (kOwnAddressByte && family == 0) {
                ++pos;
                continue;
            }
            if (family != 4 && family != 6)
                throw StoreError("corrupt record block (address family)");
            pos += family == 4 ? 5 : 17;
        }
        if (pos > size)
            throw StoreError("corrupt record block (truncated)");
        m_pos = pos;
    }
    // The next `n` bytes, checked once: a column of bytes or 16-bit values
    // read a run at a time rather than a checked byte at a time.
    const std::uint8_t *take(std::size_t n)
    {
        need(n);
        const auto *p = reinterpret_cast<const std::uint8_t *>(m_data.data()) + m_pos;
        m_pos += n;
        return p;
    }
    bool atEnd() const { return m_pos == m_data.size(); }
    std::size_t position() const { return m_pos; }
    std::uint8_t peek()
    {
        need(1);
        return static_cast<std::uint8_t>(m_data[m_pos]);
    }

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


// ---- Format 2: a directory, then each column compressed on its own.
//
//   u8 2, varint records, varint sections,
//   per section: varint id, varint stored size, varint raw size,
//   then the sections' bytes in directory order; a section whose stored size
//   equals its raw size is stored as it is, any other is one zstd frame.
// Section ids: 0 the presence masks (as runs) and start times (always decoded), 1 the
// line numbers, and 2 + f for the column of Field f (InterfaceId's holds the
// interface context). A column no record has is left out. Sections are
// stored in the order of kStorageOrder, what filters read most first, so a
// reader that needs a few columns reads a short prefix of the block (see
// blockBytesNeeded). pkt-srcaddr and pkt-dstaddr store a 0 byte for a value
// equal to srcaddr / dstaddr (so those are decoded first).
//
// ---- Format 3: format 2 with the address columns through a dictionary.
//
// The four address columns hold a block's few hundred distinct addresses
// over and over (5 or 17 bytes each time): format 3 stores each distinct
// address once, in section kAddressDictionarySection, and a 16-bit index a
// record in the address columns (see encodeAddressDictionary). A CIDR test
// is then a test of each dictionary entry and a look-up a record, and the
// columns a count decompresses are smaller. The start times have a section
// of their own (kStartsSection), so that a test a column at a time that
// does not read them decompresses the presence runs alone. Every other
// section is as in format 2.

constexpr std::uint64_t kKeysSection = 0;
constexpr std::uint64_t kLinesSection = 1;
constexpr std::uint64_t sectionOf(Field f) { return 2 + static_cast<std::uint64_t>(f); }
// Format 3 only: the block's address dictionary (see encodeAddressDictionary),
// and the start times, which format 2 keeps in the keys section after the
// presence runs.
constexpr std::uint64_t kAddressDictionarySection = 2 + kFieldCount;
constexpr std::uint64_t kStartsSection = 3 + kFieldCount;
constexpr std::size_t kSectionCount = 4 + kFieldCount;
static_assert(kSectionCount <= 64, "a directory marks the sections it has seen in a word");

constexpr std::array<std::uint64_t, 26> kStorageOrder{
    kKeysSection, kStartsSection, sectionOf(Field::Action), sectionOf(Field::LogStatus), sectionOf(Field::InterfaceId),
    sectionOf(Field::DstPort), sectionOf(Field::SrcPort), sectionOf(Field::Protocol), kAddressDictionarySection,
    sectionOf(Field::SrcAddr), sectionOf(Field::DstAddr), sectionOf(Field::Packets), sectionOf(Field::Bytes),
    sectionOf(Field::End),
    sectionOf(Field::TcpFlags), sectionOf(Field::Type), sectionOf(Field::FlowDirection), sectionOf(Field::Version),
    sectionOf(Field::PktSrcAddr), sectionOf(Field::PktDstAddr), sectionOf(Field::TrafficPath),
    sectionOf(Field::EncryptionStatus), sectionOf(Field::PktSrcAwsService), sectionOf(Field::PktDstAwsService),
    sectionOf(Field::RejectReason), kLinesSection};

std::size_t storageRank(std::uint64_t section)
{
    return static_cast<std::size_t>(std::find(kStorageOrder.begin(), kStorageOrder.end(), section) - kStorageOrder.begin());
}

// The columns a decode of `columns` reads: pkt addresses refer to the
// addresses of the record.
ColumnMask withDependencies(ColumnMask columns)
{
    if (columns & columnOf(Field::PktSrcAddr))
        columns |= columnOf(Field::SrcAddr);
    if (columns & columnOf(Field::PktDstAddr))
        columns |= columnOf(Field::DstAddr);
    return columns;
}

ColumnMask interfaceColumns()
{
    ColumnMask mask = 0;
    for (const Field f : kInterfaceFields)
        mask |= columnOf(f);
    return mask;
}

constexpr ColumnMask kAddressColumns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::PktSrcAddr)
    | columnOf(Field::PktDstAddr);

bool wantsSection(ColumnMask columns, std::uint64_t section)
{
    if (section == kKeysSection || section == kStartsSection)
        return true; // a record's start is always decoded (BlockColumns reads it when asked)
    if (section == kLinesSection)
        return (columns & kLineColumn) != 0;
    if (section == kAddressDictionarySection)
        return (columns & kAddressColumns) != 0;
    const auto field = static_cast<Field>(section - 2);
    if (field == Field::InterfaceId)
        return (columns & interfaceColumns()) != 0;
    return (columns & columnOf(field)) != 0;
}

struct ZstdContexts {
    ZSTD_CCtx *compress = ZSTD_createCCtx();
    ZSTD_DCtx *decompress = ZSTD_createDCtx();
    ~ZstdContexts()
    {
        ZSTD_freeCCtx(compress);
        ZSTD_freeDCtx(decompress);
    }
};

// One set a thread: creating a context costs more than a small column.
ZstdContexts &zstdContexts()
{
    thread_local ZstdContexts contexts;
    return contexts;
}

struct Section {
    std::uint64_t id;
    std::string raw;
};

void appendVarint(std::string &out, std::uint64_t v)
{
    Writer w;
    w.varint(v);
    out.append(w.data(), w.size());
}

// ---- Format 3's address dictionary.
//
// The dictionary section: varint IPv4 entries, varint IPv6 entries, then the
// IPv4 entries as four byte planes (every entry's first byte, then every
// second byte, ...), then the IPv6 ones as sixteen; each family sorted.
// An address column: for each record holding the field, the index of its
// address (IPv4 entries first, then IPv6), as a plane of low bytes then
// one of high bytes. A packet address equal to the record's own address is
// kOwnAddress. Planes compress better than interleaved bytes: the high
// bytes of a block of a few hundred addresses are nearly all alike.
constexpr std::uint16_t kOwnAddress = 0xffff;
constexpr std::size_t kMaxDictionary = 4 * kBlockCapacity; // every address of a block distinct
static_assert(kMaxDictionary < kOwnAddress, "an index leaves kOwnAddress free");

bool isAddressField(Field field)
{
    return field == Field::SrcAddr || field == Field::DstAddr || field == Field::PktSrcAddr || field == Field::PktDstAddr;
}

bool isPacketAddress(Field field) { return field == Field::PktSrcAddr || field == Field::PktDstAddr; }

// The address a packet address may refer to: the record's own.
Field ownAddressOf(Field packetAddress) { return packetAddress == Field::PktSrcAddr ? Field::SrcAddr : Field::DstAddr; }

IpAddress &addressOf(EncodedFlow &f, Field field)
{
    switch (field) {
    case Field::SrcAddr: return f.srcAddr;
    case Field::DstAddr: return f.dstAddr;
    case Field::PktSrcAddr: return f.pktSrcAddr;
    default: return f.pktDstAddr;
    }
}

// The distinct addresses of a block, each given an index as first seen: an
// open-addressing table of indexes (one thread's, reused from block to
// block), as a block's 16,384 address values must cost a hash each, not an
// allocation.
class AddressDictionaryBuilder {
public:
    void clear()
    {
        m_entries.clear();
        m_table.assign(kTableSize, 0);
    }
    std::uint16_t add(const IpAddress &a)
    {
        std::uint64_t head = 0, tail = 0;
        std::memcpy(&head, a.bytes.data(), 8);
        std::memcpy(&tail, a.bytes.data() + 8, 8);
        std::uint64_t h = (head ^ (tail * 0xff51afd7ed558ccdULL) ^ static_cast<std::uint64_t>(a.family))
            * 0x9e3779b97f4a7c15ULL;
        for (std::size_t slot = h >> (64 - kTableBits);; slot = (slot + 1) & (kTableSize - 1)) {
            const std::uint16_t at = m_table[slot];
            if (at == 0) {
                m_entries.push_back(a);
                m_table[slot] = static_cast<std::uint16_t>(m_entries.size());
                return static_cast<std::uint16_t>(m_entries.size() - 1);
            }
            if (m_entries[at - 1u] == a)
                return static_cast<std::uint16_t>(at - 1u);
        }
    }
    const std::vector<IpAddress> &entries() const { return m_entries; }

private:
    static constexpr unsigned kTableBits = 15; // twice the most entries a block has
    static constexpr std::size_t kTableSize = std::size_t(1) << kTableBits;
    static_assert(kTableSize >= 2 * kMaxDictionary);
    std::vector<IpAddress> m_entries;
    std::vector<std::uint16_t> m_table; // an entry's index + 1, 0 for none
};

// Sorts the builder's entries (IPv4 first, each family in address order)
// and writes the dictionary section; `order` gets each entry's index in it.
std::string encodeAddressDictionary(const std::vector<IpAddress> &entries, std::vector<std::uint16_t> &order)
{
    std::vector<std::uint16_t> sorted(entries.size());
    for (std::size_t i = 0; i < sorted.size(); ++i)
        sorted[i] = static_cast<std::uint16_t>(i);
    std::sort(sorted.begin(), sorted.end(), [&](std::uint16_t a, std::uint16_t b) {
        const IpAddress &x = entries[a], &y = entries[b];
        if (x.isV4() != y.isV4())
            return x.isV4();
        return std::memcmp(x.bytes.data(), y.bytes.data(), x.isV4() ? 4 : 16) < 0;
    });
    order.assign(entries.size(), 0);
    std::size_t v4 = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        order[sorted[i]] = static_cast<std::uint16_t>(i);
        v4 += entries[sorted[i]].isV4() ? 1 : 0;
    }
    const std::size_t v6 = entries.size() - v4;
    Writer w;
    w.varint(v4);
    w.varint(v6);
    w.reserve(4 * v4 + 16 * v6);
    for (std::size_t plane = 0; plane < 4; ++plane)
        for (std::size_t i = 0; i < v4; ++i)
            w.u8(entries[sorted[i]].bytes[plane]);
    for (std::size_t plane = 0; plane < 16; ++plane)
        for (std::size_t i = v4; i < sorted.size(); ++i)
            w.u8(entries[sorted[i]].bytes[plane]);
    return w.take();
}

// A decoded dictionary: the IPv4 entries as host-order words and the IPv6
// ones as two, for tests of ranges; the addresses put together only when
// asked for.
struct AddressDictionary {
    std::vector<std::uint32_t> v4;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> v6;
    std::vector<IpAddress> addresses; // when `built`
    bool built = false;

    std::size_t size() const { return v4.size() + v6.size(); }
    void clear()
    {
        v4.clear();
        v6.clear();
        addresses.clear();
        built = false;
    }
    // Throws StoreError when `raw` is not a dictionary section.
    void read(std::string_view raw)
    {
        clear();
        Reader r(raw);
        const std::uint64_t v4Count = r.varint();
        const std::uint64_t v6Count = r.varint();
        if (v4Count > kMaxDictionary || v6Count > kMaxDictionary - v4Count)
            throw StoreError("corrupt record block (address dictionary)");
        const std::uint8_t *p4 = r.take(4 * v4Count);
        const std::uint8_t *p6 = r.take(16 * v6Count);
        if (!r.atEnd())
            throw StoreError("corrupt record block (address dictionary)");
        v4.resize(v4Count);
        for (std::size_t i = 0; i < v4Count; ++i)
            v4[i] = std::uint32_t(p4[i]) << 24 | std::uint32_t(p4[v4Count + i]) << 16
                | std::uint32_t(p4[2 * v4Count + i]) << 8 | std::uint32_t(p4[3 * v4Count + i]);
        v6.assign(v6Count, {0, 0});
        for (std::size_t plane = 0; plane < 16; ++plane) {
            const std::uint8_t *bytes = p6 + plane * v6Count;
            const unsigned shift = 8 * (7 - plane % 8);
            for (std::size_t i = 0; i < v6Count; ++i)
                (plane < 8 ? v6[i].first : v6[i].second) |= std::uint64_t(bytes[i]) << shift;
        }
    }
    const std::vector<IpAddress> &all()
    {
        if (!built) {
            addresses.resize(size());
            for (std::size_t i = 0; i < v4.size(); ++i)
                addresses[i] = IpAddress::fromV4(v4[i]);
            for (std::size_t i = 0; i < v6.size(); ++i) {
                IpAddress &a = addresses[v4.size() + i];
                a.family = IpAddress::Family::V6;
                for (std::size_t b = 0; b < 8; ++b) {
                    a.bytes[b] = static_cast<std::uint8_t>(v6[i].first >> (8 * (7 - b)));
                    a.bytes[8 + b] = static_cast<std::uint8_t>(v6[i].second >> (8 * (7 - b)));
                }
            }
            built = true;
        }
        return addresses;
    }
};

// Format 3's address columns and their dictionary, added to `sections`.
void encodeAddressColumns(const std::vector<EncodedFlow> &rows, std::vector<Section> &sections)
{
    thread_local AddressDictionaryBuilder builder;
    builder.clear();
    constexpr std::array<Field, 4> kFields{Field::SrcAddr, Field::DstAddr, Field::PktSrcAddr, Field::PktDstAddr};
    std::array<std::vector<std::uint16_t>, 4> indexes; // as first seen, by kFields
    for (auto &column : indexes)
        column.reserve(rows.size());
    for (const EncodedFlow &r : rows) {
        std::uint16_t own[2] = {kOwnAddress, kOwnAddress};
        for (std::size_t c = 0; c < kFields.size(); ++c) {
            const Field field = kFields[c];
            if (!r.has(field))
                continue;
            const IpAddress &a = c == 0 ? r.srcAddr : c == 1 ? r.dstAddr : c == 2 ? r.pktSrcAddr : r.pktDstAddr;
            if (c >= 2) {
                const IpAddress &ownAddress = c == 2 ? r.srcAddr : r.dstAddr;
                if (own[c - 2] != kOwnAddress && a == ownAddress) {
                    indexes[c].push_back(kOwnAddress);
                    continue;
                }
            }
            const std::uint16_t index = builder.add(a);
            indexes[c].push_back(index);
            if (c < 2)
                own[c] = index;
        }
    }
    if (builder.entries().empty())
        return; // no record has an address of its own, so none refers to one
    std::vector<std::uint16_t> order;
    sections.push_back({kAddressDictionarySection, encodeAddressDictionary(builder.entries(), order)});
    for (std::size_t c = 0; c < kFields.size(); ++c) {
        const std::vector<std::uint16_t> &column = indexes[c];
        if (column.empty())
            continue;
        std::string raw(2 * column.size(), '\0');
        for (std::size_t i = 0; i < column.size(); ++i) {
            const std::uint16_t index = column[i] == kOwnAddress ? kOwnAddress : order[column[i]];
            raw[i] = static_cast<char>(static_cast<std::uint8_t>(index));
            raw[column.size() + i] = static_cast<char>(static_cast<std::uint8_t>(index >> 8));
        }
        sections.push_back({sectionOf(kFields[c]), std::move(raw)});
    }
}

std::string encodeColumns(const std::vector<EncodedFlow> &rows, std::uint8_t format)
{
    std::vector<Section> sections;
    {
        // Presence masks as runs (mask, length): a delivery's records share
        // their format, so a block is usually one or a few runs.
        Writer w;
        for (std::size_t i = 0; i < rows.size();) {
            std::size_t end = i + 1;
            while (end < rows.size() && rows[end].present == rows[i].present)
                ++end;
            w.varint(rows[i].present);
            w.varint(end - i);
            i = end;
        }
        if (format == kBlockFormat3)
            sections.push_back({kKeysSection, w.take()});
        std::int64_t previousStart = 0;
        for (const auto &r : rows) {
            if (r.has(Field::Start)) {
                w.zigzag(r.start - previousStart);
                previousStart = r.start;
            }
        }
        sections.push_back({format == kBlockFormat3 ? kStartsSection : kKeysSection, w.take()});
    }
    {
        Writer w;
        std::int64_t previousLine = 0;
        for (const auto &r : rows) {
            w.zigzag(static_cast<std::int64_t>(r.line) - previousLine);
            previousLine = static_cast<std::int64_t>(r.line);
        }
        sections.push_back({kLinesSection, w.take()});
    }
    const auto idColumn = [&](Field owner, auto member) {
        Writer w;
        bool any = false;
        for (const auto &r : rows) {
            w.varint(r.*member);
            any = any || r.*member != 0;
        }
        if (any)
            sections.push_back({sectionOf(owner), w.take()});
    };
    idColumn(Field::InterfaceId, &EncodedFlow::interface);
    idColumn(Field::PktSrcAwsService, &EncodedFlow::pktSrcService);
    idColumn(Field::PktDstAwsService, &EncodedFlow::pktDstService);
    idColumn(Field::RejectReason, &EncodedFlow::rejectReason);
    if (format == kBlockFormat3)
        encodeAddressColumns(rows, sections);
    forEachColumn(rows, [&](Field field, auto &&code) {
        if (format == kBlockFormat3 && isAddressField(field))
            return; // in the dictionary's columns, above
        Writer w;
        ColumnWriter io{w};
        std::int64_t previous = 0;
        for (const auto &r : rows) {
            if (!r.has(field))
                continue;
            if (field == Field::PktSrcAddr && r.has(Field::SrcAddr) && r.pktSrcAddr == r.srcAddr)
                w.u8(0);
            else if (field == Field::PktDstAddr && r.has(Field::DstAddr) && r.pktDstAddr == r.dstAddr)
                w.u8(0);
            else
                code(io, r, previous);
        }
        if (!w.empty())
            sections.push_back({sectionOf(field), w.take()});
    });

    std::sort(sections.begin(), sections.end(),
              [](const Section &a, const Section &b) { return storageRank(a.id) < storageRank(b.id); });
    std::string directory;
    directory.push_back(static_cast<char>(format));
    appendVarint(directory, rows.size());
    appendVarint(directory, sections.size());
    std::string bodies;
    ZSTD_CCtx *context = zstdContexts().compress;
    std::string frame;
    for (const Section &section : sections) {
        frame.resize(ZSTD_compressBound(section.raw.size()));
        const std::size_t size
            = ZSTD_compressCCtx(context, frame.data(), frame.size(), section.raw.data(), section.raw.size(), kColumnZstdLevel);
        if (ZSTD_isError(size))
            throw StoreError(std::string("cannot compress a record block: ") + ZSTD_getErrorName(size));
        // A column that does not shrink is kept as it is (stored = raw size).
        const bool compressed = size < section.raw.size();
        appendVarint(directory, section.id);
        appendVarint(directory, compressed ? size : section.raw.size());
        appendVarint(directory, section.raw.size());
        if (compressed)
            bodies.append(frame.data(), size);
        else
            bodies += section.raw;
    }
    return directory + bodies;
}

std::string encodeFormat1(const std::vector<EncodedFlow> &rows)
{
    Writer w;
    w.reserve(rows.size() * 48);
    w.varint(rows.size());
    for (const auto &r : rows)
        w.varint(r.present);
    // Start times right after the masks: the sort keys can be read without
    // decoding the rest.
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

    const std::string raw = w.take();
    std::string out(1 + ZSTD_compressBound(raw.size()), '\0');
    out[0] = static_cast<char>(kBlockFormat1);
    const std::size_t size = ZSTD_compress(out.data() + 1, out.size() - 1, raw.data(), raw.size(), kZstdLevel);
    if (ZSTD_isError(size))
        throw StoreError(std::string("cannot compress a record block: ") + ZSTD_getErrorName(size));
    out.resize(1 + size);
    return out;
}

std::string decompressFormat1(std::string_view data)
{
    data.remove_prefix(1);
    const unsigned long long rawSize = ZSTD_getFrameContentSize(data.data(), data.size());
    if (rawSize == ZSTD_CONTENTSIZE_ERROR || rawSize == ZSTD_CONTENTSIZE_UNKNOWN || rawSize > kMaxRawBlock)
        throw StoreError("corrupt record block (size)");
    std::string raw(rawSize, '\0');
    const std::size_t got = ZSTD_decompressDCtx(zstdContexts().decompress, raw.data(), raw.size(), data.data(), data.size());
    if (ZSTD_isError(got) || got != rawSize)
        throw StoreError("corrupt record block (zstd)");
    return raw;
}

// The start times of records whose masks are read, from `r`.
void readStarts(Reader &r, std::vector<EncodedFlow> &rows)
{
    std::int64_t start = 0;
    for (auto &f : rows) {
        if (f.has(Field::Start)) {
            start += r.zigzag();
            f.start = start;
        } else {
            f.start = 0; // rows are reused
        }
    }
}

// Format 1: a presence mask per record, then the start times.
void readKeys(Reader &r, std::vector<EncodedFlow> &rows)
{
    for (auto &f : rows)
        f.present = r.varint();
    readStarts(r, rows);
}

void readLines(Reader &r, std::vector<EncodedFlow> &rows)
{
    std::int64_t line = 0;
    for (auto &f : rows) {
        line += r.zigzag();
        f.line = static_cast<std::uint64_t>(line);
    }
}

void readIds(Reader &r, std::vector<EncodedFlow> &rows, std::uint32_t EncodedFlow::*member)
{
    for (auto &f : rows)
        f.*member = static_cast<std::uint32_t>(r.varint());
}

std::uint64_t readCount(Reader &r)
{
    const std::uint64_t count = r.varint();
    if (count > kBlockCapacity)
        throw StoreError("corrupt record block (count)");
    return count;
}

// Each record's id from its block's and its slot (-1 when the block's is unknown).
void assignRecordIds(std::vector<EncodedFlow> &rows, std::int64_t blockId)
{
    for (std::size_t slot = 0; slot < rows.size(); ++slot)
        rows[slot].id = blockId < 0 ? -1 : recordId(blockId, slot);
}

void decodeFormat1(std::string_view data, ColumnMask columns, std::vector<EncodedFlow> &rows)
{
    const std::string raw = decompressFormat1(data);
    Reader r(raw);
    rows.assign(readCount(r), EncodedFlow{});
    readKeys(r, rows);
    if (columns == 0)
        return; // the keys come first: the rest is left unread
    readLines(r, rows);
    readIds(r, rows, &EncodedFlow::interface);
    readIds(r, rows, &EncodedFlow::pktSrcService);
    readIds(r, rows, &EncodedFlow::pktDstService);
    readIds(r, rows, &EncodedFlow::rejectReason);
    ColumnReader io{r};
    forEachColumn(rows, [&](Field field, auto &&code) {
        std::int64_t previous = 0;
        for (auto &f : rows)
            if (f.has(field))
                code(io, f, previous);
    });
    if (!r.atEnd())
        throw StoreError("corrupt record block (trailing data)");
}

struct DirectoryEntry {
    std::uint64_t id;
    std::uint64_t stored;
    std::uint64_t raw;
    std::size_t offset; // of the stored bytes in the block
};

// The column directory of a format 2 block (or of its first bytes: see
// blockBytesNeeded), and its record count. `end` is where the last section ends.
std::vector<DirectoryEntry> readDirectory(std::string_view data, std::uint64_t &count, std::size_t &end)
{
    Reader r(data);
    const std::uint8_t format = r.u8();
    count = readCount(r);
    const std::uint64_t sections = r.varint();
    if (sections > kStorageOrder.size())
        throw StoreError("corrupt record block (sections)");
    std::vector<DirectoryEntry> entries(sections);
    std::uint64_t seen = 0;
    for (DirectoryEntry &e : entries) {
        e.id = r.varint();
        e.stored = r.varint();
        e.raw = r.varint();
        if (storageRank(e.id) == kStorageOrder.size() || ((seen >> e.id) & 1U) || e.raw > kMaxRawBlock
            || e.stored > e.raw
            || ((e.id == kAddressDictionarySection || e.id == kStartsSection) && format != kBlockFormat3))
            throw StoreError("corrupt record block (directory)");
        seen |= std::uint64_t(1) << e.id;
    }
    std::size_t offset = r.position();
    for (DirectoryEntry &e : entries) {
        e.offset = offset;
        offset += e.stored;
    }
    end = offset;
    if (entries.empty() || entries.front().id != kKeysSection)
        throw StoreError("corrupt record block (no keys)");
    return entries;
}

// A section's raw bytes, in `buffer` when it had to be decompressed.
std::string_view sectionBytes(std::string_view data, const DirectoryEntry &e, std::string &buffer)
{
    const std::string_view stored = data.substr(e.offset, e.stored);
    if (e.stored == e.raw)
        return stored;
    buffer.resize(e.raw);
    const std::size_t got
        = ZSTD_decompressDCtx(zstdContexts().decompress, buffer.data(), buffer.size(), stored.data(), stored.size());
    if (ZSTD_isError(got) || got != e.raw)
        throw StoreError("corrupt record block (zstd)");
    return buffer;
}

void resetField(EncodedFlow &f, Field field)
{
    static const EncodedFlow fresh;
    switch (field) {
    case Field::End: f.end = fresh.end; break;
    case Field::Action: f.action = fresh.action; break;
    case Field::LogStatus: f.logStatus = fresh.logStatus; break;
    case Field::Type: f.type = fresh.type; break;
    case Field::FlowDirection: f.direction = fresh.direction; break;
    case Field::Protocol: f.protocol = fresh.protocol; break;
    case Field::TcpFlags: f.tcpFlags = fresh.tcpFlags; break;
    case Field::TrafficPath: f.trafficPath = fresh.trafficPath; break;
    case Field::EncryptionStatus: f.encryptionStatus = fresh.encryptionStatus; break;
    case Field::Version: f.version = fresh.version; break;
    case Field::SrcPort: f.srcPort = fresh.srcPort; break;
    case Field::DstPort: f.dstPort = fresh.dstPort; break;
    case Field::Packets: f.packets = fresh.packets; break;
    case Field::Bytes: f.bytes = fresh.bytes; break;
    case Field::SrcAddr: f.srcAddr = fresh.srcAddr; break;
    case Field::DstAddr: f.dstAddr = fresh.dstAddr; break;
    case Field::PktSrcAddr: f.pktSrcAddr = fresh.pktSrcAddr; break;
    case Field::PktDstAddr: f.pktDstAddr = fresh.pktDstAddr; break;
    default: break;
    }
}

// The decoder of a field's column, from forEachColumn's table (the one the
// writer follows too).
using FieldDecoder = void (*)(ColumnReader &, EncodedFlow &, std::int64_t &);

FieldDecoder decoderOf(Field field)
{
    FieldDecoder found = nullptr;
    std::vector<EncodedFlow> none;
    forEachColumn(none, [&](Field column, auto &&code) {
        if (column == field)
            found = code;
    });
    return found;
}

// How a field's column stores a value, for stepping over records unread.
enum class StoredWidth : std::uint8_t { Byte, Word, Varint, Address };

StoredWidth storedWidthOf(Field field)
{
    switch (field) {
    case Field::SrcPort:
    case Field::DstPort: return StoredWidth::Word;
    case Field::End: // a varint, or a zigzag varint without a start
    case Field::Version:
    case Field::Packets:
    case Field::Bytes: return StoredWidth::Varint;
    case Field::SrcAddr:
    case Field::DstAddr: return StoredWidth::Address;
    default: return StoredWidth::Byte;
    }
}

std::uint32_t EncodedFlow::*idMemberOf(Field field)
{
    switch (field) {
    case Field::InterfaceId: return &EncodedFlow::interface;
    case Field::PktSrcAwsService: return &EncodedFlow::pktSrcService;
    case Field::PktDstAwsService: return &EncodedFlow::pktDstService;
    case Field::RejectReason: return &EncodedFlow::rejectReason;
    default: return nullptr;
    }
}

} // namespace

// ---- Reading a block record by record (format 2): a reader on each column
// the caller asked for, all advanced one record at a time.

struct BlockRecordCursor::State {
    struct Stream {
        enum class Kind : std::uint8_t { Lines, Id, Column, PacketAddress, IndexedAddress };
        Kind kind;
        Field field;
        std::uint64_t bit; // the field's presence bit (Column, PacketAddress)
        Reader reader;
        FieldDecoder decode;                  // Column
        std::uint32_t EncodedFlow::*member;   // Id
        StoredWidth width = StoredWidth::Byte; // Column
        // IndexedAddress (format 3): the column's planes of low and high
        // bytes, one a record holding the field, and the next one's place.
        const std::uint8_t *low = nullptr;
        std::size_t holders = 0;
        std::size_t at = 0;
    };

    // Format 1: the block decoded whole, handed out a record at a time.
    bool whole = false;
    std::vector<EncodedFlow> rows;

    std::size_t count = 0;
    std::size_t index = 0;
    bool finished = false;
    EncodedFlow record;
    Reader keys{std::string_view()};
    Reader starts{std::string_view()}; // the keys after the runs (format 2), or their own section
    std::vector<std::pair<std::uint64_t, std::uint64_t>> runs; // (presence mask, length)
    std::size_t run = 0;
    std::uint64_t runLeft = 0;
    std::uint64_t runMask = 0;
    std::int64_t start = 0;
    std::int64_t line = 0;
    std::int64_t blockId = -1;
    std::vector<Stream> streams;
    AddressDictionary dictionary; // format 3
    std::vector<std::pair<std::uint64_t, std::size_t>> skipSets; // skip(): records by set of fields, reused
    std::vector<std::string> buffers = std::vector<std::string>(kSectionCount); // by section id, reused
    std::uint64_t missing = 0; // fields a record must not have: no column holds them
    std::uint64_t reset = 0;   // fields asked for: an absent one gets a fresh record's value
    // Sections already decompressed from an earlier reading of the block
    // (see open(..., const BlockColumns &)), with the directory entry they
    // were read from; set only while opening.
    std::array<std::optional<std::pair<DirectoryEntry, std::string_view>>, kSectionCount> reused{};
};

BlockRecordCursor::BlockRecordCursor()
    : m_state(std::make_unique<State>())
{
}

BlockRecordCursor::~BlockRecordCursor() = default;

std::size_t BlockRecordCursor::size() const { return m_state->whole ? m_state->rows.size() : m_state->count; }

void BlockRecordCursor::open(std::string_view data, ColumnMask asked, std::int64_t blockId)
{
    State &s = *m_state;
    s.blockId = blockId;
    s.index = 0;
    s.finished = false;
    s.streams.clear();
    s.runs.clear();
    s.rows.clear();
    s.whole = false;
    switch (blockFormatOf(data)) {
    case kBlockFormat1:
        s.whole = true;
        decodeFormat1(data, asked, s.rows);
        assignRecordIds(s.rows, blockId);
        return;
    case kBlockFormat2:
    case kBlockFormat3: break;
    default: throw StoreError("record block of an unknown format");
    }
    const bool indexed = blockFormatOf(data) == kBlockFormat3;
    s.dictionary.clear();
    s.starts = Reader(std::string_view());
    const ColumnMask columns = withDependencies(asked);
    std::size_t end = 0;
    std::uint64_t count = 0;
    const std::vector<DirectoryEntry> entries = readDirectory(data, count, end);
    // `data` may be the block's first bytes only, enough for what is asked.
    if (end < data.size())
        throw StoreError("corrupt record block (trailing data)");
    s.count = count;
    std::uint64_t columnsFound = 0; // a bit per Field with a column
    bool lines = false;
    for (const DirectoryEntry &e : entries) {
        if (e.id >= 2 && e.id < 2 + kFieldCount)
            columnsFound |= std::uint64_t(1) << (e.id - 2);
        lines = lines || e.id == kLinesSection;
        if (!wantsSection(columns, e.id))
            continue;
        if (e.offset + e.stored > data.size())
            throw StoreError("corrupt record block (truncated)");
        const auto &earlier = s.reused[e.id];
        const bool same = earlier && earlier->first.stored == e.stored && earlier->first.raw == e.raw
            && earlier->first.offset == e.offset;
        const std::string_view bytes = same ? earlier->second : sectionBytes(data, e, s.buffers[e.id]);
        Reader reader(bytes);
        if (e.id == kAddressDictionarySection) {
            s.dictionary.read(bytes);
            continue;
        }
        if (e.id == kKeysSection) {
            s.keys = reader;
            continue;
        }
        if (e.id == kStartsSection) {
            s.starts = reader;
            continue;
        }
        if (e.id == kLinesSection) {
            s.streams.push_back({State::Stream::Kind::Lines, Field::Start, 0, reader, nullptr, nullptr});
            continue;
        }
        const auto field = static_cast<Field>(e.id - 2);
        const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
        if (const auto member = idMemberOf(field))
            s.streams.push_back({State::Stream::Kind::Id, field, bit, reader, nullptr, member});
        else if (indexed && isAddressField(field))
            // Checked against the records holding the field once the runs are read.
            s.streams.push_back({State::Stream::Kind::IndexedAddress, field, bit, Reader(std::string_view()), nullptr,
                                 nullptr, StoredWidth::Byte, reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                 bytes.size()});
        else if (field == Field::PktSrcAddr || field == Field::PktDstAddr)
            s.streams.push_back({State::Stream::Kind::PacketAddress, field, bit, reader, nullptr, nullptr});
        else if (const FieldDecoder decode = decoderOf(field))
            s.streams.push_back({State::Stream::Kind::Column, field, bit, reader, decode, nullptr, storedWidthOf(field)});
        else
            throw StoreError("corrupt record block (unknown column)");
    }
    if ((columns & kLineColumn) && !lines)
        throw StoreError("corrupt record block (no line numbers)");
    // Presence masks as runs, then the start times (read record by record).
    for (std::uint64_t covered = 0; covered < count;) {
        const std::uint64_t mask = s.keys.varint();
        const std::uint64_t length = s.keys.varint();
        if (length == 0 || length > count - covered)
            throw StoreError("corrupt record block (presence runs)");
        s.runs.emplace_back(mask, length);
        covered += length;
    }
    if (!indexed)
        s.starts = s.keys;
    else if (!s.keys.atEnd())
        throw StoreError("corrupt record block (presence runs)");
    for (State::Stream &stream : s.streams) {
        if (stream.kind != State::Stream::Kind::IndexedAddress)
            continue;
        std::size_t holders = 0;
        for (const auto &[mask, length] : s.runs)
            if (mask & stream.bit)
                holders += length;
        if (stream.holders != 2 * holders) // the section's size, until now
            throw StoreError("corrupt record block (column size)");
        stream.holders = holders;
    }
    if (indexed)
        s.dictionary.all();
    s.run = 0;
    s.runLeft = 0;
    s.start = 0;
    s.line = 0;
    // Id columns left out hold zeros; a field column left out must be absent
    // from every record.
    for (const Field owner : {Field::InterfaceId, Field::PktSrcAwsService, Field::PktDstAwsService, Field::RejectReason})
        if (!((columnsFound >> static_cast<unsigned>(owner)) & 1U) && wantsSection(columns, sectionOf(owner)))
            s.record.*idMemberOf(owner) = 0;
    std::uint64_t columnFields = 0;
    forEachColumn(s.rows, [&](Field field, auto &&) { columnFields |= std::uint64_t(1) << static_cast<unsigned>(field); });
    s.missing = columnFields & ~columnsFound;
    // The record is reused: a field asked for and absent from a record gets
    // its default value, as a fresh record has.
    s.reset = columnFields & columns;
}

const EncodedFlow *BlockRecordCursor::next()
{
    State &s = *m_state;
    if (s.whole)
        return s.index < s.rows.size() ? &s.rows[s.index++] : nullptr;
    if (s.index == s.count) {
        if (!s.finished) {
            s.finished = true;
            if (!s.starts.atEnd())
                throw StoreError("corrupt record block (column size)");
            for (const State::Stream &stream : s.streams)
                if (!stream.reader.atEnd())
                    throw StoreError("corrupt record block (column size)");
        }
        return nullptr;
    }
    if (s.runLeft == 0) {
        s.runMask = s.runs[s.run].first;
        s.runLeft = s.runs[s.run].second;
        ++s.run;
    }
    --s.runLeft;
    EncodedFlow &f = s.record;
    f.id = s.blockId < 0 ? -1 : recordId(s.blockId, s.index);
    f.present = s.runMask;
    if (f.present & s.missing)
        throw StoreError("corrupt record block (a column is missing)");
    if (f.has(Field::Start)) {
        s.start += s.starts.zigzag();
        f.start = s.start;
    } else {
        f.start = 0;
    }
    for (State::Stream &stream : s.streams) {
        switch (stream.kind) {
        case State::Stream::Kind::Lines:
            s.line += stream.reader.zigzag();
            f.line = static_cast<std::uint64_t>(s.line);
            break;
        case State::Stream::Kind::Id: f.*stream.member = static_cast<std::uint32_t>(stream.reader.varint()); break;
        case State::Stream::Kind::Column:
            if (f.present & stream.bit) {
                ColumnReader io{stream.reader};
                std::int64_t previous = 0;
                stream.decode(io, f, previous);
            }
            break;
        case State::Stream::Kind::PacketAddress:
            if (f.present & stream.bit) {
                const bool source = stream.field == Field::PktSrcAddr;
                IpAddress &a = source ? f.pktSrcAddr : f.pktDstAddr;
                if (stream.reader.peek() == 0) {
                    stream.reader.u8();
                    if (!f.has(source ? Field::SrcAddr : Field::DstAddr))
                        throw StoreError("corrupt record block (packet address)");
                    a = source ? f.srcAddr : f.dstAddr;
                } else {
                    a = stream.reader.address();
                }
            }
            break;
        case State::Stream::Kind::IndexedAddress:
            if (f.present & stream.bit) {
                const auto index = static_cast<std::uint16_t>(stream.low[stream.at] | stream.low[stream.holders + stream.at] << 8);
                ++stream.at;
                IpAddress &a = addressOf(f, stream.field);
                if (index < s.dictionary.addresses.size())
                    a = s.dictionary.addresses[index];
                else if (index == kOwnAddress && isPacketAddress(stream.field) && f.has(ownAddressOf(stream.field)))
                    a = addressOf(f, ownAddressOf(stream.field));
                else
                    throw StoreError("corrupt record block (address index)");
            }
            break;
        }
    }
    for (std::uint64_t absent = s.reset & ~f.present; absent; absent &= absent - 1)
        resetField(f, static_cast<Field>(__builtin_ctzll(absent)));
    ++s.index;
    return &f;
}

void BlockRecordCursor::skip(std::size_t n)
{
    State &s = *m_state;
    if (s.whole) {
        s.index = std::min(s.rows.size(), s.index + n);
        return;
    }
    n = std::min(n, s.count - s.index);
    if (n == 0)
        return;
    // The runs are walked once to learn how many records of each set of
    // fields are stepped over (a run's records share their fields); each
    // column then steps over all its values at once. Blocks of real traffic
    // change their set of fields every few records, around each ICMP or
    // NODATA record, but among few sets: adding up by set rather than by
    // run keeps the walk from visiting every column at every run.
    std::vector<std::pair<std::uint64_t, std::size_t>> &sets = s.skipSets; // (fields, records)
    sets.clear();
    std::size_t dated = 0;
    const std::size_t runsFrom = s.run; // for a packet address column read strictly, below
    const std::uint64_t runLeftFrom = s.runLeft;
    for (std::size_t left = n; left > 0;) {
        if (s.runLeft == 0) {
            s.runMask = s.runs[s.run].first;
            s.runLeft = s.runs[s.run].second;
            ++s.run;
        }
        const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(left, s.runLeft));
        const std::uint64_t mask = s.runMask;
        if (mask & s.missing)
            throw StoreError("corrupt record block (a column is missing)");
        if ((mask >> static_cast<unsigned>(Field::Start)) & 1U)
            dated += step;
        auto set = sets.begin();
        while (set != sets.end() && set->first != mask)
            ++set;
        if (set == sets.end())
            sets.emplace_back(mask, step);
        else
            set->second += step;
        s.runLeft -= step;
        left -= step;
    }
    s.start += s.starts.sumZigzags(dated);
    // Calls fn(fields, records) for each run, or part of one, stepped over,
    // in order: for the columns read strictly, run by run.
    const auto forEachSteppedRun = [&](auto &&fn) {
        std::size_t run = runsFrom;
        std::uint64_t runLeft = runLeftFrom;
        std::uint64_t mask = runLeftFrom ? s.runs[runsFrom - 1].first : 0;
        for (std::size_t left = n; left > 0;) {
            if (runLeft == 0) {
                mask = s.runs[run].first;
                runLeft = s.runs[run].second;
                ++run;
            }
            const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(left, runLeft));
            fn(mask, step);
            runLeft -= step;
            left -= step;
        }
    };
    for (State::Stream &stream : s.streams) {
        std::size_t count = 0;
        bool strict = false; // some record has the packet address but not its own
        for (const auto &[mask, records] : sets) {
            if (stream.kind == State::Stream::Kind::Lines || stream.kind == State::Stream::Kind::Id
                || (mask & stream.bit))
                count += records;
            if ((stream.kind == State::Stream::Kind::PacketAddress
                 || (stream.kind == State::Stream::Kind::IndexedAddress && isPacketAddress(stream.field)))
                && (mask & stream.bit) && !(mask & columnOf(ownAddressOf(stream.field))))
                strict = true;
        }
        switch (stream.kind) {
        case State::Stream::Kind::Lines: s.line += stream.reader.sumZigzags(count); break;
        case State::Stream::Kind::Id: stream.reader.skipVarints(count); break;
        case State::Stream::Kind::Column:
            switch (stream.width) {
            case StoredWidth::Byte: stream.reader.skip(count); break;
            case StoredWidth::Word: stream.reader.skip(2 * count); break;
            case StoredWidth::Varint: stream.reader.skipVarints(count); break;
            case StoredWidth::Address: stream.reader.skipAddresses(count); break;
            }
            break;
        case State::Stream::Kind::IndexedAddress: {
            // Indexes stepped over are checked as next() checks them.
            const std::size_t entries = s.dictionary.addresses.size();
            const auto check = [&](std::size_t records, bool ownAllowed) {
                bool damaged = false;
                for (std::size_t r = stream.at; r < stream.at + records; ++r) {
                    const auto index = static_cast<std::uint16_t>(stream.low[r] | stream.low[stream.holders + r] << 8);
                    damaged |= index >= entries && !(ownAllowed && index == kOwnAddress);
                }
                if (damaged)
                    throw StoreError("corrupt record block (address index)");
                stream.at += records;
            };
            if (strict) {
                // A record without its own address must not refer to it:
                // checked run by run.
                const std::uint64_t own = columnOf(ownAddressOf(stream.field));
                forEachSteppedRun([&](std::uint64_t mask, std::size_t step) {
                    if (mask & stream.bit)
                        check(step, (mask & own) != 0);
                });
            } else {
                check(count, isPacketAddress(stream.field));
            }
            break;
        }
        case State::Stream::Kind::PacketAddress:
            if (!strict) {
                stream.reader.skipPacketAddresses(count); // a 0 byte (the record's own address) or an address
                break;
            }
            // A 0 byte is damage where the record lacks its own address:
            // stepped over run by run, as next() reads them.
            {
                const std::uint64_t own
                    = stream.field == Field::PktSrcAddr ? columnOf(Field::SrcAddr) : columnOf(Field::DstAddr);
                forEachSteppedRun([&](std::uint64_t mask, std::size_t step) {
                    if (!(mask & stream.bit))
                        return;
                    if (mask & own) {
                        stream.reader.skipPacketAddresses(step);
                        return;
                    }
                    for (std::size_t r = 0; r < step; ++r) {
                        if (stream.reader.peek() == 0)
                            throw StoreError("corrupt record block (packet address)");
                        stream.reader.skipAddress();
                    }
                });
            }
            break;
        }
    }
    s.index += n;
}

// ---- Reading a block a whole column at a time (format 2; format 1 is
// decoded whole and its columns copied out).

struct BlockColumns::State {
    std::size_t count = 0;
    ColumnMask columns = 0;
    bool whole = false;
    std::vector<EncodedFlow> rows; // format 1
    std::vector<std::pair<std::uint64_t, std::uint64_t>> runs; // (presence mask, length)
    Reader starts{std::string_view()}; // format 2: the keys section after the runs
    std::array<std::optional<std::string_view>, kSectionCount> sections{}; // asked for and stored
    std::vector<DirectoryEntry> entries; // formats 2 and 3: where each section was read from
    std::vector<std::string> buffers = std::vector<std::string>(kSectionCount);
    std::uint64_t presenceDone = 0, integersDone = 0, addressesDone = 0, idsDone = 0; // a bit per Field
    std::array<std::array<std::uint64_t, kBlockCapacity / 64>, kFieldCount> presence{};
    std::array<std::vector<std::uint64_t>, kFieldCount> integers;
    std::array<std::vector<IpAddress>, kFieldCount> addresses;
    std::array<std::vector<std::uint32_t>, kFieldCount> ids;
    std::vector<std::uint32_t> hits; // matchAddresses(), reused
    // Format 3: the dictionary once read, each address column's indexes by
    // slot (packet addresses resolved to their own's), and a flag an entry
    // (matchAddresses()).
    bool indexed = false;
    bool dictionaryRead = false;
    AddressDictionary dictionary;
    std::uint64_t indexesDone = 0; // a bit per Field
    std::array<std::vector<std::uint16_t>, kFieldCount> indexes;
    std::vector<std::uint8_t> entryMatches;
    std::string_view data; // format 2: the block, for the sections not yet decompressed
    static constexpr std::size_t kNotPending = SIZE_MAX;
    std::array<std::size_t, kSectionCount> pending{}; // by section id: its entry, or kNotPending

    // Calls fn(slot) for each record that has `field`, in block order.
    template <typename Fn>
    void forEachWith(Field field, Fn &&fn) const
    {
        const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
        std::size_t slot = 0;
        for (const auto &[mask, length] : runs) {
            if (mask & bit)
                for (std::size_t i = 0; i < length; ++i)
                    fn(slot + i);
            slot += length;
        }
    }

    // Calls fn(first slot, length) for each run of records that have
    // `field`, neighbouring runs joined: blocks of real traffic change their
    // set of fields every few records (around each ICMP record, which has
    // no ports), and a column most records hold is then read in a few long
    // loops rather than hundreds of short ones.
    template <typename Fn>
    void forEachRunWith(Field field, Fn &&fn) const
    {
        const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
        std::size_t slot = 0, from = 0, span = 0;
        for (const auto &[mask, length] : runs) {
            if (mask & bit) {
                if (span == 0)
                    from = slot;
                span += length;
            } else if (span > 0) {
                fn(from, span);
                span = 0;
            }
            slot += length;
        }
        if (span > 0)
            fn(from, span);
    }

    // A section asked for, decompressed when first read: a test that has
    // nothing left after its cheap columns (`dstport == 3306 and addr ==
    // ...`) never decompresses the costly ones. Nothing when the block
    // does not store it.
    const std::optional<std::string_view> &section(std::uint64_t id)
    {
        if (pending[id] != kNotPending) {
            const DirectoryEntry &e = entries[pending[id]];
            pending[id] = kNotPending;
            sections[id] = sectionBytes(data, e, buffers[id]);
        }
        return sections[id];
    }

    Reader column(Field field)
    {
        const auto &bytes = section(sectionOf(field));
        return Reader(bytes ? *bytes : std::string_view());
    }

    // A bit per record holding `field` (see BlockColumns::presence).
    const std::uint64_t *presenceBits(Field field)
    {
        const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
        auto &bits = presence[static_cast<std::size_t>(field)];
        if (!(presenceDone & bit)) {
            bits.fill(0);
            // A run's records share their fields: set its range.
            forEachRunWith(field, [&](std::size_t slot, std::size_t length) {
                for (std::size_t from = slot, end = slot + length; from < end;) {
                    const std::size_t word = from / 64;
                    const std::size_t upto = std::min(end, (word + 1) * 64);
                    const std::size_t width = upto - from;
                    const std::uint64_t ones = width == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << width) - 1;
                    bits[word] |= ones << (from % 64);
                    from = upto;
                }
            });
            presenceDone |= bit;
        }
        return bits.data();
    }

    AddressDictionary &addressDictionary()
    {
        if (!dictionaryRead) {
            if (const auto &bytes = section(kAddressDictionarySection))
                dictionary.read(*bytes);
            else
                dictionary.clear();
            dictionaryRead = true;
        }
        return dictionary;
    }

    // Format 3: the dictionary index of each record's `field` by slot, 0
    // where a record lacks it. Throws StoreError when the column is damaged.
    const std::uint16_t *addressIndexes(Field field)
    {
        const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
        auto &values = indexes[static_cast<std::size_t>(field)];
        if (indexesDone & bit)
            return values.data();
        need(field);
        const std::size_t dictionarySize = addressDictionary().size();
        values.assign(count, 0);
        const auto &bytes = section(sectionOf(field));
        const std::string_view raw = bytes ? *bytes : std::string_view();
        std::size_t holders = 0;
        forEachRunWith(field, [&](std::size_t, std::size_t length) { holders += length; });
        if (raw.size() != 2 * holders)
            throw StoreError("corrupt record block (column size)");
        const auto *low = reinterpret_cast<const std::uint8_t *>(raw.data());
        const std::uint8_t *high = low + holders;
        const bool packet = isPacketAddress(field);
        const std::uint16_t *owns = packet ? addressIndexes(ownAddressOf(field)) : nullptr;
        const std::uint64_t *hasOwn = packet ? presenceBits(ownAddressOf(field)) : nullptr;
        std::size_t at = 0;
        bool damaged = false;
        forEachRunWith(field, [&](std::size_t slot, std::size_t length) {
            std::uint16_t largest = 0;
            for (std::size_t i = 0; i < length; ++i, ++at) {
                const auto index = static_cast<std::uint16_t>(low[at] | high[at] << 8);
                values[slot + i] = index;
                largest = std::max(largest, index);
            }
            if (largest < dictionarySize)
                return; // the usual case: every index within the dictionary
            for (std::size_t i = slot; i < slot + length; ++i) {
                if (values[i] < dictionarySize)
                    continue;
                if (packet && values[i] == kOwnAddress && ((hasOwn[i / 64] >> (i % 64)) & 1U))
                    values[i] = owns[i];
                else
                    damaged = true;
            }
        });
        if (damaged)
            throw StoreError("corrupt record block (address index)");
        indexesDone |= bit;
        return values.data();
    }

    void need(Field field) const
    {
        if (!wantsSection(withDependencies(columns), sectionOf(field)) && field != Field::Start)
            throw StoreError("a block column was read that the decode was not asked for");
    }
};

BlockColumns::BlockColumns()
    : m_state(std::make_unique<State>())
{
}

BlockColumns::~BlockColumns() = default;

std::size_t BlockColumns::size() const { return m_state->count; }

void BlockColumns::open(std::string_view data, ColumnMask asked)
{
    State &s = *m_state;
    s.presenceDone = s.integersDone = s.addressesDone = s.idsDone = s.indexesDone = 0;
    s.dictionaryRead = false;
    s.runs.clear();
    s.sections.fill(std::nullopt);
    s.pending.fill(State::kNotPending);
    s.entries.clear();
    s.columns = asked;
    s.whole = false;
    s.indexed = false;
    switch (blockFormatOf(data)) {
    case kBlockFormat1:
        s.whole = true;
        decodeFormat1(data, kAllColumns, s.rows);
        s.count = s.rows.size();
        for (std::size_t i = 0; i < s.rows.size();) { // runs of equal masks, as format 2 keeps them
            std::size_t end = i + 1;
            while (end < s.rows.size() && s.rows[end].present == s.rows[i].present)
                ++end;
            s.runs.emplace_back(s.rows[i].present, end - i);
            i = end;
        }
        return;
    case kBlockFormat2:
    case kBlockFormat3: break;
    default: throw StoreError("record block of an unknown format");
    }
    s.indexed = blockFormatOf(data) == kBlockFormat3;
    const ColumnMask columns = withDependencies(asked);
    std::size_t end = 0;
    std::uint64_t count = 0;
    s.entries = readDirectory(data, count, end);
    const std::vector<DirectoryEntry> &entries = s.entries;
    if (end < data.size())
        throw StoreError("corrupt record block (trailing data)");
    s.count = count;
    s.data = data;
    std::uint64_t columnsFound = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const DirectoryEntry &e = entries[i];
        if (e.id >= 2 && e.id < 2 + kFieldCount)
            columnsFound |= std::uint64_t(1) << (e.id - 2);
        if (!wantsSection(columns, e.id) || e.id == kLinesSection)
            continue;
        if (e.offset + e.stored > data.size())
            throw StoreError("corrupt record block (truncated)");
        if (e.id == kKeysSection) // the presence runs: read now
            s.sections[e.id] = sectionBytes(data, e, s.buffers[e.id]);
        else
            s.pending[e.id] = i;
    }
    Reader keys(*s.sections[kKeysSection]);
    for (std::uint64_t covered = 0; covered < count;) {
        const std::uint64_t mask = keys.varint();
        const std::uint64_t length = keys.varint();
        if (length == 0 || length > count - covered)
            throw StoreError("corrupt record block (presence runs)");
        s.runs.emplace_back(mask, length);
        covered += length;
    }
    if (s.indexed && !keys.atEnd())
        throw StoreError("corrupt record block (presence runs)");
    s.starts = keys; // format 3: read from their own section, when asked for
    std::uint64_t columnFields = 0;
    forEachColumn(s.rows, [&](Field field, auto &&) { columnFields |= std::uint64_t(1) << static_cast<unsigned>(field); });
    for (const auto &run : s.runs)
        if (run.first & columnFields & ~columnsFound)
            throw StoreError("corrupt record block (a column is missing)");
}

const std::uint64_t *BlockColumns::presence(Field field) { return m_state->presenceBits(field); }

const std::uint64_t *BlockColumns::integers(Field field)
{
    State &s = *m_state;
    const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
    auto &values = s.integers[static_cast<std::size_t>(field)];
    if (s.integersDone & bit)
        return values.data();
    s.need(field);
    values.resize(s.count); // what records without the field hold is unspecified
    if (s.whole) {
        for (std::size_t i = 0; i < s.count; ++i) {
            const EncodedFlow &f = s.rows[i];
            switch (field) {
            case Field::Start: values[i] = static_cast<std::uint64_t>(f.start); break;
            case Field::End: values[i] = static_cast<std::uint64_t>(f.end); break;
            case Field::Version: values[i] = f.version; break;
            case Field::SrcPort: values[i] = f.srcPort; break;
            case Field::DstPort: values[i] = f.dstPort; break;
            case Field::Protocol: values[i] = f.protocol; break;
            case Field::Packets: values[i] = f.packets; break;
            case Field::Bytes: values[i] = f.bytes; break;
            case Field::TcpFlags: values[i] = f.tcpFlags; break;
            case Field::TrafficPath: values[i] = f.trafficPath; break;
            case Field::EncryptionStatus: values[i] = f.encryptionStatus; break;
            case Field::Action: values[i] = static_cast<std::uint64_t>(f.action); break;
            case Field::LogStatus: values[i] = static_cast<std::uint64_t>(f.logStatus); break;
            case Field::Type: values[i] = static_cast<std::uint64_t>(f.type); break;
            case Field::FlowDirection: values[i] = static_cast<std::uint64_t>(f.direction); break;
            default: throw StoreError("not an integer column");
            }
        }
        s.integersDone |= bit;
        return values.data();
    }
    if (field == Field::Start) {
        std::int64_t start = 0;
        Reader r = s.starts;
        if (s.indexed) {
            const auto &bytes = s.section(kStartsSection);
            r = Reader(bytes ? *bytes : std::string_view());
        }
        s.forEachWith(Field::Start, [&](std::size_t slot) {
            start += r.zigzag();
            values[slot] = static_cast<std::uint64_t>(start);
        });
        if (!r.atEnd())
            throw StoreError("corrupt record block (column size)");
        s.integersDone |= bit;
        return values.data();
    }
    Reader r = s.column(field);
    switch (field) {
    case Field::End: {
        const std::uint64_t *starts = integers(Field::Start);
        const std::uint64_t *hasStart = presence(Field::Start);
        s.forEachWith(field, [&](std::size_t slot) {
            values[slot] = (hasStart[slot / 64] >> (slot % 64)) & 1U
                ? starts[slot] + r.varint()
                : static_cast<std::uint64_t>(r.zigzag());
        });
        break;
    }
    case Field::SrcPort:
    case Field::DstPort:
        s.forEachRunWith(field, [&](std::size_t slot, std::size_t length) {
            const std::uint8_t *b = r.take(2 * length);
            for (std::size_t i = 0; i < length; ++i)
                values[slot + i] = std::uint64_t(b[2 * i]) | std::uint64_t(b[2 * i + 1]) << 8;
        });
        break;
    case Field::Version:
    case Field::Packets:
    case Field::Bytes:
        s.forEachRunWith(field, [&](std::size_t slot, std::size_t length) { r.varints(values.data() + slot, length); });
        break;
    case Field::Protocol:
    case Field::TcpFlags:
    case Field::TrafficPath:
    case Field::EncryptionStatus:
    case Field::Action:
    case Field::LogStatus:
    case Field::Type:
    case Field::FlowDirection:
        s.forEachRunWith(field, [&](std::size_t slot, std::size_t length) {
            const std::uint8_t *b = r.take(length);
            for (std::size_t i = 0; i < length; ++i)
                values[slot + i] = b[i];
        });
        break;
    default: throw StoreError("not an integer column");
    }
    if (!r.atEnd())
        throw StoreError("corrupt record block (column size)");
    s.integersDone |= bit;
    return values.data();
}

const IpAddress *BlockColumns::addresses(Field field)
{
    State &s = *m_state;
    const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
    auto &values = s.addresses[static_cast<std::size_t>(field)];
    if (s.addressesDone & bit)
        return values.data();
    s.need(field);
    values.resize(s.count); // what records without the field hold is unspecified
    if (s.whole) {
        for (std::size_t i = 0; i < s.count; ++i) {
            const EncodedFlow &f = s.rows[i];
            switch (field) {
            case Field::SrcAddr: values[i] = f.srcAddr; break;
            case Field::DstAddr: values[i] = f.dstAddr; break;
            case Field::PktSrcAddr: values[i] = f.pktSrcAddr; break;
            case Field::PktDstAddr: values[i] = f.pktDstAddr; break;
            default: throw StoreError("not an address column");
            }
        }
        s.addressesDone |= bit;
        return values.data();
    }
    if (s.indexed) {
        const std::uint16_t *indexes = s.addressIndexes(field);
        const std::vector<IpAddress> &entries = s.addressDictionary().all();
        s.forEachRunWith(field, [&](std::size_t slot, std::size_t length) {
            for (std::size_t i = slot; i < slot + length; ++i)
                values[i] = entries[indexes[i]];
        });
        s.addressesDone |= bit;
        return values.data();
    }
    Reader r = s.column(field);
    switch (field) {
    case Field::SrcAddr:
    case Field::DstAddr: s.forEachWith(field, [&](std::size_t slot) { r.addressInto(values[slot]); }); break;
    case Field::PktSrcAddr:
    case Field::PktDstAddr: {
        // 0 stands for the record's own address.
        const Field own = field == Field::PktSrcAddr ? Field::SrcAddr : Field::DstAddr;
        const IpAddress *owns = addresses(own);
        const std::uint64_t *hasOwn = presence(own);
        s.forEachWith(field, [&](std::size_t slot) {
            if (r.peek() == 0) {
                r.u8();
                if (!((hasOwn[slot / 64] >> (slot % 64)) & 1U))
                    throw StoreError("corrupt record block (packet address)");
                values[slot] = owns[slot];
            } else {
                r.addressInto(values[slot]);
            }
        });
        break;
    }
    default: throw StoreError("not an address column");
    }
    if (!r.atEnd())
        throw StoreError("corrupt record block (column size)");
    s.addressesDone |= bit;
    return values.data();
}

void BlockColumns::matchAddresses(Field field, const AddressWordRange *ranges, std::size_t count,
                                  std::array<std::uint64_t, kBlockCapacity / 64> &out)
{
    State &s = *m_state;
    const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
    const auto within = [&](bool v6, std::uint64_t high, std::uint64_t low) {
        for (std::size_t i = 0; i < count; ++i) {
            const AddressWordRange &r = ranges[i];
            if (r.v6 == v6 && std::pair(r.loHigh, r.loLow) <= std::pair(high, low)
                && std::pair(high, low) <= std::pair(r.hiHigh, r.hiLow))
                return true;
        }
        return false;
    };
    out.fill(0);
    if (s.indexed) {
        // Each dictionary entry tested once, then looked up a record; a
        // block none of whose addresses match reads no index.
        s.need(field);
        const AddressDictionary &dictionary = s.addressDictionary();
        std::vector<std::uint8_t> &matches = s.entryMatches;
        matches.assign(std::max<std::size_t>(1, dictionary.size()), 0); // records without the field index 0
        bool any = false;
        for (std::size_t i = 0; i < dictionary.v4.size(); ++i) {
            matches[i] = within(false, dictionary.v4[i], 0) ? 1 : 0;
            any = any || matches[i];
        }
        for (std::size_t i = 0; i < dictionary.v6.size(); ++i) {
            const auto &[high, low] = dictionary.v6[i];
            matches[dictionary.v4.size() + i] = within(true, high, low) ? 1 : 0;
            any = any || matches[dictionary.v4.size() + i];
        }
        if (!any)
            return;
        const std::uint16_t *indexes = s.addressIndexes(field);
        const std::uint64_t *has = s.presenceBits(field);
        for (std::size_t w = 0; w * 64 < s.count; ++w) {
            if (!has[w])
                continue;
            const std::size_t base = w * 64;
            const std::size_t end = std::min<std::size_t>(64, s.count - base);
            std::uint64_t bits = 0;
            for (std::size_t b = 0; b < end; ++b)
                bits |= std::uint64_t(matches[indexes[base + b]]) << b;
            out[w] = bits & has[w];
        }
        return;
    }
    const bool stored = !s.whole && (field == Field::SrcAddr || field == Field::DstAddr) && !(s.addressesDone & bit);
    if (!stored) {
        // Already put together, or kept another way: compare those.
        const IpAddress *values = addresses(field);
        const std::uint64_t *has = presence(field);
        for (std::size_t slot = 0; slot < s.count; ++slot) {
            if (!((has[slot / 64] >> (slot % 64)) & 1U))
                continue;
            const IpAddress &a = values[slot];
            std::uint64_t high = 0, low = 0;
            if (a.isV4()) {
                std::uint32_t word = 0;
                std::memcpy(&word, a.bytes.data(), 4);
                high = __builtin_bswap32(word);
            } else {
                std::memcpy(&high, a.bytes.data(), 8);
                std::memcpy(&low, a.bytes.data() + 8, 8);
                high = __builtin_bswap64(high);
                low = __builtin_bswap64(low);
            }
            if (within(!a.isV4(), high, low))
                out[slot / 64] |= std::uint64_t(1) << (slot % 64);
        }
        return;
    }
    s.need(field);
    const auto &section = s.section(sectionOf(field));
    const auto *p = reinterpret_cast<const std::uint8_t *>(section ? section->data() : nullptr);
    const std::size_t size = section ? section->size() : 0;
    // The column is walked on its own, a value at a time, and only the
    // matches are placed on their records' slots afterwards: no per-record
    // call, and the values of a family no range holds are stepped over
    // without being compared.
    bool anyV4 = false, anyV6 = false;
    for (std::size_t i = 0; i < count; ++i)
        (ranges[i].v6 ? anyV6 : anyV4) = true;
    // A few IPv4 ranges (a CIDR block, an address) are tested, and a match
    // kept, without a branch: about half the addresses of a column may fall
    // in a block like 10.0.0.0/8, and a branch on each would be guessed
    // wrong half the time.
    constexpr std::size_t kFewRanges = 4;
    std::array<std::uint32_t, kFewRanges> v4First{}, v4Span{};
    std::size_t v4Ranges = 0;
    bool fewV4 = true;
    for (std::size_t i = 0; i < count; ++i) {
        if (ranges[i].v6)
            continue;
        if (v4Ranges == kFewRanges) {
            fewV4 = false;
            break;
        }
        v4First[v4Ranges] = static_cast<std::uint32_t>(ranges[i].loHigh);
        v4Span[v4Ranges] = static_cast<std::uint32_t>(ranges[i].hiHigh - ranges[i].loHigh);
        ++v4Ranges;
    }
    std::vector<std::uint32_t> &hits = s.hits; // value indexes, in order; room for every value
    if (hits.size() < size / 5 + 1)
        hits.resize(size / 5 + 1); // a value takes 5 bytes or more
    // One walk per kind of test, each with its bounds in registers.
    const auto walk = [&](auto testV4, std::size_t &found) {
        std::size_t pos = 0;
        std::uint32_t index = 0;
        while (pos < size) {
            if (p[pos] == 4) {
                if (size - pos < 5)
                    throw StoreError("corrupt record block (truncated)");
                if (anyV4) {
                    std::uint32_t word = 0;
                    std::memcpy(&word, p + pos + 1, 4);
                    hits[found] = index; // kept only if it matches
                    found += testV4(__builtin_bswap32(word)) ? 1 : 0;
                }
                pos += 5;
            } else if (p[pos] == 6) {
                if (size - pos < 17)
                    throw StoreError("corrupt record block (truncated)");
                if (anyV6) {
                    std::uint64_t high = 0, low = 0;
                    std::memcpy(&high, p + pos + 1, 8);
                    std::memcpy(&low, p + pos + 9, 8);
                    if (within(true, __builtin_bswap64(high), __builtin_bswap64(low)))
                        hits[found++] = index;
                }
                pos += 17;
            } else {
                throw StoreError("corrupt record block (address family)");
            }
            ++index;
        }
        return index;
    };
    std::size_t found = 0;
    std::uint32_t index = 0;
    if (fewV4 && v4Ranges == 1) {
        const std::uint32_t first = v4First[0], span = v4Span[0];
        index = walk([first, span](std::uint32_t value) { return value - first <= span; }, found);
    } else if (fewV4) {
        index = walk(
            [&](std::uint32_t value) {
                unsigned inside = 0;
                for (std::size_t i = 0; i < v4Ranges; ++i)
                    inside |= unsigned(value - v4First[i] <= v4Span[i]);
                return inside != 0;
            },
            found);
    } else {
        index = walk([&](std::uint32_t value) { return within(false, value, 0); }, found);
    }
    // As many values as records holding the field.
    std::size_t holders = 0;
    for (const auto &[mask, length] : s.runs)
        if (mask & bit)
            holders += length;
    if (index < holders)
        throw StoreError("corrupt record block (truncated)");
    if (index > holders)
        throw StoreError("corrupt record block (column size)");
    // The n-th value belongs to the n-th record holding the field.
    std::size_t slot = 0, before = 0; // records holding it before the run at `slot`
    auto hit = hits.begin();
    const auto hitsEnd = hits.begin() + static_cast<std::ptrdiff_t>(found);
    for (const auto &[mask, length] : s.runs) {
        if (hit == hitsEnd)
            break;
        if (mask & bit) {
            for (; hit != hitsEnd && *hit < before + length; ++hit) {
                const std::size_t at = slot + (*hit - before);
                out[at / 64] |= std::uint64_t(1) << (at % 64);
            }
            before += length;
        }
        slot += length;
    }
}

const std::uint32_t *BlockColumns::ids(Field field)
{
    State &s = *m_state;
    const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
    auto &values = s.ids[static_cast<std::size_t>(field)];
    if (s.idsDone & bit)
        return values.data();
    const auto member = idMemberOf(field);
    if (!member)
        throw StoreError("not an id column");
    s.need(field);
    values.assign(s.count, 0);
    if (s.whole) {
        for (std::size_t i = 0; i < s.count; ++i)
            values[i] = s.rows[i].*member;
    } else if (s.section(sectionOf(field))) { // a column left out holds zeros
        // One id a record, whatever its fields.
        Reader r = s.column(field);
        for (std::size_t i = 0; i < s.count; ++i)
            values[i] = static_cast<std::uint32_t>(r.varint());
        if (!r.atEnd())
            throw StoreError("corrupt record block (column size)");
    }
    s.idsDone |= bit;
    return values.data();
}

void BlockRecordCursor::open(std::string_view data, ColumnMask columns, std::int64_t blockId,
                             const BlockColumns &decoded)
{
    // Only the sections `decoded` decompressed itself are worth taking: one
    // stored as it is costs nothing to read again from `data`.
    const BlockColumns::State &earlier = *decoded.m_state;
    auto &reused = m_state->reused;
    if (!earlier.whole)
        for (const DirectoryEntry &e : earlier.entries)
            if (earlier.sections[e.id] && e.stored != e.raw)
                reused[e.id].emplace(e, *earlier.sections[e.id]);
    try {
        open(data, columns, blockId);
    } catch (...) {
        reused.fill(std::nullopt);
        throw;
    }
    reused.fill(std::nullopt);
}

namespace {

void decodeFormat2(std::string_view data, ColumnMask columns, std::vector<EncodedFlow> &rows)
{
    // One cursor a thread: its column buffers are reused from block to block.
    thread_local BlockRecordCursor cursor;
    cursor.open(data, columns);
    rows.resize(cursor.size());
    std::size_t slot = 0;
    while (const EncodedFlow *record = cursor.next())
        rows[slot++] = *record;
}

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
    return encodeColumns(rows, kBlockFormat3);
}

std::string encodeBlockFormat2(std::vector<EncodedFlow> &rows)
{
    if (!std::is_sorted(rows.begin(), rows.end(), blockOrder))
        std::stable_sort(rows.begin(), rows.end(), blockOrder);
    return encodeColumns(rows, kBlockFormat2);
}

std::string encodeBlockFormat1(std::vector<EncodedFlow> &rows)
{
    if (!std::is_sorted(rows.begin(), rows.end(), blockOrder))
        std::stable_sort(rows.begin(), rows.end(), blockOrder);
    return encodeFormat1(rows);
}

std::optional<std::vector<BlockByteRange>> blockRangesNeeded(std::string_view head, std::size_t size, ColumnMask columns)
{
    if (const int format = blockFormatOf(head); format != kBlockFormat2 && format != kBlockFormat3)
        return std::vector<BlockByteRange>{{0, size}}; // format 1: one frame, read whole
    std::uint64_t count = 0;
    std::size_t end = 0;
    std::vector<DirectoryEntry> entries;
    try {
        entries = readDirectory(head, count, end);
    } catch (const StoreError &) {
        if (head.size() >= size)
            throw;
        return std::nullopt; // the directory goes on past the head
    }
    if (end != size)
        throw StoreError("corrupt record block (size)");
    const ColumnMask needed = withDependencies(columns);
    // The directory, then each section decoded, neighbours merged.
    std::vector<BlockByteRange> ranges{{0, entries.front().offset}};
    for (const DirectoryEntry &e : entries) {
        if (!wantsSection(needed, e.id) || e.stored == 0)
            continue;
        if (ranges.back().offset + ranges.back().size == e.offset)
            ranges.back().size += e.stored;
        else
            ranges.push_back({e.offset, e.stored});
    }
    return ranges;
}

std::optional<std::size_t> blockBytesNeeded(std::string_view head, std::size_t size, ColumnMask columns)
{
    const auto ranges = blockRangesNeeded(head, size, columns);
    if (!ranges)
        return std::nullopt;
    return ranges->back().offset + ranges->back().size;
}

int blockFormatOf(std::string_view data)
{
    if (data.empty())
        return 0;
    const auto format = static_cast<std::uint8_t>(data[0]);
    return format == kBlockFormat1 || format == kBlockFormat2 || format == kBlockFormat3 ? format : 0;
}

void decodeBlockColumns(std::string_view data, ColumnMask columns, std::vector<EncodedFlow> &rows,
                        std::int64_t blockId)
{
    switch (blockFormatOf(data)) {
    case kBlockFormat1: decodeFormat1(data, columns, rows); break;
    case kBlockFormat2:
    case kBlockFormat3: decodeFormat2(data, columns, rows); break;
    default: throw StoreError("record block of an unknown format");
    }
    assignRecordIds(rows, blockId);
}

std::vector<EncodedFlow> decodeBlock(std::string_view data, std::int64_t blockId)
{
    std::vector<EncodedFlow> rows;
    decodeBlockColumns(data, kAllColumns, rows, blockId);
    return rows;
}

std::vector<std::int64_t> decodeBlockKeys(std::string_view data)
{
    std::vector<EncodedFlow> rows;
    decodeBlockColumns(data, 0, rows);
    std::vector<std::int64_t> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        keys[i] = sortStart(rows[i]);
    return keys;
}

} // namespace flowscope
