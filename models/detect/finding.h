// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a detector found: one suspicious behaviour, the records that show it
// (through a filter expression that selects exactly them) and the figures an
// analyst reads first.

#include "format/ip_address.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowscope {

// Detectors give low to high; critical is the analyst's (the incident timeline).
enum class Severity : std::uint8_t { Low = 0, Medium = 1, High = 2, Critical = 3 };

std::string_view severityName(Severity severity);
std::optional<Severity> parseSeverity(std::string_view name);

struct Finding {
    std::string id;   // "<type>-<n>", numbered per type in time order
    std::string type; // the detector's name, "port-scan"
    Severity severity = Severity::Low;
    std::string title;
    std::optional<IpAddress> src, dst;
    std::optional<std::uint16_t> dstPort;
    std::optional<std::uint8_t> protocol;
    std::optional<std::string> interfaceId;
    std::int64_t start = 0; // earliest start of the evidence records
    std::int64_t end = 0;   // latest end of the evidence records
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::optional<double> periodSeconds; // beaconing only
    // Selects exactly the evidence records in the flow table (the run's
    // filter included).
    std::string evidenceFilter;
};

} // namespace flowscope
