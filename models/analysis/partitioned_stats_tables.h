// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A statistic's table filled by the threads of a concurrent scan at once
// (see scanBlockRecordsPerWorker): each thread gathers runs of records in a
// small table of its own (GatheringStatsTable), then adds their totals to
// one big table per part of the keys (split by a bit of their hash), part p
// written by thread p only: what a thread gathers for another's part is
// handed over in batches, which that thread adds as it goes. So no two
// threads share a table, every key has one entry (the big tables together
// hold the keys once, not once per thread: half the memory the random
// updates reach, more of it in the processor's cache) and nothing is left
// to join after the scan but the last batches. A thread whose batches are
// not taken (the other is descheduled, or has no blocks left) keeps the
// next ones in a table of its own for that part, joined after the scan, so
// waiting batches stay a few MiB.

#include "flat_table.h"
#include "gathering_stats_table.h"

#include "store/block_scan.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace flowscope {

// Entry and Sample as for FlatTableFeed; Entry::add(const Entry &) joins two
// entries of one key.
template <typename Entry, typename Sample>
class PartitionedStatsTables {
    using Key = decltype(Entry::key);
    using Table = FlatTable<Entry>;
    using Feed = FlatTableFeed<Entry, Entry>;

public:
    static constexpr std::size_t kParts = kScanWorkers;

    PartitionedStatsTables()
    {
        for (Part &part : m_parts) {
            part.table = std::make_unique<Table>();
            part.feed = std::make_unique<Feed>(*part.table);
        }
    }

    // From worker `worker`'s thread only.
    void add(std::size_t worker, const Key &key, const Sample &sample) { add(worker, key, Table::hashOf(key), sample); }
    // The same with the key's hash at hand: `h` must be FlatTable::hashOf(key).
    void add(std::size_t worker, const Key &key, std::uint64_t h, const Sample &sample)
    {
        m_gathering[worker].add(key, h, sample, handOn(worker));
    }

    // After the scan, from the scan's caller: what is still gathered or on
    // its way added to its part, the parts on threads of their own.
    void join()
    {
        for (std::size_t worker = 0; worker < kScanWorkers; ++worker) // no thread scans any more
            m_gathering[worker].drain(handOn(worker));
        for (std::size_t worker = 0; worker < kScanWorkers; ++worker)
            for (std::size_t part = 0; part < kParts; ++part)
                if (!m_outbox[worker][part].empty())
                    post(part, std::move(m_outbox[worker][part]));
        std::array<std::exception_ptr, kParts> failures{};
        std::vector<std::thread> helpers;
        auto finishCatching = [this, &failures](std::size_t part) {
            try {
                receive(part);
                joinAside(part);
                m_parts[part].feed->finish();
            } catch (...) {
                failures[part] = std::current_exception();
            }
        };
        for (std::size_t part = 1; part < kParts; ++part)
            helpers.emplace_back(finishCatching, part);
        finishCatching(0);
        for (std::thread &helper : helpers)
            helper.join();
        for (const std::exception_ptr &failure : failures)
            if (failure)
                std::rethrow_exception(failure);
    }

    // The entries (after join()), part after part.
    std::size_t size() const
    {
        std::size_t total = 0;
        for (const auto &part : m_parts)
            total += part.table->size();
        return total;
    }
    const Entry &at(std::size_t index) const
    {
        for (const auto &part : m_parts) {
            if (index < part.table->size())
                return part.table->at(index);
            index -= part.table->size();
        }
        throw std::out_of_range("no such statistics entry");
    }

private:
    // A gathered entry on its way to another thread's part.
    struct Handed {
        std::uint64_t hash;
        Entry entry;
    };
    using Batch = std::vector<Handed>;
    // Entries handed over at once: few enough to stay in the cache, enough
    // that the lock is taken rarely.
    static constexpr std::size_t kBatch = 1024;
    // Batches that may wait for a part's thread (72 KiB each).
    static constexpr std::size_t kMaxWaiting = 64;

    struct Part {
        std::unique_ptr<Table> table;
        std::unique_ptr<Feed> feed;
        std::mutex inboxMutex;
        std::vector<Batch> inbox;
        std::atomic<bool> mail = false;
    };

    static std::size_t partOf(std::uint64_t h) { return (h >> 32) % kParts; } // bit 32: neither slot nor tag

    // Adds a gathered entry to its part: worker `worker`'s own, or a batch
    // for the part's thread, which then takes what was handed to it.
    auto handOn(std::size_t worker)
    {
        return [this, worker](const Key &key, std::uint64_t h, const Entry &entry) {
            const std::size_t part = partOf(h);
            if (part == worker) {
                m_parts[part].feed->add(key, h, entry);
                if (m_parts[part].mail.load(std::memory_order_relaxed))
                    receive(part);
                return;
            }
            Batch &batch = m_outbox[worker][part];
            if (batch.capacity() == 0)
                batch.reserve(kBatch);
            batch.push_back({h, entry});
            if (batch.size() == kBatch && !post(part, std::move(batch), kMaxWaiting))
                keepAside(worker, part, batch);
        };
    }

    // Hands `batch` to `part`'s thread unless `limit` batches already wait
    // for it (its thread is not taking them: descheduled, or done with its
    // blocks): false then, `batch` left as it was.
    bool post(std::size_t part, Batch &&batch, std::size_t limit = SIZE_MAX)
    {
        Part &to = m_parts[part];
        {
            std::lock_guard lock(to.inboxMutex);
            if (to.inbox.size() >= limit)
                return false;
            to.inbox.push_back(std::move(batch));
            to.mail.store(true, std::memory_order_relaxed);
        }
        batch = Batch();
        return true;
    }

    // A batch its part's thread is not taking, added to a table the
    // handing thread keeps for that part (joined after the scan), so that
    // waiting batches never hold more than kMaxWaiting batches of memory.
    void keepAside(std::size_t worker, std::size_t part, Batch &batch)
    {
        auto &aside = m_aside[worker][part];
        if (!aside.table) {
            aside.table = std::make_unique<Table>();
            aside.feed = std::make_unique<Feed>(*aside.table);
        }
        for (const Handed &handed : batch)
            aside.feed->add(handed.entry.key, handed.hash, handed.entry);
        batch.clear();
    }

    // After the scan: the tables kept aside for `part` added to it.
    void joinAside(std::size_t part)
    {
        Part &to = m_parts[part];
        for (std::size_t worker = 0; worker < kScanWorkers; ++worker) {
            auto &aside = m_aside[worker][part];
            if (!aside.table)
                continue;
            aside.feed->finish();
            for (std::size_t i = 0; i < aside.table->size(); ++i)
                to.feed->add(aside.table->at(i).key, aside.table->at(i));
            aside.feed.reset();
            aside.table.reset(); // its memory back before the next is joined
        }
    }

    // Adds the batches handed to `part`, on the part's own thread.
    void receive(std::size_t part)
    {
        Part &to = m_parts[part];
        std::vector<Batch> batches;
        {
            std::lock_guard lock(to.inboxMutex);
            batches.swap(to.inbox);
            to.mail.store(false, std::memory_order_relaxed);
        }
        for (const Batch &batch : batches)
            for (const Handed &handed : batch)
                to.feed->add(handed.entry.key, handed.hash, handed.entry);
    }

    std::array<Part, kParts> m_parts;
    std::array<std::array<Batch, kParts>, kScanWorkers> m_outbox; // [worker][part], by that worker only
    struct Aside {
        std::unique_ptr<Table> table;
        std::unique_ptr<Feed> feed;
    };
    std::array<std::array<Aside, kParts>, kScanWorkers> m_aside; // [worker][part], by that worker until the join
    std::array<GatheringStatsTable<Entry>, kScanWorkers> m_gathering;
};

} // namespace flowscope
