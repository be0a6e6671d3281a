// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster_separation.h"

#include "graph_geometry.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace flowscope::graph {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr double kGap = 12;    // between two blocks, so that boxes never touch
constexpr int kPasses = 100;        // of pairwise pushes before the sweep
constexpr double kNudge = 0.5;      // apart, for blocks that sit exactly on each other
constexpr double kTolerance = 0.01; // an overlap smaller than this is none (rounding)

bool isVpc(const LayoutCluster &cluster) { return cluster.name.startsWith(QStringLiteral("vpc:")); }

// The layout's view of the request: node boxes by index, clusters as a tree.
class Blocks {
public:
    Blocks(const LayoutRequest &request, std::map<QString, QPointF> &positions)
        : m_request(request)
        , m_at(std::size_t(request.nodes.size()), nullptr)
        , m_nodes(request.clusters.size())
        , m_children(request.clusters.size())
    {
        for (int i = 0; i < request.nodes.size(); ++i) {
            const auto it = positions.find(request.nodes[i]);
            if (it != positions.end())
                m_at[std::size_t(i)] = &it->second;
        }
        std::vector<bool> clustered(m_at.size(), false);
        for (std::size_t c = 0; c < request.clusters.size(); ++c) {
            const int parent = request.clusters[c].parent;
            if (parent >= 0 && std::size_t(parent) < request.clusters.size())
                m_children[std::size_t(parent)].push_back(int(c));
            else
                m_roots.push_back(int(c));
            for (const int member : request.clusters[c].members)
                if (member >= 0 && std::size_t(member) < m_at.size() && m_at[std::size_t(member)]) {
                    m_nodes[c].push_back(member);
                    clustered[std::size_t(member)] = true;
                }
        }
        for (std::size_t i = 0; i < m_at.size(); ++i)
            if (m_at[i] && !clustered[i] && !request.nodes[int(i)].startsWith(QChar(1))) // anchors are never drawn
                m_loose.push_back(int(i));
    }

    QRectF nodeRect(int node) const
    {
        const double width = std::size_t(node) < m_request.widths.size() ? m_request.widths[std::size_t(node)] * kPointsPerInch
                                                                         : 1.4 * kPointsPerInch;
        return nodeBox(*m_at[std::size_t(node)], width);
    }

    // Every node of cluster `c`, its subclusters' too.
    std::vector<int> allNodes(int c) const
    {
        std::vector<int> nodes = m_nodes[std::size_t(c)];
        for (const int child : m_children[std::size_t(c)]) {
            const std::vector<int> more = allNodes(child);
            nodes.insert(nodes.end(), more.begin(), more.end());
        }
        return nodes;
    }

    // The box drawn around cluster `c`; null when it has no node.
    QRectF box(int c) const
    {
        QRectF members;
        for (const int node : allNodes(c))
            members = members.isNull() ? nodeRect(node) : members.united(nodeRect(node));
        const LayoutCluster &cluster = m_request.clusters[std::size_t(c)];
        return members.isNull() ? members
                                : clusterBox(members, isVpc(cluster), clusterLabelWidth(cluster.label, m_request.charWidth));
    }

    bool seeded(int node) const { return m_request.seeds.count(m_request.nodes[node]) > 0; }

    void move(const std::vector<int> &nodes, QPointF by)
    {
        for (const int node : nodes)
            *m_at[std::size_t(node)] += by;
    }

    // Lays out cluster `c`'s insides (-1: the top) as disjoint blocks.
    void separate(int c)
    {
        const std::vector<int> &subclusters = c < 0 ? m_roots : m_children[std::size_t(c)];
        const std::vector<int> &direct = c < 0 ? m_loose : m_nodes[std::size_t(c)];
        std::vector<Block> blocks;
        for (const int child : subclusters) {
            separate(child);
            Block block;
            block.nodes = allNodes(child);
            if (block.nodes.empty())
                continue;
            block.box = box(child);
            blocks.push_back(std::move(block));
        }
        for (const int node : direct) {
            Block block;
            block.nodes = {node};
            block.box = nodeRect(node);
            blocks.push_back(std::move(block));
        }
        for (Block &block : blocks)
            block.fixed = std::any_of(block.nodes.begin(), block.nodes.end(), [this](int node) { return seeded(node); });
        pushApart(blocks);
    }

private:
    struct Block {
        std::vector<int> nodes;
        QRectF box;
        bool fixed = false; // holds a node placed before: moves only when the other does not
    };

    void shift(Block &block, QPointF by)
    {
        block.box.translate(by);
        move(block.nodes, by);
    }

    // How far apart two blocks must be along x and y, centre to centre.
    static QPointF needed(const Block &a, const Block &b)
    {
        return {(a.box.width() + b.box.width()) / 2 + kGap, (a.box.height() + b.box.height()) / 2 + kGap};
    }

    // How much two blocks overlap along x and y, gap included (both > 0: they do).
    static QPointF overlap(const Block &a, const Block &b)
    {
        const QPointF d = b.box.center() - a.box.center();
        const QPointF need = needed(a, b);
        return {need.x() - std::abs(d.x()), need.y() - std::abs(d.y())};
    }

    static bool overlapping(const Block &a, const Block &b)
    {
        const QPointF over = overlap(a, b);
        return over.x() > kTolerance && over.y() > kTolerance;
    }

    // Pairwise pushes along the axis of least overlap, the lighter block
    // moving more (a block placed before not at all, when the other was
    // not). What is still overlapping after that (pushes can go round in
    // circles between blocks that must not move) goes by a sweep from the
    // left: each block moved right past every block before it that it
    // overlaps, which always ends it.
    void pushApart(std::vector<Block> &blocks)
    {
        const std::size_t n = blocks.size();
        for (std::size_t i = 0; i < n; ++i) // exact twins cannot be told apart by direction
            for (std::size_t j = i + 1; j < n; ++j)
                if (blocks[i].box.center() == blocks[j].box.center())
                    shift(blocks[j], QPointF(kNudge * double(j - i), kNudge));
        bool moved = true;
        for (int pass = 0; pass < kPasses && moved; ++pass) {
            moved = false;
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t j = i + 1; j < n; ++j) {
                    Block &a = blocks[i];
                    Block &b = blocks[j];
                    if (!overlapping(a, b))
                        continue;
                    const QPointF d = b.box.center() - a.box.center();
                    const QPointF over = overlap(a, b) + QPointF(kTolerance, kTolerance);
                    const double massA = double(a.nodes.size());
                    const double massB = double(b.nodes.size());
                    const double shareA = a.fixed == b.fixed ? massB / (massA + massB) : a.fixed ? 0.0 : 1.0;
                    const QPointF push = over.x() < over.y() ? QPointF(d.x() < 0 ? -over.x() : over.x(), 0)
                                                             : QPointF(0, d.y() < 0 ? -over.y() : over.y());
                    shift(a, -push * shareA);
                    shift(b, push * (1 - shareA));
                    moved = true;
                }
            }
        }
        if (!moved)
            return;
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return blocks[x].box.left() != blocks[y].box.left() ? blocks[x].box.left() < blocks[y].box.left() : x < y;
        });
        for (std::size_t k = 1; k < n; ++k) {
            Block &b = blocks[order[k]];
            for (bool again = true; again;) {
                again = false;
                for (std::size_t m = 0; m < k; ++m) {
                    const Block &a = blocks[order[m]];
                    if (!overlapping(a, b))
                        continue;
                    shift(b, QPointF(a.box.right() + kGap - b.box.left(), 0));
                    again = true;
                }
            }
        }
    }

    const LayoutRequest &m_request;
    std::vector<QPointF *> m_at;                 // by node index, null without a position
    std::vector<std::vector<int>> m_nodes;       // per cluster, its own members
    std::vector<std::vector<int>> m_children;    // per cluster, its subclusters
    std::vector<int> m_roots;                    // clusters in no other
    std::vector<int> m_loose;                    // nodes in no cluster
};

} // namespace

std::vector<QRectF> clusterBoxes(const LayoutRequest &request, const std::map<QString, QPointF> &positions)
{
    std::map<QString, QPointF> copy = positions;
    const Blocks blocks(request, copy);
    std::vector<QRectF> boxes;
    for (std::size_t c = 0; c < request.clusters.size(); ++c)
        boxes.push_back(blocks.box(int(c)));
    return boxes;
}

void separateClusters(const LayoutRequest &request, std::map<QString, QPointF> &positions)
{
    if (request.clusters.empty())
        return;
    Blocks blocks(request, positions);
    blocks.separate(-1);
}

} // namespace flowscope::graph
