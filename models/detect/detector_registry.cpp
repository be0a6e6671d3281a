// SPDX-License-Identifier: GPL-3.0-or-later
#include "detector_registry.h"

#include "beaconing_detector.h"
#include "exfiltration_detector.h"
#include "lateral_movement_detector.h"
#include "port_scan_detector.h"
#include "syn_only_detector.h"
#include "visibility_gap_detector.h"

#include <mutex>

namespace flowscope {

namespace {

std::mutex &registryMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::vector<DetectorType> &registry()
{
    static std::vector<DetectorType> types{
        {"port-scan", "a source trying many hosts or ports in a short window, most of them failing",
         [] { return std::make_unique<PortScanDetector>(); }},
        {"syn-only", "TCP SYNs to a destination port that never answered",
         [] { return std::make_unique<SynOnlyDetector>(); }},
        {"beaconing", "connections at regular times with regular sizes to one destination",
         [] { return std::make_unique<BeaconingDetector>(); }},
        {"exfiltration", "egress bytes to external addresses above a threshold or far above the source's baseline",
         [] { return std::make_unique<ExfiltrationDetector>(); }},
        {"lateral-movement", "new or rejected internal traffic across subnets to administration and data ports",
         [] { return std::make_unique<LateralMovementDetector>(); }},
        {"visibility-gap", "NODATA or SKIPDATA stretches of an interface during other findings",
         [] { return std::make_unique<VisibilityGapDetector>(); }, true},
    };
    return types;
}

} // namespace

std::vector<DetectorType> detectorTypes()
{
    std::lock_guard lock(registryMutex());
    return registry();
}

void registerDetectorType(DetectorType type)
{
    std::lock_guard lock(registryMutex());
    for (DetectorType &known : registry())
        if (known.name == type.name) {
            known = std::move(type);
            return;
        }
    registry().push_back(std::move(type));
}

DetectorSelection selectDetectors(const std::vector<std::string> &only,
                                  const std::vector<std::pair<std::string, std::string>> &settings)
{
    DetectorSelection out;
    const std::vector<DetectorType> types = detectorTypes();
    auto known = [&](const std::string &name) {
        for (const DetectorType &t : types)
            if (t.name == name)
                return true;
        return false;
    };
    auto names = [&] {
        std::string list;
        for (const DetectorType &t : types)
            list += (list.empty() ? "" : ", ") + t.name;
        return list;
    };
    for (const std::string &name : only)
        if (!known(name)) {
            out.error = "unknown detector '" + name + "' (known: " + names() + ")";
            return out;
        }
    // Every detector takes its settings, chosen or not, so a misspelt
    // setting is refused whatever --only says.
    std::vector<std::unique_ptr<Detector>> all;
    for (const DetectorType &t : types)
        all.push_back(t.make());
    for (const auto &[name, value] : settings) {
        const std::size_t dot = name.find('.');
        const std::string type = name.substr(0, dot);
        std::size_t index = 0;
        while (index < types.size() && types[index].name != type)
            ++index;
        if (dot == std::string::npos || index == types.size()) {
            out.error = "unknown setting '" + name + "': settings are named DETECTOR.PARAMETER (detectors: " + names() + ")";
            return out;
        }
        const std::string parameter = name.substr(dot + 1);
        bool found = false;
        std::string parameterNames;
        for (DetectorParameter &p : all[index]->parameters()) {
            parameterNames += (parameterNames.empty() ? "" : ", ") + p.name;
            if (p.name != parameter)
                continue;
            found = true;
            if (const auto error = p.set(value)) {
                out.error = "setting '" + name + "': '" + value + "' " + *error;
                return out;
            }
        }
        if (!found) {
            out.error = "unknown setting '" + name + "' (" + type + " has " + parameterNames + ")";
            return out;
        }
    }
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (!only.empty() && std::find(only.begin(), only.end(), types[i].name) == only.end())
            continue;
        out.runsLast.push_back(types[i].runsLast);
        out.detectors.push_back(std::move(all[i]));
    }
    return out;
}

std::string describeParameters(const std::vector<std::unique_ptr<Detector>> &detectors)
{
    std::string out;
    for (const auto &detector : detectors)
        for (const DetectorParameter &p : detector->parameters())
            out += (out.empty() ? "" : " ") + std::string(detector->type()) + '.' + p.name + '=' + p.text();
    return out;
}

} // namespace flowscope
