// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bundled demo case: generated input imported through the same code path
// as an analyst's files, one import per flow-log format, and the estate's
// configuration snapshot (demo_snapshot.h), taken an hour before the records
// begin.

#include "demo_cloudtrail.h"
#include "demo_generator.h"
#include "ingest/import_report.h"

#include <filesystem>

namespace flowscope {

class CaseDb;

struct DemoCaseResult {
    DemoSummary input;
    std::uint64_t records = 0;
    std::uint64_t errors = 0;
    std::int64_t snapshotId = 0;
    DemoCloudTrail cloudTrail; // written under the input root and imported
};

// Writes the demo input under inputRoot and imports it and the configuration
// snapshot into caseDb.
DemoCaseResult importDemoInput(CaseDb &caseDb, const std::filesystem::path &inputRoot, const DemoOptions &options = {});

// The demo case in `folder` (created on first use): returns its path.
std::filesystem::path ensureDemoCase(const std::filesystem::path &folder);

} // namespace flowscope
