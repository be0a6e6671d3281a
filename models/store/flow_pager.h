// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records of a case in time order (start, records without one first; then
// id), by position: the n-th record of tens of millions is found from the
// blocks' time bounds with a binary search over time, decoding only the few
// blocks that straddle the answer. Serves the lazy flow table and the CLI.
// Given a filter's match set, positions count only the matching records.

#include "block_codec.h"
#include "encoded_flow.h"
#include "flow_reader.h"
#include "record_match_set.h"
#include "record_test.h"

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace flowscope {

class CaseDb;
class FlowRowDecoder;
class BlockReader;

class FlowPager {
public:
    // A stored record as a scan hands it on before it is decoded into
    // texts: its id and its file's path (empty when unknown) beside it.
    using StoredRecordFn = std::function<bool(const EncodedFlow &flow, std::int64_t id, const std::string &file)>;

    explicit FlowPager(CaseDb &caseDb, std::size_t cachedBlocks = 64);
    // Only the records in `matches` (all when null).
    FlowPager(CaseDb &caseDb, std::shared_ptr<const RecordMatchSet> matches, std::size_t cachedBlocks = 64);
    ~FlowPager();
    FlowPager(const FlowPager &) = delete;
    FlowPager &operator=(const FlowPager &) = delete;

    // Records (matching ones, given a match set).
    std::int64_t recordCount() const { return m_records; }
    // Up to `count` rows from position `first` (0-based).
    std::vector<FlowRow> rowsAt(std::int64_t first, std::size_t count);
    // The position of the first record starting at or after `epoch` (records
    // without a start come first); recordCount() when there is none.
    std::int64_t positionOfTime(std::int64_t epoch) { return countBefore(epoch); }
    // The rows of these record ids, in this order (a sorted selection's
    // page): each block read once, whatever order the ids come in. Throws
    // StoreError for an id this pager does not serve.
    std::vector<FlowRow> rowsWithIds(const std::vector<std::int64_t> &ids);
    // Records already read (a sort's first rows): rowsWithIds and
    // forEachWithIds take them from here rather than from their blocks.
    void addKnownRecords(const std::vector<std::int64_t> &ids, const std::vector<EncodedFlow> &flows);
    // The same for many ids, calling fn row by row until it returns false:
    // each block is read once per `chunk` ids, which are held compactly
    // (about 160 bytes each) meanwhile.
    void forEachWithIds(const std::vector<std::int64_t> &ids, const std::function<bool(const FlowRow &)> &fn,
                        std::size_t chunk = std::size_t{1} << 18);
    // Calls fn for each row from position `first` on until it returns false.
    void forEachFrom(std::int64_t first, const std::function<bool(const FlowRow &)> &fn);
    // Calls fn, in time order, for each record `accept` keeps, looking only
    // into `blocks` when given (a filter's index preselection). Blocks are
    // read and tested on two threads besides the caller's: `accept` must be
    // safe to call from several at once (as a RecordPredicate is).
    void forEachMatching(const std::function<bool(const EncodedFlow &)> &accept,
                         const std::optional<std::vector<std::int64_t>> &blocks,
                         const std::function<bool(const FlowRow &)> &fn);
    // The same, testing each block on the columns `test` reads only; the
    // other columns are decoded for the records fn gets, block by block as
    // the time order reaches them, so a page of matches spread over many
    // blocks decodes whole only the records it shows.
    void forEachMatching(const RecordTest &test, const std::optional<std::vector<std::int64_t>> &blocks,
                         const std::function<bool(const FlowRow &)> &fn);
    // The same, handing on the stored records undecoded, for a writer that
    // formats their values itself (millions of rows): texts through decoder().
    void forEachMatchingStored(const RecordTest &test, const std::optional<std::vector<std::int64_t>> &blocks,
                               const StoredRecordFn &fn);
    // Resolves the dictionary ids of the records forEachMatchingStored hands on.
    const FlowRowDecoder &decoder() const { return *m_decoder; }

private:
    using Rows = std::vector<EncodedFlow>;
    struct BlockInfo {
        std::int64_t id;
        std::int64_t minKey; // smallest sort key (INT64_MIN with undated records)
        std::int64_t maxKey;
        std::int64_t records; // matching records, given a match set
        std::int64_t file;
        const RecordMatchSet::Block *matches; // null: every record
    };

    // A block's records that a filtered scan wants: their slots and sort
    // keys, and the records themselves once decoded whole.
    struct Picked {
        std::vector<std::uint16_t> slots;
        std::vector<std::int64_t> keys;
        Rows rows; // by slot's place, every column; empty until `whole`
        bool whole = false;
    };
    // What a thread that picks blocks reuses from block to block.
    struct Scratch {
        std::string data;
        BlockRecordCursor cursor;
        BlockColumns columns;
        // The block `columns` was last opened on: its columns decompressed
        // for the test are taken again when that block is decoded whole.
        std::int64_t columnsBlock = -1;
    };

    std::shared_ptr<const Rows> rowsOf(const BlockInfo &block);
    std::shared_ptr<Picked> pick(const BlockInfo &block, const RecordTest &test);
    // The same with a reader and scratch of the caller's: for a second thread.
    std::shared_ptr<Picked> pick(const BlockInfo &block, const RecordTest &test, BlockReader &reader, Scratch &scratch);
    // Decodes every column of the picked records.
    void decodeWhole(const BlockInfo &block, const RecordTest &test, Picked &picked, BlockReader &reader,
                     Scratch &scratch);
    class PickAhead;
    // The stored records of `count` ids (and their files' paths), by position.
    void gather(const std::int64_t *ids, std::size_t count, std::vector<EncodedFlow> &flows,
                std::vector<const std::string *> &files);
    // The merge of blocks (those `only` allows) from sort key `key`, skipping
    // `skip` records, then the records `accept` keeps.
    // `ahead`, when given, picks the blocks `only` allows in order, ahead
    // of the merge.
    void merge(std::int64_t key, std::int64_t skip, const RecordTest *test,
               const std::function<bool(std::int64_t)> &only, const StoredRecordFn &fn, PickAhead *ahead = nullptr);
    // fn behind a decode of each record into a row.
    StoredRecordFn decoding(const std::function<bool(const FlowRow &)> &fn, FlowRow &row) const;
    // A block's sort keys alone: 8 bytes a record, so many more blocks stay
    // cached for the binary search than whole decoded blocks.
    const std::vector<std::int64_t> &keysOf(const BlockInfo &block);
    // Records whose sort key is below `key`.
    std::int64_t countBefore(std::int64_t key);
    // The sort key of the record at `position`, and how many records with
    // that same key come before it.
    std::pair<std::int64_t, std::int64_t> locate(std::int64_t position);

    // Whether the record at `slot` of `block` is one this pager serves.
    bool selected(const BlockInfo &block, std::size_t slot) const
    {
        return !block.matches || block.matches->contains(slot);
    }

    CaseDb &m_case;
    std::shared_ptr<const RecordMatchSet> m_matches;
    std::unique_ptr<FlowRowDecoder> m_decoder;
    std::unique_ptr<BlockReader> m_reader;
    std::vector<BlockInfo> m_blocks; // by minKey
    // For bounds without decoding: records in blocks by minKey and by maxKey,
    // cumulated.
    std::vector<std::int64_t> m_minKeys, m_recordsByMin;
    std::vector<std::int64_t> m_maxKeys, m_recordsByMax;
    std::unordered_map<std::int64_t, std::string> m_files;
    std::unordered_map<std::int64_t, std::size_t> m_blockIndex; // block id -> m_blocks, built when first needed
    std::unordered_map<std::int64_t, EncodedFlow> m_known;
    std::int64_t m_records = 0;

    std::size_t m_cacheCapacity;
    std::list<std::pair<std::int64_t, std::shared_ptr<const Rows>>> m_lru;
    std::unordered_map<std::int64_t, decltype(m_lru)::iterator> m_cache;
    Scratch m_scratch; // reused by pick() and decodeWhole() on the merge's thread
    std::mutex m_readMutex; // the connection serves one thread at a time
    std::list<std::pair<std::int64_t, std::vector<std::int64_t>>> m_keyLru;
    std::unordered_map<std::int64_t, decltype(m_keyLru)::iterator> m_keyCache;
};

} // namespace flowscope
