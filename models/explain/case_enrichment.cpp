// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_enrichment.h"

#include "snapshot_store.h"
#include "incident/incident_record_marks.h"
#include "query/filter_parser.h"
#include "query/interface_attributes.h"
#include "query/unlogged_traffic.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/case_summary.h"

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

std::shared_ptr<const EnrichmentTimeline> sharedCaseEnrichments(CaseDb &caseDb)
{
    struct Cached {
        std::vector<qint64> snapshotIds;
        std::shared_ptr<const EnrichmentTimeline> enrichments;
    };
    static std::mutex mutex;
    static std::map<std::string, Cached> cache; // by case path
    const std::vector<StoredSnapshot> snapshots = listSnapshots(caseDb);
    std::vector<qint64> ids;
    for (const StoredSnapshot &stored : snapshots)
        ids.push_back(stored.id);
    const std::string key = caseDb.path().string();
    std::shared_ptr<const EnrichmentTimeline> before;
    {
        const std::lock_guard lock(mutex);
        const auto it = cache.find(key);
        if (it != cache.end() && it->second.snapshotIds == ids)
            return it->second.enrichments;
        if (it != cache.end())
            before = it->second.enrichments;
    }
    auto enrichments = std::make_shared<EnrichmentTimeline>();
    for (const StoredSnapshot &stored : snapshots) {
        std::shared_ptr<const InterfaceEnrichment> known; // indexed before: kept
        for (const auto &enrichment : before ? before->enrichments() : std::vector<std::shared_ptr<const InterfaceEnrichment>>())
            if (enrichment->snapshotId() == stored.id)
                known = enrichment;
        if (!known) {
            std::optional<SnapshotLoad> load = loadStoredSnapshot(caseDb, stored.id);
            if (!load)
                continue;
            known = std::make_shared<const InterfaceEnrichment>(std::make_shared<const ConfigSnapshot>(std::move(load->snapshot)),
                                                                stored.id, stored.asOf);
        }
        enrichments->add(std::move(known));
    }
    const std::lock_guard lock(mutex);
    cache[key] = {ids, enrichments};
    return enrichments;
}

std::shared_ptr<const InterfaceEnrichment> sharedCaseEnrichment(CaseDb &caseDb)
{
    return sharedCaseEnrichments(caseDb)->newest();
}

std::pair<qint64, qint64> filterSpan(const TimeWindow &window, std::optional<qint64> firstStart,
                                     std::optional<qint64> lastEnd)
{
    const qint64 from = window.from.value_or(firstStart.value_or(0));
    const qint64 until = window.until ? *window.until - 1 : lastEnd.value_or(from); // `time < B`: B - 1 is the last second
    // Within the records' time where the window overlaps it.
    const qint64 clippedFrom = firstStart ? std::max(from, *firstStart) : from;
    const qint64 clippedUntil = lastEnd ? std::min(until, *lastEnd) : until;
    if (clippedFrom <= clippedUntil)
        return {clippedFrom, clippedUntil};
    return {from, std::max(from, until)};
}

std::optional<SpanSnapshotChoice> snapshotForFilter(const EnrichmentTimeline &enrichments, std::string_view expression,
                                                    std::optional<qint64> firstStart, std::optional<qint64> lastEnd)
{
    if (enrichments.isEmpty() || !namesInterfaceAttributes(expression))
        return std::nullopt;
    // The time window does not depend on which snapshot answers the fields.
    FilterParseOptions options;
    options.interfaceAttributes = enrichments.newest().get();
    options.iocListExists = [](std::string_view) { return true; };
    const FilterParseResult parsed = parseFilter(expression, options);
    const TimeWindow window = parsed.ok() ? timeWindowOf(*parsed.root) : TimeWindow();
    const auto [from, until] = filterSpan(window, firstStart, lastEnd);
    return enrichments.inForceOver(from, until);
}

std::variant<std::shared_ptr<const CaseFilter>, FilterError>
compileWithSnapshot(CaseDb &caseDb, std::string_view expression, IocMembership iocLists,
                    std::optional<SpanSnapshotChoice> *choice)
{
    FilterParseOptions options;
    std::optional<SpanSnapshotChoice> chosen;
    if (namesInterfaceAttributes(expression)) {
        const CaseSummary summary = summarizeCase(caseDb);
        chosen = snapshotForFilter(*sharedCaseEnrichments(caseDb), expression, summary.firstStart, summary.lastEnd);
        options.interfaceAttributes = chosen ? chosen->enrichment.get() : nullptr;
    }
    const auto marks = incident::supplyRecordMarks(caseDb, expression, options);
    auto compiled = CaseFilter::compile(caseDb, expression, options, std::move(iocLists));
    if (choice)
        *choice = std::move(chosen);
    return compiled;
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
