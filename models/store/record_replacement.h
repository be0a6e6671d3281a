// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Replaces stored records in place by richer copies of themselves (the same
// record delivered again with more fields, see ingest/stored_duplicates.h).
// A record keeps its id (block << 12 | slot), its file and its line; its
// fields become the copy's. The fields that make the record what it is
// (interface-id, addresses, ports, protocol, times, counters, action, log
// status) are the same in both, so the block's time bounds, reject count,
// port indexes and the records by port and protocol stand. What the copy may add is kept consistent in the
// caller's transaction: the address and interface indexes, and, when the
// copy's interface context differs (a version 5 record names the VPC and
// subnet that a version 2 copy lacks), the rollups and coverage gaps move
// from the old context to the new one (the rollups summed over the
// interfaces stand).

#include "encoded_flow.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace flowscope {

struct RecordReplacement {
    std::size_t slot = 0;
    EncodedFlow richer;
};

// Replaces records of one stored block; the slots must be distinct.
void replaceStoredRecords(sqlite3 *db, std::int64_t block, const std::vector<RecordReplacement> &replacements);

} // namespace flowscope
