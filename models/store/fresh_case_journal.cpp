// SPDX-License-Identifier: GPL-3.0-or-later
#include "fresh_case_journal.h"

#include "case_db.h"
#include "sqlite_handle.h"

#include <string>

namespace flowscope {

namespace {

// Sets the journal mode; SQLite answers with the mode in force, which is the
// old one when it could not change (another connection has the case open).
std::string setJournalMode(sqlite3 *db, const char *mode)
{
    Statement statement(db, std::string("PRAGMA journal_mode = ") + mode);
    return statement.step() ? statement.text(0) : std::string();
}

} // namespace

FreshCaseJournal::FreshCaseJournal(CaseDb &caseDb)
    : m_db(caseDb.handle())
{
    if (!caseDb.wasCreated() || caseDb.isReadOnly())
        return;
    try {
        m_active = setJournalMode(m_db, "DELETE") == "delete";
    } catch (const StoreError &) {
        m_active = false; // busy: the log stays, which is only slower
    }
}

FreshCaseJournal::~FreshCaseJournal()
{
    if (!m_active)
        return;
    try {
        setJournalMode(m_db, "WAL");
    } catch (const StoreError &) {
        // Left in rollback mode: the next open of the case sets WAL again.
    }
}

} // namespace flowscope
