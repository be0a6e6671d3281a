// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the incident timeline's entries come from. The case's stars, tags
// and notes are two sources (incident_timeline.h); a detector's findings
// and linked CloudTrail events join as sources of their own, entries of
// kind Finding and CloudTrailEvent, without the timeline changing.

#include "incident_entry.h"

#include <string>
#include <vector>

namespace flowscope::incident {

class IncidentEntrySource {
public:
    virtual ~IncidentEntrySource() = default;
    // Whether entries of this kind come from this source (edits are routed by kind).
    virtual bool provides(EntryKind kind) const = 0;
    // Its entries, in any order. Throws StoreError when the case cannot be read.
    virtual std::vector<IncidentEntry> entries() const = 0;
    // Edits by the analyst; throw StoreError naming the entry or the reason.
    virtual void setSeverity(const IncidentEntry &entry, Severity severity) = 0;
    virtual void setTags(const IncidentEntry &entry, const std::vector<std::string> &tags) = 0;
    // Sources whose text is not the analyst's (a record's summary) refuse it.
    virtual bool isTextEditable(const IncidentEntry &entry) const = 0;
    virtual void setText(const IncidentEntry &entry, const std::string &text) = 0;
};

} // namespace flowscope::incident
