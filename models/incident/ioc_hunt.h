// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A retro-hunt: every record of the case matched against IOC lists, with the
// hits per indicator (records, first and last seen, interfaces, accepted and
// rejected). The lists' ranges choose the candidate blocks through the block
// index of addresses; only those are read, on two threads.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

struct IocHit {
    std::string list;
    std::string indicator; // canonical: 198.51.100.0/24, 1.2.3.4:443
    std::string label;
    std::int64_t records = 0, accepted = 0, rejected = 0;
    std::int64_t firstSeen = 0, lastSeen = 0; // epoch seconds: earliest start, latest end
    std::vector<std::string> interfaces;      // ENIs, sorted
    std::string filter;                       // shows the indicator's records
};

struct IocHunt {
    std::vector<IocHit> hits; // most records first, then list and indicator
    std::int64_t indicators = 0;
    std::int64_t blocksRead = 0;
    bool cancelled = false;
    std::string error; // an unknown list, or the case could not be read
};

// `lists` empty: every list of the case. `cancel` is polled between blocks.
IocHunt huntIocLists(CaseDb &caseDb, const std::vector<std::string> &lists, const std::atomic_bool *cancel = nullptr);

// The filter that shows the records an indicator matches.
std::string iocIndicatorFilter(const std::string &canonicalIndicator);

} // namespace flowscope::incident
