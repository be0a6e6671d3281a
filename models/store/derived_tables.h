// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tables the store derives from the records of each block as it is written
// (by an import, or by the upgrade of a case from an older schema): the
// block indexes of addresses, ports and interfaces, the per-minute rollups
// and long spans the timeline reads instead of records, the records by
// interface, action and log status, the records by port and protocol, the
// records per interface and address pair the graph reads, and
// the coverage gaps.

#include "block_codec.h"
#include "block_postings.h"
#include "coverage_gaps.h"
#include "dense_hash_map.h"
#include "encoded_flow.h"
#include "flow_buffer_pool.h"
#include "ephemeral_port_index.h"
#include "graph_traffic_totals.h"
#include "minute_rollup.h"
#include "port_protocol_totals.h"
#include "serial_worker.h"
#include "sqlite_handle.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace flowscope {

// The gathering of each block's totals and index entries runs on a thread of
// its own (SerialWorker) while the caller compresses and stores the next
// blocks; only the minute rollups, whose entries a single record can
// multiply, are gathered on the caller's thread. Every table is written on
// the caller's thread, after the gathering thread has finished what it was
// given: the connection is never used by two threads at once.
// Blocks handed to the gathering thread and not yet gathered: enough that
// neither thread waits for the other's pace from block to block.
constexpr std::size_t kBlocksInFlight = 8;
// Blocks between two writes of the minute rollups' past minutes: a sort run
// of the writer (see derived_tables.cpp, retireRollupMinutes()).
constexpr std::size_t kRollupRetireBlocks = 16;

// Entries held in memory before they are written: about 15 MB of rollups, 6
// MB of coverage spans, 17 MB of graph totals and 16 MB of postings at
// most. A record adds up to 1,441 rollup entries (a span of a day), so the
// rollup is weighed after each record, the others after each block; the
// bounds leave that much room below 2^18 entries, so the arrays holding them
// never double past it.
struct DerivedTablesBounds {
    std::size_t rollupEntries = (std::size_t(1) << 18) - kMaxSpreadMinutes - 1;
    std::size_t coverageSpans = std::size_t(1) << 18;
    std::size_t graphTotals = (std::size_t(1) << 18) - (kBlocksInFlight + 1) * kBlockCapacity;
    std::size_t postings = kMaxBlockPostings;
};

class DerivedTablesWriter {
public:
    // `buffers`, if given, takes back the rows of each block once gathered.
    explicit DerivedTablesWriter(sqlite3 *db, const DerivedTablesBounds &bounds = {},
                                 FlowBufferPool *buffers = nullptr);
    ~DerivedTablesWriter();

    // Blocks come in increasing id order; the rows are taken over (left
    // empty). What is gathered is written now and then, so memory stays
    // bounded however many records come.
    void addBlock(std::int64_t block, std::vector<EncodedFlow> &rows);
    // Writes what was gathered into the caller's transaction.
    void flush();
    // Forgets what was gathered (the transaction was rolled back).
    void discard();

private:
    // On the gathering thread.
    void gather(std::int64_t block, const std::vector<EncodedFlow> &rows);
    void addPostings(std::int64_t block, const std::vector<EncodedFlow> &rows);
    // On the caller's thread, the gathering thread idle.
    void writeRollup();
    void writeRollupRows(std::vector<std::pair<RollupKey, RollupTotals>> &rows);
    void retireRollupMinutes(std::int64_t earliestStart);
    void writeRecordTotals();
    void writeFull(std::int64_t nextBlock);

    sqlite3 *m_db;
    const DerivedTablesBounds m_bounds;
    FlowBufferPool *m_buffers;
    BlockPostingsWriter m_addresses;
    BlockPostingsWriter m_ports;
    BlockPostingsWriter m_interfaces;
    EphemeralPortIndexWriter m_ephemeralPorts;
    MinuteRollup m_rollup;
    CoverageGapWriter m_coverageGaps;
    // Records by interface << 16 | action code << 8 | log status code (the
    // codes of RollupKey).
    struct RecordTotalHash {
        std::uint64_t operator()(std::uint64_t key) const { return mixBits(key); }
    };
    DenseHashMap<std::uint64_t, std::int64_t, RecordTotalHash> m_recordTotals;
    PortProtocolTotals m_portProtocolTotals;
    GraphTrafficTotals m_graphTotals;
    Statement m_upsertRecordTotal;
    RollupMinuteWriter m_upsertMinute;
    RollupMinuteTotalWriter m_minuteTotals;
    Statement m_insertLongSpan;
    std::size_t m_blocksSinceRetire = 0; // see retireRollupMinutes()
    std::int64_t m_chunk = -1;              // of the blocks given to the gathering thread
    std::atomic<bool> m_gatheredFull{false}; // set by the gathering thread: something is to be written
    SerialWorker m_gatherer;
};

// Fills the derived tables from every block of the case, inside the caller's
// transaction: for a case from before they existed. Blocks of an older
// format are written again in the current one.
void rebuildDerivedTables(sqlite3 *db, const DerivedTablesBounds &bounds = {});

} // namespace flowscope
