// SPDX-License-Identifier: GPL-3.0-or-later
#include "format2_case.h"

#include "store/block_codec.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <stdexcept>

namespace flowscope::test {

namespace {

// As FlowWriter wrote it up to version 2: a bit per group of eight ports
// from 32768 up.
std::string ephemeralGroups(const std::vector<EncodedFlow> &rows)
{
    std::string bitmap(32768 / 8 / 8, '\0');
    auto add = [&](std::uint16_t port) {
        if (port < 32768)
            return;
        const unsigned group = static_cast<unsigned>(port - 32768) >> 3;
        bitmap[group >> 3] = static_cast<char>(bitmap[group >> 3] | (1 << (group & 7)));
    };
    for (const EncodedFlow &flow : rows) {
        if (flow.has(Field::SrcPort))
            add(flow.srcPort);
        if (flow.has(Field::DstPort))
            add(flow.dstPort);
    }
    return bitmap;
}

} // namespace

void downgradeToFormat2(const std::string &caseFile)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(caseFile.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + caseFile);
    }
    try {
        Transaction transaction(db);
        {
            Statement blocks(db, "SELECT id, data FROM flow_block");
            Statement update(db, "UPDATE flow_block SET ephemeral_ports = ? WHERE id = ?");
            while (blocks.step()) {
                const std::string bitmap = ephemeralGroups(decodeBlock(blocks.blob(1)));
                update.bindBlobStatic(1, bitmap.data(), static_cast<int>(bitmap.size()));
                update.bind(2, blocks.int64(0));
                update.exec();
            }
        }
        execSql(db, "DROP TABLE ephemeral_port_block; PRAGMA user_version = 2");
        transaction.commit();
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace flowscope::test
