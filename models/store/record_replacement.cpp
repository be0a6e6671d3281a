// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_replacement.h"

#include "block_codec.h"
#include "block_posting_editor.h"
#include "coverage_gaps.h"
#include "graph_traffic_totals.h"
#include "minute_rollup.h"
#include "stored_address.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace flowscope {

namespace {

using AddressKey = std::pair<bool, std::array<std::uint8_t, 16>>; // (IPv6, bytes)

void addAddresses(const EncodedFlow &f, std::set<AddressKey> &out)
{
    for (const auto &[field, address] : {std::pair{Field::SrcAddr, &f.srcAddr}, std::pair{Field::DstAddr, &f.dstAddr},
                                         std::pair{Field::PktSrcAddr, &f.pktSrcAddr},
                                         std::pair{Field::PktDstAddr, &f.pktDstAddr}})
        if (f.has(field))
            out.insert({!address->isV4(), address->bytes});
}

PostingKey postingKey(const AddressKey &address)
{
    if (address.first)
        return address.second;
    IpAddress v4;
    v4.bytes = address.second;
    return storedIpv4(v4.v4());
}

// Keeps the block's address and interface index entries to what its records
// hold: the copies' new values added, the old copies' values no record holds
// any more removed.
void updateBlockIndexes(sqlite3 *db, std::int64_t block, const std::vector<EncodedFlow> &rows,
                        const std::vector<EncodedFlow> &replaced, const std::vector<RecordReplacement> &replacements)
{
    std::set<AddressKey> held;
    std::set<std::uint32_t> interfaces;
    for (const EncodedFlow &row : rows) {
        addAddresses(row, held);
        if (row.interface)
            interfaces.insert(row.interface);
    }
    std::set<AddressKey> before, after;
    std::set<std::uint32_t> interfacesBefore, interfacesAfter;
    for (const EncodedFlow &old : replaced) {
        addAddresses(old, before);
        if (old.interface)
            interfacesBefore.insert(old.interface);
    }
    for (const RecordReplacement &r : replacements) {
        addAddresses(r.richer, after);
        if (r.richer.interface)
            interfacesAfter.insert(r.richer.interface);
    }
    BlockPostingEditor addresses(db, kAddressPostings);
    for (const AddressKey &address : after)
        addresses.set(postingKey(address), block, true);
    for (const AddressKey &address : before)
        if (!held.count(address))
            addresses.set(postingKey(address), block, false);
    BlockPostingEditor interfaceBlocks(db, kInterfacePostings);
    for (std::uint32_t interface : interfacesAfter)
        interfaceBlocks.set(std::int64_t(interface), block, true);
    for (std::uint32_t interface : interfacesBefore)
        if (!interfaces.count(interface))
            interfaceBlocks.set(std::int64_t(interface), block, false);
}

// Moves a record from its old interface context's count to the new one's.
void moveRecordTotal(sqlite3 *db, const EncodedFlow &old, const EncodedFlow &richer)
{
    Statement upsert(db, "INSERT INTO record_total(interface, action, log_status, records) VALUES(?,?,?,?)"
                         " ON CONFLICT DO UPDATE SET records = records + excluded.records");
    auto write = [&](const EncodedFlow &flow, std::int64_t records) {
        upsert.bind(1, static_cast<std::int64_t>(flow.interface));
        upsert.bind(2, rollupActionCode(flow));
        upsert.bind(3, rollupLogStatusCode(flow));
        upsert.bind(4, records);
        upsert.exec();
    };
    write(richer, 1);
    write(old, -1);
    execSql(db, "DELETE FROM record_total WHERE records = 0");
}

// Moves a record's rollup rows and long span from its old interface context to the new one.
void moveRollups(sqlite3 *db, const EncodedFlow &old, const EncodedFlow &richer)
{
    MinuteRollup removed, added;
    removed.add(old);
    added.add(richer);
    RollupMinuteWriter upsert(db);
    auto write = [&](const MinuteRollup &rollup, std::int64_t sign) {
        for (const auto &[key, totals] : rollup.totals())
            upsert.add(key, totals, sign);
    };
    write(added, 1);
    write(removed, -1);
    // A row holds at least one flow or share: one left with none held only the old copy.
    Statement dropEmpty(db, "DELETE FROM rollup_minute WHERE minute = ? AND interface = ? AND action = ?"
                            " AND log_status = ? AND flows = 0 AND packets = 0 AND bytes = 0 AND spread_packets = 0"
                            " AND spread_bytes = 0");
    for (const auto &[key, totals] : removed.totals()) {
        dropEmpty.bind(1, key.minute);
        dropEmpty.bind(2, static_cast<std::int64_t>(key.interface));
        dropEmpty.bind(3, key.action);
        dropEmpty.bind(4, key.logStatus);
        dropEmpty.exec();
    }
    Statement moveSpan(db, "UPDATE rollup_long_span SET interface = ?1 WHERE rowid = (SELECT rowid FROM"
                           " rollup_long_span WHERE interface = ?2 AND action = ?3 AND log_status = ?4 AND start = ?5"
                           " AND last = ?6 AND packets = ?7 AND bytes = ?8 LIMIT 1)");
    for (const LongSpan &span : removed.longSpans()) {
        moveSpan.bind(1, static_cast<std::int64_t>(richer.interface));
        moveSpan.bind(2, static_cast<std::int64_t>(span.interface));
        moveSpan.bind(3, span.action);
        moveSpan.bind(4, span.logStatus);
        moveSpan.bind(5, span.start);
        moveSpan.bind(6, span.last);
        moveSpan.bind(7, span.packets);
        moveSpan.bind(8, span.bytes);
        moveSpan.exec();
    }
}

// Rebuilds the old context's gap that held the record's span from the
// records that are left, and adds the span to the new context's gaps.
void moveCoverage(sqlite3 *db, const CoverageSpan &span, const EncodedFlow &richer)
{
    CoverageGapWriter added(db);
    added.add(richer);
    added.flush();

    Statement gap(db, "SELECT begin, end FROM coverage_gap WHERE interface = ? AND log_status = ? AND begin <= ?"
                      " ORDER BY begin DESC LIMIT 1");
    gap.bind(1, static_cast<std::int64_t>(span.interface));
    gap.bind(2, span.logStatus);
    gap.bind(3, span.begin);
    if (!gap.step())
        return;
    const std::int64_t begin = gap.int64(0);
    const std::int64_t end = gap.int64(1);
    gap.reset();
    Statement drop(db, "DELETE FROM coverage_gap WHERE interface = ? AND log_status = ? AND begin = ?");
    drop.bind(1, static_cast<std::int64_t>(span.interface));
    drop.bind(2, span.logStatus);
    drop.bind(3, begin);
    drop.exec();
    // Every span merged into [begin, end) starts within it.
    std::vector<CoverageSpan> left;
    Statement blocks(db, "SELECT data FROM flow_block WHERE id = ? AND start_min < ? AND start_max >= ?");
    for (const std::int64_t block :
         BlockPostingEditor(db, kInterfacePostings).blocksOf(static_cast<std::int64_t>(span.interface))) {
        blocks.bind(1, block);
        blocks.bind(2, end);
        blocks.bind(3, begin);
        if (blocks.step())
            for (const EncodedFlow &row : decodeBlock(blocks.blob(0)))
                if (const auto rest = coverageSpanOf(row); rest && rest->interface == span.interface
                    && rest->logStatus == span.logStatus && rest->begin >= begin && rest->begin < end)
                    left.push_back(*rest);
        blocks.reset();
    }
    Statement insert(db, "INSERT INTO coverage_gap(interface, log_status, begin, end) VALUES(?, ?, ?, ?)");
    for (const CoverageSpan &merged : mergeCoverageSpans(std::move(left))) {
        insert.bind(1, static_cast<std::int64_t>(merged.interface));
        insert.bind(2, merged.logStatus);
        insert.bind(3, merged.begin);
        insert.bind(4, merged.end);
        insert.exec();
    }
}

} // namespace

void replaceStoredRecords(sqlite3 *db, std::int64_t block, const std::vector<RecordReplacement> &replacements)
{
    if (replacements.empty())
        return;
    std::vector<EncodedFlow> rows;
    {
        Statement read(db, "SELECT data FROM flow_block WHERE id = ?");
        read.bind(1, block);
        if (!read.step())
            throw StoreError("block " + std::to_string(block) + " is missing");
        rows = decodeBlock(read.blob(0));
    }
    std::vector<EncodedFlow> replaced;
    replaced.reserve(replacements.size());
    for (const RecordReplacement &r : replacements) {
        EncodedFlow &row = rows.at(r.slot);
        replaced.push_back(row);
        const std::uint64_t line = row.line;
        row = r.richer;
        row.line = line; // the record stays where it was first read; its order in the block too
    }
    const std::string data = encodeBlock(rows);
    Statement write(db, "UPDATE flow_block SET data = ? WHERE id = ?");
    write.bindBlobStatic(1, data.data(), static_cast<int>(data.size()));
    write.bind(2, block);
    write.exec();

    updateBlockIndexes(db, block, rows, replaced, replacements);
    // The richer copy may add what the graph keys on (flow-direction,
    // tcp-flags, AWS services): its totals move whatever the interface.
    GraphTrafficTotals graphTotals;
    for (std::size_t i = 0; i < replacements.size(); ++i) {
        graphTotals.add(replaced[i], -1);
        graphTotals.add(replacements[i].richer);
    }
    graphTotals.writeAndMerge(db);
    for (std::size_t i = 0; i < replacements.size(); ++i) {
        const EncodedFlow &old = replaced[i];
        const EncodedFlow &richer = replacements[i].richer;
        if (old.interface == richer.interface)
            continue; // every other derived table keys on fields the two copies share
        moveRollups(db, old, richer);
        moveRecordTotal(db, old, richer);
        if (const auto span = coverageSpanOf(old))
            moveCoverage(db, *span, richer);
    }
}

} // namespace flowscope
