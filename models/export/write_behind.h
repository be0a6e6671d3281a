// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A CsvWriter's filled buffers written on a thread of their own, so the
// thread that formats rows never waits on write(2): writing 3 GB of CSV to a
// file costs the kernel seconds of its own. The writer hands over each
// filled buffer and gets a spare one back; a few are queued at most (memory
// stays bounded) and the written ones are reused.
//
// A failed write (a full disk, a closed pipe) drops what is queued, and the
// writer's next hand-over returns false, which stops it as any refusing
// sink does; finish() says whether everything was written.

#include "csv_writer.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace flowscope {

class WriteBehind {
public:
    // `write` is called on the writing thread, buffer by buffer in order;
    // false means it failed (and that nothing more is written).
    explicit WriteBehind(CsvWriter::Sink write, std::size_t queued = 4);
    // Drops what is still queued and waits for the write under way.
    ~WriteBehind();
    WriteBehind(const WriteBehind &) = delete;
    WriteBehind &operator=(const WriteBehind &) = delete;

    // For a CsvWriter: queues the filled buffer (waiting while `queued` are
    // waiting already) and hands back a spare one. False once a write failed.
    CsvWriter::BufferSink sink();
    // Waits until every buffer handed over is written; false when a write failed.
    bool finish();

private:
    struct Filled {
        std::vector<char> buffer;
        std::size_t used = 0;
    };
    bool take(std::vector<char> &buffer, std::size_t used);
    void run();

    CsvWriter::Sink m_write;
    const std::size_t m_queued;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Filled> m_pending;
    std::vector<std::vector<char>> m_spare;
    bool m_writing = false;
    bool m_failed = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once the rest is ready
};

} // namespace flowscope
