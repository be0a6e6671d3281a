// SPDX-License-Identifier: GPL-3.0-or-later
#include "serial_worker.h"

#include <utility>

namespace flowscope {

SerialWorker::SerialWorker(std::size_t capacity)
    : m_capacity(capacity == 0 ? 1 : capacity)
{
}

SerialWorker::~SerialWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SerialWorker::post(std::function<void()> job)
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    m_changed.wait(lock, [&] { return m_failure || m_jobs.size() < m_capacity; });
    rethrow(lock);
    m_jobs.push_back(std::move(job));
    m_changed.notify_all();
}

void SerialWorker::wait()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_failure || (m_jobs.empty() && !m_running); });
    rethrow(lock);
}

void SerialWorker::waitQuietly()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_failure || (m_jobs.empty() && !m_running); });
    m_failure = nullptr;
    m_jobs.clear();
}

void SerialWorker::rethrow(std::unique_lock<std::mutex> &lock)
{
    if (!m_failure)
        return;
    // The jobs after a failed one are not run: the work they continue is lost.
    m_changed.wait(lock, [&] { return !m_running; });
    m_jobs.clear();
    std::exception_ptr failure = std::exchange(m_failure, nullptr);
    std::rethrow_exception(failure);
}

void SerialWorker::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stopping || (!m_jobs.empty() && !m_failure); });
        if (m_jobs.empty() || m_failure)
            return; // stopping, nothing left to run
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_running = true;
        lock.unlock();
        std::exception_ptr failure;
        try {
            job();
        } catch (...) {
            failure = std::current_exception();
        }
        job = nullptr; // what the job held goes on this thread, before the giver hears it is done
        lock.lock();
        m_running = false;
        if (failure)
            m_failure = failure;
        m_changed.notify_all();
    }
}

} // namespace flowscope
