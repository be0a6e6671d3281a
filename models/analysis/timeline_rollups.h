// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline of a whole case read from what the import wrote beside the
// records (schema 3): per-minute totals with each record's bytes and packets
// already shared among the minutes it covers, the few records spanning more
// than a day, and the merged NODATA/SKIPDATA spans per interface. Reading
// them costs the same for ten records or ten million.

#include "timeline_series.h"

#include "query/filter_fields.h"
#include "query/record_predicate.h"

#include <optional>

namespace flowscope {

class CaseDb;

// Whether the case has the tables (a case of schema 2 opened read-only has not).
bool hasTimelineRollups(CaseDb &caseDb);

// The fields a rollup row keeps: the interface context, the action and the
// log status. A filter reading no others selects whole rows.
FieldSet rollupFields();

// Gathers over `grid` (whole minutes) into `series` the values of the
// records `accept` selects (every record when it is empty; it must read
// rollupFields() only), and names in `enis` the ENIs of the rows selected.
// With neither a filter nor ENIs asked for, it reads the minutes summed over
// the interfaces.
void gatherFromRollups(CaseDb &caseDb, const BucketGrid &grid, TimelineMetric metric, bool spread,
                       BucketSeries &series, const RecordPredicate &accept = {},
                       std::set<std::string> *enis = nullptr);
// Gathers the NODATA/SKIPDATA spans of every ENI that touch `span`.
void gatherCoverage(CaseDb &caseDb, const TimeRange &span, CoverageGaps &gaps);

// Records of the case without a start time.
std::uint64_t undatedRecords(CaseDb &caseDb);

} // namespace flowscope
