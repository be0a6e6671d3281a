// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_graph_builder.h"

#include "address_owners.h"
#include "flat_index.h"
#include "graph_filters.h"
#include "graph_record_scan.h"
#include "graph_sums.h"
#include "network_numbers.h"
#include "node_order.h"
#include "outside_groups.h"

#include "explain/config_snapshot.h"
#include "explain/snapshot_store.h"
#include "selection/case_filter.h"
#include "selection/match_collection.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/graph_total_runs.h"
#include "store/graph_traffic_totals.h"
#include "store/sqlite_handle.h"

#include <QObject>

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace flowscope::graph {

namespace {

constexpr std::size_t kAccountSlot = 1; // in kInterfaceFields
constexpr std::size_t kVpcSlot = 2;
constexpr std::size_t kSubnetSlot = 3;
constexpr std::size_t kInstanceSlot = 4;
constexpr std::size_t kCancelCheckEvery = 65536; // aggregated keys between two looks at a cancel
// The addresses of expanded groups drawn besides the top N: a /24 has at most
// 256, an AWS service or an IOC list's range can have many more.
constexpr std::size_t kExpandedAddressesShown = 500;

using Side = FlowInitiator;
using Logged = LoggedDirection;

// The records of one interface between two addresses, summed: a case has
// far fewer of these than records.
struct RawKey {
    std::uint32_t eni = 0; // string id of the interface-id, 0 when none
    IpAddress src;
    IpAddress dst;
    std::uint32_t srcService = 0;
    std::uint32_t dstService = 0;
    Logged logged = Logged::Unknown;
    Side initiator = Side::Unknown;
    friend bool operator==(const RawKey &, const RawKey &) = default;
};

struct RawKeyHash {
    std::size_t operator()(const RawKey &k) const
    {
        const AddressHash address;
        std::size_t h = address(k.src) * 31 + address(k.dst);
        h = h * 31 + k.eni;
        h = h * 31 + k.srcService * 7 + k.dstService;
        return h * 31 + static_cast<std::size_t>(k.logged) * 3 + static_cast<std::size_t>(k.initiator);
    }
};

using RawTraffic = std::unordered_map<RawKey, Traffic, RawKeyHash>;

constexpr ColumnMask kGraphColumns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort)
    | columnOf(Field::DstPort) | columnOf(Field::Protocol) | columnOf(Field::Action) | columnOf(Field::LogStatus)
    | columnOf(Field::Bytes) | columnOf(Field::Packets) | columnOf(Field::TcpFlags) | columnOf(Field::FlowDirection)
    | columnOf(Field::InterfaceId) | columnOf(Field::PktSrcAwsService) | columnOf(Field::PktDstAwsService);

constexpr ColumnMask kClaimColumns = columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::LogStatus)
    | columnOf(Field::FlowDirection) | columnOf(Field::InterfaceId);

using OwnedAddresses = std::unordered_set<IpAddress, AddressHash>;

// What tells who owns an address (the claims OwnerClaims reads): flows
// per interface, logged direction and the address on the interface's side.
void addClaim(RawTraffic &claims, std::uint32_t eni, Logged logged, const IpAddress &src, const IpAddress &dst,
              std::uint64_t flows)
{
    RawKey key;
    key.eni = eni;
    key.logged = logged;
    if (logged != Logged::Ingress)
        key.src = src;
    if (logged != Logged::Egress)
        key.dst = dst;
    claims[key].flows += flows;
}

// Traffic summed per interface, addresses, services and initiator, an
// address none of `owned` replaced by what its outside group needs of it
// (its /24 or /48 mostly).
void addTraffic(RawTraffic &raw, const OwnedAddresses &owned, const OutsideGroups &groups, std::uint32_t eni,
                const IpAddress &src, const IpAddress &dst, std::uint32_t srcService, std::uint32_t dstService,
                Side initiator, const Traffic &traffic)
{
    RawKey key;
    key.eni = eni;
    key.srcService = srcService;
    key.dstService = dstService;
    const bool srcOwned = owned.count(src) > 0;
    const bool dstOwned = owned.count(dst) > 0;
    key.src = srcOwned ? src : groups.kept(src, srcService);
    key.dst = dstOwned ? dst : groups.kept(dst, dstService);
    // Which interface logged it matters only between two of them.
    if (!srcOwned || !dstOwned)
        key.eni = 0;
    key.initiator = initiator;
    raw[key] += traffic;
}

std::uint32_t eniOf(std::uint32_t interface, const InterfaceDictionary &interfaces)
{
    return interface && interface <= interfaces.size() ? interfaces.key(interface)[0] : 0;
}

// Every record the filter keeps decoded whole, tested and summed by
// addTraffic one at a time: the general path, which the column scan
// (scanGraphSums) answers as. With `owned` null, every record of the case,
// summed by addClaim.
RawTraffic scanRawTraffic(CaseDb &caseDb, const CaseFilter *filter, const InterfaceDictionary &interfaces,
                          const OwnedAddresses *owned, const OutsideGroups *groups, const std::function<bool()> &cancelled)
{
    std::mutex mutex;
    RawTraffic all;
    const bool everything = !filter || filter->matchesEverything() || !filter->predicate();
    scanBlocksConcurrently(caseDb, filter ? filter->blocks() : std::nullopt, !owned ? kClaimColumns : kGraphColumns | (filter ? filter->columnsRead() : 0),
                           [&](std::int64_t, const std::vector<EncodedFlow> &rows) {
                               if (cancelled && cancelled())
                                   throw GraphCancelled();
                               RawTraffic local;
                               local.reserve(rows.size());
                               for (const EncodedFlow &flow : rows) {
                                   if (!isGraphFlow(flow) || (!everything && !filter->predicate()(flow)))
                                       continue;
                                   const std::uint32_t eni = eniOf(flow.interface, interfaces);
                                   if (!owned) {
                                       Logged logged = Logged::Unknown;
                                       if (flow.has(Field::FlowDirection))
                                           logged = flow.direction == FlowDirection::Egress ? Logged::Egress : Logged::Ingress;
                                       addClaim(local, eni, logged, flow.srcAddr, flow.dstAddr, 1);
                                       continue;
                                   }
                                   Traffic t;
                                   t.flows = 1;
                                   t.bytes = flow.has(Field::Bytes) ? flow.bytes : 0;
                                   t.packets = flow.has(Field::Packets) ? flow.packets : 0;
                                   if (flow.has(Field::Action))
                                       ++(flow.action == Action::Reject ? t.reject : t.accept);
                                   addTraffic(local, *owned, *groups, eni, flow.srcAddr, flow.dstAddr,
                                              flow.has(Field::PktSrcAwsService) ? flow.pktSrcService : 0,
                                              flow.has(Field::PktDstAwsService) ? flow.pktDstService : 0,
                                              flowInitiator(flow), t);
                               }
                               std::lock_guard lock(mutex);
                               for (const auto &[key, traffic] : local)
                                   all[key] += traffic;
                           });
    return all;
}

// What the records and the snapshot say of one interface.
struct EniInfo {
    QString subnet;
    QString vpc;
    QString account;
    QString instance;
    std::set<QString> addresses; // owned, in text form
};

QString text(const StringDictionary &strings, std::uint32_t id)
{
    return id ? QString::fromStdString(strings.value(id)) : QString();
}

struct LevelNode {
    GraphNode node;
    NodeSelector selector;
};

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kByAddress = kNone - 1; // a network whose addresses are nodes or groups of their own

// Sums the traffic into nodes and edges told apart by numbers (interfaces
// by their position, outside groups by OutsideKey), and names only the
// nodes a graph shows or folds into "more": a case has some hundred
// interfaces and, facing the internet, hundreds of thousands of outside
// groups. The sums make the nodes' totals, which choose the nodes shown;
// only then are the edges between two nodes shown summed, from the sums
// kept in order, and what the others carry follows from the totals. A case
// facing the internet has hundreds of thousands of edges, nearly all of them
// to nodes folded into "more": summing each of them took a table larger
// than the caches, missed once a sum.
class GraphAssembler {
public:
    GraphAssembler(const GraphOptions &options, const StringDictionary &strings, const InterfaceDictionary &interfaces,
                   const AddressNumbers &numbers, const std::map<std::uint32_t, QString> &owners, const OutsideGroups &groups)
        : m_options(options)
        , m_strings(strings)
        , m_numbers(numbers)
        , m_groups(groups)
        , m_snapshot(options.snapshot.get())
    {
        for (std::uint32_t id = 1; id <= interfaces.size(); ++id) {
            const InterfaceKey &key = interfaces.key(id);
            if (!key[0])
                continue;
            const std::uint32_t eni = eniIndex(text(strings, key[0]));
            m_eniOfString.emplace(key[0], eni);
            EniInfo &info = m_enis[eni];
            const auto fill = [&](QString &field, std::size_t slot) {
                if (field.isEmpty())
                    field = text(strings, key[slot]);
            };
            fill(info.subnet, kSubnetSlot);
            fill(info.vpc, kVpcSlot);
            fill(info.account, kAccountSlot);
            fill(info.instance, kInstanceSlot);
        }
        if (m_snapshot) {
            for (const auto &[id, eni] : m_snapshot->interfaces) {
                EniInfo &info = m_enis[eniIndex(id)];
                info.subnet = eni.subnetId.isEmpty() ? info.subnet : eni.subnetId;
                info.vpc = eni.vpcId.isEmpty() ? info.vpc : eni.vpcId;
                info.account = eni.ownerId.isEmpty() ? info.account : eni.ownerId;
                info.instance = eni.instanceId.isEmpty() ? info.instance : eni.instanceId;
            }
        }
        for (const auto &[address, eni] : owners) {
            const std::uint32_t index = eniIndex(eni);
            if (m_owners.size() <= address)
                m_owners.resize(address + 1, kNone);
            m_owners[address] = index;
            m_enis[index].addresses.insert(QString::fromStdString(numbers.address(address).toString()));
        }
        m_caseNodes.assign(m_eniNames.size(), kNone);
    }

    // The interface (by position) that owns each numbered address, kNone for none.
    const std::vector<std::uint32_t> &owners() const { return m_owners; }

    // Room for the nodes of about `rows` sums (each makes at most two).
    void reserve(std::size_t rows)
    {
        m_nodes.reserve(rows);
        m_traffic.reserve(rows);
        m_weight.reserve(rows);
        m_light.reserve(rows);
        m_contributions.reserve(rows);
    }

    // Given, per address number, the weight of the sums it is on without a
    // service (before any is added): the networks too light to be among the
    // nodes shown, whose sums need not be kept for the edges. A network's
    // node weighs at most its addresses' weights (U) and at least half of
    // them (a sum has two ends); a network with U below the top N's
    // U/2 is outweighed by N nodes. A case facing the internet has a couple
    // of hundred thousand one-off networks: their sums were nearly all the
    // sums kept.
    void foldLightNetworks(const std::vector<std::uint64_t> &addressWeights)
    {
        if (!m_groups.keepsEveryNetworkWhole() || !m_options.expanded.empty() || m_options.topNodes == 0)
            return;
        coverNetworks();
        std::vector<std::uint64_t> most(m_networks.count(), 0); // U per network
        for (std::uint32_t a = 0; a < addressWeights.size() && a < m_networks.covered(); ++a) {
            if (ownerOf(a) == kNone) {
                const std::uint32_t network = m_networks.of(m_numbers, a);
                if (network >= most.size())
                    most.resize(network + 1, 0);
                most[network] += addressWeights[a];
            }
        }
        if (most.size() < m_options.topNodes)
            return;
        std::vector<std::uint64_t> least(most.size());
        for (std::size_t n = 0; n < most.size(); ++n)
            least[n] = most[n] / 2;
        const auto kth = least.begin() + static_cast<std::ptrdiff_t>(m_options.topNodes - 1);
        std::nth_element(least.begin(), kth, least.end(), std::greater<>());
        const std::uint64_t bar = *kth; // N networks weigh at least this
        m_lightNetworks.assign(most.size(), 0);
        for (std::size_t n = 0; n < most.size(); ++n)
            m_lightNetworks[n] = most[n] < bar;
    }

    // One sum of records: `eni` the string id of the interface that logged
    // them (0 when none), the addresses (numbers) whole or as
    // OutsideGroups::kept left them.
    void add(std::uint32_t eni, std::uint32_t src, std::uint32_t dst, std::uint32_t srcService,
             std::uint32_t dstService, Side initiator, const Traffic &traffic)
    {
        if (++m_added % kCancelCheckEvery == 0 && m_options.cancelled && m_options.cancelled())
            throw GraphCancelled();
        const std::uint32_t srcEni = ownerOf(src);
        const std::uint32_t dstEni = ownerOf(dst);
        if (srcEni != kNone && dstEni != kNone && srcEni != dstEni) {
            // Between two interfaces of the case the same flows are logged as
            // egress at the sender and ingress at the receiver: per address
            // pair, direction and initiator, the side that logged more of them counts.
            const auto logger = eni ? m_eniOfString.find(eni) : m_eniOfString.end();
            const std::uint32_t loggedBy = logger == m_eniOfString.end() ? kNone : logger->second;
            if (loggedBy == srcEni || loggedBy == dstEni) {
                SumKey pair;
                pair.src = src;
                pair.dst = dst;
                pair.srcService = srcService;
                pair.dstService = dstService;
                pair.initiator = initiator;
                BothEnds &ends = m_bothEnds[pair];
                (loggedBy == srcEni ? ends.sender : ends.receiver) += traffic;
                return;
            }
        }
        addEdge(nodeOf(srcEni, src, srcService), nodeOf(dstEni, dst, dstService), initiator, traffic);
    }

    FlowGraph assemble()
    {
        chooseShown();
        return assembleShown();
    }

private:
    // The nodes' totals are known, and with them the nodes shown: the
    // edges between two of them are summed.
    void chooseShown()
    {
        addBothEnds();
        // Heaviest first, by id among equals; a /24's id is written, not kept.
        NodeRanking ranking;
        ranking.reserve(m_nodes.size());
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            const Node &node = m_nodes[i];
            const std::uint64_t weight = m_weight[i];
            if (node.caseLevel != kNone) {
                ranking.add(weight, m_caseLevel[node.caseLevel].node.id);
            } else if (isV4Network(node)) {
                char id[kV4PrefixMaxSize];
                ranking.addAscii(weight, id, writeV4Prefix(node.outside.address.v4(), id));
            } else {
                ranking.add(weight, m_groups.idOf(node.outside));
            }
        }
        m_order = ranking.heaviestFirst();
        m_kept = keepExpandedAddresses(m_order);
        m_shownAt.assign(m_nodes.size(), kNone);
        for (std::size_t i = 0; i < m_kept; ++i) {
            if (m_light[m_order[i]])
                throw std::logic_error("graph: a network found too light to be shown is shown");
            m_shownAt[m_order[i]] = static_cast<std::uint32_t>(i);
        }
        m_shownChosen = true;
        for (const Contribution &c : m_contributions)
            if (m_shownAt[c.a] != kNone && m_shownAt[c.b] != kNone)
                addEdge(c.a, c.b, c.initiator, c.traffic);
        m_contributions = {};
    }

    FlowGraph assembleShown()
    {
        // A case node's records are also those logged at the other end of its addresses.
        for (const auto &[node, enis] : m_members) {
            std::set<QString> addresses;
            for (const std::uint32_t eni : enis)
                addresses.insert(m_enis[eni].addresses.begin(), m_enis[eni].addresses.end());
            for (const QString &address : addresses)
                m_caseLevel[m_nodes[node].caseLevel].selector.addresses << address;
        }
        const GraphMetric metric = m_options.metric;
        const std::vector<std::uint32_t> &order = m_order;
        const std::size_t kept = m_kept;
        const std::vector<std::uint32_t> &shownAt = m_shownAt;

        FlowGraph graph;
        std::vector<LevelNode> shown(m_nodes.size() > 0 ? kept : 0);
        QStringList keptFilters;
        for (std::size_t i = 0; i < kept; ++i) {
            LevelNode &node = shown[i];
            node = levelNode(order[i]);
            node.node.filter = node.selector.expression();
            keptFilters << node.node.filter;
            graph.nodes.push_back(node.node);
            if (!node.node.subnet.isEmpty())
                graph.clusterLabels.try_emplace(node.node.subnet, labelOf(NodeKind::Subnet, node.node.subnet, {}));
            if (!node.node.vpc.isEmpty())
                graph.clusterLabels.try_emplace(node.node.vpc, labelOf(NodeKind::Vpc, node.node.vpc, {}));
        }
        graph.nodesLeftOut = order.size() - kept;
        // What the edges between two nodes shown leave of a shown node's
        // total goes to "more", and what they leave of all traffic is left out.
        std::map<std::uint32_t, Traffic> toMore; // kNone: between two nodes left out
        graph.trafficLeftOut = m_total;
        for (std::size_t i = 0; i < kept; ++i)
            toMore[order[i]] = m_traffic[order[i]];
        for (const auto &[ends, sums] : m_edges) {
            auto [first, second] = split(ends);
            graph.trafficLeftOut -= sums.traffic;
            toMore[first] -= sums.traffic;
            if (second != first)
                toMore[second] -= sums.traffic;
            // The ends in the order of their ids, as the records would tell them.
            std::uint64_t fromFirst = sums.fromLow;
            std::uint64_t fromSecond = sums.fromHigh;
            if (shown[shownAt[second]].node.id < shown[shownAt[first]].node.id) {
                std::swap(first, second);
                std::swap(fromFirst, fromSecond);
            }
            const LevelNode &a = shown[shownAt[first]];
            const LevelNode &b = shown[shownAt[second]];
            GraphEdge edge;
            const bool directed = (fromFirst > 0) != (fromSecond > 0);
            const bool reversed = directed && fromSecond > 0;
            const LevelNode &source = reversed ? b : a;
            const LevelNode &target = reversed ? a : b;
            edge.source = source.node.id;
            edge.target = target.node.id;
            edge.directed = directed;
            edge.traffic = sums.traffic;
            edge.filter = edgeExpression(source.selector, target.selector);
            graph.edges.push_back(edge);
        }
        Traffic betweenLeftOut = graph.trafficLeftOut;
        for (const auto &[node, traffic] : toMore)
            betweenLeftOut -= traffic;
        toMore[kNone] = betweenLeftOut;
        // Every edge has flows: a node without any to "more" has no edge there.
        std::erase_if(toMore, [](const auto &entry) { return entry.second.flows == 0; });
        if (graph.nodesLeftOut > 0) {
            const QString more = QStringLiteral("more");
            GraphNode node;
            node.id = more;
            node.kind = NodeKind::More;
            node.label = QObject::tr("+%1 more").arg(graph.nodesLeftOut);
            node.filter = foldedExpression(order, kept);
            for (const auto &[inside, traffic] : toMore) {
                node.traffic += traffic;
                GraphEdge edge;
                edge.source = inside == kNone ? more : shown[shownAt[inside]].node.id;
                edge.target = more;
                edge.traffic = traffic;
                if (inside == kNone) {
                    edge.filter = node.filter;
                } else {
                    const QString &filter = shown[shownAt[inside]].node.filter;
                    QStringList others = keptFilters;
                    others.removeOne(filter);
                    edge.filter = withoutExpression(filter, others);
                }
                graph.edges.push_back(edge);
            }
            graph.nodes.push_back(node);
        }
        std::stable_sort(graph.edges.begin(), graph.edges.end(), [metric](const GraphEdge &x, const GraphEdge &y) {
            const auto wx = x.traffic.weight(metric);
            const auto wy = y.traffic.weight(metric);
            return wx != wy ? wx > wy : std::tie(x.source, x.target) < std::tie(y.source, y.target);
        });
        return graph;
    }

    struct EdgeSums {
        Traffic traffic;
        std::uint64_t fromLow = 0; // records whose initiator is the node of the lower number
        std::uint64_t fromHigh = 0;
    };
    struct BothEnds {
        Traffic sender;
        Traffic receiver;
    };
    // A level node: a case node (its GraphNode in m_caseLevel) or an outside group.
    struct Node {
        std::uint32_t caseLevel = kNone;
        OutsideKey outside;
        std::uint32_t seenService = 0; // the service of the address that made it
    };

    static bool isV4Network(const Node &node)
    {
        return node.caseLevel == kNone && node.outside.form == OutsideKey::Form::Network && node.outside.address.isV4();
    }

    std::uint32_t newNode(const Node &node)
    {
        m_nodes.push_back(node);
        m_traffic.emplace_back();
        m_weight.push_back(0);
        m_light.push_back(0);
        return static_cast<std::uint32_t>(m_nodes.size() - 1);
    }

    // An outside group as one number (form in the top bits), 0 for an IPv6 address of its own.
    static std::uint64_t packedKey(const OutsideKey &key)
    {
        const auto form = static_cast<std::uint64_t>(key.form) + 1;
        switch (key.form) {
        case OutsideKey::Form::Service:
        case OutsideKey::Form::Ioc:
            return form << 60 | key.group;
        case OutsideKey::Form::Network:
        case OutsideKey::Form::Address:
            if (key.address.isV4())
                return form << 60 | key.address.v4();
            if (key.form == OutsideKey::Form::Network) { // a /48: six bytes
                std::uint64_t bits = 0;
                for (std::size_t i = 0; i < 6; ++i)
                    bits = bits << 8 | key.address.bytes[i];
                return form << 60 | std::uint64_t(1) << 56 | bits;
            }
            break;
        }
        return 0;
    }

    // Puts the nodes shown first in `order` (heaviest first) and returns
    // how many: the top N, and besides them the addresses of the expanded
    // groups, which the analyst asked to see whatever their weight (up to
    // kExpandedAddressesShown of them, heaviest first).
    std::size_t keepExpandedAddresses(std::vector<std::uint32_t> &order) const
    {
        std::vector<std::uint32_t> shown, folded;
        std::size_t others = 0, addresses = 0;
        for (const std::uint32_t i : order) {
            const Node &node = m_nodes[i];
            const bool address = node.caseLevel == kNone && node.outside.form == OutsideKey::Form::Address;
            std::size_t &count = address ? addresses : others;
            if (count < (address ? kExpandedAddressesShown : m_options.topNodes)) {
                ++count;
                shown.push_back(i);
            } else {
                folded.push_back(i);
            }
        }
        order = std::move(shown);
        const std::size_t kept = order.size();
        order.insert(order.end(), folded.begin(), folded.end());
        return kept;
    }

    static std::pair<std::uint32_t, std::uint32_t> split(std::uint64_t ends)
    {
        return {static_cast<std::uint32_t>(ends >> 32), static_cast<std::uint32_t>(ends)};
    }

    std::uint32_t eniIndex(const QString &eni)
    {
        const auto [it, created] = m_eniIndex.try_emplace(eni, static_cast<std::uint32_t>(m_eniNames.size()));
        if (created) {
            m_eniNames.push_back(eni);
            m_enis.emplace_back();
        }
        return it->second;
    }

    std::uint32_t ownerOf(std::uint32_t address) const
    {
        return address < m_owners.size() ? m_owners[address] : kNone;
    }

    // Between two interfaces, the side that logged more.
    void addBothEnds()
    {
        for (const auto &[key, ends] : m_bothEnds)
            addEdge(nodeOf(ownerOf(key.src), key.src, key.srcService), nodeOf(ownerOf(key.dst), key.dst, key.dstService),
                    key.initiator, ends.sender.flows >= ends.receiver.flows ? ends.sender : ends.receiver);
    }

    // Before the nodes shown are chosen: the nodes' totals (every edge that
    // touches a node, once), the sum kept for later; after: the edges.
    void addEdge(std::uint32_t a, std::uint32_t b, Side initiator, const Traffic &traffic)
    {
        if (!m_shownChosen) {
            // A light network needs only its weight (its totals are never
            // shown): a smaller array, fewer cache misses.
            const std::uint64_t weight = traffic.weight(m_options.metric);
            m_weight[a] += weight;
            if (!m_light[a])
                m_traffic[a] += traffic;
            if (b != a) {
                m_weight[b] += weight;
                if (!m_light[b])
                    m_traffic[b] += traffic;
            }
            m_total += traffic;
            if (m_light[a] || m_light[b]) // never shown: no edge of its own
                return;
            // Sums come in key order: the same two nodes often come again at once
            // (the addresses of one /24 on one side), kept as one.
            if (!m_contributions.empty()) {
                Contribution &last = m_contributions.back();
                if (last.a == a && last.b == b && last.initiator == initiator) {
                    last.traffic += traffic;
                    return;
                }
            }
            m_contributions.push_back({a, b, initiator, traffic});
            return;
        }
        const bool swapped = b < a;
        const std::uint64_t ends = swapped ? (std::uint64_t(b) << 32 | a) : (std::uint64_t(a) << 32 | b);
        const auto [index, created] = m_edgeIndex.findOrInsert(ends, static_cast<std::uint32_t>(m_edges.size()));
        if (created)
            m_edges.emplace_back(ends, EdgeSums());
        EdgeSums &sums = m_edges[index].second;
        sums.traffic += traffic;
        if (initiator != Side::Unknown) {
            const bool fromA = initiator == Side::Source;
            ((fromA != swapped) ? sums.fromLow : sums.fromHigh) += traffic.flows;
        }
    }

    // The level node an endpoint belongs to, created on first sight.
    std::uint32_t nodeOf(std::uint32_t eni, std::uint32_t address, std::uint32_t service)
    {
        if (eni != kNone)
            return caseNode(eni);
        if (service) // rare: not worth remembering
            return outsideNode(m_numbers.address(address), service);
        // Most outside addresses are their /24 or /48: its node is found by
        // the network's number, in an array.
        if (address >= m_networks.covered())
            coverNetworks();
        const std::uint32_t number = m_networks.of(m_numbers, address);
        if (number >= m_networkNodes.size())
            m_networkNodes.resize(m_networks.count(), kNone);
        std::uint32_t &network = m_networkNodes[number];
        if (network == kNone) {
            const IpAddress whole = networkOf(m_numbers.address(address));
            if (m_groups.keepsNetworkWhole(whole)) { // its key, as OutsideGroups::keyOf makes it
                Node node;
                node.outside.form = OutsideKey::Form::Network;
                node.outside.address = whole;
                network = newNode(node);
                m_light[network] = number < m_lightNetworks.size() && m_lightNetworks[number];
            } else {
                network = kByAddress;
            }
        }
        if (network != kByAddress)
            return network;
        if (m_outsideOf.size() <= address)
            m_outsideOf.resize(std::max<std::size_t>(address + 1, m_numbers.size()), kNone);
        std::uint32_t &node = m_outsideOf[address];
        if (node == kNone)
            node = outsideNode(m_numbers.address(address), 0);
        return node;
    }

    void coverNetworks()
    {
        m_networks.cover(m_numbers);
        m_networkNodes.resize(m_networks.count(), kNone);
    }

    std::uint32_t outsideNode(const IpAddress &address, std::uint32_t service)
    {
        const OutsideKey key = m_groups.keyOf(address, service);
        const auto next = static_cast<std::uint32_t>(m_nodes.size());
        const std::uint64_t packed = packedKey(key);
        const auto [index, created] = packed ? m_outsidePacked.findOrInsert(packed, next)
                                             : [&] {
                                                   const auto [it, added] = m_outside.try_emplace(key, next);
                                                   return std::make_pair(it->second, added);
                                               }();
        if (created) {
            Node node;
            node.outside = key;
            node.seenService = service;
            newNode(node);
        }
        return index;
    }

    std::uint32_t caseNode(std::uint32_t eni)
    {
        if (m_caseNodes[eni] != kNone)
            return m_caseNodes[eni];
        const EniInfo &info = m_enis[eni];
        const QString &name = m_eniNames[eni];
        QString group;
        NodeKind kind = NodeKind::Eni;
        QString field = QStringLiteral("interface-id");
        switch (m_options.level) {
        case GraphLevel::Eni:
            break;
        case GraphLevel::Subnet:
            group = info.subnet, kind = NodeKind::Subnet, field = QStringLiteral("subnet-id");
            break;
        case GraphLevel::Vpc:
            group = info.vpc, kind = NodeKind::Vpc, field = QStringLiteral("vpc-id");
            break;
        case GraphLevel::Account:
            group = info.account, kind = NodeKind::Account, field = QStringLiteral("account-id");
            break;
        }
        if (group.isEmpty()) // not known at this level: the interface stands alone
            group = name, kind = NodeKind::Eni, field = QStringLiteral("interface-id");
        const auto [it, created] = m_caseGroups.try_emplace(group, static_cast<std::uint32_t>(m_nodes.size()));
        if (created) {
            LevelNode level;
            level.node.id = group;
            level.node.kind = kind;
            level.node.label = labelOf(kind, group, info);
            if (kind == NodeKind::Eni) {
                level.node.subnet = info.subnet;
                level.node.vpc = info.vpc;
            }
            level.selector.field = field;
            level.selector.value = group;
            Node node;
            node.caseLevel = static_cast<std::uint32_t>(m_caseLevel.size());
            m_caseLevel.push_back(level);
            newNode(node);
        }
        m_members[it->second].insert(eni);
        m_caseNodes[eni] = it->second;
        return it->second;
    }

    LevelNode levelNode(std::uint32_t index) const
    {
        const Node &node = m_nodes[index];
        if (node.caseLevel != kNone) {
            LevelNode level = m_caseLevel[node.caseLevel];
            level.node.traffic = m_traffic[index];
            return level;
        }
        const OutsideNodeText text = m_groups.text(node.outside, node.seenService);
        LevelNode level;
        level.node.id = text.id;
        level.node.kind = text.kind;
        level.node.label = text.label;
        level.node.group = text.group;
        if (!text.addresses.isEmpty())
            level.selector.addresses << text.addresses;
        level.selector.service = text.service;
        level.selector.iocList = text.iocList;
        level.node.traffic = m_traffic[index];
        return level;
    }

    // "(A) or (B) ...", the nodes from `from` on in `order`: what "more" holds.
    QString foldedExpression(const std::vector<std::uint32_t> &order, std::size_t from) const
    {
        // Hundreds of thousands of groups facing the internet: their texts
        // are measured first, then copied into one string made to size.
        const QStringView addressTest = u"(addr == ";
        const QStringView orText = u" or ";
        const auto network = [this](std::uint32_t node) { return isV4Network(m_nodes[node]); };
        std::string ids;                    // the /24s' ids, one after the other, in order
        std::vector<std::uint8_t> idSizes;  // and their lengths
        std::vector<QString> others; // the other nodes' tests (the selector's lists), in order
        qsizetype length = 0;
        for (std::size_t i = from; i < order.size(); ++i) {
            if (i > from)
                length += orText.size();
            if (network(order[i])) {
                char id[kV4PrefixMaxSize];
                const std::size_t size = writeV4Prefix(m_nodes[order[i]].outside.address.v4(), id);
                ids.append(id, size);
                idSizes.push_back(static_cast<std::uint8_t>(size));
                length += addressTest.size() + static_cast<qsizetype>(size) + 1;
                continue;
            }
            const Node &node = m_nodes[order[i]];
            if (node.caseLevel == kNone && node.outside.form == OutsideKey::Form::Network) // a /48
                others.push_back(addressTest.toString() + prefixOf(node.outside.address) + QLatin1Char(')'));
            else
                others.push_back(QLatin1Char('(') + levelNode(order[i]).selector.expression() + QLatin1Char(')'));
            length += others.back().size();
        }
        QString folded(length, Qt::Uninitialized);
        QChar *out = folded.data();
        const auto put = [&out](QStringView text) {
            std::copy(text.begin(), text.end(), out);
            out += text.size();
        };
        auto other = others.begin();
        const char *id = ids.data();
        auto idSize = idSizes.begin();
        for (std::size_t i = from; i < order.size(); ++i) {
            if (i > from)
                put(orText);
            if (network(order[i])) {
                put(addressTest);
                for (const char *end = id + *idSize++; id != end; ++id)
                    *out++ = QLatin1Char(*id);
                put(u")");
            } else {
                put(*other++);
            }
        }
        return folded;
    }

    QString labelOf(NodeKind kind, const QString &id, const EniInfo &info) const
    {
        QStringList names;
        if (kind == NodeKind::Eni) {
            const explain::NetworkInterface *eni = m_snapshot ? explain::findById(m_snapshot->interfaces, id) : nullptr;
            const explain::Instance *instance =
                m_snapshot && !info.instance.isEmpty() ? explain::findById(m_snapshot->instances, info.instance) : nullptr;
            if (instance && !instance->name.isEmpty())
                names << instance->name;
            else if (!info.instance.isEmpty())
                names << info.instance;
            if (eni && !eni->description.isEmpty() && names.isEmpty())
                names << eni->description;
            if (eni && !eni->type.isEmpty() && eni->type != QStringLiteral("interface"))
                names << eni->type;
        } else if (kind == NodeKind::Subnet && m_snapshot) {
            names << m_snapshot->subnetName(id);
        } else if (kind == NodeKind::Vpc && m_snapshot) {
            if (const explain::Vpc *vpc = explain::findById(m_snapshot->vpcs, id))
                names << vpc->name;
        }
        names.removeAll(QString());
        return names.isEmpty() ? id : id + QStringLiteral(" (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
    }

    const GraphOptions &m_options;
    const StringDictionary &m_strings;
    const AddressNumbers &m_numbers;
    const OutsideGroups &m_groups;
    const explain::ConfigSnapshot *m_snapshot;
    std::size_t m_added = 0;
    // Interfaces by position.
    std::vector<QString> m_eniNames;
    std::vector<EniInfo> m_enis;
    std::unordered_map<QString, std::uint32_t> m_eniIndex;
    std::unordered_map<std::uint32_t, std::uint32_t> m_eniOfString; // string id → position
    std::vector<std::uint32_t> m_owners; // address number → interface position, kNone for none
    // Level nodes by number.
    std::vector<Node> m_nodes;
    std::vector<Traffic> m_traffic; // by node number: every edge's that touches it
    std::vector<std::uint64_t> m_weight; // by node number: its traffic's weight by the metric
    std::vector<std::uint8_t> m_light; // by node number: a network too light to be shown (m_traffic left empty)
    std::vector<std::uint8_t> m_lightNetworks; // by network number, see foldLightNetworks
    std::vector<LevelNode> m_caseLevel;
    std::vector<std::uint32_t> m_caseNodes;                     // interface → its level node
    std::unordered_map<QString, std::uint32_t> m_caseGroups;    // level node id → number
    std::map<std::uint32_t, std::set<std::uint32_t>> m_members; // level node → its interfaces
    NetworkNumbers m_networks;              // address number → its /24 or /48 as a number
    std::vector<std::uint32_t> m_networkNodes; // network number → its node, kByAddress where its addresses are looked up
    std::vector<std::uint32_t> m_outsideOf; // address number → its outside node seen without a service, looked up
    std::unordered_map<OutsideKey, std::uint32_t, OutsideKeyHash> m_outside; // IPv6 addresses of their own
    FlatIndex m_outsidePacked; // the outside groups packedKey() packs
    FlatIndex m_edgeIndex;     // low << 32 | high node number → position in m_edges (nodes shown only)
    std::vector<std::pair<std::uint64_t, EdgeSums>> m_edges;
    DenseHashMap<SumKey, BothEnds, SumKeyHash> m_bothEnds;
    Traffic m_total; // every edge's
    bool m_shownChosen = false;
    struct Contribution {
        std::uint32_t a = 0;
        std::uint32_t b = 0;
        Side initiator = Side::Unknown;
        Traffic traffic;
    };
    std::vector<Contribution> m_contributions; // every sum's edge, in order, until the nodes shown are chosen
    std::vector<std::uint32_t> m_order;  // heaviest first
    std::size_t m_kept = 0;              // of m_order, shown
    std::vector<std::uint32_t> m_shownAt; // node → its place in m_order when shown, kNone
};

} // namespace

FlowGraph buildFlowGraph(CaseDb &caseDb, const CaseFilter &filter, const GraphOptions &options)
{
    StringDictionary strings;
    strings.load(caseDb.handle());
    InterfaceDictionary interfaces;
    interfaces.load(caseDb.handle(), strings);
    const OutsideGroups groups(options.expanded, strings, caseIocGroupLists(caseDb));
    const bool haveTotals = options.useStoredTotals && hasGraphTrafficTotals(caseDb.handle());
    // The whole case: the totals kept beside the records hold both sums,
    // added up as the records would be.
    const bool fromTotals = haveTotals && filter.matchesEverything() && !filter.blocks();
    std::vector<std::uint32_t> eniOfInterface(interfaces.size() + 1, 0);
    for (std::uint32_t id = 1; id <= interfaces.size(); ++id)
        eniOfInterface[id] = interfaces.key(id)[0];
    // First who owns which address, from every record (or their totals):
    // an address belongs to its interface even where the filter hides that
    // interface's records. The totals' addresses are numbered on the way.
    AddressNumbers numbers;
    OwnerClaims claims;
    // A filter is tested first, on its own columns: where it keeps most
    // records, the graph is the totals less those it leaves out.
    const bool columnScan = options.columnScan && haveTotals && !fromTotals;
    std::shared_ptr<const RecordMatchSet> matches;
    std::vector<std::pair<std::int64_t, std::int64_t>> blocks; // id, records
    bool fromLeftOut = false;
    if (columnScan) {
        try {
            matches = collectMatches(caseDb, filter, options.cancelled);
        } catch (const MatchCollectionCancelled &) {
            throw GraphCancelled();
        }
        std::int64_t records = 0;
        Statement list(caseDb.handle(), "SELECT id, records FROM flow_block ORDER BY id");
        while (list.step()) {
            blocks.emplace_back(list.int64(0), list.int64(1));
            records += list.int64(1);
        }
        fromLeftOut = matches->total() * 2 > records;
    }
    // The totals kept beside the records, a row at a time; their
    // addresses are positions in the totals' sorted list, which become the
    // addresses' numbers as they are. Read once for the owners, and again
    // where the graph adds them up (reading is cheaper than keeping them).
    std::size_t storedRows = 0;
    std::optional<GraphTotalsReader> totals; // read again from the first row, its addresses decoded once
    const auto forEachTotal = [&](const auto &use) {
        if (!totals) {
            totals.emplace(caseDb.handle());
            numbers.adopt(totals->takeAddresses());
        } else {
            totals->rewind();
        }
        GraphTotalsReader &reader = *totals;
        storedRows = static_cast<std::size_t>(reader.storedRows());
        std::size_t rows = 0;
        GraphTotalRow row;
        while (reader.next(row)) {
            if (++rows % kCancelCheckEvery == 0 && options.cancelled && options.cancelled())
                throw GraphCancelled();
            SumKey key;
            key.eni = row.interface < eniOfInterface.size() ? eniOfInterface[row.interface] : 0;
            key.src = row.src;
            key.dst = row.dst;
            key.srcService = row.srcService;
            key.dstService = row.dstService;
            key.logged = row.direction;
            key.initiator = row.initiator;
            Traffic t;
            t.flows = static_cast<std::uint64_t>(row.sums.flows);
            t.bytes = static_cast<std::uint64_t>(row.sums.bytes);
            t.packets = static_cast<std::uint64_t>(row.sums.packets);
            t.accept = static_cast<std::uint64_t>(row.sums.accepts);
            t.reject = static_cast<std::uint64_t>(row.sums.rejects);
            use(key, t);
        }
    };
    // The whole case: each address's weight without a service, which tells
    // the networks too light to be shown (GraphAssembler::foldLightNetworks).
    std::vector<std::uint64_t> addressWeights;
    if (haveTotals && fromTotals) {
        forEachTotal([&](const SumKey &key, const Traffic &t) {
            claims.add(key.eni, key.logged, key.src, key.dst, t.flows);
            if (addressWeights.empty())
                addressWeights.resize(numbers.size(), 0);
            const std::uint64_t weight = t.weight(options.metric);
            if (!key.srcService)
                addressWeights[key.src] += weight;
            if (!key.dstService)
                addressWeights[key.dst] += weight;
        });
    } else if (haveTotals) {
        forEachTotal([&](const SumKey &key, const Traffic &t) { claims.add(key.eni, key.logged, key.src, key.dst, t.flows); });
    } else {
        for (const auto &[key, traffic] :
             scanRawTraffic(caseDb, nullptr, interfaces, nullptr, nullptr, options.cancelled))
            claims.add(key.eni, key.logged, key.logged != Logged::Ingress ? numbers.number(key.src) : 0,
                       key.logged != Logged::Egress ? numbers.number(key.dst) : 0, traffic.flows);
    }
    const std::map<std::uint32_t, QString> owners = claims.owners(numbers, strings, options.snapshot.get());
    GraphAssembler assembler(options, strings, interfaces, numbers, owners, groups);
    if (fromTotals) {
        assembler.reserve(storedRows);
        assembler.foldLightNetworks(addressWeights);
        addressWeights = {};
        forEachTotal([&](const SumKey &key, const Traffic &traffic) {
            assembler.add(key.eni, key.src, key.dst, key.srcService, key.dstService, key.initiator, traffic);
        });
    } else if (columnScan) {
        // Every address of the case is numbered: what the scan needs of
        // one is looked up by its number.
        ScanAddresses scan;
        scan.groups = &groups;
        scan.eniOfInterface = eniOfInterface; // the totals are read again below
        for (std::uint32_t n = 0; n < numbers.size(); ++n) { // the blocks are numbered on the way, after the addresses
            const IpAddress address = numbers.address(n);
            scan.network.push_back(numbers.number(networkOf(address)));
        }
        scan.owned.resize(numbers.size());
        scan.kept.resize(numbers.size());
        for (std::uint32_t n = 0; n < numbers.size(); ++n) {
            scan.owned[n] = n < assembler.owners().size() && assembler.owners()[n] != kNone;
            const IpAddress &address = numbers.address(n);
            const IpAddress kept = scan.owned[n] ? address : groups.kept(address, 0);
            scan.kept[n] = kept == address ? n : scan.network[n];
            if (address.isV4() && scan.owned[n])
                scan.ownedV4.findOrInsert(address.v4(), n);
        }
        for (std::uint32_t n = 0; n < numbers.size(); ++n) {
            const IpAddress &address = numbers.address(n);
            if (address.isV4() && !scan.owned[n] && scan.network[n] == n && groups.keepsNetworkWhole(address))
                scan.wholeNetworksV4.findOrInsert(address.v4(), n);
        }
        // The graph's columns of the blocks that matter: those with
        // matches, or, when the filter keeps most records, those with
        // records it leaves out, taken from the totals.
        std::vector<std::int64_t> scanned;
        for (const auto &[id, count] : blocks) {
            const RecordMatchSet::Block *matched = matches->block(id);
            const std::int64_t kept = matched ? matched->count : 0;
            if (fromLeftOut ? kept < count : kept > 0)
                scanned.push_back(id);
        }
        const GraphSums sums = scanGraphSums(caseDb, scanned, *matches,
                                             fromLeftOut ? SumsOf::RecordsLeftOut : SumsOf::Matches, numbers, scan,
                                             options.cancelled);
        if (fromLeftOut) {
            GraphSums kept;
            forEachTotal([&](const SumKey &key, const Traffic &traffic) { kept[key] += traffic; });
            for (const auto &[key, traffic] : sums) {
                Traffic &t = kept[key];
                t.flows -= traffic.flows;
                t.bytes -= traffic.bytes;
                t.packets -= traffic.packets;
                t.accept -= traffic.accept;
                t.reject -= traffic.reject;
            }
            assembler.reserve(kept.size());
            for (const auto &[key, traffic] : kept)
                if (traffic.flows > 0)
                    assembler.add(key.eni, key.src, key.dst, key.srcService, key.dstService, key.initiator, traffic);
        } else {
            assembler.reserve(sums.size());
            for (const auto &[key, traffic] : sums)
                assembler.add(key.eni, key.src, key.dst, key.srcService, key.dstService, key.initiator, traffic);
        }
    } else {
        OwnedAddresses owned;
        for (const auto &[address, eni] : owners)
            owned.insert(numbers.address(address));
        const RawTraffic raw = scanRawTraffic(caseDb, &filter, interfaces, &owned, &groups, options.cancelled);
        assembler.reserve(raw.size());
        for (const auto &[key, traffic] : raw)
            assembler.add(key.eni, numbers.number(key.src), numbers.number(key.dst), key.srcService, key.dstService,
                          key.initiator, traffic);
    }
    if (options.cancelled && options.cancelled())
        throw GraphCancelled();
    return assembler.assemble();
}

std::shared_ptr<const explain::ConfigSnapshot> newestSnapshot(CaseDb &caseDb)
{
    const explain::SnapshotTimeline timeline = explain::loadSnapshotTimeline(caseDb);
    return timeline.isEmpty() ? nullptr : timeline.snapshots().back().snapshot;
}

} // namespace flowscope::graph
