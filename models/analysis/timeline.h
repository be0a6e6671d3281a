// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline: ACCEPT and REJECT stacked per time bucket, counting flows,
// bytes or packets, with the ENIs that reported NODATA or SKIPDATA in each
// bucket and, per ENI, the merged intervals of missing coverage to shade.
// One function serves the CLI and the GUI; it touches no Qt and keeps no
// state, so the GUI can run it on a worker thread with that thread's own
// CaseDb connection.

#include "format/flow_record.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;
class CaseFilter;

enum class TimelineMetric { Flows, Bytes, Packets };

// Half-open, in epoch seconds: [begin, end).
struct TimeRange {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

struct TimelineOptions {
    std::int64_t bucketSeconds = 60;
    TimelineMetric metric = TimelineMetric::Flows;
    // Bytes and packets spread over the buckets a record's span covers (as
    // SiLK's rwcount does); off puts them in the start bucket. Flows always
    // count in their start bucket.
    bool spread = true;
    // Without a range, the buckets run from the first start to the last end
    // of the selected records. Buckets align to multiples of bucketSeconds
    // from the epoch either way, so bucket starts read as round times.
    std::optional<TimeRange> range;
    // Without a range: lay the buckets over the case's extent, narrowed to
    // the window of the filter's top-level `time` conditions, rather than
    // over the selected records' extent. The view does, so its axis stays
    // put while the filter changes (and a brushed range becomes the axis).
    bool caseRange = false;
    // When above zero, bucketSeconds is ignored: the width is the round one
    // giving at most this many buckets over the range (autoBucketSeconds).
    int targetBuckets = 0;
    // A guard against a bucket width far too small for the range.
    std::size_t maxBuckets = 1'000'000;
    // A timeline of whole-minute buckets whose filter reads only what the
    // per-minute rollups keep (none, the action, the log status, the
    // interface context: `action == reject and vpc-id == vpc-1`) is read
    // from them when the case has them; off reads the records (the two give
    // the same bars: tests and benchmarks compare them).
    bool allowRollups = true;
    // Polled while records are scanned: true stops the computation with
    // TimelineCancelled (a newer request has made this one stale).
    std::function<bool()> cancelled;
};

struct TimelineBucket {
    std::int64_t start = 0; // epoch seconds
    std::uint64_t accept = 0;
    std::uint64_t reject = 0;
    // ENIs with a NODATA / SKIPDATA record whose span touches this bucket.
    std::uint32_t nodataEnis = 0;
    std::uint32_t skipdataEnis = 0;
};

// A stretch of missing coverage of one ENI: overlapping and adjacent NODATA
// (or SKIPDATA) spans merged. Half-open: [begin, end) in epoch seconds.
struct CoverageInterval {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    LogStatus status = LogStatus::NoData;
};

struct EniCoverage {
    std::string eni;
    std::vector<CoverageInterval> intervals; // by begin, NODATA and SKIPDATA interleaved
};

// Where a file removed from the case held records (Remove File from Case):
// a hole the analyst made, not silence.
struct RemovedSpan {
    TimeRange span; // cut to the timeline's range
    std::string path;
};

struct Timeline {
    std::int64_t bucketSeconds = 0;
    // The range the buckets were laid over: the given one, or the selected
    // records' extent (empty when nothing is selected).
    TimeRange range;
    std::vector<TimelineBucket> buckets;
    std::vector<EniCoverage> coverage; // by ENI name
    // Selected records without a start time: they belong to no bucket.
    std::uint64_t untimed = 0;
    // With caseRange: the case's extent the range was narrowed from (a view
    // may zoom out to it for context while the filter keeps its window).
    TimeRange caseExtent;
    // The removed files' spans that overlap the range, whatever the filter.
    std::vector<RemovedSpan> removed;
};

class TimelineError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TimelineCancelled : public std::exception {
public:
    const char *what() const noexcept override { return "timeline computation cancelled"; }
};

// The timeline of the records `filter` selects. Records without an action
// (NODATA, SKIPDATA, or a format without the field) count as neither ACCEPT
// nor REJECT; NODATA and SKIPDATA records give coverage instead. Under a
// filter, coverage is that of the ENIs the selected records came from
// (`eni == eni-a` shades only eni-a's gaps, `action == reject` the gaps of
// the ENIs with rejects), cut to the buckets.
// Throws TimelineError for a bucket width below one second or more buckets
// than options.maxBuckets, and StoreError when the case cannot be read.
//
// This scans the records of the blocks that can hold selected records in the
// range (with a filter and no range, twice: once for the range). `untimed`
// counts the selected records without a start among all the blocks.
Timeline computeTimeline(CaseDb &caseDb, const CaseFilter &filter, const TimelineOptions &options);

} // namespace flowscope
