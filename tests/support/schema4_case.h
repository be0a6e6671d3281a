// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a case of the current schema into the case Flowscope wrote at schema
// version 4, for tests of reading and upgrading older cases: the
// configuration snapshots of version 5 and the IOC lists are dropped.

#include <string>

namespace flowscope::test {

void downgradeToSchema4(const std::string &caseFile);

} // namespace flowscope::test
