// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs detectors over the records a filter selects in one scan of the
// filter's candidate blocks, decoding only the columns the detectors and the
// filter read, then lets each detector say what it found. Meant for a
// worker thread: it reports progress and stops when asked.

#include "detector.h"

#include <exception>
#include <functional>
#include <memory>
#include <vector>

namespace flowscope {

class CaseDb;
class CaseFilter;

struct DetectionProgress {
    std::uint64_t recordsRead = 0;
    std::uint64_t recordsTotal = 0; // an estimate: the candidate blocks' capacity
};

struct DetectionRequest {
    // The run's filter; null or empty for every record.
    std::shared_ptr<const CaseFilter> filter;
    // From selectDetectors(): the detectors, and which of them finish last.
    std::vector<Detector *> detectors;
    std::vector<bool> runsLast;
    // Polled every few thousand records: true stops the run with
    // DetectionCancelled (a newer run has made this one stale).
    std::function<bool(const DetectionProgress &)> cancelled;
};

struct DetectionResult {
    std::vector<Finding> findings; // by start time, then type; ids set
    std::uint64_t recordsRead = 0; // records the filter selected
};

class DetectionCancelled : public std::exception {
public:
    const char *what() const noexcept override { return "detection run cancelled"; }
};

DetectionResult runDetections(CaseDb &caseDb, const DetectionRequest &request);

} // namespace flowscope
