// SPDX-License-Identifier: GPL-3.0-or-later
#include "format2_case.h"

#include "schema3_case.h"

#include "store/block_codec.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <map>
#include <stdexcept>
#include <tuple>

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

// rollup_minute as version 2 wrote it: by the start minute only, the minute
// truncated toward zero (so a start before 1970 was in the next minute).
void writeFormat2Rollups(sqlite3 *db)
{
    struct Totals {
        std::int64_t flows = 0, packets = 0, bytes = 0;
    };
    std::map<std::tuple<std::int64_t, std::uint32_t, int, int>, Totals> rollups;
    Statement blocks(db, "SELECT data FROM flow_block");
    while (blocks.step()) {
        for (const EncodedFlow &flow : decodeBlock(blocks.blob(0))) {
            if (!flow.has(Field::Start))
                continue;
            Totals &t = rollups[{flow.start - flow.start % 60, flow.interface,
                                 flow.has(Field::Action) ? static_cast<int>(flow.action) : 2,
                                 flow.has(Field::LogStatus) ? static_cast<int>(flow.logStatus) : 3}];
            ++t.flows;
            t.packets += flow.has(Field::Packets) ? static_cast<std::int64_t>(flow.packets) : 0;
            t.bytes += flow.has(Field::Bytes) ? static_cast<std::int64_t>(flow.bytes) : 0;
        }
    }
    execSql(db, "DELETE FROM rollup_minute");
    Statement insert(db, "INSERT INTO rollup_minute(minute, interface, action, log_status, flows, packets, bytes)"
                         " VALUES(?,?,?,?,?,?,?)");
    for (const auto &[key, t] : rollups) {
        insert.bind(1, std::get<0>(key));
        insert.bind(2, static_cast<std::int64_t>(std::get<1>(key)));
        insert.bind(3, std::get<2>(key));
        insert.bind(4, std::get<3>(key));
        insert.bind(5, t.flows);
        insert.bind(6, t.packets);
        insert.bind(7, t.bytes);
        insert.exec();
    }
}

} // namespace

void downgradeToFormat2(const std::string &caseFile)
{
    downgradeToSchema3(caseFile);
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
        execSql(db, "DROP TABLE ephemeral_port_block; DROP TABLE rollup_long_span; DROP TABLE coverage_gap;"
                    " ALTER TABLE rollup_minute DROP COLUMN spread_packets;"
                    " ALTER TABLE rollup_minute DROP COLUMN spread_bytes");
        writeFormat2Rollups(db);
        execSql(db, "PRAGMA user_version = 2");
        transaction.commit();
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace flowscope::test
