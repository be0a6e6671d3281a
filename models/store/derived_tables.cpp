// SPDX-License-Identifier: GPL-3.0-or-later
#include "derived_tables.h"

#include "block_codec.h"
#include "sqlite_handle.h"

namespace flowscope {

DerivedTablesWriter::DerivedTablesWriter(sqlite3 *db)
    : m_ephemeralPorts(db)
{
}

void DerivedTablesWriter::addBlock(std::int64_t block, const std::vector<EncodedFlow> &rows)
{
    for (const EncodedFlow &flow : rows) {
        if (flow.has(Field::SrcPort))
            m_ephemeralPorts.add(block, flow.srcPort);
        if (flow.has(Field::DstPort))
            m_ephemeralPorts.add(block, flow.dstPort);
    }
}

void DerivedTablesWriter::flush() { m_ephemeralPorts.flush(); }

void DerivedTablesWriter::discard() { m_ephemeralPorts.discard(); }

void rebuildDerivedTables(sqlite3 *db)
{
    // Block by block on this thread: the writer needs the connection between
    // two blocks, so no other thread may read from it meanwhile.
    DerivedTablesWriter writer(db);
    Statement blocks(db, "SELECT id, data FROM flow_block ORDER BY id");
    while (blocks.step())
        writer.addBlock(blocks.int64(0), decodeBlock(blocks.blob(1)));
    writer.flush();
}

} // namespace flowscope
