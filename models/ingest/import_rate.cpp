// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_rate.h"

#include <algorithm>

namespace flowscope {

namespace {
// Before this much of the input and time, an estimate of the rest is noise.
constexpr double kMinFractionForEstimate = 0.01;
constexpr double kMinSecondsForEstimate = 0.5;
} // namespace

ImportRate importRate(const ImportProgress &progress)
{
    ImportRate rate;
    if (progress.bytesTotal > 0)
        rate.fraction = std::clamp(static_cast<double>(progress.bytesDone) / static_cast<double>(progress.bytesTotal),
                                   0.0, 1.0);
    if (progress.seconds > 0)
        rate.recordsPerSecond = static_cast<double>(progress.records) / progress.seconds;
    if (rate.fraction >= kMinFractionForEstimate && progress.seconds >= kMinSecondsForEstimate)
        rate.secondsLeft = progress.seconds * (1.0 - rate.fraction) / rate.fraction;
    return rate;
}

} // namespace flowscope
