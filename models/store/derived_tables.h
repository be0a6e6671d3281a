// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tables the store derives from the records of each block as it is written
// (by an import, or by the upgrade of a case from an older schema): the
// block index of ports from 32768 up, the per-minute rollups and long spans
// the timeline reads instead of records, and the coverage gaps.

#include "coverage_gaps.h"
#include "encoded_flow.h"
#include "ephemeral_port_index.h"
#include "minute_rollup.h"
#include "sqlite_handle.h"

#include <cstdint>
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

    EphemeralPortIndexWriter m_ephemeralPorts;
    MinuteRollup m_rollup;
    CoverageGapWriter m_coverageGaps;
    Statement m_upsertMinute;
    Statement m_insertLongSpan;
};

// Fills the derived tables from every block of the case, inside the caller's
// transaction: for a case from before they existed.
void rebuildDerivedTables(sqlite3 *db);

} // namespace flowscope
