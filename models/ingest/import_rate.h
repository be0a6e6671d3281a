// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How fast an import goes and how long it still needs, from its progress:
// shared by the GUI's progress bar and anything else that reports progress.

#include "import_report.h"

#include <optional>

namespace flowscope {

struct ImportRate {
    double fraction = 0;          // of the input bytes read, 0 to 1
    double recordsPerSecond = 0;
    std::optional<double> secondsLeft; // once enough is read to say
};

ImportRate importRate(const ImportProgress &progress);

} // namespace flowscope
