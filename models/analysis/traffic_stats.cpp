// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats.h"
#include "column_records.h"
#include "column_samples.h"
#include "flat_table.h"
#include "partitioned_stats_tables.h"
#include "traffic_stats_entry.h"
#include "traffic_stats_keys.h"
#include "traffic_stats_ranking.h"

#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

namespace flowscope {

void TrafficTotals::add(const EncodedFlow &flow)
{
    ++flows;
    if (flow.has(Field::Packets))
        packets += flow.packets;
    if (flow.has(Field::Bytes))
        bytes += flow.bytes;
    if (flow.has(Field::Action))
        (flow.action == Action::Accept ? accepts : rejects) += 1;
    if (flow.has(Field::Start))
        firstSeen = std::min(firstSeen.value_or(flow.start), flow.start);
    if (flow.has(Field::End))
        lastSeen = std::max(lastSeen.value_or(flow.end), flow.end);
}

void TrafficTotals::add(const TrafficTotals &other)
{
    flows += other.flows;
    packets += other.packets;
    bytes += other.bytes;
    accepts += other.accepts;
    rejects += other.rejects;
    if (other.firstSeen)
        firstSeen = std::min(firstSeen.value_or(*other.firstSeen), *other.firstSeen);
    if (other.lastSeen)
        lastSeen = std::max(lastSeen.value_or(*other.lastSeen), *other.lastSeen);
}

namespace {

constexpr std::array<std::pair<StatsOrder, std::string_view>, 7> kOrderNames{{
    {StatsOrder::Flows, "flows"},
    {StatsOrder::Packets, "packets"},
    {StatsOrder::Bytes, "bytes"},
    {StatsOrder::Accepts, "accepts"},
    {StatsOrder::Rejects, "rejects"},
    {StatsOrder::FirstSeen, "first-seen"},
    {StatsOrder::LastSeen, "last-seen"},
}};

// How often a scan asks whether it is still wanted (records read by the
// caller's thread): often enough to stop within a block or two, rarely
// enough to cost nothing.
constexpr std::uint64_t kPollRecords = 1024;

// A conversation's key: both addresses as words, then with
// ConversationKey::AddressesProtocolPort the protocol and the service port,
// each with a flag for whether the record had it.
struct ConversationWords {
    std::uint32_t a = 0, b = 0;
    std::uint32_t extra = 0;

    static constexpr std::uint32_t kAIsV6 = 1U, kBIsV6 = 2U, kHasProtocol = 4U, kHasPort = 8U;
    AddressWord wordA() const { return {a, (extra & kAIsV6) != 0}; }
    AddressWord wordB() const { return {b, (extra & kBIsV6) != 0}; }
    std::optional<std::uint8_t> protocol() const
    {
        return extra & kHasProtocol ? std::optional<std::uint8_t>(static_cast<std::uint8_t>(extra >> 8)) : std::nullopt;
    }
    std::optional<std::uint16_t> port() const
    {
        return extra & kHasPort ? std::optional<std::uint16_t>(static_cast<std::uint16_t>(extra >> 16)) : std::nullopt;
    }
    // FlatTable::hashOf of this key, from its fields as they are (the key's
    // bytes as words: a and b the first, extra the second).
    std::uint64_t hash() const
    {
        static_assert(std::endian::native == std::endian::little, "the key's first word is a, then b");
        return hashTwoWords(std::uint64_t(a) | std::uint64_t(b) << 32, extra);
    }
};

struct EndpointWord {
    std::uint32_t value = 0;
    std::uint32_t v6 = 0;
};

// One cache line an entry (FlatTable's pages start on one).
static_assert(sizeof(StatsEntry<ConversationWords>) == 64 && sizeof(StatsEntry<EndpointWord>) == 64);

// Addresses compare by family, then bytes: a total order for keys.
bool addressLess(const IpAddress &x, const IpAddress &y)
{
    if (x.family != y.family)
        return x.family < y.family;
    return std::memcmp(x.bytes.data(), y.bytes.data(), x.isV4() ? 4 : 16) < 0;
}

// An IPv4 address's word, as AddressWords::wordOf gives it, without a call.
AddressWord v4Word(const IpAddress &address)
{
    const auto &b = address.bytes;
    return {std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3], false};
}

// What a scan's two threads share to stop a stale query: the records read
// so far (a block's counted when it is opened) and whether the query's
// `cancelled` said so. Only worker 0, the caller's thread, asks it.
class ScanPolls {
public:
    explicit ScanPolls(const StatsQuery &query)
        : m_query(query)
    {
    }
    // A block of `records` opened on `worker`: false once the query is stale.
    bool opened(std::size_t worker, std::size_t records)
    {
        m_read += records;
        return !m_stale && (worker != 0 || stillWanted());
    }
    bool stillWanted()
    {
        if (m_query.cancelled && m_query.cancelled(m_read.load()))
            m_stale = true;
        return !m_stale;
    }
    // After the scan: one last question, with every record read.
    void throwIfCancelled() const
    {
        if (m_query.cancelled && m_query.cancelled(m_read.load()))
            throw StatsCancelled();
    }

private:
    const StatsQuery &m_query;
    std::atomic<std::uint64_t> m_read = 0;
    std::atomic<bool> m_stale = false;
};

// Visits the records the query selects on the scan's threads at once,
// visit(worker, record) telling which thread calls (see
// scanBlockRecordsPerWorker). The caller's thread asks every kPollRecords
// records whether the query is still wanted, with the records read so far
// (a block's records are counted when it is opened, so the figure covers
// every record visited); the other thread stops at its next block once it
// is not. `relevant` drops records that cannot count before the (costlier)
// filter is asked. `columns`: what `relevant` and `visit` read besides
// FlowSample's fields.
template <typename Relevant, typename Visit>
void scanSelected(CaseDb &caseDb, const StatsQuery &query, ColumnMask columns, Relevant relevant, Visit visit)
{
    const ColumnMask sampled = columnOf(Field::Packets) | columnOf(Field::Bytes) | columnOf(Field::Action)
        | columnOf(Field::Start) | columnOf(Field::End);
    const ColumnMask columnsRead = columns | sampled | (query.accept ? query.acceptColumns : 0);
    ScanPolls polls(query);
    const auto stillWanted = [&] { return polls.stillWanted(); };
    const auto opened = [&](std::size_t worker, std::size_t records) {
        if (!polls.opened(worker, records))
            throw StatsCancelled();
    };
    if (!query.accept) {
        // Every record of the blocks: each column decoded in one go, the
        // records put together from the columns.
        scanBlockColumnsPerWorker(caseDb, query.blocks, columnsRead,
                                  [&](std::size_t worker, std::int64_t, BlockColumns &block) {
                                      opened(worker, block.size());
                                      const ColumnRecords records(block, columnsRead);
                                      EncodedFlow flow;
                                      for (std::size_t slot = 0; slot < records.size(); ++slot) {
                                          if (worker == 0 && (slot + 1) % kPollRecords == 0 && !stillWanted())
                                              throw StatsCancelled();
                                          records.fill(slot, flow);
                                          if (relevant(flow))
                                              visit(worker, flow);
                                      }
                                  });
    } else {
        scanBlockRecordsPerWorker(caseDb, query.blocks, columnsRead,
                                  [&](std::size_t worker, std::int64_t, BlockRecordCursor &records) {
                                      opened(worker, records.size());
                                      std::uint64_t visited = 0;
                                      while (const EncodedFlow *flow = records.next()) {
                                          if (worker == 0 && ++visited % kPollRecords == 0 && !stillWanted())
                                              throw StatsCancelled();
                                          if (relevant(*flow) && query.accept(*flow))
                                              visit(worker, *flow);
                                      }
                                  });
    }
    polls.throwIfCancelled();
}

// The same for a query without a filter, handing each block opened a column
// at a time to visitBlock(worker, columns, stillWanted), which reads the
// records by slot and asks stillWanted() every kPollRecords records from
// worker 0 (a false answer: throw StatsCancelled).
template <typename VisitBlock>
void scanAllColumns(CaseDb &caseDb, const StatsQuery &query, ColumnMask columns, VisitBlock visitBlock)
{
    const ColumnMask columnsRead = columns | ColumnSamples::kColumns;
    ScanPolls polls(query);
    const auto stillWanted = [&] { return polls.stillWanted(); };
    scanBlockColumnsPerWorker(caseDb, query.blocks, columnsRead, [&](std::size_t worker, std::int64_t, BlockColumns &block) {
        if (!polls.opened(worker, block.size()))
            throw StatsCancelled();
        visitBlock(worker, block, stillWanted);
    });
    polls.throwIfCancelled();
}

template <typename Table, typename KeyLess>
std::vector<std::size_t> firstRows(const Table &table, const StatsQuery &query, KeyLess keyLess)
{
    return selectTop(
        table.size(), query.top, [&](std::size_t i) { return table.at(i).rank(query.order, query.direction); },
        [&](std::size_t i, std::size_t j) { return keyLess(table.at(i).key, table.at(j).key); });
}

bool conversationLess(const AddressWords &words, const ConversationWords &x, const ConversationWords &y)
{
    if (x.a != y.a || x.wordA().v6 != y.wordA().v6)
        return words.less(x.wordA(), y.wordA());
    if (x.b != y.b || x.wordB().v6 != y.wordB().v6)
        return words.less(x.wordB(), y.wordB());
    return std::pair(x.protocol(), x.port()) < std::pair(y.protocol(), y.port());
}

StatsTable<Endpoint> addressEndpoints(CaseDb &caseDb, const StatsQuery &query)
{
    AddressWords words;
    PartitionedStatsTables<StatsEntry<EndpointWord>, FlowSample> table;
    auto count = [&](std::size_t worker, const IpAddress &address, const FlowSample &sample) {
        const AddressWord word = words.wordOf(address);
        table.add(worker, {word.value, word.v6}, sample);
    };
    scanSelected(
        caseDb, query, columnOf(Field::SrcAddr) | columnOf(Field::DstAddr), [](const EncodedFlow &) { return true; },
        [&](std::size_t worker, const EncodedFlow &flow) {
            const FlowSample sample = FlowSample::of(flow);
            // An address is an endpoint of every flow it sends or receives.
            if (flow.has(Field::SrcAddr))
                count(worker, flow.srcAddr, sample);
            if (flow.has(Field::DstAddr) && !(flow.has(Field::SrcAddr) && flow.dstAddr == flow.srcAddr))
                count(worker, flow.dstAddr, sample);
        });
    table.join();
    StatsTable<Endpoint> out;
    out.total = table.size();
    for (const std::size_t i : firstRows(table, query, [&](const EndpointWord &x, const EndpointWord &y) {
             return words.less({x.value, x.v6 != 0}, {y.value, y.v6 != 0});
         })) {
        const auto &entry = table.at(i);
        out.rows.push_back({words.address({entry.key.value, entry.key.v6 != 0}).toString(), entry.totals()});
    }
    return out;
}

StatsTable<Endpoint> interfaceEndpoints(CaseDb &caseDb, const StatsQuery &query)
{
    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(caseDb.handle());
    interfaces.load(caseDb.handle(), strings);
    // Per interface context first (a dense id), then per ENI, since several
    // contexts can share one ENI.
    // A table a scanning thread, then added together.
    std::vector<std::vector<StatsEntry<std::uint32_t>>> byWorker(
        kScanWorkers, std::vector<StatsEntry<std::uint32_t>>(interfaces.size() + 1));
    scanSelected(
        caseDb, query, columnOf(Field::InterfaceId), [](const EncodedFlow &flow) { return flow.interface != 0; },
        [&](std::size_t worker, const EncodedFlow &flow) {
            byWorker[worker][flow.interface].add(FlowSample::of(flow));
        });
    std::vector<StatsEntry<std::uint32_t>> &byInterface = byWorker[0];
    for (std::size_t worker = 1; worker < kScanWorkers; ++worker)
        for (std::size_t id = 0; id < byInterface.size(); ++id)
            if (byWorker[worker][id].flows() != 0)
                byInterface[id].add(byWorker[worker][id]);
    std::vector<StatsEntry<std::uint32_t>> byEni;
    std::vector<std::size_t> eniIndex(strings.size() + 1, SIZE_MAX);
    for (std::uint32_t id = 1; id <= interfaces.size(); ++id) {
        const std::uint32_t eni = interfaces.key(id)[0]; // interface-id comes first
        if (eni == 0 || byInterface[id].flows() == 0)
            continue;
        if (eniIndex[eni] == SIZE_MAX) {
            eniIndex[eni] = byEni.size();
            byEni.emplace_back().key = eni;
        }
        byEni[eniIndex[eni]].add(byInterface[id]);
    }
    StatsTable<Endpoint> out;
    out.total = byEni.size();
    const auto order = selectTop(
        byEni.size(), query.top, [&](std::size_t i) { return byEni[i].rank(query.order, query.direction); },
        [&](std::size_t i, std::size_t j) { return strings.value(byEni[i].key) < strings.value(byEni[j].key); });
    for (const std::size_t i : order)
        out.rows.push_back({strings.value(byEni[i].key), byEni[i].totals()});
    return out;
}

} // namespace

std::string_view statsOrderName(StatsOrder order)
{
    for (const auto &[value, name] : kOrderNames)
        if (value == order)
            return name;
    return "bytes";
}

std::optional<StatsOrder> parseStatsOrder(std::string_view name)
{
    std::string dashed(name); // "first_seen", as the output's columns are named, is "first-seen"
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    for (const auto &[value, known] : kOrderNames)
        if (dashed == known)
            return value;
    return std::nullopt;
}

SortDirection defaultDirection(StatsOrder order)
{
    return order == StatsOrder::FirstSeen || order == StatsOrder::LastSeen ? SortDirection::Ascending
                                                                            : SortDirection::Descending;
}

StatsTable<Conversation> conversationStats(CaseDb &caseDb, ConversationKey key, const StatsQuery &query)
{
    const bool service = key == ConversationKey::AddressesProtocolPort;
    AddressWords words;
    PartitionedStatsTables<StatsEntry<ConversationWords>, FlowSample> table;
    const ColumnMask serviceColumns = columnOf(Field::Protocol) | columnOf(Field::SrcPort) | columnOf(Field::DstPort);
    const ColumnMask columns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | (service ? serviceColumns : 0);
    // A record's key from its addresses and, by service, its protocol and
    // ports (nothing where the record lacks them).
    const auto keyOf = [&](const IpAddress &srcAddr, const IpAddress &dstAddr, const std::uint8_t *protocol,
                           const std::uint16_t *srcPort, const std::uint16_t *dstPort) {
        // Two IPv4 addresses compare as their words (most records).
        const AddressWord src = srcAddr.isV4() ? v4Word(srcAddr) : words.wordOf(srcAddr);
        const AddressWord dst = dstAddr.isV4() ? v4Word(dstAddr) : words.wordOf(dstAddr);
        const bool srcFirst = !src.v6 && !dst.v6 ? src.value <= dst.value : !addressLess(dstAddr, srcAddr);
        const AddressWord a = srcFirst ? src : dst;
        const AddressWord b = srcFirst ? dst : src;
        ConversationWords slotKey{a.value, b.value,
                                  (a.v6 ? ConversationWords::kAIsV6 : 0U) | (b.v6 ? ConversationWords::kBIsV6 : 0U)};
        if (protocol)
            slotKey.extra |= ConversationWords::kHasProtocol | std::uint32_t(*protocol) << 8;
        if (srcPort && dstPort)
            slotKey.extra |= ConversationWords::kHasPort | std::uint32_t(std::min(*srcPort, *dstPort)) << 16;
        return slotKey;
    };
    if (!query.accept) {
        // Every record: keys and samples read from the columns by slot.
        scanAllColumns(caseDb, query, columns, [&](std::size_t worker, BlockColumns &block, const auto &stillWanted) {
            const ColumnSamples samples(block);
            const std::uint64_t *hasSrc = block.presence(Field::SrcAddr);
            const std::uint64_t *hasDst = block.presence(Field::DstAddr);
            const IpAddress *srcs = block.addresses(Field::SrcAddr);
            const IpAddress *dsts = block.addresses(Field::DstAddr);
            const std::uint64_t *hasProtocol = service ? block.presence(Field::Protocol) : nullptr;
            const std::uint64_t *hasSrcPort = service ? block.presence(Field::SrcPort) : nullptr;
            const std::uint64_t *hasDstPort = service ? block.presence(Field::DstPort) : nullptr;
            const std::uint64_t *protocols = service ? block.integers(Field::Protocol) : nullptr;
            const std::uint64_t *srcPorts = service ? block.integers(Field::SrcPort) : nullptr;
            const std::uint64_t *dstPorts = service ? block.integers(Field::DstPort) : nullptr;
            for (std::size_t slot = 0; slot < block.size(); ++slot) {
                if (worker == 0 && (slot + 1) % kPollRecords == 0 && !stillWanted())
                    throw StatsCancelled();
                const std::size_t word = slot / 64;
                const std::uint64_t bit = std::uint64_t(1) << (slot % 64);
                if (!(hasSrc[word] & hasDst[word] & bit))
                    continue; // NODATA / SKIPDATA: no conversation
                std::uint8_t protocol = 0;
                std::uint16_t srcPort = 0, dstPort = 0;
                bool withProtocol = false, withPorts = false;
                if (service) {
                    protocol = static_cast<std::uint8_t>(protocols[slot]);
                    srcPort = static_cast<std::uint16_t>(srcPorts[slot]);
                    dstPort = static_cast<std::uint16_t>(dstPorts[slot]);
                    withProtocol = hasProtocol[word] & bit;
                    withPorts = hasSrcPort[word] & hasDstPort[word] & bit;
                }
                const ConversationWords recordKey = keyOf(srcs[slot], dsts[slot], withProtocol ? &protocol : nullptr,
                                                    withPorts ? &srcPort : nullptr, withPorts ? &dstPort : nullptr);
                table.add(worker, recordKey, recordKey.hash(), samples.at(slot));
            }
        });
    } else {
        scanSelected(
            caseDb, query, columns,
            // NODATA / SKIPDATA: no conversation
            [](const EncodedFlow &flow) { return flow.has(Field::SrcAddr) && flow.has(Field::DstAddr); },
            [&](std::size_t worker, const EncodedFlow &flow) {
                const bool withPorts = service && flow.has(Field::SrcPort) && flow.has(Field::DstPort);
                const ConversationWords recordKey = keyOf(flow.srcAddr, flow.dstAddr,
                                                    service && flow.has(Field::Protocol) ? &flow.protocol : nullptr,
                                                    withPorts ? &flow.srcPort : nullptr, withPorts ? &flow.dstPort : nullptr);
                table.add(worker, recordKey, recordKey.hash(), FlowSample::of(flow));
            });
    }
    table.join();
    StatsTable<Conversation> out;
    out.total = table.size();
    for (const std::size_t i : firstRows(table, query, [&](const ConversationWords &x, const ConversationWords &y) {
             return conversationLess(words, x, y);
         })) {
        const auto &entry = table.at(i);
        out.rows.push_back({words.address(entry.key.wordA()), words.address(entry.key.wordB()), entry.key.protocol(),
                            entry.key.port(), entry.totals()});
    }
    return out;
}

StatsTable<Endpoint> endpointStats(CaseDb &caseDb, EndpointKey key, const StatsQuery &query)
{
    return key == EndpointKey::Interface ? interfaceEndpoints(caseDb, query) : addressEndpoints(caseDb, query);
}

std::vector<Conversation> topConversations(CaseDb &caseDb, ConversationKey key, std::size_t top, StatsOrder order,
                                           const RecordFilter &accept,
                                           const std::optional<std::vector<std::int64_t>> &blocks)
{
    return conversationStats(caseDb, key, {top, order, defaultDirection(order), accept, kAllColumns, blocks, {}}).rows;
}

std::vector<Endpoint> topEndpoints(CaseDb &caseDb, EndpointKey key, std::size_t top, StatsOrder order,
                                   const RecordFilter &accept,
                                   const std::optional<std::vector<std::int64_t>> &blocks)
{
    return endpointStats(caseDb, key, {top, order, defaultDirection(order), accept, kAllColumns, blocks, {}}).rows;
}

} // namespace flowscope
