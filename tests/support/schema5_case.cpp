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
        execSql(db, "DROP TABLE port_protocol_total; DROP TABLE rollup_minute_total; DROP TABLE graph_traffic_total; DROP INDEX flow_block_extent; PRAGMA user_version = 5");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace flowscope::test
