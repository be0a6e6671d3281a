// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The last retro-hunt of a case's IOC lists, kept in the case (tables
// ioc_hunt and ioc_hunt_hit) so that its hits show when the case opens and
// the window can say when it ran and over which lists. A new hunt replaces
// it; adding to or removing a list forgets it (its hits may no longer hold).

#include "ioc_hunt.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

struct StoredIocHunt {
    std::int64_t ranAt = 0;          // epoch seconds
    std::vector<std::string> lists;  // the lists hunted; empty: every list
    IocHunt hunt;                    // hits, indicators and blocks read
};

// Replaces the stored hunt. Throws StoreError when the case cannot be written.
void storeIocHunt(CaseDb &caseDb, const StoredIocHunt &stored);
// Nullopt when no hunt ran on the case (or it is older than these tables).
std::optional<StoredIocHunt> loadIocHunt(CaseDb &caseDb);
// After a list changed.
void forgetIocHunt(CaseDb &caseDb);

} // namespace flowscope::incident
