// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The index half of evaluating a filter: the blocks that may hold a match,
// found with the case's block-level indexes (addresses and CIDR blocks as
// range scans, ports, interfaces, rejects, time bounds) in SQL with bound
// parameters only. The record predicate then decides within those blocks.

#include "filter_ast.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace flowscope {

class CaseDb;

// Sorted block ids, or nothing when the filter cannot narrow the blocks
// (every block must then be scanned).
std::optional<std::vector<std::int64_t>> selectBlocks(CaseDb &caseDb, const FilterNode &filter);

} // namespace flowscope
