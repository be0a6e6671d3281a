// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bundled demo case: generated input imported through the same code path
// as an analyst's files, one import per flow-log format, and the estate's
// configuration snapshot (demo_snapshot.h), taken an hour before the records
// begin.

#include "demo_cloudtrail.h"
#include "demo_generator.h"
#include "demo_investigation.h"
#include "ingest/import_report.h"

#include <filesystem>
#include <vector>

namespace flowscope {

class CaseDb;

struct DemoCaseResult {
    DemoSummary input;
    std::uint64_t records = 0;
    std::uint64_t errors = 0;
    std::int64_t snapshotId = 0;
    DemoCloudTrail cloudTrail; // written under the input root and imported
    DemoInvestigation investigation; // findings, hunt, stars and notes stored
};

// When the demo's configuration snapshot was taken: an hour before the records begin.
std::int64_t demoSnapshotAsOf(const DemoOptions &options = {});

// Writes the demo's configuration snapshot as the AWS CLI prints it,
// `folder`/describe-*.json, each file's modification time the snapshot's
// as-of, so that `flowscope-cli config CASE FOLDER` (or File > Load
// Configuration Snapshot) loads it as the demo case holds it. Returns the files.
std::vector<std::filesystem::path> writeDemoSnapshotFiles(const std::filesystem::path &folder, const DemoOptions &options = {});

// Writes the demo input under inputRoot and imports it and the configuration
// snapshot into caseDb, then stores the incident's investigation
// (demo_investigation.h).
DemoCaseResult importDemoInput(CaseDb &caseDb, const std::filesystem::path &inputRoot, const DemoOptions &options = {});

// The version of the demo's content; importDemoInput stores it in the case.
int demoCaseVersion();
// The demo version a case holds: 0 when none (built before versions, or not a demo case).
int storedDemoVersion(const std::filesystem::path &casePath);

// The demo case in `folder`, built on first use and again when it holds
// another demo version than this build's: returns its path.
std::filesystem::path ensureDemoCase(const std::filesystem::path &folder);

} // namespace flowscope
