// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding_store.h"

#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <cmath>

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

void storeFindings(CaseDb &caseDb, const std::vector<std::string> &detectors, const StoredRun &run,
                   const std::vector<Finding> &findings)
{
    sqlite3 *db = caseDb.handle();
    Transaction transaction(db);
    for (const std::string &detector : detectors) {
        Statement remove(db, "DELETE FROM finding WHERE detector = ?");
        remove.bind(1, detector);
        remove.step();
        Statement record(db, "INSERT OR REPLACE INTO detection_run(detector, run_at, filter, parameters, records_read) "
                             "VALUES (?, ?, ?, ?, ?)");
        record.bind(1, detector);
        record.bind(2, run.runAt);
        record.bind(3, run.filter);
        record.bind(4, run.parameters);
        record.bind(5, static_cast<std::int64_t>(run.recordsRead));
        record.step();
    }
    Statement insert(db, "INSERT INTO finding(id, detector, severity, title, src, dst, dstport, protocol, interface_id, "
                         "start, \"end\", records, bytes, period_s, evidence_filter) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Finding &f : findings) {
        insert.reset();
        insert.bind(1, f.id);
        insert.bind(2, f.type);
        insert.bind(3, std::string(severityName(f.severity)));
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
        insert.step();
    }
    transaction.commit();
}

std::vector<Finding> loadFindings(CaseDb &caseDb)
{
    Statement select(caseDb.handle(),
                     "SELECT id, detector, severity, title, src, dst, dstport, protocol, interface_id, start, \"end\", "
                     "records, bytes, period_s, evidence_filter FROM finding ORDER BY start, detector, id");
    std::vector<Finding> out;
    while (select.step()) {
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
        out.push_back(std::move(f));
    }
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
    Statement update(caseDb.handle(), "UPDATE finding SET severity = ? WHERE id = ?");
    update.bind(1, std::string(severityName(severity)));
    update.bind(2, id);
    update.step();
    if (sqlite3_changes(caseDb.handle()) == 0)
        throw StoreError("no finding '" + id + "' in case '" + caseDb.path().string() + "'");
}

} // namespace flowscope
