// SPDX-License-Identifier: GPL-3.0-or-later
#include "background_connection.h"

#include "store/case_db.h"
#include "store/sqlite_handle.h"

namespace flowscope {

std::unique_ptr<CaseDb> openForBackgroundReads(const std::string &casePath)
{
    auto caseDb = CaseDb::open(casePath, CaseDb::Mode::ReadOnly);
    execSql(caseDb->handle(), "PRAGMA cache_size = -" + std::to_string(kBackgroundCacheKiB));
    return caseDb;
}

} // namespace flowscope
