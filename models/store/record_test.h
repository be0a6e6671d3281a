// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A filter's test as a scan of stored blocks runs it: on records decoded
// for the columns it reads only, or a whole block a column at a time. A
// reader that needs every field of the matching records (a page of the
// table) then decodes the rest for those records alone.

#include "block_codec.h"

#include <array>
#include <cstdint>
#include <functional>

namespace flowscope {

struct RecordTest {
    // Decides on a record whose `columns` are decoded (other fields hold
    // unspecified values); needed even with a column test, to test again a
    // record read twice. Called from several threads at once.
    std::function<bool(const EncodedFlow &)> accept;
    ColumnMask columns = kAllColumns;
    // When given, the same test over a block opened for `columns`: sets a
    // bit per matching slot (slot s: bit s % 64 of word s / 64).
    std::function<void(BlockColumns &, std::array<std::uint64_t, kBlockCapacity / 64> &)> columnTest;
};

} // namespace flowscope
