// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A detector's findings as incident timeline entries: each at its start,
// titled, tagged with its detector's name, with the filter that shows its
// evidence. The analyst's severity is written to the finding (low to
// critical; a new run of its detector replaces it with the detector's).

#include "incident_entry_source.h"

#include <memory>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

std::unique_ptr<IncidentEntrySource> makeFindingSource(CaseDb &caseDb);

} // namespace flowscope::incident
