// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema5_case.h"

#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <stdexcept>

namespace flowscope::test {

void downgradeToSchema5(const std::string &caseFile)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(caseFile.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + caseFile);
    }
    try {
        execSql(db, "DROP TABLE IF EXISTS incident_record; DROP TABLE IF EXISTS record_tag;"
                    " DROP TABLE IF EXISTS incident_note; DROP TABLE IF EXISTS note_tag;");
        // Every object of the migrations after 5.
        execSql(db, "DROP TABLE port_protocol_total; DROP TABLE rollup_minute_total; DROP TABLE graph_traffic_total; DROP INDEX flow_block_extent; "
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

} // namespace flowscope::test
