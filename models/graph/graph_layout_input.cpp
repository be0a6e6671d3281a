// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layout_input.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace flowscope::graph {

namespace {
const QString kAnchorPrefix = QStringLiteral("\x01"); // no node id starts so
constexpr double kPointsPerInch = 72.0;
constexpr double kAnchorInches = 0.05;
} // namespace

bool isLayoutAnchor(const QString &id) { return id.startsWith(kAnchorPrefix); }

LayoutRequest layoutRequestOf(const FlowGraph &graph, const std::vector<GraphNode> &extraNodes,
                              const std::vector<GraphEdge> &extraEdges, double charWidth)
{
    LayoutRequest request;
    request.charWidth = charWidth;
    QHash<QString, int> index;
    std::map<QString, std::vector<int>> subnets;
    std::map<QString, QString> vpcOfSubnet;
    const auto addNode = [&](const GraphNode &node) {
        if (index.contains(node.id))
            return;
        index.insert(node.id, int(request.nodes.size()));
        if (!node.subnet.isEmpty()) {
            subnets[node.subnet].push_back(int(request.nodes.size()));
            if (!node.vpc.isEmpty())
                vpcOfSubnet.emplace(node.subnet, node.vpc);
        }
        request.nodes << node.id;
        // The view's box: the layout keeps boxes apart only when it knows their widths.
        request.widths.push_back(nodeBoxWidth(node.label, charWidth) / kPointsPerInch);
    };
    for (const GraphNode &node : graph.nodes)
        addNode(node);
    for (const GraphNode &node : extraNodes)
        addNode(node);
    const auto addEdge = [&](const GraphEdge &edge) {
        if (index.contains(edge.source) && index.contains(edge.target) && edge.source != edge.target)
            request.edges.emplace_back(index.value(edge.source), index.value(edge.target));
    };
    for (const GraphEdge &edge : graph.edges)
        addEdge(edge);
    for (const GraphEdge &edge : extraEdges)
        addEdge(edge);
    const auto addAnchor = [&](const QString &name, const std::vector<int> &members) {
        const int anchor = int(request.nodes.size());
        request.nodes << kAnchorPrefix + name;
        request.widths.push_back(kAnchorInches);
        for (const int member : members)
            request.edges.emplace_back(anchor, member);
        return anchor;
    };
    // A VPC's subnets (their anchors, or a lone interface) are tied together the same way.
    std::map<QString, std::vector<int>> vpcParts;
    for (const auto &[subnet, members] : subnets) {
        const int part = members.size() < 2 ? members.front() : addAnchor(QStringLiteral("subnet:") + subnet, members);
        const auto vpc = vpcOfSubnet.find(subnet);
        if (vpc != vpcOfSubnet.end())
            vpcParts[vpc->second].push_back(part);
    }
    for (const auto &[vpc, parts] : vpcParts)
        if (parts.size() >= 2)
            addAnchor(QStringLiteral("vpc:") + vpc, parts);

    // The same as clusters, for a containment layout: VPCs, then their subnets.
    std::map<QString, int> vpcClusters;
    const auto labelOf = [&](const QString &id) {
        const auto named = graph.clusterLabels.find(id);
        return named == graph.clusterLabels.end() ? id : named->second;
    };
    const auto vpcCluster = [&](const QString &vpc) {
        const auto [it, created] = vpcClusters.try_emplace(vpc, int(request.clusters.size()));
        if (created)
            request.clusters.push_back({QStringLiteral("vpc:") + vpc, labelOf(vpc), -1, {}});
        return it->second;
    };
    for (const auto &[subnet, members] : subnets) {
        const auto vpc = vpcOfSubnet.find(subnet);
        const int parent = vpc == vpcOfSubnet.end() ? -1 : vpcCluster(vpc->second);
        request.clusters.push_back({QStringLiteral("subnet:") + subnet, labelOf(subnet), parent, members});
    }
    const auto vpcMember = [&](const GraphNode &node) { // in a VPC, subnet unknown
        if (node.subnet.isEmpty() && !node.vpc.isEmpty())
            request.clusters[std::size_t(vpcCluster(node.vpc))].members.push_back(index.value(node.id));
    };
    for (const GraphNode &node : graph.nodes)
        vpcMember(node);
    for (const GraphNode &node : extraNodes)
        if (std::none_of(graph.nodes.begin(), graph.nodes.end(), [&](const GraphNode &n) { return n.id == node.id; }))
            vpcMember(node);
    return request;
}

} // namespace flowscope::graph
