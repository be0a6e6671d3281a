// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_enrichment.h"

#include "snapshot_store.h"
#include "incident/incident_record_marks.h"
#include "query/filter_parser.h"
#include "query/interface_attributes.h"
#include "query/unlogged_traffic.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <map>
#include <mutex>

namespace flowscope::explain {

std::shared_ptr<const InterfaceEnrichment> loadCaseEnrichment(CaseDb &caseDb)
{
    const std::vector<StoredSnapshot> snapshots = listSnapshots(caseDb); // oldest as-of first
    if (snapshots.empty())
        return nullptr;
    const StoredSnapshot &newest = snapshots.back();
    std::optional<SnapshotLoad> load = loadStoredSnapshot(caseDb, newest.id);
    if (!load)
        return nullptr;
    return std::make_shared<const InterfaceEnrichment>(std::make_shared<const ConfigSnapshot>(std::move(load->snapshot)),
                                                       newest.id, newest.asOf);
}

std::shared_ptr<const InterfaceEnrichment> sharedCaseEnrichment(CaseDb &caseDb)
{
    struct Cached {
        qint64 snapshotId = 0;
        std::shared_ptr<const InterfaceEnrichment> enrichment;
    };
    static std::mutex mutex;
    static std::map<std::string, Cached> cache; // by case path: the newest snapshot's index
    const std::vector<StoredSnapshot> snapshots = listSnapshots(caseDb);
    const qint64 newest = snapshots.empty() ? 0 : snapshots.back().id;
    const std::string key = caseDb.path().string();
    {
        const std::lock_guard lock(mutex);
        const auto it = cache.find(key);
        if (it != cache.end() && it->second.snapshotId == newest)
            return it->second.enrichment;
    }
    std::shared_ptr<const InterfaceEnrichment> enrichment = newest == 0 ? nullptr : loadCaseEnrichment(caseDb);
    const std::lock_guard lock(mutex);
    cache[key] = {enrichment ? enrichment->snapshotId() : 0, enrichment};
    return enrichment;
}

std::variant<std::shared_ptr<const CaseFilter>, FilterError>
compileWithSnapshot(CaseDb &caseDb, std::string_view expression, IocMembership iocLists)
{
    FilterParseOptions options;
    std::shared_ptr<const InterfaceEnrichment> enrichment;
    if (namesInterfaceAttributes(expression)) {
        enrichment = sharedCaseEnrichment(caseDb);
        options.interfaceAttributes = enrichment.get();
    }
    const auto marks = incident::supplyRecordMarks(caseDb, expression, options);
    return CaseFilter::compile(caseDb, expression, options, std::move(iocLists));
}

std::string unloggedTrafficNoteFor(const FilterNode &filter, const InterfaceEnrichment *enrichment)
{
    return unloggedTrafficNote(
        unloggedTrafficNamedBy(filter, enrichment ? enrichment->unloggedTrafficContext() : UnloggedTrafficContext()));
}

std::string unloggedTrafficNoteFor(std::string_view expression, const InterfaceEnrichment *enrichment)
{
    FilterParseOptions options;
    options.interfaceAttributes = enrichment;
    options.iocListExists = [](std::string_view) { return true; }; // a list's name says nothing here
    const FilterParseResult parsed = parseFilter(expression, options);
    return parsed.ok() ? unloggedTrafficNoteFor(*parsed.root, enrichment) : std::string();
}

} // namespace flowscope::explain
