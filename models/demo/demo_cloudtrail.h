// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo's CloudTrail log: the RunInstances that launched the compromised
// application server (who, from where, with which interface and group), the
// AuthorizeSecurityGroupIngress its instance role made on the Windows
// servers' group minutes before the lateral movement's rejects, and a few
// calls that touch nothing of the network (skipped at import). Written as
// AWS delivers it, gzip JSON under AWSLogs/ACCOUNT/CloudTrail/REGION/.

#include "demo_generator.h"

#include <filesystem>
#include <string>

namespace flowscope {

struct DemoCloudTrail {
    std::string relativePath; // '/'-separated, under the dataset root
    std::string launchedInstance, launchedInterface, launchPrincipal, launchSourceIp;
    std::string authorizedGroup;
    int networkEvents = 0, otherEvents = 0;
};

// Writes the file under root for the dataset `input` describes.
DemoCloudTrail writeDemoCloudTrail(const std::filesystem::path &root, const DemoSummary &input,
                                   const DemoOptions &options = {});

} // namespace flowscope
