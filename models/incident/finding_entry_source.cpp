// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding_entry_source.h"

#include "detect/finding_store.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

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
            e.tags = {f.type};
            e.text = f.title;
            e.author = f.type;
            e.reference = f.id;
            e.filter = f.evidenceFilter;
            e.tagsEditable = false;
            out.push_back(std::move(e));
        }
        return out;
    }
    void setSeverity(const IncidentEntry &entry, Severity severity) override
    {
        if (m_case.isReadOnly())
            throw StoreError("case '" + m_case.path().string() + "' is open read-only: finding '" + entry.reference
                             + "' cannot be changed in it");
        const auto stored = findingSeverity(severity);
        if (!stored)
            throw StoreError("finding '" + entry.reference + "' cannot be " + std::string(severityName(severity))
                             + ": a finding is low, medium, high or critical");
        setFindingSeverity(m_case, entry.reference, *stored);
    }
    void setTags(const IncidentEntry &entry, const std::vector<std::string> &) override
    {
        throw StoreError("finding '" + entry.reference
                         + "' is tagged with its detector's name: tag its evidence records or add a note instead");
    }
    bool isTextEditable(const IncidentEntry &) const override { return false; }
    void setText(const IncidentEntry &entry, const std::string &) override
    {
        throw StoreError("the text of finding '" + entry.reference + "' is its detector's: add a note instead");
    }

private:
    CaseDb &m_case;
};

} // namespace

std::unique_ptr<IncidentEntrySource> makeFindingSource(CaseDb &caseDb)
{
    return std::make_unique<FindingSource>(caseDb);
}

} // namespace flowscope::incident
