// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tables the store derives from the records of each block as it is written
// (by an import, or by the upgrade of a case from an older schema): the
// block indexes of addresses, ports and interfaces, the per-minute rollups
// and long spans the timeline reads instead of records, the records by
// interface, action and log status, the records by port and protocol, the
// records per interface and address pair the graph reads, and
// the coverage gaps.

#include "block_postings.h"
#include "coverage_gaps.h"
#include "encoded_flow.h"
#include "ephemeral_port_index.h"
#include "graph_traffic_totals.h"
#include "minute_rollup.h"
#include "port_protocol_totals.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace flowscope {

class DerivedTablesWriter {
public:
    explicit DerivedTablesWriter(sqlite3 *db);

    // Blocks come in increasing id order. What is gathered is written now
    // and then, so memory stays bounded however many records come.
    void addBlock(std::int64_t block, const std::vector<EncodedFlow> &rows);
    // Writes what was gathered into the caller's transaction.
    void flush();
    // Forgets what was gathered (the transaction was rolled back).
    void discard();

private:
    void writeRollup();
    void addPostings(std::int64_t block, const std::vector<EncodedFlow> &rows);
    void writeRecordTotals();

    sqlite3 *m_db;
    BlockPostingsWriter m_addresses;
    BlockPostingsWriter m_ports;
    BlockPostingsWriter m_interfaces;
    EphemeralPortIndexWriter m_ephemeralPorts;
    MinuteRollup m_rollup;
    CoverageGapWriter m_coverageGaps;
    // Records by interface << 16 | action code << 8 | log status code (the
    // codes of RollupKey).
    std::unordered_map<std::uint64_t, std::int64_t> m_recordTotals;
    PortProtocolTotals m_portProtocolTotals;
    GraphTrafficTotals m_graphTotals;
    Statement m_upsertRecordTotal;
    RollupMinuteWriter m_upsertMinute;
    RollupMinuteTotalWriter m_minuteTotals;
    Statement m_insertLongSpan;
};

// Fills the derived tables from every block of the case, inside the caller's
// transaction: for a case from before they existed. Blocks of an older
// format are written again in the current one.
void rebuildDerivedTables(sqlite3 *db);

} // namespace flowscope
