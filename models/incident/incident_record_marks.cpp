// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_record_marks.h"

#include "record_star.h"
#include "record_tag.h"

namespace flowscope::incident {

CaseRecordMarks::CaseRecordMarks(CaseDb &caseDb)
    : m_case(caseDb)
{
}

std::vector<std::int64_t> CaseRecordMarks::starredRecords() const { return RecordStars(m_case).starredRecords(); }

std::vector<std::int64_t> CaseRecordMarks::recordsTagged(std::string_view tag) const
{
    return RecordTags(m_case).recordsWith(std::string(tag));
}

std::vector<std::string> CaseRecordMarks::tags() const { return RecordTags(m_case).allTags(); }

RecordMarksSnapshot::RecordMarksSnapshot(CaseDb &caseDb)
    : m_starred(RecordStars(caseDb).starredRecords())
{
    const RecordTags tags(caseDb);
    for (const std::string &tag : tags.allTags())
        if (auto records = tags.recordsWith(tag); !records.empty())
            m_tagged.emplace(tag, std::move(records));
}

std::vector<std::int64_t> RecordMarksSnapshot::recordsTagged(std::string_view tag) const
{
    std::string key(tag);
    for (char &c : key)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const auto it = m_tagged.find(key);
    return it == m_tagged.end() ? std::vector<std::int64_t>() : it->second;
}

std::vector<std::string> RecordMarksSnapshot::tags() const
{
    std::vector<std::string> out;
    for (const auto &entry : m_tagged)
        out.push_back(entry.first);
    return out;
}

std::unique_ptr<RecordMarks> supplyRecordMarks(CaseDb &caseDb, std::string_view expression,
                                               FilterParseOptions &options)
{
    if (!namesRecordMarks(expression))
        return nullptr;
    auto marks = std::make_unique<CaseRecordMarks>(caseDb);
    options.recordMarks = marks.get();
    return marks;
}

} // namespace flowscope::incident
