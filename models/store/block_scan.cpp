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

// Decoded blocks handed over in scan order whichever worker finished them
// first; a worker waits while it is too far ahead of the consumer, so memory
// stays bounded.
class InOrderHandover {
public:
    explicit InOrderHandover(std::size_t window)
        : m_window(window)
    {
    }

    // Blocks while `position` is a window ahead; false once abandoned.
    bool put(std::size_t position, DecodedBlock block)
    {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_closed || position < m_next + m_window; });
        if (m_closed)
            return false;
        m_ready.emplace(position, std::move(block));
        m_arrived.notify_all();
        return true;
    }

    // The block at the next position; false when `total` were taken, or on
    // abandon, or when a worker failed.
    bool take(std::size_t total, DecodedBlock &block)
    {
        std::unique_lock lock(m_mutex);
        m_arrived.wait(lock, [&] { return m_closed || m_failed || m_next == total || m_ready.count(m_next) > 0; });
        if (m_closed || m_failed || m_next == total)
            return false;
        auto found = m_ready.find(m_next);
        block = std::move(found->second);
        m_ready.erase(found);
        ++m_next;
        m_room.notify_all();
        return true;
    }

    void fail(std::exception_ptr error)
    {
        std::lock_guard lock(m_mutex);
        if (!m_error)
            m_error = error;
        m_failed = true;
        m_closed = true;
        m_arrived.notify_all();
        m_room.notify_all();
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_arrived.notify_all();
        m_room.notify_all();
    }

    std::exception_ptr error()
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    const std::size_t m_window;
    std::mutex m_mutex;
    std::condition_variable m_room, m_arrived;
    std::map<std::size_t, DecodedBlock> m_ready;
    std::size_t m_next = 0;
    bool m_closed = false;
    bool m_failed = false;
    std::exception_ptr m_error;
};

std::vector<std::int64_t> allBlocks(CaseDb &caseDb)
{
    std::vector<std::int64_t> ids;
    Statement statement(caseDb.handle(), "SELECT id FROM flow_block ORDER BY id");
    while (statement.step())
        ids.push_back(statement.int64(0));
    return ids;
}

} // namespace

void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn)
{
    const std::vector<std::int64_t> ids = blocks ? *blocks : allBlocks(caseDb);
    // Decompressing and decoding cost far more than visiting, so two workers
    // decode while this thread visits. They read the blobs one at a time (the
    // connection is shared, and a blob is only valid until its statement
    // moves on) and decode in parallel.
    constexpr std::size_t kWorkers = 2;
    InOrderHandover handover(8);
    std::mutex readLock;
    std::size_t nextToRead = 0;
    auto work = [&] {
        try {
            Statement one(caseDb.handle(), "SELECT data FROM flow_block WHERE id = ?");
            for (;;) {
                std::size_t position = 0;
                std::string data;
                {
                    std::lock_guard lock(readLock);
                    if (nextToRead == ids.size())
                        return;
                    position = nextToRead++;
                    one.bind(1, ids[position]);
                    const bool found = one.step();
                    if (found)
                        data.assign(one.blob(0));
                    one.reset();
                }
                // A block that vanished (a list from an older snapshot) yields no rows.
                DecodedBlock decoded{ids[position], data.empty() ? std::vector<EncodedFlow>{} : decodeBlock(data)};
                if (!handover.put(position, std::move(decoded)))
                    return;
            }
        } catch (...) {
            handover.fail(std::current_exception());
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < std::min(kWorkers, ids.size()); ++i)
        workers.emplace_back(work);
    const auto stop = [&] {
        handover.close();
        for (std::thread &worker : workers)
            worker.join();
    };
    DecodedBlock block;
    try {
        while (handover.take(ids.size(), block))
            for (std::size_t slot = 0; slot < block.rows.size(); ++slot)
                fn(block.rows[slot], recordId(block.id, slot));
    } catch (...) {
        stop();
        throw;
    }
    stop();
    if (const auto error = handover.error())
        std::rethrow_exception(error);
}

} // namespace flowscope
