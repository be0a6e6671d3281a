// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_pager.h"

#include "block_codec.h"
#include "block_reader.h"
#include "case_db.h"
#include "flow_row_decoder.h"
#include "sqlite_handle.h"

#include <QScopeGuard>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <queue>
#include <thread>

namespace flowscope {

namespace {

std::int64_t midpoint(std::int64_t lo, std::int64_t hi)
{
    // lo + (hi - lo) / 2 without overflow across the whole int64 range.
    return lo + static_cast<std::int64_t>((static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo)) / 2);
}

constexpr std::size_t kCachedKeyBlocks = 2048; // 64 MiB at most

// First row of a block whose sort key is at least `key`.
std::size_t lowerBound(const std::vector<EncodedFlow> &rows, std::int64_t key)
{
    return static_cast<std::size_t>(
        std::partition_point(rows.begin(), rows.end(), [key](const EncodedFlow &f) { return sortStart(f) < key; })
        - rows.begin());
}

} // namespace

FlowPager::FlowPager(CaseDb &caseDb, std::size_t cachedBlocks)
    : FlowPager(caseDb, nullptr, cachedBlocks)
{
}

FlowPager::FlowPager(CaseDb &caseDb, std::shared_ptr<const RecordMatchSet> matches, std::size_t cachedBlocks)
    : m_case(caseDb)
    , m_matches(std::move(matches))
    , m_decoder(std::make_unique<FlowRowDecoder>(caseDb.handle()))
    , m_reader(std::make_unique<BlockReader>(caseDb.handle(), false))
    , m_cacheCapacity(std::max<std::size_t>(cachedBlocks, 4))
{
    Statement blocks(caseDb.handle(), "SELECT id, start_min, start_max, undated, records, file_id FROM flow_block");
    while (blocks.step()) {
        const bool anyDated = !blocks.isNull(1);
        BlockInfo info;
        info.id = blocks.int64(0);
        info.minKey = blocks.int64(3) > 0 || !anyDated ? INT64_MIN : blocks.int64(1);
        info.maxKey = anyDated ? blocks.int64(2) : INT64_MIN;
        info.records = blocks.int64(4);
        info.file = blocks.int64(5);
        info.matches = nullptr;
        if (m_matches) {
            info.matches = m_matches->block(info.id);
            if (!info.matches)
                continue; // nothing to show in this block
            info.records = info.matches->count;
        }
        m_records += info.records;
        m_blocks.push_back(info);
    }
    std::sort(m_blocks.begin(), m_blocks.end(), [](const BlockInfo &a, const BlockInfo &b) {
        return a.minKey != b.minKey ? a.minKey < b.minKey : a.id < b.id;
    });
    std::vector<std::pair<std::int64_t, std::int64_t>> byMax;
    std::int64_t running = 0;
    for (const BlockInfo &block : m_blocks) {
        m_minKeys.push_back(block.minKey);
        m_recordsByMin.push_back(running += block.records);
        byMax.emplace_back(block.maxKey, block.records);
    }
    std::sort(byMax.begin(), byMax.end());
    running = 0;
    for (const auto &[maxKey, records] : byMax) {
        m_maxKeys.push_back(maxKey);
        m_recordsByMax.push_back(running += records);
    }
    Statement files(caseDb.handle(), "SELECT id, path FROM source_file");
    while (files.step())
        m_files.emplace(files.int64(0), files.text(1));
}

FlowPager::~FlowPager() = default;

std::shared_ptr<const FlowPager::Rows> FlowPager::rowsOf(const BlockInfo &block)
{
    if (const auto it = m_cache.find(block.id); it != m_cache.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it->second);
        return it->second->second;
    }
    std::string data;
    if (!m_reader->read(block.id, kAllColumns, data))
        throw StoreError("record block " + std::to_string(block.id) + " is missing");
    auto rows = std::make_shared<const Rows>(decodeBlock(data, block.id));
    m_lru.emplace_front(block.id, rows);
    m_cache[block.id] = m_lru.begin();
    if (m_lru.size() > m_cacheCapacity) {
        m_cache.erase(m_lru.back().first);
        m_lru.pop_back();
    }
    return rows;
}

const std::vector<std::int64_t> &FlowPager::keysOf(const BlockInfo &block)
{
    if (const auto it = m_keyCache.find(block.id); it != m_keyCache.end()) {
        m_keyLru.splice(m_keyLru.begin(), m_keyLru, it->second);
        return it->second->second;
    }
    // The sort keys come first in a block: only they are read.
    std::string data;
    if (!m_reader->read(block.id, 0, data))
        throw StoreError("record block " + std::to_string(block.id) + " is missing");
    m_keyLru.emplace_front(block.id, decodeBlockKeys(data));
    m_keyCache[block.id] = m_keyLru.begin();
    if (m_keyLru.size() > kCachedKeyBlocks) {
        m_keyCache.erase(m_keyLru.back().first);
        m_keyLru.pop_back();
    }
    return m_keyLru.front().second;
}

std::int64_t FlowPager::countBefore(std::int64_t key)
{
    std::int64_t count = 0;
    for (const BlockInfo &block : m_blocks) {
        if (block.minKey >= key)
            break; // sorted by minKey: no later block has a record below key
        if (block.maxKey < key)
            count += block.records;
        else {
            const auto &keys = keysOf(block);
            const auto below = static_cast<std::size_t>(std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
            count += block.matches ? block.matches->countBelow(below) : static_cast<std::int64_t>(below);
        }
    }
    return count;
}

std::pair<std::int64_t, std::int64_t> FlowPager::locate(std::int64_t position)
{
    // The answer is the smallest key k with more than `position` records at
    // or below it. Block bounds narrow it without decoding anything: at least
    // the first block minimum past which the blocks could hold that many, at
    // most the first block maximum past which they surely do. Only the blocks
    // straddling what is left are decoded by the exact search.
    const auto crossing = [position](const std::vector<std::int64_t> &cumulated) {
        return static_cast<std::size_t>(std::upper_bound(cumulated.begin(), cumulated.end(), position) - cumulated.begin());
    };
    std::int64_t lo = m_minKeys[crossing(m_recordsByMin)];
    std::int64_t hi = m_maxKeys[crossing(m_recordsByMax)];
    while (lo < hi) {
        const std::int64_t mid = midpoint(lo, hi);
        if (countBefore(mid + 1) > position)
            hi = mid;
        else
            lo = mid + 1;
    }
    return {lo, position - countBefore(lo)};
}

void FlowPager::forEachFrom(std::int64_t first, const std::function<bool(const FlowRow &)> &fn)
{
    if (first < 0 || first >= m_records)
        return;
    const auto [key, skip] = locate(first);
    FlowRow row;
    merge(key, skip, nullptr, {}, decoding(fn, row));
}

// Picks the blocks of a filtered scan on two more threads, a few ahead of the
// merge, which opens them one after another in the same order: each block
// costs a read and a test, and a block holding matches a decode of their
// every column, and two threads halve that on two cores. The merge takes
// each block's pick in turn, picking it itself when the helper has not
// started on it (and decoding its matches whole only when it shows them).
class FlowPager::PickAhead {
public:
    PickAhead(FlowPager &pager, std::vector<const BlockInfo *> blocks, const RecordTest &test)
        : m_pager(pager)
        , m_blocks(std::move(blocks))
        , m_test(test)
        , m_reader(pager.m_case.handle(), true)
        , m_picked(m_blocks.size())
    {
        for (std::size_t i = 0; i < kPickers; ++i)
            m_threads.emplace_back([this] { run(); });
    }

    ~PickAhead()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        for (std::thread &thread : m_threads)
            thread.join();
    }

    // The pick of `block`, the next of the blocks in order.
    std::shared_ptr<Picked> take(const BlockInfo &block)
    {
        std::unique_lock lock(m_mutex);
        const std::size_t index = m_taken;
        if (index >= m_blocks.size() || m_blocks[index] != &block)
            throw StoreError("blocks were opened out of their order");
        if (m_nextClaim == index) { // not started: pick it here
            ++m_nextClaim;
            lock.unlock();
            auto picked = m_pager.pick(block, m_test, m_reader, m_pager.m_scratch);
            lock.lock();
            m_picked[index] = std::move(picked);
        } else {
            m_changed.wait(lock, [&] { return m_picked[index] || m_failures.count(index); });
            if (const auto failure = m_failures.find(index); failure != m_failures.end())
                std::rethrow_exception(failure->second);
        }
        ++m_taken;
        m_changed.notify_all();
        return std::move(m_picked[index]);
    }

    // The merge's reader while the scan lasts.
    BlockReader &reader() { return m_reader; }

private:
    // A page that ends needs none of the blocks picked past it, and each
    // was decoded whole for nothing: four ahead keep both pickers busy.
    static constexpr std::size_t kAhead = 4;
    // The merge mostly waits for the picks (reading a few rows from each
    // block is cheap), so two pickers keep both cores busy; with one, the
    // page took as long as its CPU time.
    static constexpr std::size_t kPickers = 2;

    void run()
    {
        // Both readers stay on their last block until the scan ends: moving
        // a blob handle costs far less than opening one, and the case is
        // read as one snapshot, so a block read twice (tested, then decoded
        // whole) reads the same both times.
        BlockReader reader(m_pager.m_case.handle(), true);
        // The connection serves one thread at a time: the blob handle is
        // closed under the read lock too, not as the thread ends while
        // another thread reads.
        const auto closeReader = qScopeGuard([&] {
            std::lock_guard lock(m_pager.m_readMutex);
            reader.close();
        });
        Scratch scratch;
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stop || m_nextClaim < m_taken + kAhead; });
                if (m_stop || m_nextClaim >= m_blocks.size())
                    return;
                index = m_nextClaim++;
            }
            std::shared_ptr<Picked> picked;
            std::exception_ptr failure;
            try {
                picked = m_pager.pick(*m_blocks[index], m_test, reader, scratch);
                if (!picked->whole && !picked->slots.empty())
                    m_pager.decodeWhole(*m_blocks[index], m_test, *picked, reader, scratch);
            } catch (...) {
                failure = std::current_exception();
            }
            std::lock_guard lock(m_mutex);
            if (failure)
                m_failures.emplace(index, failure);
            else
                m_picked[index] = std::move(picked);
            m_changed.notify_all();
            if (failure)
                return; // the merge rethrows it when it gets there
        }
    }

    FlowPager &m_pager;
    const std::vector<const BlockInfo *> m_blocks;
    const RecordTest &m_test;
    BlockReader m_reader;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::shared_ptr<Picked>> m_picked;
    std::map<std::size_t, std::exception_ptr> m_failures;
    std::size_t m_nextClaim = 0; // blocks before it are picked or being picked
    std::size_t m_taken = 0;     // blocks the merge has taken
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

void FlowPager::forEachMatching(const std::function<bool(const EncodedFlow &)> &accept,
                                const std::optional<std::vector<std::int64_t>> &blocks,
                                const std::function<bool(const FlowRow &)> &fn)
{
    RecordTest test;
    test.accept = accept;
    forEachMatching(test, blocks, fn);
}

void FlowPager::forEachMatching(const RecordTest &test, const std::optional<std::vector<std::int64_t>> &blocks,
                                const std::function<bool(const FlowRow &)> &fn)
{
    FlowRow row;
    forEachMatchingStored(test, blocks, decoding(fn, row));
}

void FlowPager::forEachMatchingStored(const RecordTest &test, const std::optional<std::vector<std::int64_t>> &blocks,
                                      const StoredRecordFn &fn)
{
    if (m_records == 0)
        return;
    std::function<bool(std::int64_t)> only;
    if (blocks)
        only = [&blocks](std::int64_t id) { return std::binary_search(blocks->begin(), blocks->end(), id); };
    if (!test.accept) {
        merge(INT64_MIN, 0, nullptr, only, fn);
        return;
    }
    // From the start, the merge opens every block `only` allows, in order.
    std::vector<const BlockInfo *> order;
    for (const BlockInfo &block : m_blocks)
        if (!only || only(block.id))
            order.push_back(&block);
    PickAhead ahead(*this, std::move(order), test);
    merge(INT64_MIN, 0, &test, only, fn, &ahead);
}

FlowPager::StoredRecordFn FlowPager::decoding(const std::function<bool(const FlowRow &)> &fn, FlowRow &row) const
{
    return [this, &fn, &row](const EncodedFlow &flow, std::int64_t id, const std::string &file) {
        m_decoder->decode(flow, id, file, row);
        return fn(row);
    };
}

void FlowPager::merge(std::int64_t key, std::int64_t skip, const RecordTest *test,
                      const std::function<bool(std::int64_t)> &only, const StoredRecordFn &fn, PickAhead *ahead)
{
    // The heap holds only records that are wanted (in the match set and
    // kept by the test): a cursor steps over the others inside its block, so
    // a selective filter costs a test per record, not a heap operation.
    struct Cursor {
        const BlockInfo *block;
        // Held by the cursor alone (and the cache): a block is let go once
        // its wanted records are used up, so a filter whose matches spread
        // over hundreds of blocks keeps few decoded at once.
        std::shared_ptr<const void> keep;
        const Rows *rows;  // the whole block (an unfiltered merge)
        Picked *picked;    // the wanted records (a filtered one)
        std::size_t next;
        std::size_t size() const { return picked ? picked->keys.size() : rows->size(); }
        std::int64_t sortKey() const { return picked ? picked->keys[next] : sortStart((*rows)[next]); }
        std::size_t slot() const { return picked ? picked->slots[next] : next; }
        std::int64_t id() const { return recordId(block->id, slot()); }
    };
    auto later = [](const Cursor &a, const Cursor &b) {
        return a.sortKey() != b.sortKey() ? a.sortKey() > b.sortKey() : a.id() > b.id();
    };
    std::priority_queue<Cursor, std::vector<Cursor>, decltype(later)> heap(later);
    // Moves the cursor to its next wanted record; false at the block's end.
    auto settle = [&](Cursor &cursor) {
        if (cursor.picked)
            return cursor.next < cursor.size();
        for (; cursor.next < cursor.rows->size(); ++cursor.next)
            if (selected(*cursor.block, cursor.next))
                return true;
        return false;
    };
    std::size_t nextBlock = 0;
    auto open = [&](const BlockInfo &block) {
        if (only && !only(block.id))
            return;
        Cursor cursor{&block, {}, nullptr, nullptr, 0};
        if (test) {
            // A filtered scan keeps only the sort keys and slots of the
            // wanted records of each block until the time order reaches
            // them: most candidate blocks of a page are never decoded whole.
            auto picked = ahead ? ahead->take(block) : pick(block, *test);
            cursor.picked = picked.get();
            cursor.keep = std::move(picked);
            cursor.next = static_cast<std::size_t>(
                std::lower_bound(cursor.picked->keys.begin(), cursor.picked->keys.end(), key)
                - cursor.picked->keys.begin());
        } else {
            auto rows = rowsOf(block);
            cursor.rows = rows.get();
            cursor.keep = std::move(rows);
            cursor.next = lowerBound(*cursor.rows, key);
        }
        if (settle(cursor))
            heap.push(cursor);
    };
    // Every block that may hold a record at or after `key` and starts no later.
    for (; nextBlock < m_blocks.size() && m_blocks[nextBlock].minKey <= key; ++nextBlock)
        if (m_blocks[nextBlock].maxKey >= key)
            open(m_blocks[nextBlock]);

    const std::string noFile;
    std::int64_t fileId = -1; // the last record's file, looked up again only when it changes
    const std::string *file = &noFile;
    std::int64_t toSkip = skip;
    for (;;) {
        if (heap.empty()) {
            if (nextBlock >= m_blocks.size())
                return;
            open(m_blocks[nextBlock++]);
            continue;
        }
        // A block not yet open may hold a smaller record only if it starts
        // no later than the smallest record at hand.
        while (nextBlock < m_blocks.size() && m_blocks[nextBlock].minKey <= heap.top().sortKey())
            open(m_blocks[nextBlock++]);
        Cursor cursor = heap.top();
        heap.pop();
        if (toSkip > 0) {
            --toSkip;
        } else {
            if (cursor.picked && !cursor.picked->whole) {
                decodeWhole(*cursor.block, *test, *cursor.picked, ahead ? ahead->reader() : *m_reader, m_scratch);
                if (cursor.next >= cursor.size()) // the block changed meanwhile: fewer records match now
                    continue;
            }
            const EncodedFlow &record = cursor.picked ? cursor.picked->rows[cursor.next] : (*cursor.rows)[cursor.next];
            if (cursor.block->file != fileId) {
                fileId = cursor.block->file;
                const auto found = m_files.find(fileId);
                file = found == m_files.end() ? &noFile : &found->second;
            }
            if (!fn(record, cursor.id(), *file))
                return;
        }
        ++cursor.next;
        if (settle(cursor))
            heap.push(cursor);
    }
}

std::shared_ptr<FlowPager::Picked> FlowPager::pick(const BlockInfo &block, const RecordTest &test)
{
    return pick(block, test, *m_reader, m_scratch);
}

std::shared_ptr<FlowPager::Picked> FlowPager::pick(const BlockInfo &block, const RecordTest &test,
                                                   BlockReader &reader, Scratch &scratch)
{
    // Every column when the test may read any: the records are then kept
    // as they are tested.
    const bool whole = !test.columnTest && test.columns == kAllColumns;
    const ColumnMask columns = whole ? kAllColumns : test.columns;
    std::string &data = scratch.data;
    {
        std::lock_guard lock(m_readMutex);
        if (!reader.read(block.id, columns, data))
            throw StoreError("record block " + std::to_string(block.id) + " is missing");
    }
    auto picked = std::make_shared<Picked>();
    picked->whole = whole;
    if (test.columnTest) {
        // A column at a time, then the keys of the matches alone.
        scratch.columnsBlock = -1;
        scratch.columns.open(data, columns);
        scratch.columnsBlock = block.id;
        std::array<std::uint64_t, kBlockCapacity / 64> bits{};
        test.columnTest(scratch.columns, bits);
        const std::uint64_t *dated = nullptr;
        const std::uint64_t *starts = nullptr;
        for (std::size_t word = 0; word < bits.size(); ++word) {
            std::uint64_t wanted = bits[word] & (block.matches ? block.matches->bits[word] : ~std::uint64_t(0));
            if (wanted && !starts) {
                dated = scratch.columns.presence(Field::Start);
                starts = scratch.columns.integers(Field::Start);
            }
            for (; wanted; wanted &= wanted - 1) {
                const std::size_t slot = word * 64 + static_cast<std::size_t>(__builtin_ctzll(wanted));
                picked->slots.push_back(static_cast<std::uint16_t>(slot));
                picked->keys.push_back((dated[word] >> (slot % 64)) & 1U ? static_cast<std::int64_t>(starts[slot])
                                                                         : INT64_MIN);
            }
        }
        return picked;
    }
    // Record by record: only the wanted ones are kept, and the block's
    // records are never all held decoded at once.
    scratch.cursor.open(data, columns, block.id);
    std::size_t slot = 0;
    for (const EncodedFlow *record; (record = scratch.cursor.next()); ++slot) {
        if (selected(block, slot) && test.accept(*record)) {
            picked->slots.push_back(static_cast<std::uint16_t>(slot));
            picked->keys.push_back(sortStart(*record));
            if (whole)
                picked->rows.push_back(*record);
        }
    }
    return picked;
}

void FlowPager::decodeWhole(const BlockInfo &block, const RecordTest &test, Picked &picked, BlockReader &reader,
                            Scratch &scratch)
{
    std::string &data = scratch.data;
    {
        std::lock_guard lock(m_readMutex);
        if (!reader.read(block.id, kAllColumns, data))
            throw StoreError("record block " + std::to_string(block.id) + " is missing");
    }
    // Only the picked records are put together; the cursor walks over the
    // bytes of the others up to the last picked record, not to the block's
    // end: a page takes a few records of most blocks, and walking every
    // column to its end was a large part of its time. Damage is still found
    // where the columns are decompressed (a frame or size that does not add
    // up) and in the records read; what lies past them is checked by the
    // reads that go there.
    // The columns the test decompressed (the filter's and the start times)
    // are taken from it, not decompressed a second time.
    BlockRecordCursor &cursor = scratch.cursor;
    if (scratch.columnsBlock == block.id)
        cursor.open(data, kAllColumns, block.id, scratch.columns);
    else
        cursor.open(data, kAllColumns, block.id);
    picked.rows.clear();
    picked.rows.reserve(picked.slots.size());
    bool same = true;
    std::size_t at = 0;
    for (std::size_t i = 0; i < picked.slots.size() && same; ++i) {
        cursor.skip(picked.slots[i] - at);
        const EncodedFlow *record = cursor.next();
        // The block is read twice, tested and then decoded whole: the
        // scan's readers hold one snapshot of the case, and a record that
        // differs all the same is tested again.
        same = record && sortStart(*record) == picked.keys[i] && test.accept(*record);
        if (same)
            picked.rows.push_back(*record);
        at = picked.slots[i] + 1;
    }
    if (same) {
        picked.whole = true;
        return;
    }
    // Picked again from this one reading of the block, every column at once.
    RecordTest again;
    again.accept = test.accept;
    picked = *pick(block, again, reader, scratch);
}

void FlowPager::gather(const std::int64_t *ids, std::size_t count, std::vector<EncodedFlow> &flows,
                       std::vector<const std::string *> &files)
{
    if (m_blockIndex.empty())
        for (std::size_t i = 0; i < m_blocks.size(); ++i)
            m_blockIndex.emplace(m_blocks[i].id, i);
    const auto missing = [](std::int64_t id) { return StoreError("record " + std::to_string(id) + " is not in the case"); };
    static const std::string noFile;
    flows.resize(count);
    files.assign(count, &noFile);
    const auto fileOf = [&](const BlockInfo &block) {
        const auto file = m_files.find(block.file);
        return file == m_files.end() ? &noFile : &file->second;
    };
    // Positions grouped by block, so a block is decoded once for them all;
    // records already known need no block.
    std::vector<std::size_t> order;
    order.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto known = m_known.find(ids[i]);
        if (known == m_known.end()) {
            order.push_back(i);
            continue;
        }
        const auto found = m_blockIndex.find(ids[i] >> kBlockShift);
        if (found == m_blockIndex.end())
            throw missing(ids[i]);
        flows[i] = known->second;
        files[i] = fileOf(m_blocks[found->second]);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
    std::vector<const BlockInfo *> blocks; // distinct, in the order they are read
    for (const std::size_t position : order) {
        const auto found = m_blockIndex.find(ids[position] >> kBlockShift);
        if (found == m_blockIndex.end())
            throw missing(ids[position]);
        if (blocks.empty() || blocks.back() != &m_blocks[found->second])
            blocks.push_back(&m_blocks[found->second]);
    }
    std::size_t next = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const BlockInfo &block = *blocks[b];
        const std::shared_ptr<const Rows> blockRows = rowsOf(block);
        const std::string *file = fileOf(block);
        for (; next < order.size() && (ids[order[next]] >> kBlockShift) == block.id; ++next) {
            const std::int64_t id = ids[order[next]];
            const auto slot = static_cast<std::size_t>(id & ((std::int64_t{1} << kBlockShift) - 1));
            if (slot >= blockRows->size() || !selected(block, slot))
                throw missing(id);
            flows[order[next]] = (*blockRows)[slot];
            files[order[next]] = file;
        }
    }
}

void FlowPager::forEachWithIds(const std::vector<std::int64_t> &ids, const std::function<bool(const FlowRow &)> &fn,
                               std::size_t chunk)
{
    chunk = std::max<std::size_t>(chunk, 1);
    std::vector<EncodedFlow> flows;
    std::vector<const std::string *> files;
    FlowRow row;
    for (std::size_t first = 0; first < ids.size(); first += chunk) {
        const std::size_t count = std::min(chunk, ids.size() - first);
        gather(ids.data() + first, count, flows, files);
        for (std::size_t i = 0; i < count; ++i) {
            m_decoder->decode(flows[i], ids[first + i], *files[i], row);
            if (!fn(row))
                return;
        }
    }
}

void FlowPager::addKnownRecords(const std::vector<std::int64_t> &ids, const std::vector<EncodedFlow> &flows)
{
    for (std::size_t i = 0; i < ids.size() && i < flows.size(); ++i)
        m_known.emplace(ids[i], flows[i]);
}

std::vector<FlowRow> FlowPager::rowsWithIds(const std::vector<std::int64_t> &ids)
{
    std::vector<FlowRow> rows;
    rows.reserve(ids.size());
    forEachWithIds(ids, [&](const FlowRow &row) {
        rows.push_back(row);
        return true;
    });
    return rows;
}

std::vector<FlowRow> FlowPager::rowsAt(std::int64_t first, std::size_t count)
{
    std::vector<FlowRow> rows;
    if (count == 0)
        return rows;
    rows.reserve(count);
    forEachFrom(first, [&](const FlowRow &row) {
        rows.push_back(row);
        return rows.size() < count;
    });
    return rows;
}

} // namespace flowscope
