// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Output helpers for flowscope-cli: JSON string escaping (records carry 64-bit
// counters that a double-based JSON library would round, so numbers are
// written as text), RFC 4180 CSV fields, and aligned tables.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope::cli {

std::string jsonString(std::string_view text);
std::string csvField(std::string_view text);
void writeTable(std::ostream &out, const std::vector<std::string> &header,
                const std::vector<std::vector<std::string>> &rows);

} // namespace flowscope::cli
