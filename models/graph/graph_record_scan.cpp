// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_record_scan.h"

#include "flow_graph_builder.h"
#include "outside_groups.h"

#include "query/column_predicate.h"
#include "store/block_scan.h"
#include "store/record_match_set.h"

#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace flowscope::graph {

namespace {

constexpr ColumnMask kGraphColumns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort)
    | columnOf(Field::DstPort) | columnOf(Field::Action) | columnOf(Field::LogStatus) | columnOf(Field::Bytes)
    | columnOf(Field::Packets) | columnOf(Field::TcpFlags) | columnOf(Field::InterfaceId)
    | columnOf(Field::PktSrcAwsService) | columnOf(Field::PktDstAwsService);

// A record whose address had no number when the scan began.
struct Unnumbered {
    std::uint32_t eni = 0; // string id of the logging interface's id
    IpAddress src;
    IpAddress dst;
    std::uint32_t srcService = 0;
    std::uint32_t dstService = 0;
    FlowInitiator initiator = FlowInitiator::Unknown;
    LoggedDirection logged = LoggedDirection::Unknown;
    Traffic traffic;
};

// One thread's sums, partitioned by the key's hash: a record goes to its
// partition's queue, and a full queue is added to the partition's table.
// Each table holds a small share of the keys and stays in the core's cache
// while its queue is added, where one table of all keys (hundreds of
// thousands on an internet-facing estate) would miss the cache twice a record.
class WorkerSums {
public:
    static constexpr std::size_t kPartitionBits = 7;
    static constexpr std::size_t kQueued = 512;

    WorkerSums()
        : m_partitions(std::size_t(1) << kPartitionBits)
    {
    }

    void add(const SumKey &key, const Traffic &traffic)
    {
        Partition &partition = m_partitions[SumKeyHash()(key) >> (64 - kPartitionBits)];
        partition.queue.emplace_back(key, traffic);
        if (partition.queue.size() == kQueued)
            partition.flush();
    }

    // Every queue added; then the partitions' sums, partition by partition.
    void flush()
    {
        for (Partition &partition : m_partitions)
            partition.flush();
    }
    std::size_t partitions() const { return m_partitions.size(); }
    GraphSums &partition(std::size_t index) { return m_partitions[index].sums; }

    std::vector<Unnumbered> unnumbered;

private:
    struct Partition {
        std::vector<std::pair<SumKey, Traffic>> queue;
        GraphSums sums;
        void flush()
        {
            for (const auto &[key, traffic] : queue)
                sums[key] += traffic;
            queue.clear();
        }
    };
    std::vector<Partition> m_partitions;
};

// The sums of each thread that takes part, by thread.
class Workers {
public:
    WorkerSums &mine()
    {
        std::lock_guard lock(m_mutex);
        auto &sums = m_byThread[std::this_thread::get_id()];
        if (!sums)
            sums = std::make_unique<WorkerSums>();
        return *sums;
    }
    std::vector<WorkerSums *> all()
    {
        std::vector<WorkerSums *> out;
        for (auto &[thread, sums] : m_byThread)
            out.push_back(sums.get());
        return out;
    }

private:
    std::mutex m_mutex;
    std::map<std::thread::id, std::unique_ptr<WorkerSums>> m_byThread;
};

class RecordSummer {
public:
    // `whole`: keys as the totals have them (whole addresses, the logging
    // interface and its direction), else as the graph needs them.
    RecordSummer(const AddressNumbers &numbers, const ScanAddresses &addresses, bool whole)
        : m_numbers(numbers)
        , m_addresses(addresses)
        , m_whole(whole)
    {
    }

    bool whole() const { return m_whole; }

    void add(WorkerSums &worker, const IpAddress &src, const IpAddress &dst, std::uint32_t interface,
             std::uint32_t srcService, std::uint32_t dstService, FlowInitiator initiator, LoggedDirection logged,
             const Traffic &traffic) const
    {
        const std::uint32_t eni = interface < m_addresses.eniOfInterface.size() ? m_addresses.eniOfInterface[interface] : 0;
        SumKey key;
        if (m_whole) {
            key.src = m_numbers.find(src);
            key.dst = m_numbers.find(dst);
            if (key.src == AddressNumbers::kAbsent || key.dst == AddressNumbers::kAbsent) {
                worker.unnumbered.push_back({eni, src, dst, srcService, dstService, initiator, logged, traffic});
                return;
            }
            key.eni = eni;
            key.logged = logged;
            key.srcService = srcService;
            key.dstService = dstService;
            key.initiator = initiator;
            worker.add(key, traffic);
            return;
        }
        bool srcOwned = false;
        bool dstOwned = false;
        if (!numbered(src, srcService, key.src, srcOwned) || !numbered(dst, dstService, key.dst, dstOwned)) {
            worker.unnumbered.push_back({eni, src, dst, srcService, dstService, initiator, logged, traffic});
            return;
        }
        key.eni = srcOwned && dstOwned ? eni : 0; // which interface logged it matters only between two of them
        key.srcService = srcService;
        key.dstService = dstService;
        key.initiator = initiator;
        worker.add(key, traffic);
    }

private:
    // What a sum keeps of `address` as a number, and whether an interface
    // owns it; false when it has no number.
    bool numbered(const IpAddress &address, std::uint32_t service, std::uint32_t &kept, bool &owned) const
    {
        if (address.isV4()) {
            const std::uint32_t v4 = address.v4();
            const std::uint32_t own = m_addresses.ownedV4.find(v4);
            if (own != FlatIndex::kAbsent) {
                kept = own;
                owned = true;
                return true;
            }
            if (!service) {
                const std::uint32_t network = m_addresses.wholeNetworksV4.find(v4 & 0xFFFFFF00U);
                if (network != FlatIndex::kAbsent) {
                    kept = network;
                    owned = false;
                    return true;
                }
            }
        }
        const std::uint32_t number = m_numbers.find(address);
        if (number == AddressNumbers::kAbsent)
            return false;
        owned = m_addresses.owned[number];
        kept = owned ? number : keptOf(number, address, service);
        return true;
    }

    std::uint32_t keptOf(std::uint32_t number, const IpAddress &address, std::uint32_t service) const
    {
        if (!service)
            return m_addresses.kept[number];
        return m_addresses.groups->kept(address, service) == address ? number : m_addresses.network[number];
    }

    const AddressNumbers &m_numbers;
    const ScanAddresses &m_addresses;
    bool m_whole = false;
};

bool bit(const std::uint64_t *bits, std::size_t slot) { return (bits[slot / 64] >> (slot % 64)) & 1U; }

// A block's records in `keep` (a bit per slot), a column at a time.
void sumBlockColumns(BlockColumns &columns, BlockMatchBits keep, const RecordSummer &summer, WorkerSums &worker)
{
    const std::uint64_t *hasSrc = columns.presence(Field::SrcAddr);
    const std::uint64_t *hasDst = columns.presence(Field::DstAddr);
    bool any = false;
    for (std::size_t w = 0; w < keep.size(); ++w) {
        keep[w] &= hasSrc[w] & hasDst[w]; // the graph counts records with both addresses
        any = any || keep[w];
    }
    if (!any)
        return;
    const IpAddress *src = columns.addresses(Field::SrcAddr);
    const IpAddress *dst = columns.addresses(Field::DstAddr);
    const std::uint64_t *hasStatus = columns.presence(Field::LogStatus);
    const std::uint64_t *status = columns.integers(Field::LogStatus);
    const std::uint32_t *interfaces = columns.ids(Field::InterfaceId);
    const std::uint64_t *hasSrcService = columns.presence(Field::PktSrcAwsService);
    const std::uint64_t *hasDstService = columns.presence(Field::PktDstAwsService);
    const std::uint32_t *srcServices = columns.ids(Field::PktSrcAwsService);
    const std::uint32_t *dstServices = columns.ids(Field::PktDstAwsService);
    const std::uint64_t *hasBytes = columns.presence(Field::Bytes);
    const std::uint64_t *bytes = columns.integers(Field::Bytes);
    const std::uint64_t *hasPackets = columns.presence(Field::Packets);
    const std::uint64_t *packets = columns.integers(Field::Packets);
    const std::uint64_t *hasAction = columns.presence(Field::Action);
    const std::uint64_t *actions = columns.integers(Field::Action);
    const std::uint64_t *hasFlags = columns.presence(Field::TcpFlags);
    const std::uint64_t *flags = columns.integers(Field::TcpFlags);
    const std::uint64_t *hasSrcPort = columns.presence(Field::SrcPort);
    const std::uint64_t *srcPorts = columns.integers(Field::SrcPort);
    const std::uint64_t *hasDstPort = columns.presence(Field::DstPort);
    const std::uint64_t *dstPorts = columns.integers(Field::DstPort);
    const std::uint64_t *hasDirection = summer.whole() ? columns.presence(Field::FlowDirection) : nullptr;
    const std::uint64_t *directions = summer.whole() ? columns.integers(Field::FlowDirection) : nullptr;
    for (std::size_t w = 0; w < keep.size(); ++w) {
        for (std::uint64_t word = keep[w]; word; word &= word - 1) {
            const std::size_t slot = w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
            if (bit(hasStatus, slot) && static_cast<LogStatus>(status[slot]) != LogStatus::Ok)
                continue;
            Traffic t;
            t.flows = 1;
            t.bytes = bit(hasBytes, slot) ? bytes[slot] : 0;
            t.packets = bit(hasPackets, slot) ? packets[slot] : 0;
            if (bit(hasAction, slot))
                ++(static_cast<Action>(actions[slot]) == Action::Reject ? t.reject : t.accept);
            const FlowInitiator initiator = flowInitiator(bit(hasFlags, slot), flags[slot], bit(hasSrcPort, slot),
                                                          srcPorts[slot], bit(hasDstPort, slot), dstPorts[slot]);
            LoggedDirection logged = LoggedDirection::Unknown;
            if (summer.whole() && bit(hasDirection, slot))
                logged = static_cast<FlowDirection>(directions[slot]) == FlowDirection::Egress ? LoggedDirection::Egress
                                                                                                : LoggedDirection::Ingress;
            summer.add(worker, src[slot], dst[slot], interfaces[slot], bit(hasSrcService, slot) ? srcServices[slot] : 0,
                       bit(hasDstService, slot) ? dstServices[slot] : 0, initiator, logged, t);
        }
    }
}

} // namespace

GraphSums scanGraphSums(CaseDb &caseDb, const std::vector<std::int64_t> &blocks, const RecordMatchSet &matches,
                        SumsOf which, AddressNumbers &numbers, const ScanAddresses &addresses,
                        const std::function<bool()> &cancelled)
{
    Workers workers;
    const bool whole = which == SumsOf::RecordsLeftOut;
    const RecordSummer summer(numbers, addresses, whole);
    const ColumnMask columns = kGraphColumns | (whole ? columnOf(Field::FlowDirection) : 0);
    scanBlockColumnsConcurrently(caseDb, blocks, columns, [&](std::int64_t id, BlockColumns &block) {
        if (cancelled && cancelled())
            throw GraphCancelled();
        BlockMatchBits keep{};
        if (const RecordMatchSet::Block *matched = matches.block(id))
            keep = matched->bits;
        if (whole) { // the records the filter leaves out
            for (std::size_t slot = 0; slot < block.size(); ++slot)
                keep[slot / 64] ^= std::uint64_t(1) << (slot % 64);
        }
        sumBlockColumns(block, keep, summer, workers.mine());
    });
    // One table holds them all, partition by partition; then what had no
    // number, now numbered (no interface owns such an address: every owner
    // is numbered).
    GraphSums all;
    const std::vector<WorkerSums *> sums = workers.all();
    for (WorkerSums *worker : sums)
        worker->flush();
    if (!sums.empty()) {
        for (std::size_t p = 0; p < sums.front()->partitions(); ++p) {
            GraphSums partition = std::move(sums.front()->partition(p));
            for (std::size_t w = 1; w < sums.size(); ++w)
                for (const auto &[key, traffic] : sums[w]->partition(p))
                    partition[key] += traffic;
            for (const auto &[key, traffic] : partition)
                all[key] += traffic;
        }
    }
    for (WorkerSums *worker : workers.all()) {
        for (const Unnumbered &u : worker->unnumbered) {
            SumKey key;
            if (whole) {
                key.eni = u.eni;
                key.src = numbers.number(u.src);
                key.dst = numbers.number(u.dst);
                key.logged = u.logged;
                key.srcService = u.srcService;
                key.dstService = u.dstService;
                key.initiator = u.initiator;
                all[key] += u.traffic;
                continue;
            }
            const std::uint32_t s = numbers.find(u.src);
            const std::uint32_t d = numbers.find(u.dst);
            const bool srcOwned = s < addresses.owned.size() && addresses.owned[s];
            const bool dstOwned = d < addresses.owned.size() && addresses.owned[d];
            key.src = numbers.number(srcOwned ? u.src : addresses.groups->kept(u.src, u.srcService));
            key.dst = numbers.number(dstOwned ? u.dst : addresses.groups->kept(u.dst, u.dstService));
            key.eni = srcOwned && dstOwned ? u.eni : 0;
            key.srcService = u.srcService;
            key.dstService = u.dstService;
            key.initiator = u.initiator;
            all[key] += u.traffic;
        }
    }
    return all;
}

} // namespace flowscope::graph
