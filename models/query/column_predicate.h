// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A filter tested a column at a time over a whole block (see BlockColumns),
// following the evaluation rules of filter_ast.h as the record predicate
// does: a comparison on an absent field is false and `not` negates it. A
// count or match collection then compares a column's values in a row
// instead of visiting each record, which is what counting `dstport == 3306`
// over ten million records costs.

#include "filter_ast.h"
#include "store/block_codec.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>

namespace flowscope {

// A bit per record of a block, as RecordMatchSet::Block holds them.
using BlockMatchBits = std::array<std::uint64_t, kBlockCapacity / 64>;

// Sets `matches` to the block's records the filter matches (no bit from
// columns.size() on). `columns` must be open for the filter's fields.
// Reads only constants: several threads may use one at once.
using ColumnPredicate = std::function<void(BlockColumns &columns, BlockMatchBits &matches)>;

// Nothing when the filter tests what only the record predicate can: text
// fields (the interface context, AWS services, reject reasons) and IOC lists.
std::optional<ColumnPredicate> compileColumnPredicate(const FilterNode &filter);

} // namespace flowscope
