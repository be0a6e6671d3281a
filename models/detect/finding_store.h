// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Findings kept in the case (tables detection_run and finding): a run of
// some detectors updates their findings and records the filter and
// parameters that produced them; the other detectors' stay. A finding the
// run finds again (same identity, finding.h) keeps its id and the analyst's
// severity, tags and note; one it no longer finds is removed, or, when the
// analyst edited it, kept and marked stale.

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

// In one transaction: the findings of `detectors` become `findings`, merged
// with the stored ones as above. Returns `findings` as stored: identities
// and ids set (a stored finding's id kept, new ones numbered after the
// type's highest), the analyst's severity, tags and note applied.
std::vector<Finding> storeFindings(CaseDb &caseDb, const std::vector<std::string> &detectors, const StoredRun &run,
                                   std::vector<Finding> findings);

// Every stored finding (stale ones too), by start time, then type and id.
std::vector<Finding> loadFindings(CaseDb &caseDb);
std::vector<StoredRun> loadRuns(CaseDb &caseDb);

// The analyst's edits of a stored finding, kept by later runs that find it
// again. Tags sorted and lower case (incident::normalizedTags). Each throws
// StoreError naming the finding when the case holds none with `id`.
void setFindingSeverity(CaseDb &caseDb, const std::string &id, Severity severity);
void setFindingTags(CaseDb &caseDb, const std::string &id, const std::vector<std::string> &tags);
void setFindingNote(CaseDb &caseDb, const std::string &id, const std::string &note);

} // namespace flowscope
