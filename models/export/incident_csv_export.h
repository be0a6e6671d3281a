// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case's findings and its incident timeline as CSV, through the one
// CsvWriter (neutralised unless raw, as every export is): what the detectors
// stored, with each finding's evidence filter, and the stars, tags and notes
// in time order with their authors. Times are epoch seconds with the ISO 8601
// UTC time beside them; absent values are empty.

#include "csv_writer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

std::vector<std::string> findingsCsvHeader();
std::vector<std::string> incidentCsvHeader();

// Every stored finding, by start time (loadFindings); rows written.
std::int64_t writeFindingsCsv(CaseDb &caseDb, CsvWriter &writer);
// Every entry of the incident timeline, in time order; rows written.
std::int64_t writeIncidentCsv(CaseDb &caseDb, CsvWriter &writer);

} // namespace flowscope
