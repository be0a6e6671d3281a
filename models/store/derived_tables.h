// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tables the store derives from the records of each block as it is written
// (by an import, or by the upgrade of a case from an older schema): the
// block index of ports from 32768 up.

#include "encoded_flow.h"
#include "ephemeral_port_index.h"

#include <cstdint>
#include <vector>

struct sqlite3;

namespace flowscope {

class DerivedTablesWriter {
public:
    explicit DerivedTablesWriter(sqlite3 *db);

    // Blocks come in increasing id order.
    void addBlock(std::int64_t block, const std::vector<EncodedFlow> &rows);
    // Writes what was gathered into the caller's transaction.
    void flush();
    // Forgets what was gathered (the transaction was rolled back).
    void discard();

private:
    EphemeralPortIndexWriter m_ephemeralPorts;
};

// Fills the derived tables from every block of the case, inside the caller's
// transaction: for a case from before they existed.
void rebuildDerivedTables(sqlite3 *db);

} // namespace flowscope
