// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subcommands of flowscope-cli. Each takes its own arguments (without the
// program and command names) and returns the process exit code:
// 0 success, 1 some input rejected (good data kept), 2 usage or fatal error.

#include <string>
#include <vector>

namespace flowscope::cli {

enum ExitCode { ExitOk = 0, ExitRejected = 1, ExitFatal = 2 };

int runImport(const std::vector<std::string> &args);
int runInfo(const std::vector<std::string> &args);
int runQuery(const std::vector<std::string> &args);
int runDemo(const std::vector<std::string> &args);
int runStats(const std::vector<std::string> &args);
int runFilter(const std::vector<std::string> &args);
int runCount(const std::vector<std::string> &args);
int runTimeline(const std::vector<std::string> &args);
int runExplain(const std::vector<std::string> &args);
int runConfig(const std::vector<std::string> &args);
int runGraph(const std::vector<std::string> &args);
int runExport(const std::vector<std::string> &args);
int runDetect(const std::vector<std::string> &args);
int runIoc(const std::vector<std::string> &args);
int runIncident(const std::vector<std::string> &args);
int runTrail(const std::vector<std::string> &args);
int runRemove(const std::vector<std::string> &args);

} // namespace flowscope::cli
