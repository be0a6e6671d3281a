// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_scan.h"

#include "block_codec.h"
#include "block_reader.h"
#include "case_db.h"
#include "sqlite_handle.h"
#include "twin_block_reader.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace flowscope {

namespace {

struct DecodedBlock {
    std::int64_t id = 0;
    std::vector<EncodedFlow> rows;
};

// Hands out the compressed blocks in storage order, one caller at a time:
// the connection serves one thread at a time, and reading a block is quick
// next to decoding it. Only the part of each block that decoding `columns`
// needs is read.
class BlockFeed {
public:
    BlockFeed(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns)
        : m_columns(columns)
        , m_reader(caseDb.handle(), true)
    {
        if (blocks) {
            m_ids = *blocks;
            return;
        }
        Statement all(caseDb.handle(), "SELECT id FROM flow_block ORDER BY id");
        while (all.step())
            m_ids.push_back(all.int64(0));
    }

    // The next block and its place in the order; false when none is left.
    bool next(std::size_t &sequence, std::int64_t &id, std::string &data)
    {
        std::lock_guard lock(m_mutex);
        while (m_nextId < m_ids.size()) {
            id = m_ids[m_nextId++];
            if (m_reader.read(id, m_columns, data)) { // an id that is gone is skipped
                sequence = m_sequence++;
                return true;
            }
        }
        return false;
    }

    // For a scan in no order: the next block's id, false when none is left;
    // then read(). Ids are handed out apart from the reading, so that a
    // thread reading through a connection of its own need not wait here.
    bool nextId(std::int64_t &id)
    {
        std::lock_guard lock(m_idMutex);
        if (m_nextUnordered >= m_ids.size())
            return false;
        id = m_ids[m_nextUnordered++];
        return true;
    }

    // Block `id` through the case's connection; false when it is gone.
    bool read(std::int64_t id, std::string &data)
    {
        std::lock_guard lock(m_mutex);
        const bool found = m_reader.read(id, m_columns, data);
        m_reading = true;
        return found;
    }

    // Whether the case's connection has started reading (and so holds the
    // snapshot the scan reads).
    bool reading() const { return m_reading; }

    std::size_t size() const { return m_ids.size(); }

private:
    std::mutex m_mutex;
    std::mutex m_idMutex;
    std::size_t m_nextUnordered = 0;
    std::atomic<bool> m_reading = false;
    std::vector<std::int64_t> m_ids;
    std::size_t m_nextId = 0;
    ColumnMask m_columns;
    BlockReader m_reader;
    std::size_t m_sequence = 0;
};

// Blocks decoded out of order, handed to the visitor in order; a decoder
// waits while its block is `window` or more ahead of the visitor.
class InOrder {
public:
    InOrder(std::size_t window, std::size_t producers)
        : m_window(window)
        , m_producers(producers)
    {
    }

    // False once the scan is abandoned.
    bool put(std::size_t sequence, DecodedBlock block)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || sequence < m_nextOut + m_window; });
        if (m_closed)
            return false;
        m_ready.emplace(sequence, std::move(block));
        m_changed.notify_all();
        return true;
    }

    // False when every block has been taken, or the scan was abandoned.
    bool take(DecodedBlock &block)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] {
            return m_closed || m_producers == 0 || (!m_ready.empty() && m_ready.begin()->first == m_nextOut);
        });
        if (m_closed || m_ready.empty() || m_ready.begin()->first != m_nextOut)
            return false;
        block = std::move(m_ready.begin()->second);
        m_ready.erase(m_ready.begin());
        ++m_nextOut;
        m_changed.notify_all();
        return true;
    }

    void producerDone()
    {
        std::lock_guard lock(m_mutex);
        --m_producers;
        m_changed.notify_all();
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.clear();
        m_changed.notify_all();
    }

    // Rows a visited block no longer needs, for a decoder to fill again:
    // allocating and clearing 4,096 records a block costs more than a
    // partial decode.
    std::vector<EncodedFlow> spareRows()
    {
        std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return {};
        std::vector<EncodedFlow> rows = std::move(m_spare.back());
        m_spare.pop_back();
        return rows;
    }

    void giveBack(std::vector<EncodedFlow> rows)
    {
        std::lock_guard lock(m_mutex);
        if (m_spare.size() < m_window)
            m_spare.push_back(std::move(rows));
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<std::size_t, DecodedBlock> m_ready;
    std::size_t m_nextOut = 0;
    std::size_t m_window;
    std::size_t m_producers;
    bool m_closed = false;
    std::vector<std::vector<EncodedFlow>> m_spare;
};

} // namespace

void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn)
{
    scanRecords(caseDb, blocks, kAllColumns, fn);
}

void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn)
{
    // Decoding a block takes about twice as long as a simple visit of its
    // records, so two threads decode while this one visits.
    constexpr std::size_t kDecoders = 2;
    BlockFeed feed(caseDb, blocks, columns);
    InOrder decoded(8, kDecoders);
    std::mutex failureMutex;
    std::exception_ptr failure;
    auto decode = [&] {
        try {
            std::size_t sequence = 0;
            std::int64_t id = 0;
            std::string data;
            while (feed.next(sequence, id, data)) {
                DecodedBlock block{id, decoded.spareRows()};
                decodeBlockColumns(data, columns, block.rows, id);
                if (!decoded.put(sequence, std::move(block)))
                    break;
            }
        } catch (...) {
            {
                std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
            }
            decoded.close(); // blocks after the bad one must not be visited
        }
        decoded.producerDone();
    };
    std::vector<std::thread> decoders;
    for (std::size_t i = 0; i < kDecoders; ++i)
        decoders.emplace_back(decode);
    auto joinAll = [&] {
        for (std::thread &decoder : decoders)
            decoder.join();
    };
    DecodedBlock block;
    try {
        while (decoded.take(block)) {
            for (std::size_t slot = 0; slot < block.rows.size(); ++slot)
                fn(block.rows[slot], recordId(block.id, slot));
            decoded.giveBack(std::move(block.rows));
        }
    } catch (...) {
        decoded.close();
        joinAll();
        throw;
    }
    joinAll();
    if (failure)
        std::rethrow_exception(failure);
}

namespace {

// Two threads (the caller's one of them, worker 0) take blocks from one feed
// and hand each, opened in a reader of their own (BlockRecordCursor or
// BlockColumns), to fn(worker, block, reader); the first exception ends the
// scan and reaches the caller.
template <typename BlockReaderType, typename Fn, typename Finish>
void scanConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
                      const Fn &fn, Finish finish)
{
    constexpr std::size_t kWorkers = kScanWorkers;
    BlockFeed feed(caseDb, blocks, columns);
    // Worker 1 reads through a connection of its own once the case's has
    // started reading, when the scan is long enough to repay opening it.
    constexpr std::size_t kTwinFromBlocks = 64;
    const std::unique_ptr<TwinBlockReader> twin = feed.size() >= kTwinFromBlocks ? TwinBlockReader::open(caseDb) : nullptr;
    std::mutex failureMutex;
    std::exception_ptr failure;
    std::atomic<bool> stop = false;
    auto work = [&](std::size_t worker) {
        try {
            std::int64_t id = 0;
            std::string data;
            BlockReaderType records; // its buffers are reused from block to block
            while (!stop && feed.nextId(id)) {
                std::optional<bool> found;
                if (worker == 1 && twin && feed.reading())
                    found = twin->read(id, columns, data);
                if (!found)
                    found = feed.read(id, data);
                if (!*found)
                    continue; // a block that is gone
                if constexpr (std::is_same_v<BlockReaderType, BlockRecordCursor>)
                    records.open(data, columns, id); // records carry their ids
                else
                    records.open(data, columns);
                fn(worker, id, records);
                finish(records);
            }
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < kWorkers; ++i)
        workers.emplace_back(work, i);
    work(0); // the caller's thread is a worker too
    for (std::thread &worker : workers)
        worker.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace

void scanBlockRecordsConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                                  ColumnMask columns,
                                  const std::function<void(std::int64_t block, BlockRecordCursor &records)> &fn)
{
    scanBlockRecordsPerWorker(caseDb, blocks, columns,
                              [&](std::size_t, std::int64_t block, BlockRecordCursor &records) { fn(block, records); });
}

void scanBlockRecordsPerWorker(
    CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
    const std::function<void(std::size_t worker, std::int64_t block, BlockRecordCursor &records)> &fn)
{
    scanConcurrently<BlockRecordCursor>(caseDb, blocks, columns, fn, [](BlockRecordCursor &records) {
        while (records.next()) // what fn left unread, so that a damaged block is noticed
            ;
    });
}

void scanBlockColumnsConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                                  ColumnMask columns,
                                  const std::function<void(std::int64_t block, BlockColumns &columns)> &fn)
{
    scanConcurrently<BlockColumns>(
        caseDb, blocks, columns, [&](std::size_t, std::int64_t block, BlockColumns &reader) { fn(block, reader); },
        [](BlockColumns &) {});
}

void scanBlockColumnsPerWorker(
    CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
    const std::function<void(std::size_t worker, std::int64_t block, BlockColumns &columns)> &fn)
{
    scanConcurrently<BlockColumns>(caseDb, blocks, columns, fn, [](BlockColumns &) {});
}

void scanBlocksConcurrently(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks, ColumnMask columns,
                            const std::function<void(std::int64_t block, const std::vector<EncodedFlow> &rows)> &fn)
{
    scanBlockRecordsConcurrently(caseDb, blocks, columns, [&](std::int64_t block, BlockRecordCursor &records) {
        thread_local std::vector<EncodedFlow> rows; // allocated once per thread
        rows.resize(records.size());
        std::size_t slot = 0;
        while (const EncodedFlow *record = records.next())
            rows[slot++] = *record;
        fn(block, rows);
    });
}

} // namespace flowscope
