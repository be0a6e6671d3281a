// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation_scan.h"

#include "reject_explainer.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"

#include <algorithm>
#include <map>
#include <mutex>

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

// The conversations' hashes: a bitmap turns most records of a case away
// after one probe of 2 MB, and the rest find their hash in an open-addressing
// table with one more probe (a node-based set cost two or three cache misses
// per record, most of the second scan's time).
class HashFilter {
public:
    explicit HashFilter(std::vector<std::uint64_t> hashes)
        : m_bits(kBits / 64)
    {
        std::sort(hashes.begin(), hashes.end());
        hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
        std::size_t slots = 16;
        while (slots < 2 * hashes.size())
            slots *= 2;
        m_mask = slots - 1;
        m_slots.assign(slots, kEmpty);
        for (const std::uint64_t hash : hashes) {
            m_bits[bit(hash) / 64] |= std::uint64_t(1) << (bit(hash) % 64);
            if (hash == kEmpty) {
                m_holdsEmpty = true;
                continue;
            }
            std::size_t slot = hash & m_mask;
            while (m_slots[slot] != kEmpty)
                slot = (slot + 1) & m_mask;
            m_slots[slot] = hash;
        }
    }
    bool contains(std::uint64_t hash) const
    {
        if (!((m_bits[bit(hash) / 64] >> (bit(hash) % 64)) & 1U))
            return false;
        if (hash == kEmpty)
            return m_holdsEmpty;
        for (std::size_t slot = hash & m_mask;; slot = (slot + 1) & m_mask) {
            if (m_slots[slot] == hash)
                return true;
            if (m_slots[slot] == kEmpty)
                return false;
        }
    }

private:
    static constexpr std::uint64_t kBits = std::uint64_t(1) << 24;
    static constexpr std::uint64_t kEmpty = 0; // a hash of 0 is kept aside
    static std::uint64_t bit(std::uint64_t hash) { return (hash >> 7) % kBits; }
    std::vector<std::uint64_t> m_bits;
    std::vector<std::uint64_t> m_slots;
    std::size_t m_mask = 0;
    bool m_holdsEmpty = false;
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
    const PairingFlow *const first = records.data();
    const PairingFlow *const last = first + records.size();
    if (&target < first || &target >= last) { // not one of ours: search the whole
        const auto from = std::lower_bound(first, last, hash,
                                           [](const PairingFlow &flow, std::uint64_t h) { return flow.conversation < h; });
        const auto to = std::upper_bound(from, last, hash,
                                         [](std::uint64_t h, const PairingFlow &flow) { return h < flow.conversation; });
        return {from, static_cast<std::size_t>(to - from)};
    }
    // A target lies inside its conversation: gallop out from it, so a
    // million targets stay near their own records instead of each
    // searching all of them.
    const auto before = [hash](const PairingFlow &flow) { return flow.conversation < hash; };
    std::size_t step = 1;
    const PairingFlow *low = &target;
    while (low - first >= static_cast<std::ptrdiff_t>(step) && !before(*(low - step))) {
        low -= step;
        step *= 2;
    }
    const PairingFlow *from = std::partition_point(low - std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(step), low - first), low, before);
    step = 1;
    const PairingFlow *high = &target + 1;
    while (last - high >= static_cast<std::ptrdiff_t>(step) && (high + step - 1)->conversation == hash) {
        high += step;
        step *= 2;
    }
    const PairingFlow *to = std::partition_point(high, high + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(step), last - high),
                                                 [hash](const PairingFlow &flow) { return flow.conversation == hash; });
    return {from, static_cast<std::size_t>(to - from)};
}

ConversationScan scanConversations(CaseDb &caseDb, const CaseFilter &filter, const ConversationScanRequest &request)
{
    // 1. Which records are targets, and their conversations and time span.
    std::mutex mutex;
    std::map<std::int64_t, std::vector<std::uint16_t>> targetSlots; // by block
    std::vector<std::uint64_t> hashes;
    TimeSpan span;
    const std::optional<std::vector<std::int64_t>> targetBlocks = request.targetBlocks ? request.targetBlocks : filter.blocks();
    StageProgress finding(request.progress, ExplainStage::Finding, request.progress ? blockCount(caseDb, targetBlocks) : 0);
    scanBlocksConcurrently(caseDb, targetBlocks,
                           kConversationColumns | request.targetColumns | filter.columnsRead(),
                           [&](std::int64_t block, const std::vector<EncodedFlow> &rows) {
                               throwIfCancelled(request.cancelled);
                               finding.step();
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
                               hashes.insert(hashes.end(), found.begin(), found.end());
                               span.add(blockSpan);
                           });
    ConversationScan out;
    if (targetSlots.empty())
        return out;

    // 2. Every record of those conversations, in one scan of the blocks of
    // their time span: the targets themselves among them, marked `chosen`.
    const std::optional<std::vector<std::int64_t>> blocks = blocksAround(caseDb, span);
    const HashFilter conversations(std::move(hashes));
    ByBlock recordsByBlock;
    StageProgress reading(request.progress, ExplainStage::Reading, request.progress ? blockCount(caseDb, blocks) : 0);
    scanBlocksConcurrently(caseDb, blocks, kPairingColumns, [&](std::int64_t block, const std::vector<EncodedFlow> &rows) {
        throwIfCancelled(request.cancelled);
        reading.step();
        const auto slotsOfBlock = targetSlots.find(block);
        const std::vector<std::uint16_t> *slots = slotsOfBlock == targetSlots.end() ? nullptr : &slotsOfBlock->second;
        // Which records belong first, so the block's records are allocated once.
        thread_local std::vector<std::pair<std::uint16_t, std::uint64_t>> kept;
        kept.clear();
        for (std::size_t slot = 0; slot < rows.size(); ++slot) {
            const EncodedFlow &flow = rows[slot];
            if (!isFlowRecord(flow))
                continue;
            const std::uint64_t hash = hashOf(flow);
            if (conversations.contains(hash))
                kept.emplace_back(static_cast<std::uint16_t>(slot), hash);
        }
        if (kept.empty())
            return;
        std::vector<PairingFlow> found;
        found.reserve(kept.size());
        std::vector<std::pair<std::int64_t, const EncodedFlow *>> noted;
        auto nextTarget = slots ? slots->begin() : std::vector<std::uint16_t>::const_iterator();
        for (const auto &[slot, hash] : kept) {
            const EncodedFlow &flow = rows[slot];
            found.push_back(request.pairingFlow(flow, recordId(block, slot)));
            found.back().conversation = hash;
            if (slots) { // both in slot order
                while (nextTarget != slots->end() && *nextTarget < slot)
                    ++nextTarget;
                if (nextTarget != slots->end() && *nextTarget == slot) {
                    found.back().chosen = true;
                    noted.emplace_back(found.back().id, &flow);
                }
            }
        }
        std::lock_guard lock(mutex);
        recordsByBlock[block] = std::move(found);
        if (request.noteTarget) {
            for (const auto &[id, flow] : noted)
                request.noteTarget(*flow, id);
        }
    });
    out.records = concatenate(recordsByBlock);
    prepareConversations(out.records);
    // Each target's place among the sorted records, then back in record order.
    std::vector<std::pair<std::int64_t, std::uint32_t>> placed;
    for (std::size_t i = 0; i < out.records.size(); ++i)
        if (out.records[i].chosen)
            placed.emplace_back(out.records[i].id, static_cast<std::uint32_t>(i));
    std::sort(placed.begin(), placed.end());
    out.targetIndexes.reserve(placed.size());
    for (const auto &[id, index] : placed)
        out.targetIndexes.push_back(index);
    return out;
}

} // namespace flowscope::explain
