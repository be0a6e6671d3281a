// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chosen records of a case (the rejects a filter keeps, the requests no one
// answered) with every record of their conversations near them, in two scans
// whatever their number: the first reads only the 5-tuple, the chosen test's
// columns and the filter's, the second every block of their time span, kept
// when a record's conversation is one of theirs. No query per record.

#include "explain_progress.h"
#include "flow_pairing.h"

#include "store/block_codec.h"
#include "store/encoded_flow.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::explain {

// What tells a record's conversation and whether it is a flow (not NODATA, SKIPDATA, nor without an action).
constexpr ColumnMask kConversationColumns = columnOf(Field::Start) | columnOf(Field::End) | columnOf(Field::SrcAddr)
    | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort) | columnOf(Field::Protocol)
    | columnOf(Field::Action) | columnOf(Field::LogStatus);
// What pairing reads of a record.
constexpr ColumnMask kPairingColumns = kConversationColumns | columnOf(Field::TcpFlags) | columnOf(Field::FlowDirection)
    | columnOf(Field::PktSrcAddr) | columnOf(Field::PktDstAddr) | columnOf(Field::InterfaceId)
    | columnOf(Field::RejectReason);

bool isFlowRecord(const EncodedFlow &flow);

// When chosen records happened, to read only the blocks near them.
struct TimeSpan {
    std::int64_t first = INT64_MAX;
    std::int64_t last = INT64_MIN;
    bool undated = false; // a record without a start: every block may hold its counterparts

    void add(bool hasStart, std::int64_t start, std::int64_t end);
    void add(const TimeSpan &other);
};

// The blocks with records within kPairingSlackSeconds of the span; every
// block (nullopt) when a record had no start.
std::optional<std::vector<std::int64_t>> blocksAround(CaseDb &caseDb, const TimeSpan &span);

struct ConversationScanRequest {
    // Chooses the targets among the filter's records (the record and its id);
    // sees kConversationColumns, `targetColumns` and the filter's columns.
    // Called from two threads at once.
    std::function<bool(const EncodedFlow &, std::int64_t id)> isTarget;
    ColumnMask targetColumns = 0;
    // When known, the only blocks of the filter's that hold targets.
    std::optional<std::vector<std::int64_t>> targetBlocks;
    // Turns a stored record into what pairing needs (kPairingColumns decoded).
    std::function<PairingFlow(const EncodedFlow &, std::int64_t id)> pairingFlow;
    // Called for each target with its whole record, under a lock (to keep
    // what PairingFlow leaves out, such as pkt-* addresses).
    std::function<void(const EncodedFlow &, std::int64_t id)> noteTarget;
    // Asked once a block; true ends the scan with RejectExplainCancelled.
    std::function<bool()> cancelled;
    // Told of each block read: the targets' scan is ExplainStage::Finding,
    // the conversations' ExplainStage::Reading.
    ExplainProgressFn progress;
};

struct ConversationScan {
    std::vector<PairingFlow> records; // every record of their conversations, as prepareConversations leaves them
    // The targets in record order, as indexes into `records` (which holds them
    // too): a million rejects cost 4 bytes each here, not a second copy.
    std::vector<std::uint32_t> targetIndexes;

    std::size_t targetCount() const { return targetIndexes.size(); }
    const PairingFlow &target(std::size_t i) const { return records[targetIndexes[i]]; }
    std::span<const PairingFlow> conversationOf(const PairingFlow &target) const;
};

ConversationScan scanConversations(CaseDb &caseDb, const CaseFilter &filter, const ConversationScanRequest &request);

} // namespace flowscope::explain
