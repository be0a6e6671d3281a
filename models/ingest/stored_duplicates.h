// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds the records of the file being imported that other files of the case
// already hold (the same flow log delivered to S3 and to CloudWatch, or a
// cut copy of an object imported before; see record_key.h), so each is
// stored once. A file does not repeat itself: its own records are never
// compared with each other, and a stored record stands for one copy per
// file (a record a file holds twice is kept twice, and matches two stored
// copies).
//
// Costs nothing when the case held no records before the file. Otherwise
// the candidates for a batch are the stored blocks of other files whose
// start times overlap the batch's and which hold one of its interfaces;
// each is decoded once into a table of record keys, kept in a small cache
// of recently used blocks, so memory stays flat whatever the file's size.
//
// Of two copies the one with more fields is kept: a richer copy replaces
// the stored record in place (see store/record_replacement.h).

#include "record_key.h"
#include "store/block_codec.h"
#include "store/block_posting_editor.h"
#include "store/dictionaries.h"
#include "store/record_replacement.h"
#include "store/sqlite_handle.h"

#include <bitset>
#include <list>
#include <unordered_map>
#include <vector>

namespace flowscope {

class StoredDuplicates {
public:
    static constexpr std::size_t kCachedBlocks = 64;

    explicit StoredDuplicates(sqlite3 *db);

    // Before a file's records come, while no other thread changes `interfaces`.
    void startFile(const InterfaceDictionary &interfaces);
    // Interface contexts the file adds (DecodedBatch::interfaces).
    void addInterfaces(const std::vector<std::pair<std::uint32_t, InterfaceKey>> &entries);
    // Removes from `flows` the records other files already hold and returns
    // how many; a richer copy is kept in place of the stored one.
    std::size_t removeDuplicates(std::vector<EncodedFlow> &flows);
    // Writes the pending replacements into the file's transaction.
    void finishFile();
    // Forgets the file (its transaction was rolled back).
    void discardFile();

private:
    struct StoredBlock {
        std::int64_t startMin = 0, startMax = 0;
        std::vector<RecordKey> keys;                            // by slot
        std::vector<std::pair<std::uint64_t, std::uint16_t>> byHash; // sorted
        std::vector<std::uint8_t> fieldCounts;                  // by slot
        std::vector<RecordReplacement> replacements;
        std::list<std::int64_t>::iterator recent;
    };

    std::uint32_t eniOf(std::uint32_t interface) const;
    std::vector<std::int64_t> candidateBlocks(const std::vector<EncodedFlow> &flows);
    bool holdsInterfaceOf(std::int64_t block, const std::vector<std::uint32_t> &interfaces);
    StoredBlock &load(std::int64_t block);
    void evictOne();
    void writeReplacements(std::int64_t block, StoredBlock &stored);

    sqlite3 *m_db;
    bool m_active = false;          // the case held records when the file started
    std::int64_t m_lastStoredBlock = 0; // blocks above are the file's own
    std::int64_t m_maxBlockSpan = 0;    // of start times within a stored block
    std::vector<std::uint32_t> m_eniOfInterface; // interface context id -> interface-id text id
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_interfacesOfEni;
    std::unordered_map<std::int64_t, StoredBlock> m_blocks;
    std::list<std::int64_t> m_recent; // most recently used first
    // Per stored block, the slots that already stood for a record of this
    // file: kept apart from the cache, which may drop the block meanwhile.
    std::unordered_map<std::int64_t, std::bitset<kBlockCapacity>> m_matched;
    Statement m_datedCandidates;
    Statement m_undatedCandidates;
    BlockPostingEditor m_interfaceBlocks;
    Statement m_readBlock;
};

} // namespace flowscope
