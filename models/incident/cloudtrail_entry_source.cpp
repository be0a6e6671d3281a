// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_entry_source.h"

#include "incident_case.h"

#include "cloudtrail/cloudtrail_trail.h"
#include "detect/evidence_filter.h"
#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"
#include "store/sqlite_handle.h"

namespace flowscope::incident {

namespace {

// "RunInstances from 203.0.113.9: eni-0a1b... i-0c2d... (case: eni-0a1b...)"
std::string summaryOf(const cloudtrail::TrailEvent &event)
{
    const CloudTrailEventRow &row = event.row;
    std::string text = row.eventName;
    if (!row.sourceIp.empty())
        text += " from " + row.sourceIp;
    if (!row.errorCode.empty())
        text += " (failed: " + row.errorCode + ')';
    if (!row.resources.empty()) {
        text += ':';
        for (const std::string &id : row.resources)
            text += ' ' + id;
    }
    if (!event.caseInterfaces.empty()) {
        text += " (case:";
        for (const std::string &eni : event.caseInterfaces)
            text += ' ' + eni;
        text += ')';
    }
    return text;
}

// The records of the case's interfaces the event touches from a little
// before it (what led to it) on: the table, in time order, then starts with
// what it changed (a new instance's first flows, however long after its
// launch they come; the rejects a rule change caused). Empty when it
// touches none of them.
std::string relatedRecordsFilter(const cloudtrail::TrailEvent &event)
{
    if (event.caseInterfaces.empty())
        return {};
    constexpr std::int64_t kBefore = 15 * 60;
    std::string interfaces;
    for (const std::string &eni : event.caseInterfaces)
        interfaces += (interfaces.empty() ? "" : " or ") + EvidenceFilter().text("interface-id", eni).joinedTo({});
    return EvidenceFilter().term(interfaces).term("start >= " + isoUtcSeconds(event.row.time - kBefore)).joinedTo({});
}

class CloudTrailSource final : public IncidentEntrySource {
public:
    explicit CloudTrailSource(CaseDb &caseDb)
        : m_case(caseDb)
    {
    }
    bool provides(EntryKind kind) const override { return kind == EntryKind::CloudTrailEvent; }
    std::vector<IncidentEntry> entries() const override
    {
        std::vector<IncidentEntry> out;
        if (!hasCloudTrailTable(m_case.handle()))
            return out;
        for (const cloudtrail::TrailEvent &event : cloudtrail::traceCloudTrail(m_case, {}).events) {
            IncidentEntry e;
            e.kind = EntryKind::CloudTrailEvent;
            e.id = event.row.id;
            e.time = event.row.time;
            e.severity = severityFromInt(event.row.severity);
            e.tags = event.row.tags;
            e.text = summaryOf(event);
            e.filter = relatedRecordsFilter(event);
            e.author = event.row.principal;
            e.writtenAt = event.row.time;
            out.push_back(std::move(e));
        }
        return out;
    }
    void setSeverity(const IncidentEntry &entry, Severity severity) override
    {
        requireIncidentWritable(m_case);
        const CloudTrailEventRow row = existing(entry);
        updateCloudTrailEventMarks(m_case.handle(), row.id, static_cast<int>(severity), row.tags);
    }
    void setTags(const IncidentEntry &entry, const std::vector<std::string> &tags) override
    {
        const std::vector<std::string> normalized = normalizedTags(tags); // throws naming a bad tag
        requireIncidentWritable(m_case);
        const CloudTrailEventRow row = existing(entry);
        updateCloudTrailEventMarks(m_case.handle(), row.id, row.severity, normalized);
    }
    bool isTextEditable(const IncidentEntry &) const override { return false; }
    void setText(const IncidentEntry &entry, const std::string &) override
    {
        throw StoreError("the text of CloudTrail event " + std::to_string(entry.id)
                         + " is what CloudTrail recorded: add a note instead");
    }

private:
    CloudTrailEventRow existing(const IncidentEntry &entry) const
    {
        auto row = readCloudTrailEvent(m_case.handle(), entry.id);
        if (!row)
            throw StoreError("the case holds no CloudTrail event " + std::to_string(entry.id));
        return std::move(*row);
    }

    CaseDb &m_case;
};

} // namespace

std::unique_ptr<IncidentEntrySource> makeCloudTrailSource(CaseDb &caseDb)
{
    return std::make_unique<CloudTrailSource>(caseDb);
}

} // namespace flowscope::incident
