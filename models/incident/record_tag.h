// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tags on records ("c2", "exfil"), for the incident timeline and the filter
// `tag == "c2"`. Stored lower case; a tagged record joins the timeline.

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

class RecordTags {
public:
    explicit RecordTags(CaseDb &caseDb);

    // Throw StoreError naming the case, the record id or the bad tag; nothing
    // is changed then.
    void add(std::int64_t record, const std::vector<std::string> &tags, const std::string &author);
    void remove(std::int64_t record, const std::vector<std::string> &tags);
    // Replaces the record's tags (an empty list removes them all).
    void set(std::int64_t record, const std::vector<std::string> &tags, const std::string &author);

    // All empty for a case without the incident tables.
    std::vector<std::string> tagsOf(std::int64_t record) const; // sorted
    std::vector<std::int64_t> recordsWith(const std::string &tag) const; // sorted; tag as written
    std::vector<std::string> allTags() const; // sorted, record and note tags

private:
    CaseDb &m_case;
};

} // namespace flowscope::incident
