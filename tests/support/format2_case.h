// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a case of the current schema into the case Flowscope wrote at schema
// version 2 from the same records, for tests of reading and upgrading older
// cases: what version 3 added is dropped, and what it wrote differently
// (each block's bitmap of ephemeral port groups, the per-minute rollups) is
// written as version 2 did, from the blocks.

#include <string>

namespace flowscope::test {

void downgradeToFormat2(const std::string &caseFile);

} // namespace flowscope::test
