// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A CloudTrail log file as AWS delivers it: one JSON object {"Records":[...]},
// plain or gzip (recognised by its magic bytes), usually under
// AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/. Read whole: AWS writes a file
// every five minutes per region, a few megabytes at most.

#include "store/cloudtrail_event_rows.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flowscope::cloudtrail {

// Whether the file is a CloudTrail log by its content ({"Records": first),
// or by its name (ACCOUNT_CloudTrail_REGION_..., a CloudTrail folder of an
// AWSLogs tree) when the content says nothing clear, so that a broken
// CloudTrail file is reported as one rather than as a bad flow log.
bool looksLikeCloudTrailFile(const std::filesystem::path &path);

struct CloudTrailItemError {
    std::int64_t item = 0; // 1-based position in Records
    std::string reason;
};

struct CloudTrailFileContent {
    std::string sha256;
    std::vector<CloudTrailEventRow> events; // the network events, file, sha256 and item set
    std::int64_t skipped = 0;               // well-formed events that touch nothing of the network
    std::vector<CloudTrailItemError> errors;
    std::string fatalError; // the file cannot be read as CloudTrail at all; nothing else is set
};

CloudTrailFileContent readCloudTrailFile(const std::filesystem::path &path);

} // namespace flowscope::cloudtrail
