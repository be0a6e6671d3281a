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
//
// Block format 3, written since, is format 2 with the four address columns
// stored as a dictionary of the block's distinct addresses and a 16-bit
// index a record: the address columns were nearly nine tenths of what a
// count of `addr == 10.0.0.0/8 and action == reject` decompressed, and a
// CIDR test is then a test a dictionary entry; its start times have a
// section apart from the presence runs, which every test reads. Blocks of
// formats 1 and 2 read as before, so an older case keeps its blocks as
// they are.

#include "encoded_flow.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

constexpr std::size_t kBlockCapacity = 4096;
constexpr int kCurrentBlockFormat = 3;
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
// The same records in block format 2, as schema 13 wrote them up to the
// address dictionary (for tests of older cases).
std::string encodeBlockFormat2(std::vector<EncodedFlow> &rows);
// The same records in block format 1, as schema 3 wrote them (for tests of
// older cases).
std::string encodeBlockFormat1(std::vector<EncodedFlow> &rows);
// Every column. Throws StoreError when the data is not a valid block.
std::vector<EncodedFlow> decodeBlock(std::string_view data, std::int64_t blockId = -1);
// Fills `rows` (reused, so a scan allocates once) with the block's records:
// the presence masks, start times and the columns in `columns`; the values of
// other fields are unspecified. Throws StoreError when the data is not a
// valid block.
void decodeBlockColumns(std::string_view data, ColumnMask columns, std::vector<EncodedFlow> &rows,
                        std::int64_t blockId = -1);
// Reads a block's records one at a time into one reused record, decoding
// only `columns` (as decodeBlockColumns does): a scan that tests or adds up
// records touches one record's memory rather than a block's. 4,096 decoded
// records do not fit a core's cache, and a decode column by column into them
// goes over that memory once a column.
class BlockColumns;

// An address range as numbers, for a test on a column as stored: an IPv4
// address as its big-endian word (in `high`), an IPv6 one as two words. A
// range holds addresses of its own family only.
struct AddressWordRange {
    bool v6 = false;
    std::uint64_t loHigh = 0, loLow = 0, hiHigh = 0, hiLow = 0;
};

class BlockRecordCursor {
public:
    BlockRecordCursor();
    ~BlockRecordCursor();
    BlockRecordCursor(const BlockRecordCursor &) = delete;
    BlockRecordCursor &operator=(const BlockRecordCursor &) = delete;

    // Starts on a stored block (or the first bytes of it that decoding
    // `columns` needs, see blockBytesNeeded). `data` must outlive the reading
    // of its records. Throws StoreError when it is not a valid block.
    // Given the block's id, each record carries its own (EncodedFlow::id).
    void open(std::string_view data, ColumnMask columns, std::int64_t blockId = -1);
    // The same, taking the columns `decoded` has already decompressed from it
    // rather than decompressing them again: `decoded` must have been opened
    // on an earlier reading of this same block (a test of the filter's
    // columns before the matches are read whole) and not reopened since,
    // and must outlive the reading of the records. A column whose place or
    // sizes differ between the two readings is decompressed from `data`.
    void open(std::string_view data, ColumnMask columns, std::int64_t blockId, const BlockColumns &decoded);
    // The block's records.
    std::size_t size() const;
    // The next record in block order, valid until the next call, or null
    // after the last. Throws StoreError when the block is damaged (some
    // damage shows only at the end).
    const EncodedFlow *next();
    // Steps over the next `n` records (fewer at the block's end) without
    // putting them together: a reader of a few records of a block walks the
    // bytes of the others only. Throws StoreError as next() does.
    void skip(std::size_t n);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Reads a block a whole column at a time into flat arrays indexed by slot,
// for a test of the records that goes column by column (see
// query/column_predicate.h): a count of `dstport == 3306` then compares
// 4,096 numbers in a row rather than visiting 4,096 records.
class BlockColumns {
public:
    BlockColumns();
    ~BlockColumns();
    BlockColumns(const BlockColumns &) = delete;
    BlockColumns &operator=(const BlockColumns &) = delete;

    // Starts on a stored block (or its first bytes that decoding `columns`
    // needs); `data` must outlive the reading. Columns are decoded when
    // first asked for. Throws StoreError when it is not a valid block.
    void open(std::string_view data, ColumnMask columns);
    std::size_t size() const;
    // A bit per record (slot s: bit s % 64 of word s / 64), set when the
    // record has `field`; kBlockCapacity / 64 words.
    const std::uint64_t *presence(Field field);
    // The values of an integer or enum field of `columns` (or Start) by slot;
    // unspecified where a record lacks the field. Throws StoreError when the
    // column is damaged.
    const std::uint64_t *integers(Field field);
    // The same for an address field of `columns`.
    const IpAddress *addresses(Field field);
    // Sets bit s of `out` (and clears the others) when the record at slot s
    // has the address field `field` of `columns` within one of `ranges`.
    // The stored addresses are compared where they lie, without being put
    // together: testing a rare address or a CIDR block over a whole case
    // is mostly this walk. Throws StoreError when the column is damaged.
    void matchAddresses(Field field, const AddressWordRange *ranges, std::size_t count,
                        std::array<std::uint64_t, kBlockCapacity / 64> &out);
    // The dictionary ids of InterfaceId (the interface context), the AWS
    // services or RejectReason by slot, 0 where a record has none.
    const std::uint32_t *ids(Field field);

private:
    friend class BlockRecordCursor; // takes the sections already decompressed
    struct State;
    std::unique_ptr<State> m_state;
};

// The block format of stored data (1, 2 or 3), 0 when it is none.
int blockFormatOf(std::string_view data);
// How many of the first bytes of a stored block of `size` bytes a decode of
// `columns` reads (decodeBlockColumns takes just those), given its first
// bytes `head`: the whole block for format 1; nothing when `head` is too
// short to hold the column directory (a few hundred bytes do). Throws
// StoreError when the directory is damaged.
std::optional<std::size_t> blockBytesNeeded(std::string_view head, std::size_t size, ColumnMask columns);
// The same as the parts of the block a decode of `columns` reads, in order:
// the directory and the sections of those columns (format 2 keeps each
// column apart, so a reader may leave the bytes between them unread; a
// decode reads nothing else of the first blockBytesNeeded bytes).
struct BlockByteRange {
    std::size_t offset;
    std::size_t size;
};
std::optional<std::vector<BlockByteRange>> blockRangesNeeded(std::string_view head, std::size_t size, ColumnMask columns);
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
