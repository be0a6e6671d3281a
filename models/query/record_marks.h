// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Filter terms on what the analyst marked rather than what a record holds:
// `starred`, and `tag == "c2"` (also !=, contains, matches). The query layer
// knows only this abstract lookup; whoever compiles a filter supplies it
// (the incident's stars and tags implement it over the case), and the
// terms are resolved once per filter into sorted sets of record ids.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

// Whether the expression uses `starred` or `tag` (a word of the filter that
// is their name), so a caller reads the marks only for filters that need them.
bool namesRecordMarks(std::string_view expression);

class RecordMarks {
public:
    virtual ~RecordMarks() = default;
    // Record ids (block << 12 | slot), sorted.
    virtual std::vector<std::int64_t> starredRecords() const = 0;
    virtual std::vector<std::int64_t> recordsTagged(std::string_view tag) const = 0;
    // Every tag in use, sorted (for `contains`, `matches` and completion).
    virtual std::vector<std::string> tags() const = 0;
};

} // namespace flowscope
