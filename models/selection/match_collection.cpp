// SPDX-License-Identifier: GPL-3.0-or-later
#include "match_collection.h"

#include "case_filter.h"
#include "store/block_codec.h"
#include "store/block_scan.h"

#include <mutex>

namespace flowscope {

std::shared_ptr<const RecordMatchSet> collectMatches(CaseDb &caseDb, const CaseFilter &filter,
                                                     const std::function<bool()> &cancelled)
{
    auto matches = std::make_shared<RecordMatchSet>();
    std::mutex matchesMutex;
    const RecordPredicate *accept = filter.matchesEverything() ? nullptr : &filter.predicate();
    // Both threads decode and test (only the columns the filter reads); a
    // block's matches are gathered in a local bitmap and added at once.
    scanBlocksConcurrently(caseDb, filter.blocks(), filter.columnsRead(),
                           [&](std::int64_t blockId, const std::vector<EncodedFlow> &rows) {
                               if (cancelled && cancelled()) // once a block: a cancelled scan stops within one
                                   throw MatchCollectionCancelled();
                               RecordMatchSet::Block block;
                               for (std::size_t slot = 0; slot < rows.size(); ++slot) {
                                   if (!accept || (*accept)(rows[slot])) {
                                       block.bits[slot / 64] |= std::uint64_t{1} << (slot % 64);
                                       ++block.count;
                                   }
                               }
                               std::lock_guard lock(matchesMutex);
                               matches->addBlock(blockId, block);
                           });
    return matches;
}

} // namespace flowscope
