// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RITA's beacon score over a series of connection start times and sizes:
// the mean of a timing score and a size score, each in [0, 1], 1 for a
// perfectly regular series.
//
// Timing: 1 - |Bowley skew| of the intervals and 1 - MAD / median of the
// intervals; flow logs quantise start times to their capture window (up to
// a minute late, and a 10-minute aggregation merges what falls in one
// window), so deviations up to `jitterSeconds` (at most half the median
// interval) count as none.
// Size: 1 - |Bowley skew| of the bytes, 1 - MAD / median of the bytes, and
// smallness (1 - the most common size / 64 KiB).

#include <cstdint>
#include <optional>
#include <vector>

namespace flowscope {

struct BeaconScore {
    double score = 0;
    double timing = 0;
    double size = 0;
    double periodSeconds = 0; // the median interval
    std::size_t connections = 0;
};

// `starts` in any order; the same start twice is one connection (its two
// interfaces' records). Nothing for fewer than 3 distinct starts.
std::optional<BeaconScore> scoreBeacon(std::vector<std::int64_t> starts, std::vector<std::uint64_t> sizes,
                                       double jitterSeconds);

} // namespace flowscope
