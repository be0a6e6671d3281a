// SPDX-License-Identifier: GPL-3.0-or-later
#include "stored_duplicates.h"

#include <algorithm>
#include <limits>

namespace flowscope {

StoredDuplicates::StoredDuplicates(sqlite3 *db)
    : m_db(db)
    , m_datedCandidates(db, "SELECT id FROM flow_block WHERE start_min BETWEEN ?1 AND ?2 AND start_max >= ?3"
                            " AND id <= ?4")
    , m_undatedCandidates(db, "SELECT id FROM flow_block WHERE undated > 0 AND id <= ?1")
    , m_interfaceBlocks(db, kInterfacePostings)
    , m_readBlock(db, "SELECT data FROM flow_block WHERE id = ?")
{
}

void StoredDuplicates::startFile(const InterfaceDictionary &interfaces)
{
    discardFile();
    m_lastStoredBlock = queryInt(m_db, "SELECT coalesce(max(id), 0) FROM flow_block", 0);
    m_active = m_lastStoredBlock > 0;
    if (!m_active)
        return;
    m_maxBlockSpan = queryInt(m_db, "SELECT coalesce(max(start_max - start_min), 0) FROM flow_block", 0);
    m_eniOfInterface.assign(1, 0);
    m_interfacesOfEni.clear();
    std::vector<std::pair<std::uint32_t, InterfaceKey>> entries;
    for (std::uint32_t id = 1; id <= interfaces.size(); ++id)
        entries.emplace_back(id, interfaces.key(id));
    addInterfaces(entries);
}

void StoredDuplicates::addInterfaces(const std::vector<std::pair<std::uint32_t, InterfaceKey>> &entries)
{
    if (!m_active)
        return;
    for (const auto &[id, key] : entries) {
        if (m_eniOfInterface.size() <= id)
            m_eniOfInterface.resize(id + 1, 0);
        m_eniOfInterface[id] = key[0]; // kInterfaceFields[0] is interface-id
        m_interfacesOfEni[key[0]].push_back(id);
    }
}

std::uint32_t StoredDuplicates::eniOf(std::uint32_t interface) const
{
    return interface < m_eniOfInterface.size() ? m_eniOfInterface[interface] : 0;
}

std::vector<std::int64_t> StoredDuplicates::candidateBlocks(const std::vector<EncodedFlow> &flows)
{
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    bool undated = false;
    bool withoutEni = false;
    std::vector<std::uint32_t> enis;
    for (const EncodedFlow &f : flows) {
        if (f.has(Field::Start)) {
            first = std::min(first, f.start);
            last = std::max(last, f.start);
        } else {
            undated = true;
        }
        const std::uint32_t eni = eniOf(f.interface);
        if (eni == 0)
            withoutEni = true;
        else
            enis.push_back(eni);
    }
    std::sort(enis.begin(), enis.end());
    enis.erase(std::unique(enis.begin(), enis.end()), enis.end());

    std::vector<std::int64_t> blocks;
    if (first <= last) {
        // A block overlapping [first, last] begins at most its longest span before first.
        const std::int64_t lowest = first < std::numeric_limits<std::int64_t>::min() + m_maxBlockSpan
            ? std::numeric_limits<std::int64_t>::min()
            : first - m_maxBlockSpan;
        m_datedCandidates.bind(1, lowest);
        m_datedCandidates.bind(2, last);
        m_datedCandidates.bind(3, first);
        m_datedCandidates.bind(4, m_lastStoredBlock);
        while (m_datedCandidates.step())
            blocks.push_back(m_datedCandidates.int64(0));
        m_datedCandidates.reset();
    }
    if (undated) {
        m_undatedCandidates.bind(1, m_lastStoredBlock);
        while (m_undatedCandidates.step())
            blocks.push_back(m_undatedCandidates.int64(0));
        m_undatedCandidates.reset();
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    if (withoutEni)
        return blocks; // a record without an interface may be in any block

    std::vector<std::uint32_t> interfaces;
    for (std::uint32_t eni : enis)
        if (const auto found = m_interfacesOfEni.find(eni); found != m_interfacesOfEni.end())
            interfaces.insert(interfaces.end(), found->second.begin(), found->second.end());
    // Looking a block up costs a probe per interface; past a point decoding it is cheaper.
    constexpr std::size_t kMaxProbes = 64;
    if (interfaces.size() > kMaxProbes)
        return blocks;
    std::erase_if(blocks, [&](std::int64_t block) {
        return !m_blocks.count(block) && !holdsInterfaceOf(block, interfaces);
    });
    return blocks;
}

bool StoredDuplicates::holdsInterfaceOf(std::int64_t block, const std::vector<std::uint32_t> &interfaces)
{
    for (std::uint32_t interface : interfaces) {
        if (m_interfaceBlocks.holds(static_cast<std::int64_t>(interface), block))
            return true;
    }
    return false;
}

StoredDuplicates::StoredBlock &StoredDuplicates::load(std::int64_t block)
{
    if (const auto found = m_blocks.find(block); found != m_blocks.end()) {
        m_recent.splice(m_recent.begin(), m_recent, found->second.recent);
        return found->second;
    }
    m_readBlock.bind(1, block);
    if (!m_readBlock.step()) {
        m_readBlock.reset();
        throw StoreError("block " + std::to_string(block) + " is missing");
    }
    const std::vector<EncodedFlow> rows = decodeBlock(m_readBlock.blob(0));
    m_readBlock.reset();

    StoredBlock stored;
    stored.startMin = std::numeric_limits<std::int64_t>::max();
    stored.startMax = std::numeric_limits<std::int64_t>::min();
    stored.keys.reserve(rows.size());
    stored.byHash.reserve(rows.size());
    stored.fieldCounts.reserve(rows.size());
    for (std::size_t slot = 0; slot < rows.size(); ++slot) {
        const EncodedFlow &row = rows[slot];
        if (row.has(Field::Start)) {
            stored.startMin = std::min(stored.startMin, row.start);
            stored.startMax = std::max(stored.startMax, row.start);
        }
        stored.keys.push_back(recordKeyOf(row, eniOf(row.interface)));
        stored.byHash.emplace_back(hashRecordKey(stored.keys.back()), static_cast<std::uint16_t>(slot));
        stored.fieldCounts.push_back(static_cast<std::uint8_t>(fieldCount(row)));
    }
    std::sort(stored.byHash.begin(), stored.byHash.end());
    m_recent.push_front(block);
    stored.recent = m_recent.begin();
    return m_blocks.emplace(block, std::move(stored)).first->second;
}

void StoredDuplicates::evictOne()
{
    const std::int64_t block = m_recent.back();
    m_recent.pop_back();
    const auto found = m_blocks.find(block);
    writeReplacements(block, found->second);
    m_blocks.erase(found);
}

void StoredDuplicates::writeReplacements(std::int64_t block, StoredBlock &stored)
{
    replaceStoredRecords(m_db, block, stored.replacements);
    stored.replacements.clear();
}

std::size_t StoredDuplicates::removeDuplicates(std::vector<EncodedFlow> &flows)
{
    if (!m_active || flows.empty())
        return 0;
    const std::vector<std::int64_t> blocks = candidateBlocks(flows);
    if (blocks.empty())
        return 0;
    // The cache grows to hold every candidate of the batch (its entries stay
    // put meanwhile) and shrinks back afterwards.
    std::vector<std::pair<std::int64_t, StoredBlock *>> candidates;
    candidates.reserve(blocks.size());
    for (std::int64_t block : blocks)
        candidates.emplace_back(block, &load(block));

    std::size_t kept = 0;
    std::size_t removed = 0;
    for (std::size_t i = 0; i < flows.size(); ++i) {
        EncodedFlow &flow = flows[i];
        const RecordKey key = recordKeyOf(flow, eniOf(flow.interface));
        const std::uint64_t hash = hashRecordKey(key);
        bool duplicate = false;
        for (auto &[block, stored] : candidates) {
            if (flow.has(Field::Start) && (flow.start < stored->startMin || flow.start > stored->startMax))
                continue;
            auto range = std::equal_range(stored->byHash.begin(), stored->byHash.end(),
                                          std::pair<std::uint64_t, std::uint16_t>(hash, 0),
                                          [](const auto &a, const auto &b) { return a.first < b.first; });
            for (auto it = range.first; it != range.second && !duplicate; ++it) {
                const std::uint16_t slot = it->second;
                std::bitset<kBlockCapacity> &matched = m_matched[block];
                if (matched.test(slot) || !(stored->keys[slot] == key))
                    continue;
                matched.set(slot);
                duplicate = true;
                const int richness = fieldCount(flow);
                if (richness > stored->fieldCounts[slot]) {
                    stored->fieldCounts[slot] = static_cast<std::uint8_t>(richness);
                    stored->replacements.push_back({slot, flow});
                }
            }
            if (duplicate)
                break;
        }
        if (duplicate) {
            ++removed;
            continue;
        }
        if (kept != i)
            flows[kept] = flow;
        ++kept;
    }
    flows.resize(kept);
    while (m_blocks.size() > kCachedBlocks)
        evictOne();
    return removed;
}

void StoredDuplicates::finishFile()
{
    for (auto &[block, stored] : m_blocks)
        writeReplacements(block, stored);
}

void StoredDuplicates::discardFile()
{
    m_blocks.clear();
    m_recent.clear();
    m_matched.clear();
}

} // namespace flowscope
