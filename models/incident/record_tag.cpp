// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_tag.h"

#include "incident_case.h"
#include "record_star.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

namespace flowscope::incident {

RecordTags::RecordTags(CaseDb &caseDb)
    : m_case(caseDb)
{
}

void RecordTags::add(std::int64_t record, const std::vector<std::string> &tags, const std::string &author)
{
    requireIncidentWritable(m_case);
    requireRecord(m_case, record);
    const std::vector<std::string> normalized = normalizedTags(tags);
    Transaction transaction(m_case.handle());
    RecordStars::ensureMarked(m_case, record, author);
    Statement statement(m_case.handle(), "INSERT OR IGNORE INTO record_tag(tag, record) VALUES(?, ?)");
    for (const std::string &tag : normalized) {
        statement.bind(1, tag);
        statement.bind(2, record);
        statement.exec();
    }
    RecordStars::pruneUnmarked(m_case, record);
    transaction.commit();
}

void RecordTags::remove(std::int64_t record, const std::vector<std::string> &tags)
{
    requireIncidentWritable(m_case);
    requireRecord(m_case, record);
    const std::vector<std::string> normalized = normalizedTags(tags);
    Transaction transaction(m_case.handle());
    Statement statement(m_case.handle(), "DELETE FROM record_tag WHERE tag = ? AND record = ?");
    for (const std::string &tag : normalized) {
        statement.bind(1, tag);
        statement.bind(2, record);
        statement.exec();
    }
    RecordStars::pruneUnmarked(m_case, record);
    transaction.commit();
}

void RecordTags::set(std::int64_t record, const std::vector<std::string> &tags, const std::string &author)
{
    requireIncidentWritable(m_case);
    requireRecord(m_case, record);
    const std::vector<std::string> normalized = normalizedTags(tags);
    Transaction transaction(m_case.handle());
    {
        Statement clear(m_case.handle(), "DELETE FROM record_tag WHERE record = ?");
        clear.bind(1, record);
        clear.exec();
    }
    RecordStars::ensureMarked(m_case, record, author);
    Statement statement(m_case.handle(), "INSERT INTO record_tag(tag, record) VALUES(?, ?)");
    for (const std::string &tag : normalized) {
        statement.bind(1, tag);
        statement.bind(2, record);
        statement.exec();
    }
    RecordStars::pruneUnmarked(m_case, record);
    transaction.commit();
}

std::vector<std::string> RecordTags::tagsOf(std::int64_t record) const
{
    std::vector<std::string> tags;
    if (!incidentTablesExist(m_case))
        return tags;
    Statement statement(m_case.handle(), "SELECT tag FROM record_tag WHERE record = ? ORDER BY tag");
    statement.bind(1, record);
    while (statement.step())
        tags.push_back(statement.text(0));
    return tags;
}

std::vector<std::int64_t> RecordTags::recordsWith(const std::string &tag) const
{
    std::vector<std::int64_t> records;
    if (!incidentTablesExist(m_case))
        return records;
    std::string key;
    try {
        key = normalizedTag(tag);
    } catch (const StoreError &) {
        return records; // a tag that cannot be stored tags nothing
    }
    Statement statement(m_case.handle(), "SELECT record FROM record_tag WHERE tag = ? ORDER BY record");
    statement.bind(1, key);
    while (statement.step())
        records.push_back(statement.int64(0));
    return records;
}

std::vector<std::string> RecordTags::allTags() const
{
    std::vector<std::string> tags;
    if (!incidentTablesExist(m_case))
        return tags;
    Statement statement(m_case.handle(),
                        "SELECT tag FROM record_tag UNION SELECT tag FROM note_tag ORDER BY 1");
    while (statement.step())
        tags.push_back(statement.text(0));
    return tags;
}

} // namespace flowscope::incident
