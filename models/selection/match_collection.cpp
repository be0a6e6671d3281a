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
    // The scan visits a block's records together: gather them in a local
    // bitmap and add it once, rather than a map lookup per match.
    std::int64_t blockId = -1;
    RecordMatchSet::Block block;
    const auto flush = [&] {
        matches->addBlock(blockId, block);
        block = {};
    };
    scanRecords(caseDb, filter.blocks(), [&](const EncodedFlow &flow, std::int64_t id) {
        if (const std::int64_t thisBlock = id >> kBlockShift; thisBlock != blockId) {
            flush();
            blockId = thisBlock;
            if (cancelled && cancelled()) // once a block: a cancelled scan stops within one
                throw MatchCollectionCancelled();
        }
        if (!accept || (*accept)(flow)) {
            const auto slot = static_cast<std::size_t>(id & ((std::int64_t{1} << kBlockShift) - 1));
            block.bits[slot / 64] |= std::uint64_t{1} << (slot % 64);
            ++block.count;
        }
    });
    flush();
    return matches;
}

} // namespace flowscope
