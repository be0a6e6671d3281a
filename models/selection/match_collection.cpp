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
    if (const auto &test = filter.columnPredicate()) {
        // A column at a time: the filter's columns of a block are compared
        // in a row, without a record being put together.
        scanBlockColumnsConcurrently(caseDb, filter.blocks(), filter.columnsRead(),
                                     [&](std::int64_t blockId, BlockColumns &columns) {
                                         if (cancelled && cancelled())
                                             throw MatchCollectionCancelled();
                                         RecordMatchSet::Block block;
                                         (*test)(columns, block.bits);
                                         for (const std::uint64_t word : block.bits)
                                             block.count += __builtin_popcountll(word);
                                         std::lock_guard lock(matchesMutex);
                                         matches->addBlock(blockId, block);
                                     });
        return matches;
    }
    const RecordPredicate *accept = filter.matchesEverything() ? nullptr : &filter.predicate();
    // Both threads decode and test (only the columns the filter reads, and
    // records are read one at a time); a block's matches are gathered in a
    // local bitmap and added at once.
    scanBlockRecordsConcurrently(caseDb, filter.blocks(), filter.columnsRead(),
                                 [&](std::int64_t blockId, BlockRecordCursor &records) {
                                     if (cancelled && cancelled()) // once a block: a cancelled scan stops within one
                                         throw MatchCollectionCancelled();
                                     RecordMatchSet::Block block;
                                     std::size_t slot = 0;
                                     for (const EncodedFlow *record; (record = records.next()); ++slot) {
                                         if (!accept || (*accept)(*record)) {
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
