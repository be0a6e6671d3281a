// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_scan.h"

#include "block_codec.h"
#include "case_db.h"
#include "sqlite_handle.h"

namespace flowscope {

namespace {
void visitBlock(const Statement &statement, const std::function<void(const EncodedFlow &, std::int64_t)> &fn)
{
    const std::int64_t block = statement.int64(0);
    const std::vector<EncodedFlow> rows = decodeBlock(statement.blob(1));
    for (std::size_t slot = 0; slot < rows.size(); ++slot)
        fn(rows[slot], recordId(block, slot));
}
} // namespace

void scanRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks,
                 const std::function<void(const EncodedFlow &, std::int64_t id)> &fn)
{
    if (!blocks) {
        Statement all(caseDb.handle(), "SELECT id, data FROM flow_block ORDER BY id");
        while (all.step())
            visitBlock(all, fn);
        return;
    }
    Statement one(caseDb.handle(), "SELECT id, data FROM flow_block WHERE id = ?");
    for (const std::int64_t id : *blocks) {
        one.bind(1, id);
        if (one.step())
            visitBlock(one, fn);
        one.reset();
    }
}

} // namespace flowscope
