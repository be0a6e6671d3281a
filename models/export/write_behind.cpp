// SPDX-License-Identifier: GPL-3.0-or-later
#include "write_behind.h"

namespace flowscope {

WriteBehind::WriteBehind(CsvWriter::Sink write, std::size_t queued)
    : m_write(std::move(write))
    , m_queued(queued > 0 ? queued : 1)
    , m_thread([this] { run(); })
{
}

WriteBehind::~WriteBehind()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.clear();
    }
    m_changed.notify_all();
    m_thread.join();
}

CsvWriter::BufferSink WriteBehind::sink()
{
    return [this](std::vector<char> &buffer, std::size_t used) { return take(buffer, used); };
}

bool WriteBehind::take(std::vector<char> &buffer, std::size_t used)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_failed || m_stop || m_pending.size() < m_queued; });
    if (m_failed || m_stop)
        return false;
    m_pending.push_back({std::move(buffer), used});
    if (m_spare.empty()) {
        buffer = {}; // the writer sizes it
    } else {
        buffer = std::move(m_spare.back());
        m_spare.pop_back();
    }
    m_changed.notify_all();
    return true;
}

bool WriteBehind::finish()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_pending.empty() && !m_writing; });
    return !m_failed;
}

void WriteBehind::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || !m_pending.empty(); });
        if (m_pending.empty())
            return; // stopped
        Filled filled = std::move(m_pending.front());
        m_pending.pop_front();
        m_writing = true;
        lock.unlock();
        const bool written = m_write(std::string_view(filled.buffer.data(), filled.used));
        lock.lock();
        m_writing = false;
        if (!written) {
            m_failed = true;
            m_pending.clear(); // nothing after a failed write is written
        }
        m_spare.push_back(std::move(filled.buffer));
        m_changed.notify_all();
    }
}

} // namespace flowscope
