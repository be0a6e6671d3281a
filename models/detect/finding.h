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
#include <vector>

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
    // What identifies the finding when its addresses may change between
    // runs (a scan's single target, an IOC hit's single peer): set by such
    // detectors, it replaces the key fields in the identity.
    std::string keyDetail;

    // Kept in the case across runs (finding_store.h), keyed by identity:
    // which behaviour this is, so that a new run updates it rather than
    // replacing it, and the analyst's edits stay.
    std::string identity;
    bool severityEdited = false;   // `severity` is the analyst's, not the detector's
    std::vector<std::string> tags; // the analyst's, sorted, lower case
    std::string note;              // the analyst's
    bool stale = false;            // the last run of its detector no longer found it
};

// The finding's type and key fields (addresses, port, protocol, interface;
// or keyDetail when set), the same in every run that finds the same behaviour.
std::string findingKey(const Finding &finding);

// Sets each finding's identity: its key, with "#2", "#3"... added, in time
// order, to findings of one key beyond the first (a source scanning twice).
void assignIdentities(std::vector<Finding> &findings);

} // namespace flowscope
