// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `export CASE --what report`: the PDF incident report of a case. It is drawn
// with QtGui, whose libraries and start-up would cost every other command
// about as much as its whole answer, so flowscope-cli links none of it and
// hands the report over to flowscope-cli-report, which it replaces (exec):
// the same arguments, output and exit status, as if it were one program.

#include "cli_arguments.h"

#include <string>
#include <vector>

namespace flowscope::cli {

// The options only the report takes (valued).
extern const char *const kReportOptions[5];

// Writes the report in this process; set by flowscope-cli-report, which links it.
using ReportWriter = int (*)(const Arguments &arguments);
void setReportWriter(ReportWriter writer);

// The report's exit status: the writer's when one is set, else the command
// (`args` as runExport got them) runs on in flowscope-cli-report, and this
// returns only when that program cannot be started.
int exportReport(const Arguments &arguments, const std::vector<std::string> &args);

} // namespace flowscope::cli
