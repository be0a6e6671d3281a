// SPDX-License-Identifier: GPL-3.0-or-later
#include "port_protocol_scan.h"

#include "store/block_codec.h"
#include "store/sqlite_handle.h"

#include <map>
#include <tuple>

namespace flowscope::test {

namespace {

std::string rowText(std::int64_t kind, std::int64_t value, std::int64_t action, std::int64_t records)
{
    return std::to_string(kind) + ' ' + std::to_string(value) + ' ' + std::to_string(action) + ' '
        + std::to_string(records);
}

} // namespace

std::vector<std::string> storedPortProtocolTotals(sqlite3 *db)
{
    std::vector<std::string> rows;
    Statement statement(db, "SELECT kind, value, action, records FROM port_protocol_total ORDER BY 1, 2, 3");
    while (statement.step())
        rows.push_back(rowText(statement.int64(0), statement.int64(1), statement.int64(2), statement.int64(3)));
    return rows;
}

std::vector<std::string> scannedPortProtocolTotals(sqlite3 *db)
{
    // kinds: 0 source port, 1 destination port, 2 protocol, 3 both ports the
    // same; value -1 absent; action 0 ACCEPT, 1 REJECT, 2 absent.
    std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t>, std::int64_t> totals;
    Statement blocks(db, "SELECT data FROM flow_block");
    while (blocks.step()) {
        for (const EncodedFlow &f : decodeBlock(blocks.blob(0))) {
            const std::int64_t action = f.has(Field::Action) ? (f.action == Action::Reject ? 1 : 0) : 2;
            ++totals[{0, f.has(Field::SrcPort) ? f.srcPort : -1, action}];
            ++totals[{1, f.has(Field::DstPort) ? f.dstPort : -1, action}];
            ++totals[{2, f.has(Field::Protocol) ? f.protocol : -1, action}];
            if (f.has(Field::SrcPort) && f.has(Field::DstPort) && f.srcPort == f.dstPort)
                ++totals[{3, f.srcPort, action}];
        }
    }
    std::vector<std::string> rows;
    for (const auto &[key, records] : totals)
        rows.push_back(rowText(std::get<0>(key), std::get<1>(key), std::get<2>(key), records));
    return rows;
}

} // namespace flowscope::test
