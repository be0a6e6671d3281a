// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_match_set.h"

#include <algorithm>
#include <bit>

namespace flowscope {

namespace {

constexpr std::int64_t kSlotMask = (std::int64_t{1} << kBlockShift) - 1;

} // namespace

std::int64_t RecordMatchSet::Block::countBelow(std::size_t slot) const
{
    std::int64_t below = 0;
    const std::size_t whole = std::min(slot, kBlockCapacity) / 64;
    for (std::size_t i = 0; i < whole; ++i)
        below += std::popcount(bits[i]);
    if (const std::size_t rest = slot % 64; rest != 0 && whole < bits.size())
        below += std::popcount(bits[whole] & ((std::uint64_t{1} << rest) - 1));
    return below;
}

void RecordMatchSet::add(std::int64_t recordId)
{
    Block &block = m_blocks[recordId >> kBlockShift];
    const auto slot = static_cast<std::size_t>(recordId & kSlotMask);
    if (block.contains(slot))
        return;
    block.bits[slot / 64] |= std::uint64_t{1} << (slot % 64);
    ++block.count;
    ++m_total;
}

void RecordMatchSet::addBlock(std::int64_t blockId, const Block &block)
{
    if (block.count == 0)
        return;
    Block &into = m_blocks[blockId];
    std::int64_t merged = 0;
    for (std::size_t i = 0; i < into.bits.size(); ++i) {
        into.bits[i] |= block.bits[i];
        merged += std::popcount(into.bits[i]);
    }
    m_total += merged - into.count;
    into.count = merged;
}

bool RecordMatchSet::contains(std::int64_t recordId) const
{
    const Block *found = block(recordId >> kBlockShift);
    return found && found->contains(static_cast<std::size_t>(recordId & kSlotMask));
}

const RecordMatchSet::Block *RecordMatchSet::block(std::int64_t blockId) const
{
    const auto it = m_blocks.find(blockId);
    return it == m_blocks.end() ? nullptr : &it->second;
}

} // namespace flowscope
