// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Record buffers handed back and forth between an import's threads: the
// decoder fills a batch, the writer cuts blocks from the batches, the
// gathering thread reads each block, and each empty buffer returns here for
// the next batch or block. A batch of 4,096 records is 640 KB: allocated
// afresh each time, every one was new pages to fault in (about 50,000 page
// faults for 2M records) and heap that three threads freed into each other's
// arenas.

#include "encoded_flow.h"

#include <mutex>
#include <vector>

namespace flowscope {

class FlowBufferPool {
public:
    // At most `kept` empty buffers are held; more given back are freed.
    explicit FlowBufferPool(std::size_t kept = 48)
        : m_kept(kept)
    {
    }

    // An empty buffer with room for at least `capacity` records.
    std::vector<EncodedFlow> take(std::size_t capacity)
    {
        std::vector<EncodedFlow> buffer;
        {
            std::lock_guard lock(m_mutex);
            if (!m_free.empty()) {
                buffer = std::move(m_free.back());
                m_free.pop_back();
            }
        }
        buffer.reserve(capacity);
        return buffer;
    }

    // A buffer not kept is freed when this returns, outside the lock.
    void give(std::vector<EncodedFlow> buffer)
    {
        buffer.clear();
        if (buffer.capacity() == 0)
            return;
        std::lock_guard lock(m_mutex);
        if (m_free.size() < m_kept)
            m_free.push_back(std::move(buffer));
    }

    // Frees the buffers kept (at the end of a file, when none is in use).
    void release()
    {
        std::vector<std::vector<EncodedFlow>> kept;
        {
            std::lock_guard lock(m_mutex);
            kept.swap(m_free);
        }
    }

private:
    const std::size_t m_kept;
    std::mutex m_mutex;
    std::vector<std::vector<EncodedFlow>> m_free;
};

} // namespace flowscope
