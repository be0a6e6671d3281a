// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_event_rows.h"

#include "sqlite_handle.h"

#include <sstream>

namespace flowscope {

namespace {

constexpr const char *kColumns
    = "SELECT id, event_id, time, event_name, event_source, principal, source_ip, user_agent, account, region,"
      " error_code, request, response, resources, attachments, file, file_sha256, item, severity, tags"
      " FROM cloudtrail_event";

std::vector<std::pair<std::string, std::string>> splitAttachments(const std::string &text)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string &pair : splitSpaced(text)) {
        const std::size_t arrow = pair.find('>');
        if (arrow != std::string::npos)
            out.emplace_back(pair.substr(0, arrow), pair.substr(arrow + 1));
    }
    return out;
}

CloudTrailEventRow rowAt(const Statement &s)
{
    CloudTrailEventRow row;
    row.id = s.int64(0);
    row.eventId = s.text(1);
    row.time = s.int64(2);
    row.eventName = s.text(3);
    row.eventSource = s.text(4);
    row.principal = s.text(5);
    row.sourceIp = s.text(6);
    row.userAgent = s.text(7);
    row.account = s.text(8);
    row.region = s.text(9);
    row.errorCode = s.text(10);
    row.request = s.text(11);
    row.response = s.text(12);
    row.resources = splitSpaced(s.text(13));
    row.attachments = splitAttachments(s.text(14));
    row.file = s.text(15);
    row.fileSha256 = s.text(16);
    row.item = s.int64(17);
    row.severity = static_cast<int>(s.int64(18));
    row.tags = splitSpaced(s.text(19));
    return row;
}

} // namespace

std::string joinSpaced(const std::vector<std::string> &items)
{
    std::string out = " ";
    for (const std::string &item : items)
        out += item + ' ';
    return out;
}

std::vector<std::string> splitSpaced(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string item;
    while (in >> item)
        out.push_back(item);
    return out;
}

bool hasCloudTrailTable(sqlite3 *db)
{
    return queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'cloudtrail_event'") > 0;
}

std::optional<std::string> cloudTrailFileWithSha256(sqlite3 *db, const std::string &sha256)
{
    if (!hasCloudTrailTable(db))
        return std::nullopt;
    Statement statement(db, "SELECT file FROM cloudtrail_event WHERE file_sha256 = ? LIMIT 1");
    statement.bind(1, std::string_view(sha256));
    if (!statement.step())
        return std::nullopt;
    return statement.text(0);
}

bool insertCloudTrailEvent(sqlite3 *db, const CloudTrailEventRow &row)
{
    Statement statement(db, "INSERT OR IGNORE INTO cloudtrail_event(event_id, time, event_name, event_source, principal,"
                            " source_ip, user_agent, account, region, error_code, request, response, resources,"
                            " attachments, file, file_sha256, item, severity, tags)"
                            " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::vector<std::string> attachments;
    for (const auto &[eni, instance] : row.attachments)
        attachments.push_back(eni + '>' + instance);
    int i = 0;
    statement.bind(++i, std::string_view(row.eventId));
    statement.bind(++i, row.time);
    for (const std::string *text : {&row.eventName, &row.eventSource, &row.principal, &row.sourceIp, &row.userAgent,
                                    &row.account, &row.region, &row.errorCode, &row.request, &row.response})
        statement.bind(++i, std::string_view(*text));
    statement.bind(++i, std::string_view(joinSpaced(row.resources)));
    statement.bind(++i, std::string_view(joinSpaced(attachments)));
    statement.bind(++i, std::string_view(row.file));
    statement.bind(++i, std::string_view(row.fileSha256));
    statement.bind(++i, row.item);
    statement.bind(++i, static_cast<std::int64_t>(row.severity));
    statement.bind(++i, std::string_view(joinSpaced(row.tags)));
    statement.step();
    return sqlite3_changes(db) > 0;
}

std::vector<CloudTrailEventRow> readCloudTrailEvents(sqlite3 *db)
{
    std::vector<CloudTrailEventRow> rows;
    if (!hasCloudTrailTable(db))
        return rows;
    Statement statement(db, std::string(kColumns) + " ORDER BY time, id");
    while (statement.step())
        rows.push_back(rowAt(statement));
    return rows;
}

std::optional<CloudTrailEventRow> readCloudTrailEvent(sqlite3 *db, std::int64_t id)
{
    if (!hasCloudTrailTable(db))
        return std::nullopt;
    Statement statement(db, std::string(kColumns) + " WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return rowAt(statement);
}

bool updateCloudTrailEventMarks(sqlite3 *db, std::int64_t id, int severity, const std::vector<std::string> &tags)
{
    Statement statement(db, "UPDATE cloudtrail_event SET severity = ?, tags = ? WHERE id = ?");
    statement.bind(1, static_cast<std::int64_t>(severity));
    statement.bind(2, std::string_view(joinSpaced(tags)));
    statement.bind(3, id);
    statement.step();
    return sqlite3_changes(db) > 0;
}

std::vector<CloudTrailFileSummary> cloudTrailFiles(sqlite3 *db)
{
    std::vector<CloudTrailFileSummary> out;
    if (!hasCloudTrailTable(db))
        return out;
    Statement select(db, "SELECT min(file), file_sha256, count(*), min(time), max(time) FROM cloudtrail_event"
                         " GROUP BY file_sha256 ORDER BY min(file), file_sha256");
    while (select.step())
        out.push_back({select.text(0), select.text(1), select.int64(2), select.int64(3), select.int64(4)});
    return out;
}

} // namespace flowscope
