// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation_scan.h"

#include "reject_explainer.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_set>

namespace flowscope::explain {

namespace {

using ByBlock = std::map<std::int64_t, std::vector<PairingFlow>>;

std::vector<PairingFlow> concatenate(ByBlock &byBlock)
{
    std::size_t size = 0;
    for (const auto &[block, found] : byBlock)
        size += found.size();
    std::vector<PairingFlow> all;
    all.reserve(size);
    for (auto &[block, found] : byBlock) {
        all.insert(all.end(), found.begin(), found.end());
        std::vector<PairingFlow>().swap(found);
    }
    return all;
}

// A bitmap of the conversations' hashes: most records of a case are turned
// away after one probe of 2 MB, before the set is asked.
class HashFilter {
public:
    explicit HashFilter(std::unordered_set<std::uint64_t> hashes)
        : m_hashes(std::move(hashes))
        , m_bits(kBits / 64)
    {
        for (const std::uint64_t hash : m_hashes)
            m_bits[bit(hash) / 64] |= std::uint64_t(1) << (bit(hash) % 64);
    }
    bool contains(std::uint64_t hash) const
    {
        return ((m_bits[bit(hash) / 64] >> (bit(hash) % 64)) & 1U) && m_hashes.count(hash);
    }

private:
    static constexpr std::uint64_t kBits = std::uint64_t(1) << 24;
    static std::uint64_t bit(std::uint64_t hash) { return (hash >> 7) % kBits; }
    std::unordered_set<std::uint64_t> m_hashes;
    std::vector<std::uint64_t> m_bits;
};

void throwIfCancelled(const std::function<bool()> &cancelled)
{
    if (cancelled && cancelled())
        throw RejectExplainCancelled();
}

std::uint64_t hashOf(const EncodedFlow &flow)
{
    return conversationHash(flow.srcAddr, flow.srcPort, flow.dstAddr, flow.dstPort, flow.protocol);
}

} // namespace

bool isFlowRecord(const EncodedFlow &flow)
{
    // An absent action decodes as ACCEPT: without this test a record of a format
    // that logs no action would pass for an accepted request or reply.
    return flow.has(Field::SrcAddr) && flow.has(Field::DstAddr) && flow.has(Field::Action) && flow.logStatus == LogStatus::Ok;
}

void TimeSpan::add(bool hasStart, std::int64_t start, std::int64_t end)
{
    if (!hasStart) {
        undated = true;
        return;
    }
    first = std::min(first, start);
    last = std::max(last, end);
}

void TimeSpan::add(const TimeSpan &other)
{
    first = std::min(first, other.first);
    last = std::max(last, other.last);
    undated = undated || other.undated;
}

std::optional<std::vector<std::int64_t>> blocksAround(CaseDb &caseDb, const TimeSpan &span)
{
    if (span.undated || span.first > span.last)
        return std::nullopt;
    const std::string expression = "time >= " + std::to_string(std::max<std::int64_t>(0, span.first - kPairingSlackSeconds))
        + " and time < " + std::to_string(span.last + kPairingSlackSeconds + 1);
    const auto compiled = CaseFilter::compile(caseDb, expression);
    if (const auto *narrowed = std::get_if<std::shared_ptr<const CaseFilter>>(&compiled))
        return (*narrowed)->blocks();
    return std::nullopt;
}

std::span<const PairingFlow> ConversationScan::conversationOf(const PairingFlow &target) const
{
    const std::uint64_t hash = target.conversation;
    const auto from = std::lower_bound(records.begin(), records.end(), hash,
                                       [](const PairingFlow &flow, std::uint64_t h) { return flow.conversation < h; });
    const auto to = std::upper_bound(from, records.end(), hash,
                                     [](std::uint64_t h, const PairingFlow &flow) { return h < flow.conversation; });
    return {records.data() + (from - records.begin()), static_cast<std::size_t>(to - from)};
}

ConversationScan scanConversations(CaseDb &caseDb, const CaseFilter &filter, const ConversationScanRequest &request)
{
    // 1. Which records are targets, and their conversations and time span.
    std::mutex mutex;
    std::map<std::int64_t, std::vector<std::uint16_t>> targetSlots; // by block
    std::unordered_set<std::uint64_t> hashes;
    TimeSpan span;
    scanBlocksConcurrently(caseDb, request.targetBlocks ? request.targetBlocks : filter.blocks(),
                           kConversationColumns | request.targetColumns | filter.columnsRead(),
                           [&](std::int64_t block, const std::vector<EncodedFlow> &rows) {
                               throwIfCancelled(request.cancelled);
                               std::vector<std::uint16_t> slots;
                               std::vector<std::uint64_t> found;
                               TimeSpan blockSpan;
                               for (std::size_t slot = 0; slot < rows.size(); ++slot) {
                                   const EncodedFlow &flow = rows[slot];
                                   if (!isFlowRecord(flow) || !request.isTarget(flow, recordId(block, slot)))
                                       continue;
                                   slots.push_back(static_cast<std::uint16_t>(slot));
                                   found.push_back(hashOf(flow));
                                   blockSpan.add(flow.has(Field::Start), flow.start, flow.has(Field::End) ? flow.end : flow.start);
                               }
                               if (slots.empty())
                                   return;
                               std::lock_guard lock(mutex);
                               targetSlots[block] = std::move(slots);
                               hashes.insert(found.begin(), found.end());
                               span.add(blockSpan);
                           });
    ConversationScan out;
    if (targetSlots.empty())
        return out;

    // 2. Every record of those conversations, in one scan of the blocks of
    // their time span: the targets themselves among them.
    const std::optional<std::vector<std::int64_t>> blocks = blocksAround(caseDb, span);
    const HashFilter conversations(std::move(hashes));
    ByBlock recordsByBlock;
    std::map<std::int64_t, std::vector<std::int64_t>> targetsByBlock; // their ids
    scanBlocksConcurrently(caseDb, blocks, kPairingColumns, [&](std::int64_t block, const std::vector<EncodedFlow> &rows) {
        throwIfCancelled(request.cancelled);
        const auto slotsOfBlock = targetSlots.find(block);
        const std::vector<std::uint16_t> *slots = slotsOfBlock == targetSlots.end() ? nullptr : &slotsOfBlock->second;
        std::vector<PairingFlow> found;
        std::vector<std::int64_t> targets;
        std::vector<std::pair<std::int64_t, const EncodedFlow *>> noted;
        for (std::size_t slot = 0; slot < rows.size(); ++slot) {
            const EncodedFlow &flow = rows[slot];
            if (!isFlowRecord(flow))
                continue;
            const std::uint64_t hash = hashOf(flow);
            if (!conversations.contains(hash))
                continue;
            found.push_back(request.pairingFlow(flow, recordId(block, slot)));
            found.back().conversation = hash;
            if (slots && std::binary_search(slots->begin(), slots->end(), static_cast<std::uint16_t>(slot))) {
                targets.push_back(found.back().id);
                noted.emplace_back(targets.back(), &flow);
            }
        }
        std::lock_guard lock(mutex);
        if (!found.empty())
            recordsByBlock[block] = std::move(found);
        if (!targets.empty())
            targetsByBlock[block] = std::move(targets);
        if (request.noteTarget) {
            for (const auto &[id, flow] : noted)
                request.noteTarget(*flow, id);
        }
    });
    std::vector<std::int64_t> targetIds; // ascending: blocks in order, slots in order
    for (auto &[block, ids] : targetsByBlock) {
        targetIds.insert(targetIds.end(), ids.begin(), ids.end());
        std::vector<std::int64_t>().swap(ids);
    }
    out.records = concatenate(recordsByBlock);
    prepareConversations(out.records);
    // Each target's place among the sorted records, then back in record order.
    std::vector<std::pair<std::int64_t, std::uint32_t>> placed;
    placed.reserve(targetIds.size());
    for (std::size_t i = 0; i < out.records.size(); ++i)
        if (std::binary_search(targetIds.begin(), targetIds.end(), out.records[i].id))
            placed.emplace_back(out.records[i].id, static_cast<std::uint32_t>(i));
    std::sort(placed.begin(), placed.end());
    out.targetIndexes.reserve(placed.size());
    for (const auto &[id, index] : placed)
        out.targetIndexes.push_back(index);
    return out;
}

} // namespace flowscope::explain
