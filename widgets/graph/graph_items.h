// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph view's items: a node (a box with its label, moved by dragging),
// an edge (a straight or gently curved line between two nodes, its width by
// weight, an arrow at the responder where the initiator is known) and a
// cluster (a subnet or VPC drawn around its interfaces).

#include "graph/flow_graph.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>

#include <vector>

namespace flowscope {

class GraphEdgeItem;

// Points per character of a typical label ("eni-0a1b… (web-a)", "52.218.0.0/24") in the view's font.
double graphLabelCharWidth();

// Labels are drawn no smaller than about 8 pixels on screen. From
// readableLabelScale() (the view's zoom) up they are drawn at their own
// size; below it, enlarged to those 8 pixels and elided to their box, as
// long as the box is three quarters of that line's height (labelReadableAt).
// Further out the items leave their labels out and name themselves in
// their tooltips. A readable fit shows the whole graph down to one zoom
// step below readableLabelScale(), and no further (graph_canvas.h).
double readableLabelScale();
bool labelReadableAt(double scale);
// The font a label is drawn in at `scale`: the view's, or larger to read (scene units).
QFont graphLabelFontAt(double scale);

// How the baseline marks an item.
enum class BaselineMark { None, New, Gone };

struct GraphColours {
    QColor text;
    QColor nodeFill;
    QColor outsideFill;
    QColor serviceFill;
    QColor iocFill; // addresses an IOC list holds
    QColor border;
    QColor edge;
    QColor reject;
    QColor fresh; // "new"
    QColor cluster;
};

class GraphNodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    // `charWidth`: points per label character, as the layout sized the box (graph_geometry.h).
    GraphNodeItem(const graph::GraphNode &node, BaselineMark mark, const GraphColours &colours, double charWidth);

    const graph::GraphNode &node() const { return m_node; }
    BaselineMark mark() const { return m_mark; }
    void addEdge(GraphEdgeItem *edge) { m_edges.push_back(edge); }
    const std::vector<GraphEdgeItem *> &edges() const { return m_edges; }
    bool isPinned() const { return m_pinned; }
    void setPinned(bool pinned);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    graph::GraphNode m_node;
    BaselineMark m_mark;
    const GraphColours &m_colours;
    QString m_text; // the label, elided
    QRectF m_rect;
    std::vector<GraphEdgeItem *> m_edges;
    bool m_pinned = false;
};

class GraphEdgeItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };
    // `width` in pixels; `bend` > 0 curves the line (a fraction of its length).
    GraphEdgeItem(const graph::GraphEdge &edge, GraphNodeItem *source, GraphNodeItem *target, double width,
                  BaselineMark mark, const GraphColours &colours);

    const graph::GraphEdge &edge() const { return m_edge; }
    GraphNodeItem *source() const { return m_source; }
    GraphNodeItem *target() const { return m_target; }
    BaselineMark mark() const { return m_mark; }
    // Follows the nodes after one moved.
    void adjust();
    // A point on the line, halfway (where a click selects it).
    QPointF middle() const { return m_middle; }

    int type() const override { return Type; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    graph::GraphEdge m_edge;
    GraphNodeItem *m_source;
    GraphNodeItem *m_target;
    BaselineMark m_mark;
    QPainterPath m_arrow;
    QPointF m_middle;
};

class GraphClusterItem : public QGraphicsRectItem {
public:
    enum { Type = UserType + 3 };
    GraphClusterItem(const QString &label, const QRectF &rect, const GraphColours &colours, int depth);
    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QColor m_colour;
};

// A cluster's name at its top left corner, above the edges and below the
// nodes, on a backing of the view's base colour.
class GraphClusterLabelItem : public QGraphicsSimpleTextItem {
public:
    enum { Type = UserType + 4 };
    // Elided to the cluster's width.
    GraphClusterLabelItem(const QString &label, const QRectF &cluster, const GraphColours &colours);
    int type() const override { return Type; }
    // Room for the label as large as it is ever drawn (graphLabelFontAt).
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_label;
    double m_width; // the cluster's, less the insets
    QColor m_backing;
};

} // namespace flowscope
