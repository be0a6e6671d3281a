// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema4_case.h"

#include "schema5_case.h"

#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <stdexcept>

namespace flowscope::test {

void downgradeToSchema4(const std::string &caseFile)
{
    downgradeToSchema5(caseFile);
    sqlite3 *db = nullptr;
    if (sqlite3_open(caseFile.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + caseFile);
    }
    try {
        // The tables of later migrations too (findings, IOC lists).
        execSql(db, "DROP TABLE IF EXISTS finding; DROP TABLE IF EXISTS detection_run;"
                    " DROP TABLE IF EXISTS ioc_indicator; DROP TABLE IF EXISTS ioc_list_file; DROP TABLE IF EXISTS ioc_list;"
                    " DROP TABLE config_snapshot_file; DROP TABLE config_snapshot; PRAGMA user_version = 4");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace flowscope::test
