// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `export CASE --what report`: the PDF incident report of a case.

#include "cli_arguments.h"

#include <string>

namespace flowscope::cli {

// The options only the report takes (valued).
extern const char *const kReportOptions[5];

// Checks the report's options and writes the PDF atomically; an exit status.
int exportReport(const Arguments &arguments);

} // namespace flowscope::cli
