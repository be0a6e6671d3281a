// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the graph's totals (see graph_traffic_totals.h) are stored: as sorted
// runs. A run holds its addresses once, sorted (IPv4 before IPv6, as
// IpAddress orders them) and numbered by position (graph_total_run), and its
// rows in key order with those numbers, delta-encoded and compressed, cut in
// pieces of kGraphRowsPerPiece rows (graph_total_piece). A key may be in
// several runs: a reader sums them.
//
// An import adds a run each time its totals fill their memory, and merges
// the runs of a file once at the end: each row is written once and read once
// more, where upserting them into one B-tree slowed each write as the table
// outgrew the page cache. The merge takes in older runs that are not much
// larger than what it gathered, so runs grow geometrically and a case keeps
// a few (the graph of a case imported at once reads one, in one go).

#include "graph_traffic_totals.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {

constexpr std::size_t kGraphRowsPerPiece = 16384;

// A row of the totals, its addresses as positions in a sorted address list.
struct GraphTotalRow {
    std::uint32_t interface = 0;
    LoggedDirection direction = LoggedDirection::Unknown;
    FlowInitiator initiator = FlowInitiator::Unknown;
    std::uint32_t src = 0;
    std::uint32_t dst = 0;
    std::uint32_t srcService = 0;
    std::uint32_t dstService = 0;
    GraphTrafficSums sums;
};

// Key order (the addresses by position, so by address).
bool graphKeyLess(const GraphTotalRow &a, const GraphTotalRow &b);
bool graphKeyEqual(const GraphTotalRow &a, const GraphTotalRow &b);
bool graphAddressLess(const IpAddress &a, const IpAddress &b);

// Writes one run, given its addresses (sorted, distinct) and its rows in
// strictly increasing key order. The addresses are encoded at once (a few
// bytes each) rather than copied: a merge's list holds every address of
// the file.
class GraphTotalRunWriter {
public:
    GraphTotalRunWriter(sqlite3 *db, const std::vector<IpAddress> &addresses);
    void add(const GraphTotalRow &row);
    // Stores the run; its id, 0 when it had no row (nothing is stored then).
    std::int64_t finish();

private:
    void writePiece();

    sqlite3 *m_db;
    std::string m_addresses; // encoded
    std::size_t m_addressCount = 0;
    std::int64_t m_run = 0;
    std::int64_t m_rows = 0;
    std::int64_t m_pieces = 0;
    std::size_t m_pieceRows = 0;
    std::string m_piece; // raw, before compression
    GraphTotalRow m_previous; // what the next row is encoded after: zero at a piece's start
    GraphTotalRow m_last;
    Statement m_insertPiece;
};

// Every run of the case (or the runs given) read as one: their addresses
// merged, their rows in key order, a key's sums over every run added up, and
// keys left without flows (records taken away) skipped.
class GraphTotalsReader {
public:
    explicit GraphTotalsReader(sqlite3 *db);
    GraphTotalsReader(sqlite3 *db, const std::vector<std::int64_t> &runs);
    ~GraphTotalsReader();
    GraphTotalsReader(const GraphTotalsReader &) = delete;
    GraphTotalsReader &operator=(const GraphTotalsReader &) = delete;

    // Sorted and distinct: the rows' src and dst are positions here. May
    // hold addresses no row has any more.
    const std::vector<IpAddress> &addresses() const { return m_addresses; }
    // The same list handed over (addresses() is empty after): a whole
    // case's is megabytes, and a reader that rereads its rows needs only
    // its length.
    std::vector<IpAddress> takeAddresses() { return std::move(m_addresses); }
    // Rows stored, over every run (keys in several runs counted in each).
    std::int64_t storedRows() const { return m_storedRows; }
    // The next row; false at the end.
    bool next(GraphTotalRow &row);
    // Back to the first row, the addresses kept as they are numbered.
    void rewind();

private:
    struct Cursor;
    void open(const std::vector<std::int64_t> &runs);
    void start();
    bool advance(Cursor &cursor);
    bool before(std::size_t a, std::size_t b) const;

    sqlite3 *m_db;
    Statement m_readPiece;
    std::vector<IpAddress> m_addresses;
    std::size_t m_addressCount = 0; // of the list, taken or not
    std::vector<Cursor> m_cursors;
    std::vector<std::size_t> m_heap; // cursors with a row, smallest key first
    std::int64_t m_storedRows = 0;
};

// The runs of the case, oldest first: id and rows.
std::vector<std::pair<std::int64_t, std::int64_t>> graphTotalRuns(sqlite3 *db);

// Merges the runs from id `firstNew` on into one, with each older run
// (newest first) holding fewer than twice the rows gathered so far.
void mergeGraphTotalRuns(sqlite3 *db, std::int64_t firstNew);

// Forgets every run.
void clearGraphTotalRuns(sqlite3 *db);

// Moves the rows of graph_traffic_total (the table schemas 10-12 kept them
// in) into a run; the caller drops the table.
void convertGraphTrafficTable(sqlite3 *db);

} // namespace flowscope
