// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_graph_builder.h"

#include "graph_filters.h"

#include "explain/config_snapshot.h"
#include "explain/snapshot_store.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/graph_traffic_totals.h"

#include <QHash>
#include <QObject>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
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

struct AddressHash {
    std::size_t operator()(const IpAddress &a) const
    {
        // Two words mixed by multiplication: cheaper than a byte loop, as every record is hashed.
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        std::memcpy(&low, a.bytes.data(), 8);
        std::memcpy(&high, a.bytes.data() + 8, 8);
        std::uint64_t h = (low ^ static_cast<std::uint8_t>(a.family)) * 0x9E3779B97F4A7C15ULL;
        h = (h ^ (h >> 29) ^ high) * 0xBF58476D1CE4E5B9ULL;
        return h ^ (h >> 32);
    }
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

using Owners = std::unordered_map<IpAddress, QString, AddressHash>;

IpAddress networkOf(const IpAddress &address);

// The outside groups GraphOptions::expanded names, as the scan meets them.
struct ExpandedGroups {
    std::unordered_set<IpAddress, AddressHash> networks;
    std::unordered_set<std::uint32_t> services; // string ids
    bool keeps(const IpAddress &network, std::uint32_t service) const
    {
        return (service && services.count(service)) || (!service && networks.count(network));
    }
};

// What tells who owns an address (the claims addressOwners reads): flows
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
// address no interface in `owners` owns replaced by its /24 or /48.
void addTraffic(RawTraffic &raw, const Owners &owners, const ExpandedGroups &expanded, std::uint32_t eni,
                const IpAddress &src, const IpAddress &dst, std::uint32_t srcService, std::uint32_t dstService,
                Side initiator, const Traffic &traffic)
{
    RawKey key;
    key.eni = eni;
    key.srcService = srcService;
    key.dstService = dstService;
    const auto endpoint = [&owners, &expanded](const IpAddress &address, std::uint32_t service) {
        if (owners.count(address))
            return address;
        const IpAddress network = networkOf(address);
        return expanded.keeps(network, service) ? address : network;
    };
    key.src = endpoint(src, srcService);
    key.dst = endpoint(dst, dstService);
    // Which interface logged it matters only between two of them.
    if (!owners.count(key.src) || !owners.count(key.dst))
        key.eni = 0;
    key.initiator = initiator;
    raw[key] += traffic;
}

std::uint32_t eniOf(std::uint32_t interface, const InterfaceDictionary &interfaces)
{
    return interface && interface <= interfaces.size() ? interfaces.key(interface)[0] : 0;
}

// The records `filter` keeps, summed by addTraffic: a case has far fewer of
// these than records. With `owners` null, every record of the case, summed
// by addClaim.
RawTraffic scanRawTraffic(CaseDb &caseDb, const CaseFilter *filter, const InterfaceDictionary &interfaces,
                          const Owners *owners, const ExpandedGroups &expanded, const std::function<bool()> &cancelled)
{
    std::mutex mutex;
    RawTraffic all;
    const bool everything = !filter || filter->matchesEverything() || !filter->predicate();
    scanBlocksConcurrently(caseDb, filter ? filter->blocks() : std::nullopt, !owners ? kClaimColumns : kGraphColumns | (filter ? filter->columnsRead() : 0),
                           [&](std::int64_t, const std::vector<EncodedFlow> &rows) {
                               if (cancelled && cancelled())
                                   throw GraphCancelled();
                               RawTraffic local;
                               local.reserve(rows.size());
                               for (const EncodedFlow &flow : rows) {
                                   if (!isGraphFlow(flow) || (!everything && !filter->predicate()(flow)))
                                       continue;
                                   const std::uint32_t eni = eniOf(flow.interface, interfaces);
                                   if (!owners) {
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
                                   addTraffic(local, *owners, expanded, eni, flow.srcAddr, flow.dstAddr,
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

bool lessAddress(const IpAddress &a, const IpAddress &b)
{
    return std::tie(a.family, a.bytes) < std::tie(b.family, b.bytes);
}

QString text(const StringDictionary &strings, std::uint32_t id)
{
    return id ? QString::fromStdString(strings.value(id)) : QString();
}

// Address → the ENI that owns it: the snapshot's first, then the records'.
Owners addressOwners(const RawTraffic &raw, const StringDictionary &strings,
                                                                 const explain::ConfigSnapshot *snapshot)
{
    // Flows per (address, ENI) that say the ENI owns the address.
    std::unordered_map<IpAddress, std::map<std::uint32_t, std::uint64_t>, AddressHash> claims;
    // Without flow-direction: flows per ENI per address seen at either end.
    std::map<std::uint32_t, std::unordered_map<IpAddress, std::uint64_t, AddressHash>> seen;
    for (const auto &[key, traffic] : raw) {
        if (!key.eni)
            continue;
        if (key.logged == Logged::Egress)
            claims[key.src][key.eni] += traffic.flows;
        else if (key.logged == Logged::Ingress)
            claims[key.dst][key.eni] += traffic.flows;
        else {
            seen[key.eni][key.src] += traffic.flows;
            seen[key.eni][key.dst] += traffic.flows;
        }
    }
    for (const auto &[eni, counts] : seen) {
        const auto top = std::max_element(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second < b.second : lessAddress(b.first, a.first);
        });
        claims[top->first][eni] += top->second;
    }
    Owners owners;
    for (const auto &[address, byEni] : claims) {
        const auto best = std::max_element(byEni.begin(), byEni.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
        owners[address] = text(strings, best->first);
    }
    if (snapshot) {
        for (const auto &[id, eni] : snapshot->interfaces) {
            for (const explain::IpAddress &a : eni.privateIpv4)
                if (const auto parsed = flowscope::IpAddress::parse(a.toString().toStdString()))
                    owners[*parsed] = id;
            for (const explain::IpAddress &a : eni.ipv6)
                if (const auto parsed = flowscope::IpAddress::parse(a.toString().toStdString()))
                    owners[*parsed] = id;
        }
    }
    return owners;
}

IpAddress networkOf(const IpAddress &address)
{
    if (address.isV4())
        return IpAddress::fromV4(address.v4() & 0xFFFFFF00U);
    IpAddress network = address;
    std::fill(network.bytes.begin() + 6, network.bytes.end(), 0);
    return network;
}

QString prefixOf(const IpAddress &address)
{
    return QString::fromStdString(networkOf(address).toString()) + (address.isV4() ? QStringLiteral("/24") : QStringLiteral("/48"));
}

struct LevelNode {
    GraphNode node;
    NodeSelector selector;
};

class GraphAssembler {
public:
    GraphAssembler(const GraphOptions &options, const StringDictionary &strings, const InterfaceDictionary &interfaces)
        : m_options(options)
        , m_strings(strings)
        , m_snapshot(options.snapshot.get())
    {
        for (std::uint32_t id = 1; id <= interfaces.size(); ++id) {
            const InterfaceKey &key = interfaces.key(id);
            if (!key[0])
                continue;
            EniInfo &info = m_enis[text(strings, key[0])];
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
                EniInfo &info = m_enis[id];
                info.subnet = eni.subnetId.isEmpty() ? info.subnet : eni.subnetId;
                info.vpc = eni.vpcId.isEmpty() ? info.vpc : eni.vpcId;
                info.account = eni.ownerId.isEmpty() ? info.account : eni.ownerId;
                info.instance = eni.instanceId.isEmpty() ? info.instance : eni.instanceId;
            }
        }
    }

    FlowGraph assemble(const RawTraffic &raw, const Owners &owners)
    {
        for (const auto &[address, eni] : owners)
            m_enis[eni].addresses.insert(QString::fromStdString(address.toString()));
        const auto ownerOf = [&](const IpAddress &address) -> QString {
            const auto it = owners.find(address);
            return it == owners.end() ? QString() : it->second;
        };

        struct EdgeSums {
            Traffic traffic;
            std::uint64_t fromLow = 0; // records whose initiator is the lower id
            std::uint64_t fromHigh = 0;
        };
        QHash<std::pair<QString, QString>, EdgeSums> edges; // ordered later, by weight and ids
        const auto add = [&](const RawKey &key, const QString &srcEni, const QString &dstEni, const Traffic &traffic) {
            const QString a = nodeOf(srcEni, key.src, key.srcService);
            const QString b = nodeOf(dstEni, key.dst, key.dstService);
            const bool swapped = b < a;
            EdgeSums &sums = edges[swapped ? std::make_pair(b, a) : std::make_pair(a, b)];
            sums.traffic += traffic;
            if (key.initiator != Side::Unknown) {
                const bool fromA = key.initiator == Side::Source;
                ((fromA != swapped) ? sums.fromLow : sums.fromHigh) += traffic.flows;
            }
        };
        // Between two interfaces of the case the same flows are logged as
        // egress at the sender and ingress at the receiver: per address pair,
        // direction and initiator, the side that logged more of them counts.
        struct BothEnds {
            Traffic sender;
            Traffic receiver;
        };
        std::unordered_map<RawKey, BothEnds, RawKeyHash> bothEnds;
        std::size_t seen = 0;
        for (const auto &[key, traffic] : raw) {
            if (++seen % kCancelCheckEvery == 0 && m_options.cancelled && m_options.cancelled())
                throw GraphCancelled();
            const QString srcEni = ownerOf(key.src);
            const QString dstEni = ownerOf(key.dst);
            if (srcEni.isEmpty() || dstEni.isEmpty() || srcEni == dstEni) {
                add(key, srcEni, dstEni, traffic);
                continue;
            }
            const QString logger = text(m_strings, key.eni);
            if (logger != srcEni && logger != dstEni) { // logged on the way, by neither end
                add(key, srcEni, dstEni, traffic);
                continue;
            }
            RawKey pair = key;
            pair.eni = 0;
            BothEnds &ends = bothEnds[pair];
            (logger == srcEni ? ends.sender : ends.receiver) += traffic;
        }
        for (const auto &[key, ends] : bothEnds)
            add(key, ownerOf(key.src), ownerOf(key.dst), ends.sender.flows >= ends.receiver.flows ? ends.sender : ends.receiver);

        // A case node's records are also those logged at the other end of its addresses.
        for (const auto &[group, enis] : m_members) {
            std::set<QString> addresses;
            for (const QString &eni : enis)
                addresses.insert(m_enis[eni].addresses.begin(), m_enis[eni].addresses.end());
            for (const QString &address : addresses)
                m_nodes.at(group).selector.addresses << address;
        }

        // Node totals: every edge that touches the node, once.
        for (auto it = edges.cbegin(); it != edges.cend(); ++it) {
            const auto &ends = it.key();
            const EdgeSums &sums = it.value();
            m_nodes.at(ends.first).node.traffic += sums.traffic;
            if (ends.second != ends.first)
                m_nodes.at(ends.second).node.traffic += sums.traffic;
        }
        std::vector<LevelNode *> order;
        for (auto &[id, node] : m_nodes)
            order.push_back(&node);
        const GraphMetric metric = m_options.metric;
        std::sort(order.begin(), order.end(), [metric](const LevelNode *x, const LevelNode *y) {
            const auto wx = x->node.traffic.weight(metric);
            const auto wy = y->node.traffic.weight(metric);
            return wx != wy ? wx > wy : x->node.id < y->node.id;
        });

        FlowGraph graph;
        const std::size_t kept = std::min(order.size(), m_options.topNodes);
        std::set<QString> keptIds;
        QStringList keptFilters;
        for (std::size_t i = 0; i < kept; ++i) {
            order[i]->node.filter = order[i]->selector.expression();
            keptIds.insert(order[i]->node.id);
            keptFilters << order[i]->node.filter;
            graph.nodes.push_back(order[i]->node);
        }
        graph.nodesLeftOut = order.size() - kept;
        const QString more = QStringLiteral("more");
        std::map<QString, EdgeSums> toMore;
        for (auto it = edges.cbegin(); it != edges.cend(); ++it) {
            const auto &ends = it.key();
            const EdgeSums &sums = it.value();
            const bool keepFirst = keptIds.count(ends.first) > 0;
            const bool keepSecond = keptIds.count(ends.second) > 0;
            if (keepFirst && keepSecond) {
                GraphEdge edge;
                const bool directed = (sums.fromLow > 0) != (sums.fromHigh > 0);
                const bool reversed = directed && sums.fromHigh > 0;
                edge.source = reversed ? ends.second : ends.first;
                edge.target = reversed ? ends.first : ends.second;
                edge.directed = directed;
                edge.traffic = sums.traffic;
                edge.filter = edgeExpression(m_nodes.at(edge.source).selector, m_nodes.at(edge.target).selector);
                graph.edges.push_back(edge);
                continue;
            }
            graph.trafficLeftOut += sums.traffic;
            const QString inside = keepFirst ? ends.first : keepSecond ? ends.second : more;
            toMore[inside].traffic += sums.traffic;
        }
        if (graph.nodesLeftOut > 0) {
            GraphNode node;
            node.id = more;
            node.kind = NodeKind::More;
            node.label = QObject::tr("+%1 more").arg(graph.nodesLeftOut);
            QStringList folded;
            for (std::size_t i = kept; i < order.size(); ++i)
                folded << QLatin1Char('(') + order[i]->selector.expression() + QLatin1Char(')');
            node.filter = folded.join(QStringLiteral(" or "));
            for (const auto &[inside, sums] : toMore) {
                node.traffic += sums.traffic;
                GraphEdge edge;
                edge.source = inside;
                edge.target = more;
                edge.traffic = sums.traffic;
                if (inside == more) {
                    edge.filter = node.filter;
                } else {
                    QStringList others = keptFilters;
                    others.removeOne(m_nodes.at(inside).node.filter);
                    edge.filter = withoutExpression(m_nodes.at(inside).node.filter, others);
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

private:
    // The level node an endpoint belongs to, created on first sight.
    QString nodeOf(const QString &eni, const IpAddress &address, std::uint32_t service)
    {
        if (!eni.isEmpty())
            return caseNode(eni);
        const auto cached = m_outside.find({address, service});
        if (cached != m_outside.end())
            return cached->second;
        LevelNode node;
        const QString serviceGroup = service ? QStringLiteral("aws:") + text(m_strings, service) : QString();
        const QString group = service ? serviceGroup : prefixOf(address);
        if (m_options.expanded.count(group)) { // one node per address
            const QString name = QString::fromStdString(address.toString());
            node.node.id = name;
            node.node.kind = service ? NodeKind::AwsService : NodeKind::Outside;
            node.node.label = service ? QObject::tr("%1 (%2)").arg(name, text(m_strings, service)) : name;
            node.node.group = group;
            node.selector.addresses << name;
        } else if (service) {
            const QString name = text(m_strings, service);
            node.node.id = serviceGroup;
            node.node.kind = NodeKind::AwsService;
            node.node.label = QObject::tr("%1 (AWS)").arg(name);
            node.selector.service = name;
        } else {
            node.node.id = prefixOf(address);
            node.node.kind = NodeKind::Outside;
            node.node.label = node.node.id;
            node.selector.addresses << node.node.id;
        }
        const QString id = node.node.id;
        m_nodes.try_emplace(id, std::move(node));
        m_outside.emplace(std::make_pair(address, service), id);
        return id;
    }

    QString caseNode(const QString &eni)
    {
        const auto cached = m_caseNodes.constFind(eni);
        if (cached != m_caseNodes.cend())
            return cached.value();
        const QString group = levelNodeOf(eni);
        m_caseNodes.insert(eni, group);
        return group;
    }

    QString levelNodeOf(const QString &eni)
    {
        const EniInfo &info = m_enis[eni];
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
            group = eni, kind = NodeKind::Eni, field = QStringLiteral("interface-id");
        auto [it, created] = m_nodes.try_emplace(group);
        LevelNode &node = it->second;
        if (created) {
            node.node.id = group;
            node.node.kind = kind;
            node.node.label = labelOf(kind, group, info);
            if (kind == NodeKind::Eni) {
                node.node.subnet = info.subnet;
                node.node.vpc = info.vpc;
            }
            node.selector.field = field;
            node.selector.value = group;
        }
        m_members[group].insert(eni);
        return group;
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
    const explain::ConfigSnapshot *m_snapshot;
    std::map<QString, EniInfo> m_enis;
    std::unordered_map<QString, LevelNode> m_nodes; // ordered later, by weight and id
    std::map<QString, std::set<QString>> m_members; // level node → its interfaces
    QHash<QString, QString> m_caseNodes;             // interface → its level node
    struct OutsideHash {
        std::size_t operator()(const std::pair<IpAddress, std::uint32_t> &k) const { return AddressHash()(k.first) * 31 + k.second; }
    };
    std::unordered_map<std::pair<IpAddress, std::uint32_t>, QString, OutsideHash> m_outside; // outside node ids
};

} // namespace

Traffic &Traffic::operator+=(const Traffic &other)
{
    flows += other.flows;
    bytes += other.bytes;
    packets += other.packets;
    accept += other.accept;
    reject += other.reject;
    return *this;
}

FlowGraph buildFlowGraph(CaseDb &caseDb, const CaseFilter &filter, const GraphOptions &options)
{
    StringDictionary strings;
    strings.load(caseDb.handle());
    InterfaceDictionary interfaces;
    interfaces.load(caseDb.handle(), strings);
    // First who owns which address, from every record: an address belongs
    // to its interface even where the filter hides that interface's records.
    ExpandedGroups expanded;
    for (const QString &group : options.expanded) {
        if (group.startsWith(QStringLiteral("aws:"))) {
            if (const std::uint32_t id = strings.find(group.mid(4).toStdString()))
                expanded.services.insert(id);
        } else if (const auto network = IpAddress::parse(group.section(QLatin1Char('/'), 0, 0).toStdString())) {
            expanded.networks.insert(networkOf(*network));
        }
    }
    // The whole case: the totals kept beside the records hold both sums,
    // added up by the same functions as the records would be.
    const bool fromTotals = options.useStoredTotals && filter.matchesEverything() && !filter.blocks()
        && hasGraphTrafficTotals(caseDb.handle());
    Owners owners;
    RawTraffic raw;
    if (fromTotals) {
        std::vector<std::pair<GraphTrafficKey, Traffic>> totals;
        readGraphTrafficTotals(caseDb.handle(), [&](const GraphTrafficKey &key, const GraphTrafficSums &sums) {
            if (totals.size() % kCancelCheckEvery == 0 && options.cancelled && options.cancelled())
                throw GraphCancelled();
            Traffic t;
            t.flows = static_cast<std::uint64_t>(sums.flows);
            t.bytes = static_cast<std::uint64_t>(sums.bytes);
            t.packets = static_cast<std::uint64_t>(sums.packets);
            t.accept = static_cast<std::uint64_t>(sums.accepts);
            t.reject = static_cast<std::uint64_t>(sums.rejects);
            totals.emplace_back(key, t);
        });
        RawTraffic claims;
        for (const auto &[key, traffic] : totals)
            addClaim(claims, eniOf(key.interface, interfaces), key.direction, key.src, key.dst, traffic.flows);
        owners = addressOwners(claims, strings, options.snapshot.get());
        for (const auto &[key, traffic] : totals)
            addTraffic(raw, owners, expanded, eniOf(key.interface, interfaces), key.src, key.dst, key.srcService,
                       key.dstService, key.initiator, traffic);
    } else {
        owners = addressOwners(scanRawTraffic(caseDb, nullptr, interfaces, nullptr, expanded, options.cancelled),
                               strings, options.snapshot.get());
        raw = scanRawTraffic(caseDb, &filter, interfaces, &owners, expanded, options.cancelled);
    }
    if (options.cancelled && options.cancelled())
        throw GraphCancelled();
    return GraphAssembler(options, strings, interfaces).assemble(raw, owners);
}

std::shared_ptr<const explain::ConfigSnapshot> newestSnapshot(CaseDb &caseDb)
{
    const explain::SnapshotTimeline timeline = explain::loadSnapshotTimeline(caseDb);
    return timeline.isEmpty() ? nullptr : timeline.snapshots().back().snapshot;
}

} // namespace flowscope::graph
