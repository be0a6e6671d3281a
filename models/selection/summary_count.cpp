// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary_count.h"

#include "case_filter.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"

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

// A record made of a total's key alone: it stands for all the records the
// total counts, as the filter reads no other field.
EncodedFlow recordOfKey(const InterfaceDictionary &interfaces, std::int64_t interface, std::int64_t action,
                        std::int64_t logStatus)
{
    EncodedFlow flow;
    const auto set = [&](Field f) { flow.present |= std::uint64_t(1) << static_cast<unsigned>(f); };
    if (action == 0 || action == 1) {
        set(Field::Action);
        flow.action = static_cast<Action>(action);
    }
    if (logStatus >= 0 && logStatus <= 2) {
        set(Field::LogStatus);
        flow.logStatus = static_cast<LogStatus>(logStatus);
    }
    if (interface > 0 && static_cast<std::size_t>(interface) <= interfaces.size()) {
        flow.interface = static_cast<std::uint32_t>(interface);
        const InterfaceKey &texts = interfaces.key(flow.interface);
        for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
            if (texts[i] != 0)
                set(kInterfaceFields[i]);
    }
    return flow;
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
            || filter.predicate()(recordOfKey(interfaces, totals.int64(0), totals.int64(1), totals.int64(2))))
            count += totals.int64(3);
    }
    return count;
}

} // namespace flowscope
