// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records the analyst marked: starred (Ctrl+M in the table, as Wireshark
// marks packets) or tagged, each with a severity and who marked it when.
// Records are named as the store names them, block << 12 | slot.

#include "incident_entry.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

struct MarkedRecord {
    std::int64_t record = 0;
    bool starred = false;
    Severity severity = Severity::Info;
    std::int64_t markedAt = 0;
    std::string author;
    std::vector<std::string> tags; // sorted
};

class RecordStars {
public:
    explicit RecordStars(CaseDb &caseDb);

    // Throw StoreError naming the case (read-only, too old) or the record id
    // (not in the case); ids are checked all before any is changed.
    void star(const std::vector<std::int64_t> &records, const std::string &author);
    // Returns how many were starred. Unknown ids are an error as for star().
    int unstar(const std::vector<std::int64_t> &records);
    void setSeverity(std::int64_t record, Severity severity, const std::string &author);

    // Empty for a case without the incident tables.
    std::vector<std::int64_t> starredRecords() const; // sorted
    bool isStarred(std::int64_t record) const;
    // Starred or tagged records, by id, with their tags.
    std::vector<MarkedRecord> markedRecords() const;

    // For RecordTags: a row for a record about to be tagged, and its removal
    // once it is neither starred nor tagged.
    static void ensureMarked(CaseDb &caseDb, std::int64_t record, const std::string &author);
    static void pruneUnmarked(CaseDb &caseDb, std::int64_t record);

private:
    CaseDb &m_case;
};

} // namespace flowscope::incident
