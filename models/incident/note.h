// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The analyst's notes: on a record or free, each with its author (the
// operating system's user name unless given), the time it was written, a
// severity and tags.

#include "incident_entry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

struct Note {
    std::int64_t id = 0;
    std::optional<std::int64_t> record;
    std::int64_t writtenAt = 0;
    std::string author;
    std::string text;
    Severity severity = Severity::Info;
    std::vector<std::string> tags; // sorted
};

class Notes {
public:
    explicit Notes(CaseDb &caseDb);

    // Returns the new note's id. Throws StoreError naming the case, the
    // record id (not in the case) or the reason (empty text).
    std::int64_t add(std::optional<std::int64_t> record, const std::string &text, const std::string &author);
    // Each throws StoreError naming the note id when there is no such note.
    void setText(std::int64_t note, const std::string &text);
    void setAuthor(std::int64_t note, const std::string &author);
    void setSeverity(std::int64_t note, Severity severity);
    void setTags(std::int64_t note, const std::vector<std::string> &tags);
    void remove(std::int64_t note);

    // By id (the order written); empty for a case without the incident tables.
    std::vector<Note> list() const;

private:
    void requireNote(std::int64_t note) const;

    CaseDb &m_case;
};

} // namespace flowscope::incident
