// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

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

std::string findingKey(const Finding &finding)
{
    std::string key = finding.type;
    if (!finding.keyDetail.empty()) // the detector says what tells its findings apart
        return key + '|' + finding.keyDetail;
    const auto field = [&key](const std::string &value) { key += '|' + value; };
    field(finding.src ? finding.src->toString() : std::string());
    field(finding.dst ? finding.dst->toString() : std::string());
    field(finding.dstPort ? std::to_string(*finding.dstPort) : std::string());
    field(finding.protocol ? std::to_string(*finding.protocol) : std::string());
    field(finding.interfaceId.value_or(std::string()));
    field(finding.keyDetail);
    return key;
}

void assignIdentities(std::vector<Finding> &findings)
{
    std::vector<std::size_t> order(findings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&findings](std::size_t a, std::size_t b) {
        return std::tie(findings[a].start, findings[a].end) < std::tie(findings[b].start, findings[b].end);
    });
    std::map<std::string, int> seen;
    for (const std::size_t i : order) {
        const std::string key = findingKey(findings[i]);
        const int occurrence = ++seen[key];
        findings[i].identity = occurrence == 1 ? key : key + '#' + std::to_string(occurrence);
    }
}

} // namespace flowscope
