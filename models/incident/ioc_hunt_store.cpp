// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_hunt_store.h"

#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"
#include "store/sqlite_handle.h"

namespace flowscope::incident {

namespace {

bool huntTablesExist(CaseDb &caseDb)
{
    return queryInt(caseDb.handle(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'ioc_hunt'") > 0;
}

} // namespace

void storeIocHunt(CaseDb &caseDb, const StoredIocHunt &stored)
{
    sqlite3 *db = caseDb.handle();
    Transaction transaction(db);
    execSql(db, "DELETE FROM ioc_hunt_hit; DELETE FROM ioc_hunt;");
    Statement run(db, "INSERT INTO ioc_hunt(id, ran_at, lists, indicators, blocks_read) VALUES (1, ?, ?, ?, ?)");
    run.bind(1, stored.ranAt);
    run.bind(2, std::string_view(joinSpaced(stored.lists))); // list names hold no space
    run.bind(3, stored.hunt.indicators);
    run.bind(4, stored.hunt.blocksRead);
    run.step();
    Statement insert(db, "INSERT INTO ioc_hunt_hit(position, list, indicator, label, records, accepted, rejected,"
                         " first_seen, last_seen, interfaces, filter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::int64_t position = 0;
    for (const IocHit &hit : stored.hunt.hits) {
        insert.reset();
        insert.bind(1, position++);
        insert.bind(2, hit.list);
        insert.bind(3, hit.indicator);
        insert.bind(4, hit.label);
        insert.bind(5, hit.records);
        insert.bind(6, hit.accepted);
        insert.bind(7, hit.rejected);
        insert.bind(8, hit.firstSeen);
        insert.bind(9, hit.lastSeen);
        insert.bind(10, std::string_view(joinSpaced(hit.interfaces)));
        insert.bind(11, hit.filter);
        insert.step();
    }
    transaction.commit();
}

std::optional<StoredIocHunt> loadIocHunt(CaseDb &caseDb)
{
    if (!huntTablesExist(caseDb))
        return std::nullopt;
    Statement run(caseDb.handle(), "SELECT ran_at, lists, indicators, blocks_read FROM ioc_hunt WHERE id = 1");
    if (!run.step())
        return std::nullopt;
    StoredIocHunt stored;
    stored.ranAt = run.int64(0);
    stored.lists = splitSpaced(run.text(1));
    stored.hunt.indicators = run.int64(2);
    stored.hunt.blocksRead = run.int64(3);
    Statement hits(caseDb.handle(), "SELECT list, indicator, label, records, accepted, rejected, first_seen, last_seen,"
                                    " interfaces, filter FROM ioc_hunt_hit ORDER BY position");
    while (hits.step()) {
        IocHit hit;
        hit.list = hits.text(0);
        hit.indicator = hits.text(1);
        hit.label = hits.text(2);
        hit.records = hits.int64(3);
        hit.accepted = hits.int64(4);
        hit.rejected = hits.int64(5);
        hit.firstSeen = hits.int64(6);
        hit.lastSeen = hits.int64(7);
        hit.interfaces = splitSpaced(hits.text(8));
        hit.filter = hits.text(9);
        stored.hunt.hits.push_back(std::move(hit));
    }
    return stored;
}

void forgetIocHunt(CaseDb &caseDb)
{
    if (huntTablesExist(caseDb))
        execSql(caseDb.handle(), "DELETE FROM ioc_hunt_hit; DELETE FROM ioc_hunt;");
}

} // namespace flowscope::incident
