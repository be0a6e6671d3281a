// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_timeline.h"

#include "cloudtrail_entry_source.h"
#include "finding_entry_source.h"
#include "incident_case.h"
#include "note.h"
#include "record_star.h"
#include "record_tag.h"
#include "format/field_names.h"
#include "store/flow_pager.h"
#include "store/flow_reader.h"
#include "store/sqlite_handle.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace flowscope::incident {

namespace {

struct RecordFacts {
    std::optional<std::int64_t> start;
    std::string summary;
};

// "tcp 10.0.1.5:51234 → 198.51.100.7:443 ACCEPT on eni-0a1b2c3d", or
// "NODATA on eni-0a1b2c3d": what the analyst knows of a record from the
// table (its start is the entry's time).
std::string summaryOf(const FlowRow &row)
{
    const std::string eni = fieldText(row.value(Field::InterfaceId));
    const std::string on = eni == "-" ? std::string() : " on " + eni;
    if (std::holds_alternative<std::monostate>(row.value(Field::SrcAddr))) // "NODATA on eni-0a1b2c3d"
        return fieldText(row.value(Field::LogStatus)) + on;
    const FieldValue &protocol = row.value(Field::Protocol);
    std::string text;
    if (const auto *number = std::get_if<std::int64_t>(&protocol); number && *number >= 0 && *number <= 255) {
        std::string name(protocolName(static_cast<std::uint8_t>(*number)));
        for (char &c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        text = (name.empty() ? "protocol " + std::to_string(*number) : name) + ' ';
    }
    text += fieldText(row.value(Field::SrcAddr)) + ":" + fieldText(row.value(Field::SrcPort)) + " \u2192 "
          + fieldText(row.value(Field::DstAddr)) + ":" + fieldText(row.value(Field::DstPort)) + " "
          + fieldText(row.value(Field::Action)) + on;
    return text;
}

// Each record read once, its block decoded once, whatever the order.
std::map<std::int64_t, RecordFacts> factsOf(CaseDb &caseDb, std::vector<std::int64_t> records)
{
    std::map<std::int64_t, RecordFacts> facts;
    std::sort(records.begin(), records.end());
    records.erase(std::unique(records.begin(), records.end()), records.end());
    records.erase(std::remove_if(records.begin(), records.end(),
                                 [&caseDb](std::int64_t id) { return !recordExists(caseDb, id); }),
                  records.end());
    if (records.empty())
        return facts;
    FlowPager pager(caseDb);
    for (const FlowRow &row : pager.rowsWithIds(records)) {
        RecordFacts &f = facts[row.id];
        if (const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start)))
            f.start = *start;
        f.summary = summaryOf(row);
    }
    return facts;
}

class MarkedRecordSource final : public IncidentEntrySource {
public:
    MarkedRecordSource(CaseDb &caseDb, std::string author)
        : m_case(caseDb)
        , m_author(std::move(author))
    {
    }
    bool provides(EntryKind kind) const override
    {
        return kind == EntryKind::StarredRecord || kind == EntryKind::TaggedRecord;
    }
    std::vector<IncidentEntry> entries() const override
    {
        const std::vector<MarkedRecord> marked = RecordStars(m_case).markedRecords();
        std::vector<std::int64_t> ids;
        for (const MarkedRecord &m : marked)
            ids.push_back(m.record);
        const auto facts = factsOf(m_case, ids);
        std::vector<IncidentEntry> out;
        for (const MarkedRecord &m : marked) {
            IncidentEntry e;
            e.kind = m.starred ? EntryKind::StarredRecord : EntryKind::TaggedRecord;
            e.id = m.record;
            e.record = m.record;
            e.severity = m.severity;
            e.tags = m.tags;
            e.author = m.author;
            e.writtenAt = m.markedAt;
            if (auto it = facts.find(m.record); it != facts.end()) {
                e.time = it->second.start;
                e.text = it->second.summary;
            }
            out.push_back(std::move(e));
        }
        return out;
    }
    void setSeverity(const IncidentEntry &entry, Severity severity) override
    {
        RecordStars(m_case).setSeverity(entry.id, severity, m_author);
    }
    void setTags(const IncidentEntry &entry, const std::vector<std::string> &tags) override
    {
        RecordTags(m_case).set(entry.id, tags, m_author);
    }
    bool isTextEditable(const IncidentEntry &) const override { return false; }
    void setText(const IncidentEntry &entry, const std::string &) override
    {
        throw StoreError("the text of record " + std::to_string(entry.id) + " is its summary: add a note instead");
    }

private:
    CaseDb &m_case;
    std::string m_author;
};

class NoteSource final : public IncidentEntrySource {
public:
    explicit NoteSource(CaseDb &caseDb)
        : m_case(caseDb)
    {
    }
    bool provides(EntryKind kind) const override { return kind == EntryKind::Note; }
    std::vector<IncidentEntry> entries() const override
    {
        const std::vector<Note> notes = Notes(m_case).list();
        std::vector<std::int64_t> ids;
        for (const Note &n : notes)
            if (n.record)
                ids.push_back(*n.record);
        const auto facts = factsOf(m_case, ids);
        std::vector<IncidentEntry> out;
        for (const Note &n : notes) {
            IncidentEntry e;
            e.kind = EntryKind::Note;
            e.id = n.id;
            e.record = n.record;
            e.time = n.writtenAt;
            if (n.record) {
                auto it = facts.find(*n.record);
                e.time = it != facts.end() ? it->second.start : std::nullopt;
            }
            e.severity = n.severity;
            e.tags = n.tags;
            e.text = n.text;
            e.author = n.author;
            e.writtenAt = n.writtenAt;
            out.push_back(std::move(e));
        }
        return out;
    }
    void setSeverity(const IncidentEntry &entry, Severity severity) override
    {
        Notes(m_case).setSeverity(entry.id, severity);
    }
    void setTags(const IncidentEntry &entry, const std::vector<std::string> &tags) override
    {
        Notes(m_case).setTags(entry.id, tags);
    }
    bool isTextEditable(const IncidentEntry &) const override { return true; }
    void setText(const IncidentEntry &entry, const std::string &text) override { Notes(m_case).setText(entry.id, text); }

private:
    CaseDb &m_case;
};

} // namespace

std::unique_ptr<IncidentEntrySource> makeMarkedRecordSource(CaseDb &caseDb, std::string author)
{
    return std::make_unique<MarkedRecordSource>(caseDb, std::move(author));
}

std::unique_ptr<IncidentEntrySource> makeNoteSource(CaseDb &caseDb)
{
    return std::make_unique<NoteSource>(caseDb);
}

IncidentTimeline::IncidentTimeline(CaseDb &caseDb, std::string author)
{
    m_sources.push_back(makeMarkedRecordSource(caseDb, std::move(author)));
    m_sources.push_back(makeNoteSource(caseDb));
    m_sources.push_back(makeCloudTrailSource(caseDb));
    m_sources.push_back(makeFindingSource(caseDb));
}

void IncidentTimeline::addSource(std::unique_ptr<IncidentEntrySource> source)
{
    m_sources.push_back(std::move(source));
}

std::vector<IncidentEntry> IncidentTimeline::entries() const
{
    std::vector<IncidentEntry> all;
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        std::vector<IncidentEntry> some = m_sources[i]->entries();
        for (IncidentEntry &entry : some)
            entry.source = static_cast<int>(i);
        all.insert(all.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
    }
    std::sort(all.begin(), all.end(), entryBefore);
    return all;
}

IncidentEntrySource &IncidentTimeline::sourceOf(const IncidentEntry &entry) const
{
    if (entry.source >= 0 && static_cast<std::size_t>(entry.source) < m_sources.size()
        && m_sources[static_cast<std::size_t>(entry.source)]->provides(entry.kind))
        return *m_sources[static_cast<std::size_t>(entry.source)];
    for (const auto &source : m_sources)
        if (source->provides(entry.kind))
            return *source;
    throw StoreError("no source of " + std::string(entryKindName(entry.kind)) + " entries in this case");
}

void IncidentTimeline::setSeverity(const IncidentEntry &entry, Severity severity)
{
    sourceOf(entry).setSeverity(entry, severity);
}

void IncidentTimeline::setTags(const IncidentEntry &entry, const std::vector<std::string> &tags)
{
    sourceOf(entry).setTags(entry, tags);
}

bool IncidentTimeline::isTextEditable(const IncidentEntry &entry) const
{
    return sourceOf(entry).isTextEditable(entry);
}

void IncidentTimeline::setText(const IncidentEntry &entry, const std::string &text)
{
    sourceOf(entry).setText(entry, text);
}

} // namespace flowscope::incident
