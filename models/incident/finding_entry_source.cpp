// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding_entry_source.h"

#include "detect/finding_store.h"
#include "incident_case.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <algorithm>

namespace flowscope::incident {

namespace {

// Detectors give low, medium or high; the analyst may raise one to critical.
std::optional<flowscope::Severity> findingSeverity(Severity severity)
{
    switch (severity) {
    case Severity::Info: return std::nullopt;
    case Severity::Low: return flowscope::Severity::Low;
    case Severity::Medium: return flowscope::Severity::Medium;
    case Severity::High: return flowscope::Severity::High;
    case Severity::Critical: return flowscope::Severity::Critical;
    }
    return std::nullopt;
}

Severity entrySeverity(flowscope::Severity severity)
{
    switch (severity) {
    case flowscope::Severity::Low: return Severity::Low;
    case flowscope::Severity::Medium: return Severity::Medium;
    case flowscope::Severity::High: return Severity::High;
    case flowscope::Severity::Critical: return Severity::Critical;
    }
    return Severity::Low;
}

// Between a finding's title and the analyst's note in its entry's text.
constexpr const char *kNoteSeparator = " \u2014 note: ";

bool findingTableExists(CaseDb &caseDb)
{
    return queryInt(caseDb.handle(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'finding'") > 0;
}

class FindingSource final : public IncidentEntrySource {
public:
    explicit FindingSource(CaseDb &caseDb)
        : m_case(caseDb)
    {
    }
    bool provides(EntryKind kind) const override { return kind == EntryKind::Finding; }
    std::vector<IncidentEntry> entries() const override
    {
        std::vector<IncidentEntry> out;
        if (!findingTableExists(m_case))
            return out;
        std::int64_t position = 0;
        for (const Finding &f : loadFindings(m_case)) { // by start, detector and id: positions are stable
            IncidentEntry e;
            e.kind = EntryKind::Finding;
            e.id = position++;
            e.time = f.start;
            e.severity = entrySeverity(f.severity);
            // Its detector's name and the analyst's tags; the note after the title.
            e.tags = f.tags;
            e.tags.push_back(f.type);
            std::sort(e.tags.begin(), e.tags.end());
            e.tags.erase(std::unique(e.tags.begin(), e.tags.end()), e.tags.end());
            e.text = f.note.empty() ? f.title : f.title + kNoteSeparator + f.note;
            e.author = f.type;
            e.reference = f.id;
            e.filter = f.evidenceFilter;
            e.tagsEditable = true;
            out.push_back(std::move(e));
        }
        return out;
    }
    void setSeverity(const IncidentEntry &entry, Severity severity) override
    {
        requireWritable(entry);
        const auto stored = findingSeverity(severity);
        if (!stored)
            throw StoreError("finding '" + entry.reference + "' cannot be " + std::string(severityName(severity))
                             + ": a finding is low, medium, high or critical");
        setFindingSeverity(m_case, entry.reference, *stored);
    }
    // The detector's name stays a tag of its own; the analyst's are kept
    // in the finding across runs that find it again.
    void setTags(const IncidentEntry &entry, const std::vector<std::string> &tags) override
    {
        requireWritable(entry);
        std::vector<std::string> analysts;
        const std::string &detector = entry.author; // the detector's name
        for (const std::string &tag : normalizedTags(tags)) // throws naming a bad tag
            if (tag != detector)
                analysts.push_back(tag);
        setFindingTags(m_case, entry.reference, analysts);
    }
    // The text is the detector's title; what the analyst writes is the
    // finding's note, shown after it (written with or without the title).
    bool isTextEditable(const IncidentEntry &) const override { return true; }
    void setText(const IncidentEntry &entry, const std::string &text) override
    {
        requireWritable(entry);
        const std::size_t separator = entry.text.find(kNoteSeparator);
        const std::string title = separator == std::string::npos ? entry.text : entry.text.substr(0, separator);
        std::string note = text;
        if (note.starts_with(title))
            note.erase(0, title.size());
        if (note.starts_with(kNoteSeparator))
            note.erase(0, std::string_view(kNoteSeparator).size());
        setFindingNote(m_case, entry.reference, note);
    }

private:
    void requireWritable(const IncidentEntry &entry) const
    {
        if (m_case.isReadOnly())
            throw StoreError("case '" + m_case.path().string() + "' is open read-only: finding '" + entry.reference
                             + "' cannot be changed in it");
    }

    CaseDb &m_case;
};

} // namespace

std::unique_ptr<IncidentEntrySource> makeFindingSource(CaseDb &caseDb)
{
    return std::make_unique<FindingSource>(caseDb);
}

} // namespace flowscope::incident
