// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The incident timeline of a case: every source's entries in time order,
// and the analyst's edits routed to the source an entry came from. Built
// with the case's marked records and notes; other sources are added.

#include "incident_entry.h"
#include "incident_entry_source.h"

#include <memory>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

// Starred and tagged records: the time is the record's start, the text a
// summary of the record (addresses, ports, protocol, action).
std::unique_ptr<IncidentEntrySource> makeMarkedRecordSource(CaseDb &caseDb, std::string author);
// Notes: a record's note at the record's start, a free note when written.
std::unique_ptr<IncidentEntrySource> makeNoteSource(CaseDb &caseDb);

class IncidentTimeline {
public:
    // With the marked-record, note, CloudTrail and finding sources; `author` signs the marks made
    // through edits (severity, tags) of records not yet marked.
    explicit IncidentTimeline(CaseDb &caseDb, std::string author);
    void addSource(std::unique_ptr<IncidentEntrySource> source);

    std::vector<IncidentEntry> entries() const; // in time order (entryBefore)

    void setSeverity(const IncidentEntry &entry, Severity severity);
    void setTags(const IncidentEntry &entry, const std::vector<std::string> &tags);
    bool isTextEditable(const IncidentEntry &entry) const;
    void setText(const IncidentEntry &entry, const std::string &text);

private:
    IncidentEntrySource &sourceOf(const IncidentEntry &entry) const;

    std::vector<std::unique_ptr<IncidentEntrySource>> m_sources;
};


} // namespace flowscope::incident
