// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records by source port, by destination port and by protocol, each
// split by action, kept beside the records (table port_protocol_total) so
// that a count of `dstport == 3306`, `port == 22`, `protocol == 17` or such a
// term with an action reads no record block. A row per (kind, value, action
// code): kind as PortProtocolKind, value -1 for records without the field,
// action coded as in rollup_minute (0 ACCEPT, 1 REJECT, 2 absent). Kind
// SamePort counts the records whose source and destination port are the
// same, so that `port == N` counts each record once.
//
// Every port is kept, not only those below 32768: about 130,000 rows per
// kind on 10M records of an internet-facing estate, a few MB, against the
// blocks a count of an ephemeral port would otherwise decode.

#include "encoded_flow.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <vector>

namespace flowscope {

enum class PortProtocolKind : std::uint8_t { SrcPort = 0, DstPort = 1, Protocol = 2, SamePort = 3 };

// Gathers the counts in memory until written: one counter per kind, value
// and action in a flat array (4.7 MB once a record is added), found by
// arithmetic rather than a hash lookup, so gathering costs the same for
// every port.
class PortProtocolTotals {
public:
    void add(const EncodedFlow &flow, std::int64_t records = 1);
    // Adds what was gathered to the table (sign -1 takes it away), dropping
    // rows left at zero, and forgets it.
    void write(sqlite3 *db, std::int64_t sign = 1);
    void clear();
    bool empty() const { return m_used.empty(); }

private:
    // Positions in m_counts of the counters that were added to, in the order first added.
    std::vector<std::uint32_t> m_used;
    // By (kind, value + 1, action code), kinds PortProtocolKind in order.
    std::vector<std::int64_t> m_counts;
};

// Fills port_protocol_total from every block of the case (decoding only the
// columns it needs), inside the caller's transaction: for a case written
// before the table existed.
void derivePortProtocolTotals(sqlite3 *db);

} // namespace flowscope
