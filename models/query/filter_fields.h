// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a filter reads and when it can select: the record fields it tests, so
// a consumer can tell whether a summary that keeps only some fields (the
// per-minute rollups keep the interface, the action and the log status) can
// answer it exactly; and the time window its top-level `time` conditions
// allow, so a timeline can show that window.

#include "filter_ast.h"

#include <bitset>
#include <cstdint>
#include <optional>

namespace flowscope {

using FieldSet = std::bitset<kFieldCount>;

// The shorthands count as the fields they read: addr as srcaddr and
// dstaddr, port as srcport and dstport, time as start and end.
FieldSet fieldsReadBy(const FilterNode &node);

// Half-open [from, until) in epoch seconds; unset ends are unbounded.
struct TimeWindow {
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> until;
};

// The window that `time` comparisons joined by `and` at the top of the
// filter (or the filter itself, when it is one) leave: `time >= A and
// time < B` gives [A, B). Any record the filter selects overlaps it.
TimeWindow timeWindowOf(const FilterNode &node);

} // namespace flowscope
