// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The thresholds the analyst changed from their defaults, kept in the
// application's settings (QSettings, group "detection") as
// "detector.parameter" -> value, the form `--set` takes; Run Detections in
// the window passes them to every run.

#include <string>
#include <utility>
#include <vector>

namespace flowscope {

using DetectorSettings = std::vector<std::pair<std::string, std::string>>;

// The stored changes, by name.
DetectorSettings loadDetectorSettings();
// Replaces the stored changes; a value equal to its default is not kept.
void saveDetectorSettings(const DetectorSettings &settings);

// Why the settings are refused (an unknown detector or parameter, a bad
// value, named); empty when every one is valid.
std::string detectorSettingsError(const DetectorSettings &settings);

} // namespace flowscope
