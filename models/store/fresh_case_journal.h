// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// While it lives, a case this connection has just created is written with a
// rollback journal instead of its write-ahead log. In WAL mode every page of
// an import is written twice: into the log during the transaction, then
// copied into the case by the checkpoint after the commit (a 10M-record
// import: 160 MB each, the checkpoint alone with every other thread idle).
// A rollback journal keeps only the pages the transaction changes that
// existed before it, and SQLite journals no page past the file's size at
// the transaction's start: in a new case that is nearly every page, so each
// is written once. A kill or a failure still leaves the case as it was
// before the file (the journal rolls the transaction back at the next
// open). An existing case keeps its log: other connections (the window's
// readers) may read it during the import, which a rollback journal's
// exclusive lock would block.

#include <sqlite3.h>

namespace flowscope {

class CaseDb;

class FreshCaseJournal {
public:
    explicit FreshCaseJournal(CaseDb &caseDb);
    // Back to the write-ahead log.
    ~FreshCaseJournal();
    FreshCaseJournal(const FreshCaseJournal &) = delete;
    FreshCaseJournal &operator=(const FreshCaseJournal &) = delete;

    // Whether the case is being written with a rollback journal.
    bool active() const { return m_active; }

private:
    sqlite3 *m_db;
    bool m_active = false;
};

} // namespace flowscope
