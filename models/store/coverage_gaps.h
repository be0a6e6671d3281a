// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Missing coverage per interface, as the timeline shades it: the spans of
// NODATA and SKIPDATA records, [start, last second + 1), merged with the
// overlapping and touching spans of the same interface and status, those of
// earlier imports included. Gathered while blocks are written.

#include "encoded_flow.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace flowscope {

struct CoverageSpan {
    std::uint32_t interface = 0;
    std::uint8_t logStatus = 0; // 1 NODATA, 2 SKIPDATA
    std::int64_t begin = 0;
    std::int64_t end = 0; // exclusive
};

// The coverage span of a record: NODATA or SKIPDATA, with a start and an
// interface; nothing for any other record.
std::optional<CoverageSpan> coverageSpanOf(const EncodedFlow &flow);

// Sorts spans by interface, status and begin, and merges those of one
// interface and status that overlap or touch.
std::vector<CoverageSpan> mergeCoverageSpans(std::vector<CoverageSpan> spans);

class CoverageGapWriter {
public:
    explicit CoverageGapWriter(sqlite3 *db);

    void add(const EncodedFlow &flow);
    std::size_t size() const { return m_spans.size(); }
    // Writes what was gathered, merged with the gaps already stored.
    void flush();
    // Forgets what was gathered (its transaction was rolled back).
    void discard() { m_spans.clear(); }

private:
    std::vector<CoverageSpan> m_spans;
    Statement m_before;
    Statement m_within;
    Statement m_delete;
    Statement m_insert;
};

} // namespace flowscope
