// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_scan.h"

#include "block_codec.h"
#include "case_db.h"
#include "sqlite_handle.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
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
// next to decoding it.
class BlockFeed {
public:
    BlockFeed(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks)
        : m_ids(blocks ? &*blocks : nullptr)
        , m_statement(caseDb.handle(), blocks ? "SELECT id, data FROM flow_block WHERE id = ?"
                                              : "SELECT id, data FROM flow_block ORDER BY id")
    {
    }

    // The next block and its place in the order; false when none is left.
    bool next(std::size_t &sequence, std::int64_t &id, std::string &data)
    {
        std::lock_guard lock(m_mutex);
        if (m_done)
            return false;
        if (!m_ids) {
            // Stepping a finished statement would start it over.
            if (!m_statement.step()) {
                m_done = true;
                return false;
            }
        } else {
            bool found = false;
            while (!found && m_nextId < m_ids->size()) {
                m_statement.reset();
                m_statement.bind(1, (*m_ids)[m_nextId++]);
                found = m_statement.step(); // an id that is gone is skipped
            }
            if (!found)
                return false;
        }
        id = m_statement.int64(0);
        data.assign(m_statement.blob(1));
        sequence = m_sequence++;
        return true;
    }

private:
    std::mutex m_mutex;
    const std::vector<std::int64_t> *m_ids;
    std::size_t m_nextId = 0;
    Statement m_statement;
    std::size_t m_sequence = 0;
    bool m_done = false;
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

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<std::size_t, DecodedBlock> m_ready;
    std::size_t m_nextOut = 0;
    std::size_t m_window;
    std::size_t m_producers;
    bool m_closed = false;
};

} // namespace

void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn)
{
    // Decoding a block takes about twice as long as a simple visit of its
    // records, so two threads decode while this one visits.
    constexpr std::size_t kDecoders = 2;
    BlockFeed feed(caseDb, blocks);
    InOrder decoded(8, kDecoders);
    std::mutex failureMutex;
    std::exception_ptr failure;
    auto decode = [&] {
        try {
            std::size_t sequence = 0;
            std::int64_t id = 0;
            std::string data;
            while (feed.next(sequence, id, data))
                if (!decoded.put(sequence, {id, decodeBlock(data)}))
                    break;
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
        while (decoded.take(block))
            for (std::size_t slot = 0; slot < block.rows.size(); ++slot)
                fn(block.rows[slot], recordId(block.id, slot));
    } catch (...) {
        decoded.close();
        joinAll();
        throw;
    }
    joinAll();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace flowscope
