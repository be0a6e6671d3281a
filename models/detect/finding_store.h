// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Findings kept in the case (tables detection_run and finding): a run of
// some detectors replaces their earlier findings and records the filter and
// parameters that produced the new ones; the other detectors' stay.

#include "finding.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

struct StoredRun {
    std::string detector;
    std::int64_t runAt = 0;
    std::string filter;
    std::string parameters; // "type.name=value ..." (describeParameters)
    std::uint64_t recordsRead = 0;
};

// In one transaction: the findings of `detectors` are replaced by `findings`.
void storeFindings(CaseDb &caseDb, const std::vector<std::string> &detectors, const StoredRun &run,
                   const std::vector<Finding> &findings);

// Every stored finding, by start time, then type and id.
std::vector<Finding> loadFindings(CaseDb &caseDb);
std::vector<StoredRun> loadRuns(CaseDb &caseDb);

// The analyst's severity of a stored finding (until a new run replaces it).
// Throws StoreError naming the finding when the case holds none with `id`.
void setFindingSeverity(CaseDb &caseDb, const std::string &id, Severity severity);

} // namespace flowscope
