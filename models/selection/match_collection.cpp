// SPDX-License-Identifier: GPL-3.0-or-later
#include "match_collection.h"

#include "case_filter.h"
#include "store/block_codec.h"
#include "store/block_scan.h"

namespace flowscope {

std::shared_ptr<const RecordMatchSet> collectMatches(CaseDb &caseDb, const CaseFilter &filter,
                                                     const std::function<bool()> &cancelled)
{
    auto matches = std::make_shared<RecordMatchSet>();
    const RecordPredicate *accept = filter.matchesEverything() ? nullptr : &filter.predicate();
    std::int64_t visited = 0;
    scanRecords(caseDb, filter.blocks(), [&](const EncodedFlow &flow, std::int64_t id) {
        // Once a block: cheap enough, and a cancelled scan stops within one.
        if (cancelled && (visited++ % static_cast<std::int64_t>(kBlockCapacity)) == 0 && cancelled())
            throw MatchCollectionCancelled();
        if (!accept || (*accept)(flow))
            matches->add(id);
    });
    return matches;
}

} // namespace flowscope
