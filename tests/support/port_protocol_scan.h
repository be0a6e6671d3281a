// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records by port and protocol (table port_protocol_total) as the table
// holds them, and as a brute-force scan of every record of the case finds
// them, one text row "kind value action records" each, sorted: what tests of
// the totals compare.

#include <sqlite3.h>

#include <string>
#include <vector>

namespace flowscope::test {

std::vector<std::string> storedPortProtocolTotals(sqlite3 *db);
std::vector<std::string> scannedPortProtocolTotals(sqlite3 *db);

} // namespace flowscope::test
