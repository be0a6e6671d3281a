// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records are stored in blocks of up to kBlockCapacity, sorted by start time,
// each block a column-by-column encoding compressed with zstd: flow logs
// repeat themselves so much (same ENIs, ports, neighbours, times) that a
// row per record, however compact, would be several times the size of the
// .gz it came from.

#include "encoded_flow.h"

#include <string>
#include <vector>

namespace flowscope {

constexpr std::size_t kBlockCapacity = 4096;
constexpr int kBlockShift = 12; // record id = block id << 12 | slot

// Block order: by sort key, then by line.
bool blockOrder(const EncodedFlow &a, const EncodedFlow &b);

// Sorts `rows` in block order (start, absent first; then line) and encodes them.
std::string encodeBlock(std::vector<EncodedFlow> &rows);
// Throws StoreError when the data is not a valid block.
std::vector<EncodedFlow> decodeBlock(std::string_view data);
// Only the sort keys (see sortStart) of a block's records, in block order.
std::vector<std::int64_t> decodeBlockKeys(std::string_view data);

inline std::int64_t recordId(std::int64_t block, std::size_t slot)
{
    return (block << kBlockShift) | static_cast<std::int64_t>(slot);
}

// The time a record sorts by: its start, or before everything when absent.
inline std::int64_t sortStart(const EncodedFlow &flow)
{
    return flow.has(Field::Start) ? flow.start : INT64_MIN;
}

} // namespace flowscope
