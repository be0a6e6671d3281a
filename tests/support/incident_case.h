// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small case for the incident's tests: the five records of
// smallTrafficRecords() imported into `file`, and their ids in time order.

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope::test {

std::vector<std::int64_t> makeSmallCase(const std::string &file);

} // namespace flowscope::test
