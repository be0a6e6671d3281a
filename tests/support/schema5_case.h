// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a case of the current schema into the case Flowscope wrote at schema
// version 5, for tests of reading and upgrading older cases: the records by
// port and protocol, the minute rollups summed over the interfaces and the
// records per interface and address pair the graph reads and the index of
// block extents are dropped, and so are the findings, IOC lists and the incident's
// stars, tags and notes.

#include <string>

namespace flowscope::test {

void downgradeToSchema5(const std::string &caseFile);

// Turns a case of the current schema into the case Flowscope wrote at
// schema version 12: the graph's totals a row per key in
// graph_traffic_total rather than in sorted runs.
void downgradeToSchema12(const std::string &caseFile);

} // namespace flowscope::test
