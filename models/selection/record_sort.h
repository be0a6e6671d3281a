// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records a filter keeps, ordered by any column (see sort_key.h), in
// one scan of the filter's candidate blocks with bounded memory: up to
// `fullSort` matches all of them are ordered; beyond, only the first `top`
// rows of the order are kept (a bounded selection of record ids and keys),
// and the caller says so. The rows themselves are then read by id, but for
// the first ones (a page or so), whose stored records the scan keeps.

#include "format/field_catalog.h"
#include "store/encoded_flow.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace flowscope {

class CaseDb;
class CaseFilter;

struct RecordSortSpec {
    Field field = Field::Start;
    bool descending = false;
};

struct RecordSortLimits {
    std::int64_t fullSort = 1'000'000; // up to this many matches, every one is ordered
    std::size_t top = 10'000;          // beyond, the first `top` of the order
    // The stored records of the first rows are kept as the scan meets them,
    // so the first page needs no second read of their blocks.
    std::size_t headRows = 1'024;
};

struct SortedRecords {
    std::vector<std::int64_t> ids; // in the order asked for
    std::int64_t matches = 0;      // records the filter keeps
    std::int64_t caseRecords = 0;  // records in the case
    std::vector<EncodedFlow> head; // the stored records of the first ids (up to headRows)
    // True when ids holds only the first rows of the order.
    bool isTop() const { return static_cast<std::int64_t>(ids.size()) < matches; }
};

class RecordSortCancelled : public std::runtime_error {
public:
    RecordSortCancelled()
        : std::runtime_error("sorting was cancelled")
    {
    }
};

// `cancelled`, when given, is asked once a block: a newer filter or sort
// stops an older one within a block (RecordSortCancelled).
SortedRecords sortRecords(CaseDb &caseDb, const CaseFilter &filter, const RecordSortSpec &spec,
                          const RecordSortLimits &limits = {}, const std::function<bool()> &cancelled = {});

// "bytes" or "bytes:desc" / "bytes:asc" (an AWS field name); nullopt when
// the field or the direction is unknown.
std::optional<RecordSortSpec> parseRecordSortSpec(std::string_view text);

} // namespace flowscope
