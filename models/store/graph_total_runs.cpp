// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_total_runs.h"

#include "stored_address.h"

#include <zstd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>

namespace flowscope {

namespace {

constexpr int kZstdLevel = 1; // the rows are written once an import, read by every graph

// Row encoding, after the previous row of the piece (the first after a zero
// row): a flags byte (direction, initiator, then the bits below), the
// interface if it changed, the source as a step from the previous one under
// the same interface, direction and initiator (else whole) unless the same,
// the destination as a step under the same source (else whole), the
// services when either is set, and the five sums as zigzag varints.
constexpr std::uint8_t kNewInterface = 0x10;
constexpr std::uint8_t kSameSource = 0x20;
constexpr std::uint8_t kServices = 0x40;

void putVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void putZigzag(std::string &out, std::int64_t v)
{
    putVarint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

class Bytes {
public:
    explicit Bytes(std::string_view data)
        : m_p(reinterpret_cast<const std::uint8_t *>(data.data()))
        , m_end(m_p + data.size())
    {
    }
    bool atEnd() const { return m_p == m_end; }
    std::size_t left() const { return static_cast<std::size_t>(m_end - m_p); }
    std::uint8_t byte()
    {
        if (m_p == m_end)
            corrupt();
        return *m_p++;
    }
    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const std::uint8_t b = byte();
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        corrupt();
    }
    std::int64_t zigzag()
    {
        const std::uint64_t v = varint();
        return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
    }
    void copy(void *to, std::size_t n)
    {
        if (static_cast<std::size_t>(m_end - m_p) < n)
            corrupt();
        std::memcpy(to, m_p, n);
        m_p += n;
    }
    [[noreturn]] static void corrupt() { throw StoreError("corrupt graph totals"); }

private:
    const std::uint8_t *m_p;
    const std::uint8_t *m_end;
};

bool sameHead(const GraphTotalRow &a, const GraphTotalRow &b)
{
    return a.interface == b.interface && a.direction == b.direction && a.initiator == b.initiator;
}

void encodeRow(std::string &out, const GraphTotalRow &row, const GraphTotalRow &previous)
{
    const bool head = sameHead(row, previous);
    const bool sameSource = head && row.src == previous.src;
    std::uint8_t flags = static_cast<std::uint8_t>(static_cast<unsigned>(row.direction) | static_cast<unsigned>(row.initiator) << 2);
    if (row.interface != previous.interface)
        flags |= kNewInterface;
    if (sameSource)
        flags |= kSameSource;
    if (row.srcService || row.dstService)
        flags |= kServices;
    out.push_back(static_cast<char>(flags));
    if (flags & kNewInterface)
        putVarint(out, row.interface);
    if (!sameSource)
        putVarint(out, head ? row.src - previous.src : row.src);
    putVarint(out, sameSource ? row.dst - previous.dst : row.dst);
    if (flags & kServices) {
        putVarint(out, row.srcService);
        putVarint(out, row.dstService);
    }
    putZigzag(out, row.sums.flows);
    putZigzag(out, row.sums.packets);
    putZigzag(out, row.sums.bytes);
    putZigzag(out, row.sums.accepts);
    putZigzag(out, row.sums.rejects);
}

// Decodes the row after `row` into it.
void decodeRow(Bytes &in, GraphTotalRow &row)
{
    const std::uint8_t flags = in.byte();
    if ((flags & 0x03) > 2 || ((flags >> 2) & 0x03) > 2 || (flags & 0x80))
        Bytes::corrupt();
    const GraphTotalRow previous = row;
    row.direction = static_cast<LoggedDirection>(flags & 0x03);
    row.initiator = static_cast<FlowInitiator>((flags >> 2) & 0x03);
    if (flags & kNewInterface)
        row.interface = static_cast<std::uint32_t>(in.varint());
    const bool head = sameHead(row, previous);
    const bool sameSource = flags & kSameSource;
    if (sameSource && !head)
        Bytes::corrupt();
    if (!sameSource)
        row.src = static_cast<std::uint32_t>(head ? previous.src + in.varint() : in.varint());
    row.dst = static_cast<std::uint32_t>(sameSource ? previous.dst + in.varint() : in.varint());
    row.srcService = row.dstService = 0;
    if (flags & kServices) {
        row.srcService = static_cast<std::uint32_t>(in.varint());
        row.dstService = static_cast<std::uint32_t>(in.varint());
    }
    row.sums.flows = in.zigzag();
    row.sums.packets = in.zigzag();
    row.sums.bytes = in.zigzag();
    row.sums.accepts = in.zigzag();
    row.sums.rejects = in.zigzag();
}

// IPv4 as steps from the previous address, IPv6 whole.
std::string encodeAddresses(const std::vector<IpAddress> &addresses)
{
    const auto firstV6 = std::find_if(addresses.begin(), addresses.end(), [](const IpAddress &a) { return !a.isV4(); });
    std::string out;
    out.reserve(addresses.size() * 3);
    putVarint(out, static_cast<std::uint64_t>(firstV6 - addresses.begin()));
    std::uint32_t previous = 0;
    for (auto it = addresses.begin(); it != firstV6; ++it) {
        putVarint(out, it->v4() - previous);
        previous = it->v4();
    }
    putVarint(out, static_cast<std::uint64_t>(addresses.end() - firstV6));
    for (auto it = firstV6; it != addresses.end(); ++it)
        out.append(reinterpret_cast<const char *>(it->bytes.data()), 16);
    return out;
}

std::vector<IpAddress> decodeAddresses(std::string_view data)
{
    Bytes in(data);
    std::vector<IpAddress> addresses;
    const std::uint64_t v4 = in.varint();
    if (v4 > data.size())
        Bytes::corrupt();
    addresses.reserve(v4);
    std::uint64_t previous = 0;
    for (std::uint64_t i = 0; i < v4; ++i) {
        previous += in.varint();
        if (previous > 0xFFFFFFFFu)
            Bytes::corrupt();
        addresses.push_back(IpAddress::fromV4(static_cast<std::uint32_t>(previous)));
    }
    const std::uint64_t v6 = in.varint();
    if (v6 > data.size() / 16)
        Bytes::corrupt();
    for (std::uint64_t i = 0; i < v6; ++i) {
        IpAddress a;
        a.family = IpAddress::Family::V6;
        in.copy(a.bytes.data(), 16);
        addresses.push_back(a);
    }
    if (!in.atEnd())
        Bytes::corrupt();
    return addresses;
}

// A run's addresses as they are merged with other runs': IPv4 as 32 bits
// rather than a whole IpAddress, a fifth of the memory on the tens of
// runs a 50M-record file leaves.
struct AddressList {
    std::vector<std::uint32_t> v4;
    std::vector<std::array<std::uint8_t, 16>> v6;
};

AddressList decodeAddressList(std::string_view data)
{
    AddressList list;
    for (const IpAddress &a : decodeAddresses(data)) {
        if (a.isV4())
            list.v4.push_back(a.v4());
        else
            list.v6.push_back(a.bytes);
    }
    return list;
}

// Where each of `run` (sorted) is in `merged` (sorted, distinct, holding them all), plus `offset`.
template <typename T>
void positionsIn(const std::vector<T> &run, const std::vector<T> &merged, std::size_t offset,
                 std::vector<std::uint32_t> &positions)
{
    std::size_t at = 0;
    for (const T &value : run) {
        while (at < merged.size() && merged[at] != value)
            ++at;
        if (at == merged.size()) // the run's list was not sorted
            Bytes::corrupt();
        positions.push_back(static_cast<std::uint32_t>(offset + at));
    }
}

} // namespace

bool graphAddressLess(const IpAddress &a, const IpAddress &b)
{
    if (a.isV4() && b.isV4())
        return a.v4() < b.v4();
    return std::tie(a.family, a.bytes) < std::tie(b.family, b.bytes);
}

bool graphKeyLess(const GraphTotalRow &a, const GraphTotalRow &b)
{
    return std::tie(a.interface, a.direction, a.initiator, a.src, a.dst, a.srcService, a.dstService)
        < std::tie(b.interface, b.direction, b.initiator, b.src, b.dst, b.srcService, b.dstService);
}

bool graphKeyEqual(const GraphTotalRow &a, const GraphTotalRow &b)
{
    return std::tie(a.interface, a.direction, a.initiator, a.src, a.dst, a.srcService, a.dstService)
        == std::tie(b.interface, b.direction, b.initiator, b.src, b.dst, b.srcService, b.dstService);
}

// ---- Writing ----

GraphTotalRunWriter::GraphTotalRunWriter(sqlite3 *db, const std::vector<IpAddress> &addresses)
    : m_db(db)
    , m_addresses(encodeAddresses(addresses))
    , m_addressCount(addresses.size())
    , m_insertPiece(db, "INSERT INTO graph_total_piece(run, piece, rows, data) VALUES(?,?,?,?)")
{
    m_run = queryInt(db, "SELECT max(id) FROM graph_total_run", 0) + 1;
}

void GraphTotalRunWriter::add(const GraphTotalRow &row)
{
    if (row.src >= m_addressCount || row.dst >= m_addressCount)
        throw StoreError("graph totals: an address outside the run's list");
    if (m_rows > 0 && !graphKeyLess(m_last, row))
        throw StoreError("graph totals: rows out of key order");
    encodeRow(m_piece, row, m_previous);
    m_previous = row;
    m_last = row;
    ++m_rows;
    if (++m_pieceRows == kGraphRowsPerPiece)
        writePiece();
}

void GraphTotalRunWriter::writePiece()
{
    if (m_pieceRows == 0)
        return;
    std::string frame;
    putVarint(frame, m_piece.size());
    const std::size_t header = frame.size();
    frame.resize(header + ZSTD_compressBound(m_piece.size()));
    const std::size_t size = ZSTD_compress(frame.data() + header, frame.size() - header, m_piece.data(), m_piece.size(), kZstdLevel);
    if (ZSTD_isError(size))
        throw StoreError(std::string("graph totals: ") + ZSTD_getErrorName(size));
    frame.resize(header + size);
    m_insertPiece.bind(1, m_run);
    m_insertPiece.bind(2, m_pieces++);
    m_insertPiece.bind(3, static_cast<std::int64_t>(m_pieceRows));
    m_insertPiece.bindBlobStatic(4, frame.data(), static_cast<int>(frame.size()));
    m_insertPiece.exec();
    m_piece.clear();
    m_pieceRows = 0;
    // Keep (0, 0) the row a piece starts after, so each piece decodes alone.
    m_previous = GraphTotalRow{};
}

std::int64_t GraphTotalRunWriter::finish()
{
    if (m_rows == 0)
        return 0;
    writePiece();
    Statement insert(m_db, "INSERT INTO graph_total_run(id, rows, pieces, addresses) VALUES(?,?,?,?)");
    insert.bind(1, m_run);
    insert.bind(2, m_rows);
    insert.bind(3, m_pieces);
    insert.bindBlobStatic(4, m_addresses.data(), static_cast<int>(m_addresses.size()));
    insert.exec();
    m_rows = 0;
    return m_run;
}

// ---- Reading ----

struct GraphTotalsReader::Cursor {
    std::int64_t run = 0;
    std::int64_t pieces = 0;
    std::int64_t nextPiece = 0;
    std::string raw;              // the piece being read, decompressed
    std::size_t offset = 0;       // in raw
    std::uint64_t pieceRows = 0;  // rows of the piece not read yet
    GraphTotalRow decoded;        // the current row, addresses as the run numbers them
    GraphTotalRow row;            // the same, addresses as the reader numbers them
    std::vector<std::uint32_t> positions; // run's address → reader's; empty when the same
};

GraphTotalsReader::GraphTotalsReader(sqlite3 *db)
    : m_db(db)
    , m_readPiece(db, "SELECT rows, data FROM graph_total_piece WHERE run = ? AND piece = ?")
{
    std::vector<std::int64_t> runs;
    for (const auto &[id, rows] : graphTotalRuns(db))
        runs.push_back(id);
    open(runs);
}

GraphTotalsReader::GraphTotalsReader(sqlite3 *db, const std::vector<std::int64_t> &runs)
    : m_db(db)
    , m_readPiece(db, "SELECT rows, data FROM graph_total_piece WHERE run = ? AND piece = ?")
{
    open(runs);
}

GraphTotalsReader::~GraphTotalsReader() = default;

void GraphTotalsReader::open(const std::vector<std::int64_t> &runs)
{
    Statement read(m_db, "SELECT rows, pieces, addresses FROM graph_total_run WHERE id = ?");
    m_cursors.resize(runs.size());
    std::vector<AddressList> lists;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        read.bind(1, runs[i]);
        if (!read.step())
            throw StoreError("graph totals: run " + std::to_string(runs[i]) + " is missing");
        m_cursors[i].run = runs[i];
        m_storedRows += read.int64(0);
        m_cursors[i].pieces = read.int64(1);
        if (runs.size() == 1)
            m_addresses = decodeAddresses(read.blob(2));
        else
            lists.push_back(decodeAddressList(read.blob(2)));
        read.reset();
    }
    if (runs.size() > 1) {
        // Every run's list merged; each run's positions mapped to the merged list's.
        std::vector<std::uint32_t> v4;
        std::vector<std::array<std::uint8_t, 16>> v6;
        for (const AddressList &list : lists) {
            v4.insert(v4.end(), list.v4.begin(), list.v4.end());
            v6.insert(v6.end(), list.v6.begin(), list.v6.end());
        }
        std::sort(v4.begin(), v4.end());
        v4.erase(std::unique(v4.begin(), v4.end()), v4.end());
        std::sort(v6.begin(), v6.end());
        v6.erase(std::unique(v6.begin(), v6.end()), v6.end());
        for (std::size_t i = 0; i < lists.size(); ++i) {
            std::vector<std::uint32_t> &positions = m_cursors[i].positions;
            positions.reserve(lists[i].v4.size() + lists[i].v6.size());
            positionsIn(lists[i].v4, v4, 0, positions);
            positionsIn(lists[i].v6, v6, v4.size(), positions);
            lists[i] = {};
        }
        m_addresses.reserve(v4.size() + v6.size());
        for (const std::uint32_t a : v4)
            m_addresses.push_back(IpAddress::fromV4(a));
        v4 = {};
        for (const auto &bytes : v6) {
            IpAddress a;
            a.family = IpAddress::Family::V6;
            a.bytes = bytes;
            m_addresses.push_back(a);
        }
    }
    m_addressCount = m_addresses.size();
    start();
}

void GraphTotalsReader::start()
{
    m_heap.clear();
    for (std::size_t i = 0; i < m_cursors.size(); ++i)
        if (advance(m_cursors[i]))
            m_heap.push_back(i);
    std::make_heap(m_heap.begin(), m_heap.end(), [this](std::size_t a, std::size_t b) { return before(b, a); });
}

void GraphTotalsReader::rewind()
{
    for (Cursor &cursor : m_cursors) {
        cursor.nextPiece = 0;
        cursor.pieceRows = 0;
        cursor.offset = 0;
    }
    start();
}

bool GraphTotalsReader::before(std::size_t a, std::size_t b) const
{
    return graphKeyLess(m_cursors[a].row, m_cursors[b].row);
}

bool GraphTotalsReader::advance(Cursor &cursor)
{
    if (cursor.pieceRows == 0) {
        if (cursor.nextPiece == cursor.pieces)
            return false;
        m_readPiece.bind(1, cursor.run);
        m_readPiece.bind(2, cursor.nextPiece++);
        if (!m_readPiece.step())
            throw StoreError("graph totals: a piece of run " + std::to_string(cursor.run) + " is missing");
        cursor.pieceRows = static_cast<std::uint64_t>(m_readPiece.int64(0));
        const std::string_view frame = m_readPiece.blob(1);
        Bytes header(frame);
        const std::uint64_t rawSize = header.varint();
        const std::size_t headerSize = frame.size() - header.left();
        if (rawSize > (std::uint64_t(1) << 30) || cursor.pieceRows == 0)
            Bytes::corrupt();
        cursor.raw.resize(rawSize);
        const std::size_t size = ZSTD_decompress(cursor.raw.data(), cursor.raw.size(), frame.data() + headerSize,
                                                 frame.size() - headerSize);
        m_readPiece.reset();
        if (ZSTD_isError(size) || size != rawSize)
            Bytes::corrupt();
        cursor.offset = 0;
        cursor.decoded = GraphTotalRow{};
    }
    Bytes in(std::string_view(cursor.raw).substr(cursor.offset));
    decodeRow(in, cursor.decoded);
    cursor.offset = cursor.raw.size() - in.left();
    if (cursor.pieceRows == 1 && cursor.offset != cursor.raw.size())
        Bytes::corrupt();
    --cursor.pieceRows;
    cursor.row = cursor.decoded;
    if (!cursor.positions.empty()) {
        if (cursor.decoded.src >= cursor.positions.size() || cursor.decoded.dst >= cursor.positions.size())
            Bytes::corrupt();
        cursor.row.src = cursor.positions[cursor.decoded.src];
        cursor.row.dst = cursor.positions[cursor.decoded.dst];
    } else if (cursor.decoded.src >= m_addressCount || cursor.decoded.dst >= m_addressCount) {
        Bytes::corrupt();
    }
    return true;
}

bool GraphTotalsReader::next(GraphTotalRow &row)
{
    if (m_cursors.size() == 1) {
        // One run (a case imported at once): its keys are distinct and in
        // order, nothing to merge.
        Cursor &cursor = m_cursors.front();
        while (!m_heap.empty()) {
            row = cursor.row;
            if (!advance(cursor))
                m_heap.clear();
            if (row.sums.flows != 0)
                return true;
        }
        return false;
    }
    const auto after = [this](std::size_t a, std::size_t b) { return before(b, a); };
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), after);
        std::size_t c = m_heap.back();
        row = m_cursors[c].row;
        if (advance(m_cursors[c]))
            std::push_heap(m_heap.begin(), m_heap.end(), after);
        else
            m_heap.pop_back();
        // The same key in other runs: their sums added.
        while (!m_heap.empty() && graphKeyEqual(m_cursors[m_heap.front()].row, row)) {
            std::pop_heap(m_heap.begin(), m_heap.end(), after);
            c = m_heap.back();
            const GraphTrafficSums &more = m_cursors[c].row.sums;
            row.sums.flows += more.flows;
            row.sums.packets += more.packets;
            row.sums.bytes += more.bytes;
            row.sums.accepts += more.accepts;
            row.sums.rejects += more.rejects;
            if (advance(m_cursors[c]))
                std::push_heap(m_heap.begin(), m_heap.end(), after);
            else
                m_heap.pop_back();
        }
        if (row.sums.flows != 0)
            return true;
    }
    return false;
}

// ---- Runs ----

std::vector<std::pair<std::int64_t, std::int64_t>> graphTotalRuns(sqlite3 *db)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> runs;
    Statement list(db, "SELECT id, rows FROM graph_total_run ORDER BY id");
    while (list.step())
        runs.emplace_back(list.int64(0), list.int64(1));
    return runs;
}

void mergeGraphTotalRuns(sqlite3 *db, std::int64_t firstNew)
{
    const auto runs = graphTotalRuns(db);
    std::vector<std::int64_t> merged;
    std::int64_t gathered = 0;
    auto older = runs.rend();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        if (it->first < firstNew) {
            older = it;
            break;
        }
        merged.push_back(it->first);
        gathered += it->second;
    }
    // Older runs not much larger join, so that sizes grow geometrically
    // and a row is merged again only when its run has doubled.
    for (auto it = older; it != runs.rend() && it->second < 2 * gathered; ++it) {
        merged.push_back(it->first);
        gathered += it->second;
    }
    if (merged.size() < 2)
        return;
    std::sort(merged.begin(), merged.end());
    {
        GraphTotalsReader reader(db, merged);
        GraphTotalRunWriter writer(db, reader.addresses());
        GraphTotalRow row;
        while (reader.next(row))
            writer.add(row);
        writer.finish();
    }
    Statement dropPieces(db, "DELETE FROM graph_total_piece WHERE run = ?");
    Statement dropRun(db, "DELETE FROM graph_total_run WHERE id = ?");
    for (const std::int64_t id : merged) {
        dropPieces.bind(1, id);
        dropPieces.exec();
        dropRun.bind(1, id);
        dropRun.exec();
    }
}

void clearGraphTotalRuns(sqlite3 *db)
{
    execSql(db, "DELETE FROM graph_total_piece; DELETE FROM graph_total_run");
}

namespace {

IpAddress storedAddressAt(const Statement &statement, int column)
{
    if (statement.columnType(column) == SQLITE_INTEGER)
        return ipv4FromStored(statement.int64(column));
    if (const auto address = ipv6FromStored(statement.blob(column)))
        return *address;
    throw StoreError("graph_traffic_total holds an address that is neither IPv4 nor IPv6");
}

} // namespace

void convertGraphTrafficTable(sqlite3 *db)
{
    // The table's order is the runs' key order (IPv4 as biased integers
    // before IPv6 blobs): its addresses first, then its rows as they come.
    std::vector<IpAddress> addresses;
    {
        Statement read(db, "SELECT src, dst FROM graph_traffic_total");
        while (read.step()) {
            addresses.push_back(storedAddressAt(read, 0));
            addresses.push_back(storedAddressAt(read, 1));
            if (addresses.size() > (std::size_t(1) << 22)) {
                std::sort(addresses.begin(), addresses.end(), graphAddressLess);
                addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
            }
        }
        std::sort(addresses.begin(), addresses.end(), graphAddressLess);
        addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
    }
    const auto position = [&addresses](const IpAddress &a) {
        return static_cast<std::uint32_t>(std::lower_bound(addresses.begin(), addresses.end(), a, graphAddressLess)
                                          - addresses.begin());
    };
    GraphTotalRunWriter writer(db, addresses);
    Statement read(db, "SELECT interface, direction, initiator, src, dst, src_service, dst_service,"
                       " flows, packets, bytes, accepts, rejects FROM graph_traffic_total"
                       " ORDER BY interface, direction, initiator, src, dst, src_service, dst_service");
    while (read.step()) {
        GraphTotalRow row;
        row.interface = static_cast<std::uint32_t>(read.int64(0));
        const std::int64_t direction = read.int64(1);
        const std::int64_t initiator = read.int64(2);
        if (direction < 0 || direction > 2 || initiator < 0 || initiator > 2)
            throw StoreError("graph_traffic_total holds an unknown direction or initiator");
        row.direction = static_cast<LoggedDirection>(direction);
        row.initiator = static_cast<FlowInitiator>(initiator);
        row.src = position(storedAddressAt(read, 3));
        row.dst = position(storedAddressAt(read, 4));
        row.srcService = static_cast<std::uint32_t>(read.int64(5));
        row.dstService = static_cast<std::uint32_t>(read.int64(6));
        row.sums.flows = read.int64(7);
        row.sums.packets = read.int64(8);
        row.sums.bytes = read.int64(9);
        row.sums.accepts = read.int64(10);
        row.sums.rejects = read.int64(11);
        if (row.sums.flows != 0)
            writer.add(row);
    }
    writer.finish();
}

} // namespace flowscope
