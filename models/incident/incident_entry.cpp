// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_entry.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

namespace flowscope::incident {

namespace {
constexpr std::array<std::string_view, kSeverityCount> kSeverityNames{"info", "low", "medium", "high", "critical"};
}

std::string_view entryKindName(EntryKind kind)
{
    switch (kind) {
    case EntryKind::StarredRecord: return "starred";
    case EntryKind::TaggedRecord: return "tagged";
    case EntryKind::Note: return "note";
    case EntryKind::Finding: return "finding";
    case EntryKind::CloudTrailEvent: return "cloudtrail";
    }
    return "note";
}

std::string_view severityName(Severity severity)
{
    return kSeverityNames.at(static_cast<std::size_t>(severity));
}

std::optional<Severity> severityByName(std::string_view name)
{
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
        const std::string_view known = kSeverityNames[i];
        if (known.size() == name.size()
            && std::equal(known.begin(), known.end(), name.begin(),
                          [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
            return static_cast<Severity>(i);
    }
    return std::nullopt;
}

Severity severityFromInt(std::int64_t value)
{
    return value >= 0 && value < kSeverityCount ? static_cast<Severity>(value) : Severity::Info;
}

bool entryBefore(const IncidentEntry &a, const IncidentEntry &b)
{
    const bool aUndated = !a.time.has_value();
    const bool bUndated = !b.time.has_value();
    return std::tuple(aUndated, a.time.value_or(0), a.kind, a.id)
         < std::tuple(bUndated, b.time.value_or(0), b.kind, b.id);
}

} // namespace flowscope::incident
