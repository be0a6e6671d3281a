// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records are stored in blocks of up to kBlockCapacity, sorted by start time,
// each block a column-by-column encoding compressed with zstd: flow logs
// repeat themselves so much (same ENIs, ports, neighbours, times) that a
// row per record, however compact, would be several times the size of the
// .gz it came from.
//
// Block format 2 compresses each column on its own behind a directory, so a
// scan decompresses only the columns it reads (a count of `dstport == 3306`
// reads the port columns, not the addresses). Format 1 (one frame for the
// whole block, written up to schema 3) is still read, every column at once.

#include "encoded_flow.h"

#include <optional>
#include <string>
#include <vector>

namespace flowscope {

constexpr std::size_t kBlockCapacity = 4096;
constexpr int kCurrentBlockFormat = 2;
constexpr int kBlockShift = 12; // record id = block id << 12 | slot

// Block order: by sort key, then by line.
bool blockOrder(const EncodedFlow &a, const EncodedFlow &b);

// The columns a decode fills: a bit per Field, and kLineColumn for the
// records' line numbers. The presence masks and start times are always
// decoded; a Field of the interface context (kInterfaceFields) brings the
// whole context, as records hold it as one id.
using ColumnMask = std::uint64_t;
static_assert(kFieldCount < 63, "a bit per field and one for the line numbers");
constexpr ColumnMask kLineColumn = ColumnMask(1) << 63;
constexpr ColumnMask kAllColumns = ~ColumnMask(0);
constexpr ColumnMask columnOf(Field f) { return ColumnMask(1) << static_cast<unsigned>(f); }

// Sorts `rows` in block order (start, absent first; then line) and encodes them.
std::string encodeBlock(std::vector<EncodedFlow> &rows);
// The same records in block format 1, as schema 3 wrote them (for tests of
// older cases).
std::string encodeBlockFormat1(std::vector<EncodedFlow> &rows);
// Every column. Throws StoreError when the data is not a valid block.
std::vector<EncodedFlow> decodeBlock(std::string_view data);
// Fills `rows` (reused, so a scan allocates once) with the block's records:
// the presence masks, start times and the columns in `columns`; the values of
// other fields are unspecified. Throws StoreError when the data is not a
// valid block.
void decodeBlockColumns(std::string_view data, ColumnMask columns, std::vector<EncodedFlow> &rows);
// The block format of stored data (1 or 2), 0 when it is none.
int blockFormatOf(std::string_view data);
// How many of the first bytes of a stored block of `size` bytes a decode of
// `columns` reads (decodeBlockColumns takes just those), given its first
// bytes `head`: the whole block for format 1; nothing when `head` is too
// short to hold the column directory (a few hundred bytes do). Throws
// StoreError when the directory is damaged.
std::optional<std::size_t> blockBytesNeeded(std::string_view head, std::size_t size, ColumnMask columns);
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
