// SPDX-License-Identifier: GPL-3.0-or-later
#include "query_interrupt.h"

#include "store/case_db.h"

#include <sqlite3.h>

namespace flowscope {

namespace {
// SQLite's virtual machine steps between checks: a few microseconds' work,
// so an interrupt lands within a millisecond.
constexpr int kStepsBetweenChecks = 10000;
} // namespace

QueryInterrupt::QueryInterrupt(CaseDb &caseDb, std::function<bool()> cancelled)
    : m_caseDb(caseDb)
    , m_cancelled(std::move(cancelled))
{
    sqlite3_progress_handler(m_caseDb.handle(), kStepsBetweenChecks, &QueryInterrupt::check, this);
}

QueryInterrupt::~QueryInterrupt() { sqlite3_progress_handler(m_caseDb.handle(), 0, nullptr, nullptr); }

int QueryInterrupt::check(void *self)
{
    auto *interrupt = static_cast<QueryInterrupt *>(self);
    if (!interrupt->m_cancelled || !interrupt->m_cancelled())
        return 0;
    ++interrupt->m_interruptions;
    return 1;
}

} // namespace flowscope
