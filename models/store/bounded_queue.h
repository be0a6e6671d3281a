// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A blocking producer/consumer queue with a fixed capacity, so a fast decoder
// cannot run ahead of the database writer and grow memory without bound.

#include <condition_variable>
#include <deque>
#include <mutex>

namespace flowscope {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity)
        : m_capacity(capacity)
    {
    }

    // Blocks while full; returns false (dropping the item) once closed.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    // Blocks until an item arrives; false when closed and drained.
    bool pop(T &item)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_finished || m_closed || !m_items.empty(); });
        if (m_items.empty() || m_closed)
            return false;
        item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return true;
    }

    // The producer is done: the consumer drains what is left.
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_all();
    }

    // Abandon: wakes both sides, drops pending items.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_items.clear();
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<T> m_items;
    bool m_finished = false;
    bool m_closed = false;
};

} // namespace flowscope
