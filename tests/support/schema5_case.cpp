// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema5_case.h"

#include "store/graph_traffic_totals.h"
#include "store/sqlite_handle.h"
#include "store/stored_address.h"

#include <sqlite3.h>

#include <stdexcept>

namespace flowscope::test {

namespace {

sqlite3 *openCase(const std::string &caseFile)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(caseFile.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + caseFile);
    }
    return db;
}

void bindAddress(Statement &statement, int index, const IpAddress &address)
{
    if (address.isV4())
        statement.bind(index, storedIpv4(address.v4()));
    else
        statement.bindBlobStatic(index, address.bytes.data(), 16);
}

} // namespace

void downgradeToSchema5(const std::string &caseFile)
{
    sqlite3 *db = openCase(caseFile);
    try {
        execSql(db, "DROP TABLE IF EXISTS incident_record; DROP TABLE IF EXISTS record_tag;"
                    " DROP TABLE IF EXISTS incident_note; DROP TABLE IF EXISTS note_tag;");
        // Every object of the migrations after 5.
        execSql(db, "DROP TABLE port_protocol_total; DROP TABLE rollup_minute_total; DROP TABLE graph_total_run; DROP TABLE graph_total_piece; DROP INDEX flow_block_extent; "
                    "DROP TABLE IF EXISTS finding; DROP TABLE IF EXISTS detection_run; DROP TABLE IF EXISTS ioc_indicator; "
                    "DROP TABLE IF EXISTS ioc_list_file; DROP TABLE IF EXISTS ioc_list; DROP TABLE IF EXISTS cloudtrail_event; "
                    "DROP TABLE IF EXISTS ioc_hunt_hit; DROP TABLE IF EXISTS ioc_hunt; "
                    "PRAGMA user_version = 5");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

void downgradeToSchema12(const std::string &caseFile)
{
    sqlite3 *db = openCase(caseFile);
    try {
        execSql(db, "BEGIN");
        // The table as schema 10 made it, filled from the runs.
        execSql(db, "CREATE TABLE graph_traffic_total("
                    "interface INTEGER NOT NULL, direction INTEGER NOT NULL, initiator INTEGER NOT NULL,"
                    " src NOT NULL, dst NOT NULL, src_service INTEGER NOT NULL, dst_service INTEGER NOT NULL,"
                    " flows INTEGER NOT NULL, packets INTEGER NOT NULL, bytes INTEGER NOT NULL,"
                    " accepts INTEGER NOT NULL, rejects INTEGER NOT NULL,"
                    " PRIMARY KEY(interface, direction, initiator, src, dst, src_service, dst_service)) WITHOUT ROWID");
        Statement insert(db, "INSERT INTO graph_traffic_total VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
        readGraphTrafficTotals(db, [&insert](const GraphTrafficKey &key, const GraphTrafficSums &sums) {
            insert.bind(1, static_cast<std::int64_t>(key.interface));
            insert.bind(2, static_cast<std::int64_t>(key.direction));
            insert.bind(3, static_cast<std::int64_t>(key.initiator));
            bindAddress(insert, 4, key.src);
            bindAddress(insert, 5, key.dst);
            insert.bind(6, static_cast<std::int64_t>(key.srcService));
            insert.bind(7, static_cast<std::int64_t>(key.dstService));
            insert.bind(8, sums.flows);
            insert.bind(9, sums.packets);
            insert.bind(10, sums.bytes);
            insert.bind(11, sums.accepts);
            insert.bind(12, sums.rejects);
            insert.exec();
        });
        insert = Statement();
        execSql(db, "DROP TABLE graph_total_run; DROP TABLE graph_total_piece; PRAGMA user_version = 12; COMMIT");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace flowscope::test
