// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One line of the incident timeline: a starred or tagged record, a note, and
// (from other sources) a detector's finding or a linked CloudTrail event.
// Every entry has a time, a severity and tags the analyst can edit.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope::incident {

// Finding and CloudTrailEvent are filled by sources of their own
// (IncidentEntrySource); the incident's stores make the others.
enum class EntryKind : std::uint8_t { StarredRecord, TaggedRecord, Note, Finding, CloudTrailEvent };

enum class Severity : std::uint8_t { Info, Low, Medium, High, Critical };
inline constexpr int kSeverityCount = 5;

// "starred", "tagged", "note", "finding", "cloudtrail".
std::string_view entryKindName(EntryKind kind);
// "info", "low", "medium", "high", "critical".
std::string_view severityName(Severity severity);
// Case-insensitive; nullopt for an unknown name.
std::optional<Severity> severityByName(std::string_view name);
// A stored severity; out-of-range values read as Info.
Severity severityFromInt(std::int64_t value);

struct IncidentEntry {
    EntryKind kind = EntryKind::Note;
    // Which entry of its kind: the record id for a record, the note's id,
    // the finding's or event's id.
    std::int64_t id = 0;
    // The record it is about (block << 12 | slot), when any.
    std::optional<std::int64_t> record;
    // When it happened, Unix epoch seconds: the record's start, a free
    // note's writing time; nullopt when unknown (an undated record).
    std::optional<std::int64_t> time;
    Severity severity = Severity::Info;
    std::vector<std::string> tags; // sorted, lower case
    std::string text;              // a note's text, a record's summary
    std::string author;
    std::int64_t writtenAt = 0; // when the analyst marked or wrote it
    // A finding's own name ("port-scan-1") and the filter that selects its
    // evidence records; empty for the others.
    std::string reference;
    std::string filter;
    // Whether the analyst can change its tags (a finding keeps its detector's).
    bool tagsEditable = true;
    // Which of the timeline's sources listed it, so that an edit goes back
    // to that source even when two provide the same kind; -1 when unknown.
    int source = -1;
};

// Time order: undated entries last, then by kind and id so the order is stable.
bool entryBefore(const IncidentEntry &a, const IncidentEntry &b);

} // namespace flowscope::incident
