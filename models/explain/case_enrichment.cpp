// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_enrichment.h"

#include "snapshot_store.h"
#include "query/unlogged_traffic.h"

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

std::string unloggedTrafficNoteFor(const FilterNode &filter, const InterfaceEnrichment *enrichment)
{
    return unloggedTrafficNote(
        unloggedTrafficNamedBy(filter, enrichment ? enrichment->unloggedTrafficContext() : UnloggedTrafficContext()));
}

} // namespace flowscope::explain
