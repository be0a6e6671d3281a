// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding_store.h"

#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"
#include "store/sqlite_handle.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace flowscope {

namespace {

void bindText(Statement &statement, int index, const std::optional<std::string> &text)
{
    if (text)
        statement.bind(index, *text);
    else
        statement.bindNull(index);
}

void bindNumber(Statement &statement, int index, const std::optional<std::int64_t> &number)
{
    if (number)
        statement.bind(index, *number);
    else
        statement.bindNull(index);
}

std::optional<std::string> addressText(const std::optional<IpAddress> &address)
{
    return address ? std::optional(address->toString()) : std::nullopt;
}

} // namespace

namespace {

// What the case holds of a finding that a new run may find again.
struct Kept {
    std::string id;
    std::optional<std::string> analystSeverity;
    std::string tags, note; // tags as stored
    bool edited() const { return analystSeverity || tags.find_first_not_of(' ') != std::string::npos || !note.empty(); }
};

int idNumber(const std::string &id, const std::string &type)
{
    if (id.size() <= type.size() + 1 || id.compare(0, type.size() + 1, type + '-') != 0)
        return 0;
    int n = 0;
    for (std::size_t i = type.size() + 1; i < id.size(); ++i) {
        if (id[i] < '0' || id[i] > '9')
            return 0;
        n = n * 10 + (id[i] - '0');
    }
    return n;
}

Finding readFinding(const Statement &select)
{
    Finding f;
    f.id = select.text(0);
    f.type = select.text(1);
    f.severity = parseSeverity(select.text(2)).value_or(Severity::Low);
    f.title = select.text(3);
    if (!select.isNull(4))
        f.src = IpAddress::parse(select.text(4));
    if (!select.isNull(5))
        f.dst = IpAddress::parse(select.text(5));
    if (!select.isNull(6))
        f.dstPort = static_cast<std::uint16_t>(select.int64(6));
    if (!select.isNull(7))
        f.protocol = static_cast<std::uint8_t>(select.int64(7));
    if (!select.isNull(8))
        f.interfaceId = select.text(8);
    f.start = select.int64(9);
    f.end = select.int64(10);
    f.records = static_cast<std::uint64_t>(select.int64(11));
    f.bytes = static_cast<std::uint64_t>(select.int64(12));
    if (!select.isNull(13))
        f.periodSeconds = select.real(13);
    f.evidenceFilter = select.text(14);
    f.identity = select.text(15);
    if (!select.isNull(16)) {
        f.severity = parseSeverity(select.text(16)).value_or(f.severity);
        f.severityEdited = true;
    }
    f.tags = splitSpaced(select.text(17));
    f.note = select.text(18);
    f.stale = select.int64(19) != 0;
    return f;
}

constexpr const char *kFindingColumns =
    "id, detector, severity, title, src, dst, dstport, protocol, interface_id, start, \"end\", records, bytes, "
    "period_s, evidence_filter, identity, analyst_severity, tags, note, stale";

void requireChanged(CaseDb &caseDb, const std::string &id)
{
    if (sqlite3_changes(caseDb.handle()) == 0)
        throw StoreError("no finding '" + id + "' in case '" + caseDb.path().string() + "'");
}

} // namespace

std::vector<Finding> storeFindings(CaseDb &caseDb, const std::vector<std::string> &detectors, const StoredRun &run,
                                   std::vector<Finding> findings)
{
    assignIdentities(findings);
    sqlite3 *db = caseDb.handle();
    Transaction transaction(db);
    // The stored findings of these detectors, by identity; the ids of the
    // others (and of edited stale ones) stay taken.
    std::map<std::string, Kept> kept;
    std::map<std::string, int> highest;
    std::set<std::string> taken;
    {
        Statement select(db, "SELECT id, detector, identity, analyst_severity, tags, note FROM finding");
        const std::set<std::string> rerun(detectors.begin(), detectors.end());
        while (select.step()) {
            const std::string id = select.text(0), type = select.text(1);
            if (!rerun.contains(type)) {
                taken.insert(id);
                continue;
            }
            Kept k{id, select.isNull(3) ? std::nullopt : std::optional(select.text(3)), select.text(4), select.text(5)};
            // One stored before identities never matches: removed, or stale when edited.
            const std::string identity = select.text(2);
            kept.emplace(identity.empty() ? "\x01" + id : identity, std::move(k));
        }
    }
    std::vector<Severity> detectorSeverity;
    for (const Finding &f : findings)
        detectorSeverity.push_back(f.severity);
    std::set<std::string> found;
    for (Finding &f : findings) {
        const auto k = kept.find(f.identity);
        if (k == kept.end())
            continue;
        found.insert(f.identity);
        f.id = k->second.id;
        if (k->second.analystSeverity) {
            f.severity = parseSeverity(*k->second.analystSeverity).value_or(f.severity);
            f.severityEdited = true;
        }
        f.tags = splitSpaced(k->second.tags);
        f.note = k->second.note;
    }
    // Gone: removed unless the analyst edited it.
    Statement remove(db, "DELETE FROM finding WHERE id = ?");
    Statement markStale(db, "UPDATE finding SET stale = 1 WHERE id = ?");
    for (const auto &[identity, k] : kept) {
        if (found.contains(identity))
            continue;
        Statement &statement = k.edited() ? markStale : remove;
        statement.reset();
        statement.bind(1, k.id);
        statement.step();
        if (k.edited())
            taken.insert(k.id);
    }
    for (const std::string &id : taken)
        for (const std::string &type : detectors)
            highest[type] = std::max(highest[type], idNumber(id, type));
    for (const Finding &f : findings)
        if (found.contains(f.identity))
            highest[f.type] = std::max(highest[f.type], idNumber(f.id, f.type));
    for (Finding &f : findings)
        if (!found.contains(f.identity))
            f.id = f.type + '-' + std::to_string(++highest[f.type]);

    for (const std::string &detector : detectors) {
        Statement record(db, "INSERT OR REPLACE INTO detection_run(detector, run_at, filter, parameters, records_read) "
                             "VALUES (?, ?, ?, ?, ?)");
        record.bind(1, detector);
        record.bind(2, run.runAt);
        record.bind(3, run.filter);
        record.bind(4, run.parameters);
        record.bind(5, static_cast<std::int64_t>(run.recordsRead));
        record.step();
    }
    Statement insert(db, "INSERT OR REPLACE INTO finding(id, detector, severity, title, src, dst, dstport, protocol, "
                         "interface_id, start, \"end\", records, bytes, period_s, evidence_filter, identity, "
                         "analyst_severity, tags, note, stale) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding &f = findings[i];
        const auto k = kept.find(f.identity);
        const bool matched = k != kept.end();
        insert.reset();
        insert.bind(1, f.id);
        insert.bind(2, f.type);
        insert.bind(3, std::string(severityName(detectorSeverity[i]))); // the analyst's beside it
        insert.bind(4, f.title);
        bindText(insert, 5, addressText(f.src));
        bindText(insert, 6, addressText(f.dst));
        bindNumber(insert, 7, f.dstPort ? std::optional<std::int64_t>(*f.dstPort) : std::nullopt);
        bindNumber(insert, 8, f.protocol ? std::optional<std::int64_t>(*f.protocol) : std::nullopt);
        bindText(insert, 9, f.interfaceId);
        insert.bind(10, f.start);
        insert.bind(11, f.end);
        insert.bind(12, static_cast<std::int64_t>(f.records));
        insert.bind(13, static_cast<std::int64_t>(f.bytes));
        if (f.periodSeconds)
            insert.bind(14, static_cast<std::int64_t>(std::llround(*f.periodSeconds))); // whole seconds
        else
            insert.bindNull(14);
        insert.bind(15, f.evidenceFilter);
        insert.bind(16, f.identity);
        bindText(insert, 17, matched ? k->second.analystSeverity : std::nullopt);
        insert.bind(18, std::string_view(joinSpaced(f.tags)));
        insert.bind(19, f.note);
        insert.step();
    }
    transaction.commit();
    return findings;
}

std::vector<Finding> loadFindings(CaseDb &caseDb)
{
    Statement select(caseDb.handle(),
                     std::string("SELECT ") + kFindingColumns + " FROM finding ORDER BY start, detector, id");
    std::vector<Finding> out;
    while (select.step())
        out.push_back(readFinding(select));
    return out;
}

std::vector<StoredRun> loadRuns(CaseDb &caseDb)
{
    Statement select(caseDb.handle(),
                     "SELECT detector, run_at, filter, parameters, records_read FROM detection_run ORDER BY detector");
    std::vector<StoredRun> out;
    while (select.step())
        out.push_back({select.text(0), select.int64(1), select.text(2), select.text(3),
                       static_cast<std::uint64_t>(select.int64(4))});
    return out;
}

void setFindingSeverity(CaseDb &caseDb, const std::string &id, Severity severity)
{
    Statement update(caseDb.handle(), "UPDATE finding SET analyst_severity = ? WHERE id = ?");
    update.bind(1, std::string(severityName(severity)));
    update.bind(2, id);
    update.step();
    requireChanged(caseDb, id);
}

void setFindingTags(CaseDb &caseDb, const std::string &id, const std::vector<std::string> &tags)
{
    Statement update(caseDb.handle(), "UPDATE finding SET tags = ? WHERE id = ?");
    update.bind(1, std::string_view(joinSpaced(tags)));
    update.bind(2, id);
    update.step();
    requireChanged(caseDb, id);
}

void setFindingNote(CaseDb &caseDb, const std::string &id, const std::string &note)
{
    Statement update(caseDb.handle(), "UPDATE finding SET note = ? WHERE id = ?");
    update.bind(1, note);
    update.bind(2, id);
    update.step();
    requireChanged(caseDb, id);
}

} // namespace flowscope
