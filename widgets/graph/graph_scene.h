// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph drawn: nodes where the layout (or the analyst's drag) put them,
// edges between them, and at the ENI level subnets and VPCs as clusters
// around their interfaces. Selecting an item fades what is not its
// neighbour; a click (a press and release without a drag) on a node or an
// edge is reported, a drag pins the node where it was dropped.

#include "graph_items.h"
#include "itemmodels/graph_loader.h"

#include <QGraphicsScene>

#include <map>

namespace flowscope {

class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    // Replaces what is drawn. `pinned` nodes stay where they were dropped.
    void showGraph(const GraphResult &result, const std::map<QString, QPointF> &pinned, const GraphColours &colours);

    GraphNodeItem *nodeItem(const QString &id) const;
    std::vector<GraphNodeItem *> nodeItems() const;
    std::vector<GraphEdgeItem *> edgeItems() const;
    // Where every node is now (laid out or dragged).
    std::map<QString, QPointF> positions() const;
    // The first node whose label or id contains `text` (case aside), or null.
    GraphNodeItem *findNode(const QString &text) const;

Q_SIGNALS:
    void nodeClicked(const flowscope::graph::GraphNode &node);
    void edgeClicked(const flowscope::graph::GraphEdge &edge);
    void nodeActivated(const flowscope::graph::GraphNode &node); // double-click
    void edgeActivated(const flowscope::graph::GraphEdge &edge);
    void nodeMoved(const QString &id, QPointF position); // dropped by the analyst: pinned there
    void menuRequested(QGraphicsItem *item, QPoint screenPos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void highlightNeighbours();
    void drawClusters();
    QRectF roomAround() const;
    void growSceneRect();
    QGraphicsItem *clickableAt(const QPointF &scenePos) const;

    std::map<QString, GraphNodeItem *> m_nodes;
    std::vector<GraphEdgeItem *> m_edges;
    std::vector<QGraphicsItem *> m_clusters;
    std::map<QString, QString> m_clusterLabels; // subnet and VPC ids → labels with names
    GraphColours m_colours;
    double m_charWidth = graph::kDefaultCharWidth;
    QGraphicsItem *m_pressed = nullptr;
    QPointF m_pressedAt; // the pressed node's position at the press
};

} // namespace flowscope
