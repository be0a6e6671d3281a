// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A thread of its own that runs the jobs it is given one at a time, in the
// order given, while the thread that gives them goes on with other work: an
// import gathers the tables derived from a block here while it compresses and
// stores the next. At most `capacity` jobs wait, so the giver cannot run far
// ahead. A job that throws stops the jobs after it; the exception comes back
// from the next post() or wait().

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace flowscope {

class SerialWorker {
public:
    explicit SerialWorker(std::size_t capacity);
    // Runs the jobs still waiting, then ends the thread.
    ~SerialWorker();
    SerialWorker(const SerialWorker &) = delete;
    SerialWorker &operator=(const SerialWorker &) = delete;

    // Blocks while `capacity` jobs wait.
    void post(std::function<void()> job);
    // Returns once every job given has run: what they changed is then the
    // caller's to read.
    void wait();
    // As wait(), but forgets a job's exception instead of throwing it.
    void waitQuietly();

private:
    void run();
    void rethrow(std::unique_lock<std::mutex> &lock);

    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::function<void()>> m_jobs;
    bool m_running = false; // a job taken from m_jobs is running
    bool m_stopping = false;
    std::exception_ptr m_failure;
    std::thread m_thread; // started by the first job
};

} // namespace flowscope
