// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A detector's findings as incident timeline entries: each at its start,
// titled (the analyst's note after the title), tagged with its detector's
// name and the analyst's tags, with the filter that shows its evidence. The
// analyst's severity (low to critical), tags and note are written to the
// finding and kept by later runs that find it again (finding_store.h).

#include "incident_entry_source.h"

#include <memory>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

std::unique_ptr<IncidentEntrySource> makeFindingSource(CaseDb &caseDb);

} // namespace flowscope::incident
