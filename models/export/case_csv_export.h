// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a case exports as CSV, through one CsvWriter: the records a filter
// keeps (all of them, streamed in time order: memory stays the same whatever
// their number), the conversations and endpoints statistics (every key), and
// the reject explanations, per record or grouped. The CLI's `export` and the
// window's File > Export write these same tables.
//
// Columns carry the AWS field names; times are epoch seconds with the ISO
// 8601 UTC time beside them (start, start_utc); absent values are empty.

#include "analysis/traffic_stats.h"
#include "csv_writer.h"
#include "explain/snapshot_timeline.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;
class CaseFilter;

// Asked every few thousand rows with the rows written so far: true stops the
// export with CsvExportCancelled.
using CsvExportCancelled = std::function<bool(std::int64_t rowsWritten)>;

class CsvExportStopped : public std::runtime_error {
public:
    CsvExportStopped()
        : std::runtime_error("the export was cancelled")
    {
    }
};

// The header of the records' CSV: every AWS field in catalogue order, start
// and end each followed by its _utc column, then _file and _line.
std::vector<std::string> flowCsvHeader();

// Rows written. Stops early (returning what it wrote) when the writer's sink refuses.
std::int64_t writeFlowsCsv(CaseDb &caseDb, const CaseFilter &filter, CsvWriter &writer,
                           const CsvExportCancelled &cancelled = {});

std::int64_t writeConversationsCsv(CaseDb &caseDb, const CaseFilter &filter, ConversationKey key, CsvWriter &writer,
                                   const CsvExportCancelled &cancelled = {});
std::int64_t writeEndpointsCsv(CaseDb &caseDb, const CaseFilter &filter, EndpointKey key, CsvWriter &writer,
                               const CsvExportCancelled &cancelled = {});

// The REJECTs the filter keeps, explained against `snapshots` (the records
// alone when empty): one row per record in record order, or per group as
// `flowscope-cli explain --group` groups them, largest first.
std::int64_t writeExplanationsCsv(CaseDb &caseDb, const CaseFilter &filter, explain::SnapshotTimeline snapshots,
                                  CsvWriter &writer, const CsvExportCancelled &cancelled = {});
std::int64_t writeRejectGroupsCsv(CaseDb &caseDb, const CaseFilter &filter, explain::SnapshotTimeline snapshots,
                                  CsvWriter &writer, const CsvExportCancelled &cancelled = {});

} // namespace flowscope
