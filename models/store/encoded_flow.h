// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A record ready for the store: text fields replaced by dictionary ids, so it
// no longer points into the line it came from and can cross threads.

#include "dictionaries.h"
#include "format/flow_record.h"

#include <cstdint>

namespace flowscope {

struct EncodedFlow : FlowValues {
    std::uint64_t line = 0;
    std::uint64_t present = 0; // bit per Field, as FlowRecord::present
    std::uint32_t interface = 0; // InterfaceDictionary id, 0 = none
    std::uint32_t pktSrcService = 0;
    std::uint32_t pktDstService = 0;
    std::uint32_t rejectReason = 0;
    // The record's id (block << 12 | slot) when read from a block of a case
    // whose id the reader knew; -1 otherwise (a record being imported, a
    // summary row). Filters on the analyst's marks (`starred`) test it.
    std::int64_t id = -1;

    bool has(Field f) const { return (present >> static_cast<unsigned>(f)) & 1U; }
};

// Encodes a parsed record, interning its texts.
EncodedFlow encodeFlow(const FlowRecord &record, std::uint64_t line, StringDictionary &strings,
                       InterfaceDictionary &interfaces);

} // namespace flowscope
