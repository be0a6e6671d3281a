// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The detectors a run can use, by name. The built-in ones are registered
// from the start; another part of Flowscope adds its own (an IOC list
// matcher, say) with registerDetectorType() before the first run, and the
// CLI, the window and the settings see it like the others.

#include "detector.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

struct DetectorType {
    std::string name;    // "port-scan", as --only and --set name it
    std::string summary; // one line
    std::function<std::unique_ptr<Detector>()> make;
    // Finishes after the others and sees their findings (visibility-gap).
    bool runsLast = false;
};

// In registration order: the built-in ones first.
std::vector<DetectorType> detectorTypes();
// Adds a type, or replaces the one of the same name. Thread-safe.
void registerDetectorType(DetectorType type);

// Detectors configured from `--only` and `--set`.
struct DetectorSelection {
    std::vector<std::unique_ptr<Detector>> detectors; // in registration order
    std::vector<bool> runsLast;                       // beside each detector
    std::string error;                                // why the selection is refused; empty when fine
};

// `only`: type names (all types when empty); `settings`: "type.name" ->
// value. An unknown type or parameter, or a bad value, is an error naming it.
DetectorSelection selectDetectors(const std::vector<std::string> &only,
                                  const std::vector<std::pair<std::string, std::string>> &settings);

// "port-scan.window-s=300 ..." for every parameter of the detectors: what a
// stored run says produced its findings.
std::string describeParameters(const std::vector<std::unique_ptr<Detector>> &detectors);

} // namespace flowscope
