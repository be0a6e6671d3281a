// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary_count.h"

#include "case_filter.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"
#include "store/summary_record.h"

namespace flowscope {

namespace {

FieldSet totalFields()
{
    FieldSet fields;
    fields.set(static_cast<std::size_t>(Field::Action));
    fields.set(static_cast<std::size_t>(Field::LogStatus));
    for (const Field f : kInterfaceFields)
        fields.set(static_cast<std::size_t>(f));
    return fields;
}

} // namespace

std::optional<std::int64_t> countFromSummaries(CaseDb &caseDb, const CaseFilter &filter)
{
    if ((filter.fieldsRead() & ~totalFields()).any())
        return std::nullopt;
    sqlite3 *db = caseDb.handle();
    if (queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'record_total'") == 0)
        return std::nullopt;
    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(db);
    interfaces.load(db, strings);
    std::int64_t count = 0;
    Statement totals(db, "SELECT interface, action, log_status, records FROM record_total");
    while (totals.step()) {
        if (filter.matchesEverything()
            || filter.predicate()(recordOfSummaryKey(interfaces, totals.int64(0), totals.int64(1), totals.int64(2))))
            count += totals.int64(3);
    }
    return count;
}

} // namespace flowscope
