// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a case of the current schema into the case Flowscope wrote at schema
// version 3 from the same records, for tests of reading and upgrading older
// cases: what version 5 added dropped (schema4_case.h), blocks in block
// format 1, and the block indexes of addresses, ports below 32768 and
// interfaces as a row per (key, block) in block_address, block_port and
// block_interface, in place of the per-chunk sets.

#include <string>

namespace flowscope::test {

void downgradeToSchema3(const std::string &caseFile);

} // namespace flowscope::test
