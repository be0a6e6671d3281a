// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PDF incident report written in this process (flowscope-cli-report).

#include "cli_arguments.h"

namespace flowscope::cli {

// Checks the report's options and writes the PDF atomically; an exit status.
int writeReport(const Arguments &arguments);

} // namespace flowscope::cli
