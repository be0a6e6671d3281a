// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Expands the paths an analyst gives (files and folders, recursively, such as
// an AWSLogs/ tree or Hive-style key=value/ prefixes) into the files to import,
// in a stable order, reporting what cannot be walked.

#include <filesystem>
#include <string>
#include <vector>

namespace flowscope {

struct WalkIssue {
    std::string path;
    std::string reason;
};

struct WalkResult {
    std::vector<std::filesystem::path> files;
    std::vector<WalkIssue> issues;
};

WalkResult collectInputFiles(const std::vector<std::filesystem::path> &inputs);

} // namespace flowscope
