// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rows of table cloudtrail_event (see schema.cpp): CloudTrail events that
// touch network things, with the resource ids they name, written one file
// at a time inside the importer's transaction and read back in time order.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace flowscope {

struct CloudTrailEventRow {
    std::int64_t id = 0; // the row's id (0 before it is stored)
    std::string eventId; // CloudTrail's eventID
    std::int64_t time = 0; // Unix epoch seconds
    std::string eventName, eventSource, principal, sourceIp, userAgent, account, region, errorCode;
    std::string request, response; // JSON as the event wrote it; "null" when absent
    std::vector<std::string> resources;   // eni-, i-, sg-, acl- ids, sorted, once each
    std::vector<std::pair<std::string, std::string>> attachments; // (ENI, instance) the event pairs
    std::string file, fileSha256;
    std::int64_t item = 0; // 1-based position in the file's Records
    int severity = 0;      // incident::Severity as stored
    std::vector<std::string> tags;
};

bool hasCloudTrailTable(sqlite3 *db);
// The path a file of that SHA-256 was imported from, when it was.
std::optional<std::string> cloudTrailFileWithSha256(sqlite3 *db, const std::string &sha256);
// False when an event of that eventID is already stored (it is left as it was).
bool insertCloudTrailEvent(sqlite3 *db, const CloudTrailEventRow &row);
// Every stored event in time order, then by id.
std::vector<CloudTrailEventRow> readCloudTrailEvents(sqlite3 *db);
std::optional<CloudTrailEventRow> readCloudTrailEvent(sqlite3 *db, std::int64_t id);
// False when no event has that row id.
bool updateCloudTrailEventMarks(sqlite3 *db, std::int64_t id, int severity, const std::vector<std::string> &tags);

// An imported CloudTrail file as its stored events show it (a file whose
// events touched nothing of the network stored none and is not listed).
struct CloudTrailFileSummary {
    std::string path, sha256;
    std::int64_t events = 0;
    std::int64_t firstTime = 0, lastTime = 0; // epoch seconds of its earliest and latest stored event
};
// By path; none without the table.
std::vector<CloudTrailFileSummary> cloudTrailFiles(sqlite3 *db);

// " a b c ": the stored form of a list of ids or tags.
std::string joinSpaced(const std::vector<std::string> &items);
std::vector<std::string> splitSpaced(const std::string &text);

} // namespace flowscope
