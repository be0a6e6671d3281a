// SPDX-License-Identifier: GPL-3.0-or-later
#include "beacon_score.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace flowscope {

namespace {

// Linear-interpolated quantile of sorted values.
double quantile(const std::vector<double> &sorted, double q)
{
    const double at = q * static_cast<double>(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(at));
    const std::size_t high = std::min(low + 1, sorted.size() - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (at - static_cast<double>(low));
}

struct Dispersion {
    double skewScore = 0; // 1 - |Bowley skew|
    double madScore = 0;  // 1 - MAD / median
    double median = 0;
};

// `tolerance`: deviations up to it count as none.
Dispersion dispersion(std::vector<double> values, double tolerance)
{
    std::sort(values.begin(), values.end());
    Dispersion d;
    d.median = quantile(values, 0.5);
    const double q1 = quantile(values, 0.25), q3 = quantile(values, 0.75);
    const double spread = q3 - q1;
    const double skew = spread <= 2 * tolerance || spread == 0 ? 0.0 : (q3 + q1 - 2 * d.median) / spread;
    d.skewScore = std::clamp(1.0 - std::fabs(skew), 0.0, 1.0);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (const double v : values)
        deviations.push_back(std::fabs(v - d.median));
    std::sort(deviations.begin(), deviations.end());
    const double mad = std::max(0.0, quantile(deviations, 0.5) - tolerance);
    d.madScore = d.median <= 0 ? (mad == 0 ? 1.0 : 0.0) : std::clamp(1.0 - mad / d.median, 0.0, 1.0);
    return d;
}

} // namespace

std::optional<BeaconScore> scoreBeacon(std::vector<std::int64_t> starts, std::vector<std::uint64_t> sizes,
                                       double jitterSeconds)
{
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    if (starts.size() < 3 || sizes.empty())
        return std::nullopt;
    std::vector<double> intervals;
    for (std::size_t i = 1; i < starts.size(); ++i)
        intervals.push_back(static_cast<double>(starts[i] - starts[i - 1]));
    // Jitter is forgiven up to half the period: a faster series gains nothing
    // from it (every interval would look the same).
    std::vector<double> sortedIntervals = intervals;
    std::sort(sortedIntervals.begin(), sortedIntervals.end());
    const double tolerance = std::min(jitterSeconds, quantile(sortedIntervals, 0.5) / 2);
    const Dispersion timing = dispersion(intervals, tolerance);

    std::vector<double> bytes(sizes.begin(), sizes.end());
    const Dispersion size = dispersion(bytes, 0);
    std::map<std::uint64_t, std::size_t> counts;
    for (const std::uint64_t s : sizes)
        ++counts[s];
    const auto mode = std::max_element(counts.begin(), counts.end(),
                                       [](const auto &a, const auto &b) { return a.second < b.second; })->first;
    const double smallness = std::clamp(1.0 - static_cast<double>(mode) / 65536.0, 0.0, 1.0);

    BeaconScore out;
    out.timing = (timing.skewScore + timing.madScore) / 2;
    out.size = (size.skewScore + size.madScore + smallness) / 3;
    out.score = (out.timing + out.size) / 2;
    out.periodSeconds = timing.median;
    out.connections = starts.size();
    return out;
}

} // namespace flowscope
