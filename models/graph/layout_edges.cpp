// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout_edges.h"

#include <numeric>

namespace flowscope::graph {

namespace {

// Union-find over node indexes, with path halving.
class Components {
public:
    explicit Components(std::size_t count)
        : m_parent(count)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t(0));
    }
    std::size_t find(std::size_t node)
    {
        while (m_parent[node] != node)
            node = m_parent[node] = m_parent[m_parent[node]];
        return node;
    }
    // False when they were already one.
    bool join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        m_parent[b] = a;
        return true;
    }

private:
    std::vector<std::size_t> m_parent;
};

} // namespace

std::vector<std::size_t> layoutEdges(std::size_t nodeCount, const std::vector<std::pair<int, int>> &edges,
                                     const std::vector<bool> &isAnchor, std::size_t perNode)
{
    std::vector<std::size_t> chosen;
    const auto valid = [nodeCount](int node) { return node >= 0 && std::size_t(node) < nodeCount; };
    const auto anchor = [&isAnchor](int node) { return std::size_t(node) < isAnchor.size() && isAnchor[std::size_t(node)]; };
    if (edges.size() <= nodeCount * perNode) {
        chosen.resize(edges.size());
        std::iota(chosen.begin(), chosen.end(), std::size_t(0));
        return chosen;
    }
    std::vector<bool> keep(edges.size(), false);
    Components components(nodeCount);
    // Anchors first: they hold subnets and VPCs together whatever the traffic.
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const auto [a, b] = edges[e];
        if (valid(a) && valid(b) && (anchor(a) || anchor(b))) {
            keep[e] = true;
            components.join(std::size_t(a), std::size_t(b));
        }
    }
    std::vector<std::size_t> seen(nodeCount, 0); // edges met so far at each node, strongest first
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const auto [a, b] = edges[e];
        if (keep[e] || !valid(a) || !valid(b))
            continue;
        const bool strongest = seen[std::size_t(a)] < perNode || seen[std::size_t(b)] < perNode;
        ++seen[std::size_t(a)];
        ++seen[std::size_t(b)];
        // Kruskal's rule, strongest first: an edge that joins two parts is the strongest between them.
        const bool joins = components.join(std::size_t(a), std::size_t(b));
        keep[e] = strongest || joins;
    }
    for (std::size_t e = 0; e < edges.size(); ++e)
        if (keep[e])
            chosen.push_back(e);
    return chosen;
}

} // namespace flowscope::graph
