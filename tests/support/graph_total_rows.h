// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph's totals as a case keeps them (summed over its runs), one line a
// key in key order, for tests that compare cases or check an upgrade.

#include <QStringList>

#include <sqlite3.h>

namespace flowscope::test {

QStringList storedGraphTotals(sqlite3 *db);

} // namespace flowscope::test
