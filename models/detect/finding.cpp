// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding.h"

namespace flowscope {

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return "critical";
    case Severity::High:
        return "high";
    case Severity::Medium:
        return "medium";
    case Severity::Low:
        break;
    }
    return "low";
}

std::optional<Severity> parseSeverity(std::string_view name)
{
    for (const Severity s : {Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
        if (severityName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace flowscope
