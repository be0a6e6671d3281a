// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_job.h"

#include "background_connection.h"
#include "query_interrupt.h"

#include "store/case_db.h"

#include <exception>

namespace flowscope {

QString runOnCase(const QString &casePath, const std::function<bool()> &stale,
                  const std::function<void(CaseDb &caseDb)> &work)
{
    if (casePath.isEmpty())
        return {};
    try {
        auto caseDb = openForBackgroundReads(casePath.toStdString());
        const QueryInterrupt interrupt(*caseDb, stale);
        work(*caseDb);
    } catch (const std::exception &error) {
        if (!stale())
            return QString::fromLocal8Bit(error.what());
    }
    return {};
}

} // namespace flowscope
