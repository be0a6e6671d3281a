// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case's CloudTrail events on the incident timeline (entries of kind
// CloudTrailEvent): at the event's time, signed by the principal who made
// the call, with the case interfaces it touches; severity and tags are the
// analyst's, kept with the event.

#include "incident_entry_source.h"

#include <memory>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

std::unique_ptr<IncidentEntrySource> makeCloudTrailSource(CaseDb &caseDb);

} // namespace flowscope::incident
