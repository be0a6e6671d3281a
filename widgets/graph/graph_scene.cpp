// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_scene.h"

#include "graph/graph_geometry.h"

#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSceneContextMenuEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace flowscope {

namespace {

constexpr double kFaded = 0.15;

double baseOpacity(BaselineMark mark) { return mark == BaselineMark::Gone ? 0.55 : 1.0; }

BaselineMark nodeMark(const GraphResult &result, const QString &id)
{
    return result.baseline && result.baseline->newNodes.count(id) ? BaselineMark::New : BaselineMark::None;
}

} // namespace

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::highlightNeighbours);
}

GraphScene::~GraphScene()
{
    // Deleting selected items reports a selection change: nothing left to highlight.
    m_nodes.clear();
    m_edges.clear();
    m_clusters.clear();
    blockSignals(true);
}

void GraphScene::showGraph(const GraphResult &result, const std::map<QString, QPointF> &pinned, const GraphColours &colours)
{
    clearSelection();
    m_pressed = nullptr;
    m_nodes.clear(); // before the items go: clearing reports selection changes
    m_edges.clear();
    m_clusters.clear();
    clear();
    m_colours = colours;
    m_charWidth = result.request.labelCharWidth; // as the layout sized the boxes
    const auto addNode = [&](const graph::GraphNode &node, BaselineMark mark) {
        auto *item = new GraphNodeItem(node, mark, m_colours, m_charWidth);
        const auto pin = pinned.find(node.id);
        const auto laid = result.layout.positions.find(node.id);
        item->setPos(pin != pinned.end() ? pin->second : laid != result.layout.positions.end() ? laid->second : QPointF());
        item->setPinned(pin != pinned.end());
        addItem(item);
        m_nodes.emplace(node.id, item);
    };
    for (const graph::GraphNode &node : result.graph.nodes)
        addNode(node, nodeMark(result, node.id));
    if (result.baseline)
        for (const graph::GraphNode &node : result.baseline->goneNodes)
            addNode(node, BaselineMark::Gone);

    // Widths spread over the edges' own range (on a log scale), so that a
    // filter whose edges are all alike does not draw them all at the widest.
    double lightest = std::numeric_limits<double>::max();
    double heaviest = 0;
    for (const graph::GraphEdge &edge : result.graph.edges) {
        const double weight = std::log1p(double(edge.traffic.weight(result.request.metric)));
        lightest = std::min(lightest, weight);
        heaviest = std::max(heaviest, weight);
    }
    const auto addEdge = [&](const graph::GraphEdge &edge, BaselineMark mark) {
        const auto source = m_nodes.find(edge.source);
        const auto target = m_nodes.find(edge.target);
        if (source == m_nodes.end() || target == m_nodes.end())
            return;
        // 1 to 7 pixels: a busy graph stays readable.
        const double weight = std::log1p(double(edge.traffic.weight(result.request.metric)));
        const double share = heaviest > lightest ? (weight - lightest) / (heaviest - lightest) : 0.25;
        auto *item = new GraphEdgeItem(edge, source->second, target->second, 1.0 + 6.0 * std::clamp(share, 0.0, 1.0), mark, m_colours);
        addItem(item);
        m_edges.push_back(item);
    };
    for (const graph::GraphEdge &edge : result.graph.edges)
        addEdge(edge, result.baseline && result.baseline->newEdges.count(graph::edgeEnds(edge)) ? BaselineMark::New
                                                                                                  : BaselineMark::None);
    if (result.baseline)
        for (const graph::GraphEdge &edge : result.baseline->goneEdges)
            addEdge(edge, BaselineMark::Gone);
    m_clusterLabels = result.graph.clusterLabels;
    if (result.request.level == graph::GraphLevel::Eni)
        drawClusters();
    setSceneRect(roomAround());
}

// Room around everything drawn (labels included), so that a zoomed view
// pans to each item at the edge and shows it whole.
QRectF GraphScene::roomAround() const
{
    constexpr double kRoom = 200;
    return itemsBoundingRect().adjusted(-kRoom, -kRoom, kRoom, kRoom);
}

void GraphScene::growSceneRect() { setSceneRect(sceneRect().united(roomAround())); }

void GraphScene::drawClusters()
{
    for (QGraphicsItem *cluster : m_clusters)
        delete cluster;
    m_clusters.clear();
    // The members' boxes, then the cluster's margins as the layout kept them apart (graph_geometry.h).
    std::map<QString, QRectF> subnets;
    std::map<QString, QRectF> vpcs;
    for (const auto &[id, item] : m_nodes) {
        const QRectF box = item->boundingRect().translated(item->pos());
        const graph::GraphNode &node = item->node();
        if (!node.subnet.isEmpty()) {
            QRectF &subnet = subnets[node.subnet];
            subnet = subnet.isNull() ? box : subnet.united(box);
        }
        if (!node.vpc.isEmpty()) {
            QRectF &vpc = vpcs[node.vpc];
            vpc = vpc.isNull() ? box : vpc.united(box);
        }
    }
    const auto labelOf = [this](const QString &id) {
        const auto named = m_clusterLabels.find(id);
        return named == m_clusterLabels.end() ? id : named->second;
    };
    const auto add = [this](const QString &label, const QRectF &members, bool outer) {
        const QRectF rect = graph::clusterBox(members, outer, graph::clusterLabelWidth(label, m_charWidth));
        m_clusters.push_back(new GraphClusterItem(label, rect, m_colours, outer ? 2 : 1));
        addItem(m_clusters.back());
        // The label over the edges (under the nodes), where busy edges would hide it.
        m_clusters.push_back(new GraphClusterLabelItem(label, rect, m_colours));
        addItem(m_clusters.back());
    };
    for (const auto &[id, members] : vpcs)
        add(labelOf(id), members, true);
    for (const auto &[id, members] : subnets)
        add(labelOf(id), members, false);
}

GraphNodeItem *GraphScene::nodeItem(const QString &id) const
{
    const auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second;
}

std::vector<GraphNodeItem *> GraphScene::nodeItems() const
{
    std::vector<GraphNodeItem *> items;
    for (const auto &[id, item] : m_nodes)
        items.push_back(item);
    return items;
}

std::vector<GraphEdgeItem *> GraphScene::edgeItems() const { return m_edges; }

std::map<QString, QPointF> GraphScene::positions() const
{
    std::map<QString, QPointF> positions;
    for (const auto &[id, item] : m_nodes)
        positions.emplace(id, item->pos());
    return positions;
}

GraphNodeItem *GraphScene::findNode(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return nullptr;
    for (const auto &[id, item] : m_nodes)
        if (item->node().label.contains(text.trimmed(), Qt::CaseInsensitive) || id.contains(text.trimmed(), Qt::CaseInsensitive))
            return item;
    return nullptr;
}

void GraphScene::highlightNeighbours()
{
    std::set<const QGraphicsItem *> lit;
    for (QGraphicsItem *item : selectedItems()) {
        lit.insert(item);
        if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(item)) {
            for (GraphEdgeItem *edge : node->edges())
                lit.insert({edge, edge->source(), edge->target()});
        } else if (auto *edge = qgraphicsitem_cast<GraphEdgeItem *>(item)) {
            lit.insert({edge->source(), edge->target()});
        }
    }
    for (const auto &[id, node] : m_nodes)
        node->setOpacity(lit.empty() || lit.count(node) ? baseOpacity(node->mark()) : kFaded);
    for (GraphEdgeItem *edge : m_edges)
        edge->setOpacity(lit.empty() || lit.count(edge) ? baseOpacity(edge->mark()) : kFaded);
}

QGraphicsItem *GraphScene::clickableAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == GraphNodeItem::Type || item->type() == GraphEdgeItem::Type)
            return item;
    return nullptr;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    m_pressed = event->button() == Qt::LeftButton ? clickableAt(event->scenePos()) : nullptr;
    m_pressedAt = m_pressed ? m_pressed->pos() : QPointF();
    if (m_pressed)
        event->accept(); // an edge too: the view does not start panning under it
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    QGraphicsItem *pressed = std::exchange(m_pressed, nullptr);
    if (!pressed || event->button() != Qt::LeftButton)
        return;
    if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(pressed)) {
        if (node->pos() != m_pressedAt) { // dragged: pinned where it was dropped
            node->setPinned(true);
            drawClusters();
            growSceneRect(); // dropped beyond the edge: the view still pans to it
            Q_EMIT nodeMoved(node->node().id, node->pos());
            return;
        }
        Q_EMIT nodeClicked(node->node());
    } else if (auto *edge = qgraphicsitem_cast<GraphEdgeItem *>(pressed)) {
        edge->setSelected(true);
        Q_EMIT edgeClicked(edge->edge());
    }
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseDoubleClickEvent(event);
    QGraphicsItem *item = clickableAt(event->scenePos());
    if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(item))
        Q_EMIT nodeActivated(node->node());
    else if (auto *edge = qgraphicsitem_cast<GraphEdgeItem *>(item))
        Q_EMIT edgeActivated(edge->edge());
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QGraphicsItem *item = clickableAt(event->scenePos());
    if (item && !item->isSelected()) {
        clearSelection();
        item->setSelected(true);
    }
    Q_EMIT menuRequested(item, event->screenPos());
    event->accept();
}

} // namespace flowscope
