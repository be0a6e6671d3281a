// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lets a superseded job stop inside a long SQL statement (an index range
// over millions of rows, a GROUP BY over a whole table), not only between
// the records it visits: while a QueryInterrupt lives, every statement on
// the case's connection fails with an "interrupted" StoreError as soon as
// `cancelled` says so. The job then drops its result as it would any
// cancelled one.

#include <functional>

namespace flowscope {

class CaseDb;

class QueryInterrupt {
public:
    QueryInterrupt(CaseDb &caseDb, std::function<bool()> cancelled);
    ~QueryInterrupt();
    QueryInterrupt(const QueryInterrupt &) = delete;
    QueryInterrupt &operator=(const QueryInterrupt &) = delete;

    // Statements interrupted so far (for tests: the scan stopped early).
    int interruptions() const { return m_interruptions; }

private:
    static int check(void *self);

    CaseDb &m_caseDb;
    std::function<bool()> m_cancelled;
    int m_interruptions = 0;
};

} // namespace flowscope
