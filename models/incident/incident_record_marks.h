// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case's stars and tags as the filter language asks for them
// (`starred`, `tag == "c2"`): read when a filter is compiled, so each
// filter resolves its record ids once.

#include "query/filter_parser.h"
#include "query/record_marks.h"

#include <map>
#include <memory>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

class CaseRecordMarks final : public RecordMarks {
public:
    explicit CaseRecordMarks(CaseDb &caseDb);
    std::vector<std::int64_t> starredRecords() const override;
    std::vector<std::int64_t> recordsTagged(std::string_view tag) const override;
    std::vector<std::string> tags() const override;

private:
    CaseDb &m_case;
};

// The marks read once into memory, for a view that checks and completes
// filters as they are typed (any thread may read it). Empty when default
// made: a check of a filter's syntax without a case.
class RecordMarksSnapshot final : public RecordMarks {
public:
    RecordMarksSnapshot() = default;
    // Throws StoreError when the case cannot be read.
    explicit RecordMarksSnapshot(CaseDb &caseDb);
    std::vector<std::int64_t> starredRecords() const override { return m_starred; }
    std::vector<std::int64_t> recordsTagged(std::string_view tag) const override;
    std::vector<std::string> tags() const override;

private:
    std::vector<std::int64_t> m_starred;
    std::map<std::string, std::vector<std::int64_t>, std::less<>> m_tagged;
};

// Points options.recordMarks at the case's marks when the expression names
// `starred` or `tag`; the returned object must outlive the parse.
std::unique_ptr<RecordMarks> supplyRecordMarks(CaseDb &caseDb, std::string_view expression,
                                               FilterParseOptions &options);

} // namespace flowscope::incident
