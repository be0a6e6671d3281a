// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Visits every record of a case (or of chosen blocks) in storage order, for
// aggregations that need no time order: statistics, detections, exports.

#include "encoded_flow.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace flowscope {

class CaseDb;

// `blocks`: only these block ids (as a filter's index lookup chose them);
// all blocks when empty. fn gets the record and its id.
void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn);

} // namespace flowscope
