// SPDX-License-Identifier: GPL-3.0-or-later
#include "detection_settings.h"

#include "detector_registry.h"

#include <QSettings>

#include <map>

namespace flowscope {

namespace {

constexpr const char *kGroup = "detection";

// "type.name" -> default text, from a fresh detector of every type.
std::map<std::string, std::string> defaults()
{
    std::map<std::string, std::string> out;
    for (const DetectorType &type : detectorTypes()) {
        const auto detector = type.make(); // the parameters point into it
        for (const DetectorParameter &p : detector->parameters())
            out[type.name + '.' + p.name] = p.text();
    }
    return out;
}

} // namespace

DetectorSettings loadDetectorSettings()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    DetectorSettings out;
    for (const QString &key : settings.childKeys())
        out.emplace_back(key.toStdString(), settings.value(key).toString().toStdString());
    return out;
}

void saveDetectorSettings(const DetectorSettings &changes)
{
    const auto known = defaults();
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.remove(QString()); // the group's keys: what is not given goes back to its default
    for (const auto &[name, value] : changes) {
        const auto it = known.find(name);
        if (it == known.end() || it->second != value)
            settings.setValue(QString::fromStdString(name), QString::fromStdString(value));
    }
}

std::string detectorSettingsError(const DetectorSettings &settings)
{
    return selectDetectors({}, settings).error;
}

} // namespace flowscope
