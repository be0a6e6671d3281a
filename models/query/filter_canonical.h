// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prints a filter tree as a normalised expression that parses back to the
// same tree: lower-case keywords, AWS field names (eni is interface-id),
// numbers for integer fields (protocol names become their number), times in
// UTC ISO 8601, CIDRs with their network address, strings double-quoted, and
// parentheses around every `and`/`or` nested in another operator.

#include "filter_ast.h"

#include <string>

namespace flowscope {

std::string toCanonicalString(const FilterNode &node);
std::string targetName(const FilterTarget &target);

} // namespace flowscope
