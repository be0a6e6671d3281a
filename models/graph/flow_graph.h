// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who talked to whom: the records a filter keeps, aggregated into nodes (the
// case's interfaces, or their subnets, VPCs or accounts, and outside peers
// grouped per IOC list, AWS service, /24 or /48) and the edges between them, bounded to
// the heaviest nodes so that a view can lay it out and draw it.

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace flowscope::graph {

enum class GraphLevel { Eni, Subnet, Vpc, Account };
enum class GraphMetric { Bytes, Flows };

std::optional<GraphLevel> graphLevelFromName(const QString &name); // "eni", "subnet", "vpc", "account"
QString graphLevelName(GraphLevel level);
std::optional<GraphMetric> graphMetricFromName(const QString &name); // "bytes", "flows"

enum class NodeKind {
    Eni,        // an interface of the case
    Subnet,     // the case's interfaces of one subnet (subnet level)
    Vpc,        // of one VPC (VPC level)
    Account,    // of one account (account level)
    Outside,    // outside addresses of one /24 (IPv4) or /48 (IPv6)
    AwsService, // outside addresses pkt-src/dst-aws-service names
    Ioc,        // outside addresses an IOC list of the case holds
    More,       // the nodes left out by the top N
};
QString nodeKindName(NodeKind kind); // "eni", "subnet", "vpc", "account", "outside", "aws-service", "ioc", "more"

struct Traffic {
    std::uint64_t flows = 0; // records counted (a flow logged at both ends once)
    std::uint64_t bytes = 0;
    std::uint64_t packets = 0;
    std::uint64_t accept = 0;
    std::uint64_t reject = 0;
    // Inline: the graph adds a few per summed row.
    Traffic &operator+=(const Traffic &other)
    {
        flows += other.flows;
        bytes += other.bytes;
        packets += other.packets;
        accept += other.accept;
        reject += other.reject;
        return *this;
    }
    Traffic &operator-=(const Traffic &other) // of a sum `other` is part of
    {
        flows -= other.flows;
        bytes -= other.bytes;
        packets -= other.packets;
        accept -= other.accept;
        reject -= other.reject;
        return *this;
    }
    std::uint64_t weight(GraphMetric metric) const { return metric == GraphMetric::Bytes ? bytes : flows; }
};

struct GraphNode {
    QString id;    // "eni-…", "subnet-…", "vpc-…", an account id, "198.51.100.0/24", "aws:S3", "ioc:NAME", "more"
    NodeKind kind = NodeKind::Eni;
    QString label; // the id with names from the records and the snapshot
    QString filter; // shows the node's records in the table
    Traffic traffic;
    QString subnet; // an interface's subnet and VPC (empty when unknown or not an interface):
    QString vpc;    // a view draws them as clusters around their interfaces
    QString group;  // the outside group (/24, /48, "aws:S3", "ioc:NAME") an expanded address belongs to
};

struct GraphEdge {
    QString source; // the initiating side when `directed`
    QString target;
    bool directed = false; // the records tell who initiated, and always the same side
    QString filter;
    Traffic traffic;
};

// The node's names, each once: its label, and its id in brackets only when
// the label does not already begin with it ("eni-1 (bastion)", "IOC: feed [ioc:feed]").
QString nodeTitle(const GraphNode &node);

struct FlowGraph {
    std::vector<GraphNode> nodes; // heaviest first, "more" last
    std::vector<GraphEdge> edges; // heaviest first
    // What the top N left out, folded into the "more" node.
    std::size_t nodesLeftOut = 0;
    Traffic trafficLeftOut; // of the edges that touch a node left out
    // The subnets and VPCs of the interfaces shown, by id: "subnet-1 (web-a)"
    // with the snapshot's Name tag, else the id.
    std::map<QString, QString> clusterLabels;
};

} // namespace flowscope::graph
