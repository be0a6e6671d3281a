// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_star.h"

#include "incident_case.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <map>

namespace flowscope::incident {

RecordStars::RecordStars(CaseDb &caseDb)
    : m_case(caseDb)
{
}

void RecordStars::ensureMarked(CaseDb &caseDb, std::int64_t record, const std::string &author)
{
    Statement statement(caseDb.handle(),
                        "INSERT OR IGNORE INTO incident_record(record, starred, severity, marked_at, author)"
                        " VALUES(?, 0, 0, ?, ?)");
    statement.bind(1, record);
    statement.bind(2, nowSeconds());
    statement.bind(3, author);
    statement.exec();
}

void RecordStars::pruneUnmarked(CaseDb &caseDb, std::int64_t record)
{
    Statement statement(caseDb.handle(),
                        "DELETE FROM incident_record WHERE record = ?1 AND starred = 0"
                        " AND NOT EXISTS (SELECT 1 FROM record_tag WHERE record = ?1)");
    statement.bind(1, record);
    statement.exec();
}

void RecordStars::star(const std::vector<std::int64_t> &records, const std::string &author)
{
    requireIncidentWritable(m_case);
    for (const std::int64_t record : records)
        requireRecord(m_case, record);
    Transaction transaction(m_case.handle());
    Statement statement(m_case.handle(),
                        "INSERT INTO incident_record(record, starred, severity, marked_at, author) VALUES(?, 1, 0, ?, ?)"
                        " ON CONFLICT(record) DO UPDATE SET starred = 1, marked_at = excluded.marked_at,"
                        " author = excluded.author WHERE starred = 0");
    for (const std::int64_t record : records) {
        statement.bind(1, record);
        statement.bind(2, nowSeconds());
        statement.bind(3, author);
        statement.exec();
    }
    transaction.commit();
}

int RecordStars::unstar(const std::vector<std::int64_t> &records)
{
    requireIncidentWritable(m_case);
    for (const std::int64_t record : records)
        requireRecord(m_case, record);
    Transaction transaction(m_case.handle());
    Statement statement(m_case.handle(), "UPDATE incident_record SET starred = 0 WHERE record = ? AND starred = 1");
    int changed = 0;
    for (const std::int64_t record : records) {
        statement.bind(1, record);
        statement.exec();
        changed += sqlite3_changes(m_case.handle());
        pruneUnmarked(m_case, record);
    }
    transaction.commit();
    return changed;
}

void RecordStars::setSeverity(std::int64_t record, Severity severity, const std::string &author)
{
    requireIncidentWritable(m_case);
    requireRecord(m_case, record);
    Transaction transaction(m_case.handle());
    ensureMarked(m_case, record, author);
    Statement statement(m_case.handle(), "UPDATE incident_record SET severity = ? WHERE record = ?");
    statement.bind(1, static_cast<std::int64_t>(severity));
    statement.bind(2, record);
    statement.exec();
    transaction.commit();
}

std::vector<std::int64_t> RecordStars::starredRecords() const
{
    std::vector<std::int64_t> records;
    if (!incidentTablesExist(m_case))
        return records;
    Statement statement(m_case.handle(), "SELECT record FROM incident_record WHERE starred = 1 ORDER BY record");
    while (statement.step())
        records.push_back(statement.int64(0));
    return records;
}

bool RecordStars::isStarred(std::int64_t record) const
{
    if (!incidentTablesExist(m_case))
        return false;
    Statement statement(m_case.handle(), "SELECT 1 FROM incident_record WHERE record = ? AND starred = 1");
    statement.bind(1, record);
    return statement.step();
}

std::vector<MarkedRecord> RecordStars::markedRecords() const
{
    std::vector<MarkedRecord> out;
    if (!incidentTablesExist(m_case))
        return out;
    std::map<std::int64_t, std::vector<std::string>> tags;
    {
        Statement statement(m_case.handle(), "SELECT record, tag FROM record_tag ORDER BY record, tag");
        while (statement.step())
            tags[statement.int64(0)].push_back(statement.text(1));
    }
    Statement statement(m_case.handle(),
                        "SELECT record, starred, severity, marked_at, author FROM incident_record ORDER BY record");
    while (statement.step()) {
        MarkedRecord marked{statement.int64(0), statement.int64(1) != 0, severityFromInt(statement.int64(2)),
                            statement.int64(3), statement.text(4), {}};
        if (auto it = tags.find(marked.record); it != tags.end())
            marked.tags = std::move(it->second);
        out.push_back(std::move(marked));
    }
    return out;
}

} // namespace flowscope::incident
