// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Visits every record of a case (or of chosen blocks) in storage order, for
// aggregations that need no time order: statistics, detections, exports.

#include "block_codec.h"
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
// The same, decoding only `columns` (see block_codec.h): the other fields of
// the records fn gets hold unspecified values. A scan that reads a few
// fields skips decompressing the rest.
void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn);

// Calls fn once for each block (all, or those in `blocks`) with its records
// decoded for `columns`, from two threads at once and in no particular
// order: for work that needs no order, such as testing a filter, which then
// runs on both threads. fn must be safe to call concurrently; an exception
// from it (or a damaged block) ends the scan and reaches the caller.
void scanBlocksConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
                            const std::function<void(std::int64_t block, const std::vector<EncodedFlow> &rows)> &fn);

// The same, handing fn each block's records as a cursor to read them one at
// a time (see BlockRecordCursor): for a test or a sum over the records, which
// then never holds a block's records decoded at once. Records fn leaves
// unread are read after it returns, so a damaged block is noticed.
void scanBlockRecordsConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                                  ColumnMask columns,
                                  const std::function<void(std::int64_t block, BlockRecordCursor &records)> &fn);
// The threads the concurrent scans run on, the caller's one of them.
constexpr std::size_t kScanWorkers = 2;
// The same, telling fn which thread calls it (0 to kScanWorkers - 1, 0 being
// the caller's): for work that keeps a part of its result per thread and
// joins the parts after the scan, so that no two threads share one.
void scanBlockRecordsPerWorker(
    CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
    const std::function<void(std::size_t worker, std::int64_t block, BlockRecordCursor &records)> &fn);
// The same with each block opened for reading a column at a time (see
// BlockColumns).
void scanBlockColumnsPerWorker(
    CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
    const std::function<void(std::size_t worker, std::int64_t block, BlockColumns &columns)> &fn);
// The same, handing fn each block opened for reading a column at a time (see
// BlockColumns): for a test of the records that goes column by column.
void scanBlockColumnsConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                                  ColumnMask columns,
                                  const std::function<void(std::int64_t block, BlockColumns &columns)> &fn);

} // namespace flowscope
