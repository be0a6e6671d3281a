// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_scan.h"

#include "block_codec.h"
#include "bounded_queue.h"
#include "case_db.h"
#include "sqlite_handle.h"

#include <exception>
#include <thread>

namespace flowscope {

namespace {

struct DecodedBlock {
    std::int64_t id = 0;
    std::vector<EncodedFlow> rows;
};

// Reads and decodes blocks into `queue`; the connection is used by this
// thread alone while the scan runs.
void decodeBlocks(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                  BoundedQueue<DecodedBlock> &queue)
{
    auto push = [&](const Statement &statement) {
        return queue.push({statement.int64(0), decodeBlock(statement.blob(1))});
    };
    if (!blocks) {
        Statement all(caseDb.handle(), "SELECT id, data FROM flow_block ORDER BY id");
        while (all.step())
            if (!push(all))
                return;
        return;
    }
    Statement one(caseDb.handle(), "SELECT id, data FROM flow_block WHERE id = ?");
    for (const std::int64_t id : *blocks) {
        one.bind(1, id);
        const bool found = one.step();
        if (found && !push(one))
            return;
        one.reset();
    }
}

} // namespace

void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn)
{
    // Decoding on a second thread while this one visits: the two take about
    // as long as each other.
    BoundedQueue<DecodedBlock> queue(8);
    std::exception_ptr failure;
    std::thread decoder([&] {
        try {
            decodeBlocks(caseDb, blocks, queue);
        } catch (...) {
            failure = std::current_exception();
        }
        queue.finish();
    });
    DecodedBlock block;
    try {
        while (queue.pop(block))
            for (std::size_t slot = 0; slot < block.rows.size(); ++slot)
                fn(block.rows[slot], recordId(block.id, slot));
    } catch (...) {
        queue.close();
        decoder.join();
        throw;
    }
    decoder.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace flowscope
