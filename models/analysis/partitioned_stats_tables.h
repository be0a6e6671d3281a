// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A statistic's table filled by the threads of a concurrent scan at once
// (see scanBlockRecordsPerWorker): each thread gathers runs of records in a
// small table of its own (GatheringStatsTable), then adds their totals to
// big tables of its own, one per part of the keys (split by a bit of their
// hash), so no two threads share a table; after the scan each part's tables
// are joined into the first thread's on a thread of their own.

#include "flat_table.h"
#include "gathering_stats_table.h"

#include "store/block_scan.h"

#include <array>
#include <cstdint>
#include <exception>
#include <memory>
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
        for (std::size_t worker = 0; worker < kScanWorkers; ++worker)
            for (std::size_t part = 0; part < kParts; ++part) {
                auto &slot = m_parts[worker][part];
                slot.table = std::make_unique<Table>();
                slot.feed = std::make_unique<Feed>(*slot.table);
            }
    }

    // From worker `worker`'s thread only.
    void add(std::size_t worker, const Key &key, const Sample &sample)
    {
        m_gathering[worker].add(key, Table::hashOf(key), sample, handOn(worker));
    }

    // After the scan, from the scan's caller: every worker's part joined into
    // worker 0's, the parts on threads of their own.
    void join()
    {
        for (std::size_t worker = 0; worker < kScanWorkers; ++worker)
            m_gathering[worker].drain(handOn(worker));
        std::array<std::exception_ptr, kParts> failures{};
        std::vector<std::thread> helpers;
        auto joinCatching = [this, &failures](std::size_t part) {
            try {
                joinPart(part);
            } catch (...) {
                failures[part] = std::current_exception();
            }
        };
        for (std::size_t part = 1; part < kParts; ++part)
            helpers.emplace_back(joinCatching, part);
        joinCatching(0);
        for (std::thread &helper : helpers)
            helper.join();
        for (const std::exception_ptr &failure : failures)
            if (failure)
                std::rethrow_exception(failure);
    }

    // The joined entries (after join()), part after part.
    std::size_t size() const
    {
        std::size_t total = 0;
        for (const auto &part : m_parts[0])
            total += part.table->size();
        return total;
    }
    const Entry &at(std::size_t index) const
    {
        for (const auto &part : m_parts[0]) {
            if (index < part.table->size())
                return part.table->at(index);
            index -= part.table->size();
        }
        throw std::out_of_range("no such statistics entry");
    }

private:
    struct Part {
        std::unique_ptr<Table> table;
        std::unique_ptr<Feed> feed;
    };

    // Adds a gathered entry to worker `worker`'s big table of its part.
    auto handOn(std::size_t worker)
    {
        return [this, worker](const Key &key, std::uint64_t h, const Entry &entry) {
            // Bit 32: neither the slot (the top bits) nor the tag (the low 32).
            m_parts[worker][(h >> 32) % kParts].feed->add(key, h, entry);
        };
    }

    void joinPart(std::size_t part)
    {
        Part &into = m_parts[0][part];
        into.feed->finish();
        Feed joining(*into.table);
        for (std::size_t worker = 1; worker < kScanWorkers; ++worker) {
            Part &from = m_parts[worker][part];
            from.feed->finish();
            for (std::size_t i = 0; i < from.table->size(); ++i)
                joining.add(from.table->at(i).key, from.table->at(i));
            from.feed.reset();
            from.table.reset(); // its memory back before the next is joined
        }
        joining.finish();
    }

    std::array<std::array<Part, kParts>, kScanWorkers> m_parts;
    std::array<GatheringStatsTable<Entry>, kScanWorkers> m_gathering;
};

} // namespace flowscope
