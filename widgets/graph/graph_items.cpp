// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_items.h"

#include "graph/graph_geometry.h"

#include <QCoreApplication>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace flowscope {

namespace {

constexpr double kOutline = 3;     // around the box, within the layout's node box
constexpr double kPaddingX = graph::kNodePadding / 2 - kOutline;
constexpr double kBend = 0.12;     // curve's offset, a share of the edge's length
constexpr double kArrowSize = 9;
constexpr double kReadablePixels = 8; // the smallest font size that reads on screen
constexpr double kLineRoom = 0.75;    // of a label's font size, what its box must hold (the line may cover the outline)
constexpr double kLabelRoom = graph::kNodeHeight - 2 * kOutline; // a node box's inner height

// The smallest zoom at which a node's box holds a line of readable text.
double smallestLabelScale() { return kReadablePixels * kLineRoom / kLabelRoom; }

int fontPixels(const QFont &font) { return std::max(1, QFontInfo(font).pixelSize()); }

QString tr(const char *text) { return QCoreApplication::translate("flowscope::GraphItems", text); }

QString totals(const graph::Traffic &t)
{
    const QLocale locale;
    // Powers of 1000, as the Statistics and the findings' titles write them.
    return tr("%1 flows, %2, %3 packets\n%4 accepted, %5 rejected")
        .arg(locale.toString(qulonglong(t.flows)), locale.formattedDataSize(qint64(t.bytes), 1, QLocale::DataSizeSIFormat),
             locale.toString(qulonglong(t.packets)), locale.toString(qulonglong(t.accept)),
             locale.toString(qulonglong(t.reject)));
}

QString markText(BaselineMark mark)
{
    return mark == BaselineMark::New ? tr("\nNew: not seen before the time range")
        : mark == BaselineMark::Gone ? tr("\nGone: seen before the time range, not in it")
                                     : QString();
}

// Where the segment from the node's centre towards `towards` leaves its box.
QPointF borderPoint(const QRectF &box, const QPointF &centre, const QPointF &towards)
{
    const QPointF d = towards - centre;
    if (d.isNull())
        return centre;
    const double sx = d.x() ? (box.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() ? (box.height() / 2) / std::abs(d.y()) : 1e9;
    return centre + d * std::min({sx, sy, 1.0});
}

} // namespace

double graphLabelCharWidth()
{
    // Ids and addresses are mostly digits and hex letters, among the widest
    // characters: measured on them, labels are rarely elided.
    const QString typical = QStringLiteral("0123456789abcdef0123456789ABCDEFmore");
    return QFontMetricsF(QFont()).horizontalAdvance(typical) / double(typical.size());
}

double readableLabelScale() { return kReadablePixels / fontPixels(QFont()); }

bool labelReadableAt(double scale) { return scale >= std::min(smallestLabelScale(), readableLabelScale()) - 1e-9; }

QFont graphLabelFontAt(double scale)
{
    QFont font;
    if (scale < readableLabelScale() && scale > 0)
        font.setPixelSize(int(std::ceil(kReadablePixels / scale)));
    return font;
}

GraphNodeItem::GraphNodeItem(const graph::GraphNode &node, BaselineMark mark, const GraphColours &colours, double charWidth)
    : m_node(node)
    , m_mark(mark)
    , m_colours(colours)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(2);
    // The box the layout kept apart from the others; the label elided to it.
    m_rect = graph::nodeBox(QPointF(), graph::nodeBoxWidth(node.label, charWidth)).adjusted(kOutline, kOutline, -kOutline, -kOutline);
    m_text = QFontMetricsF(QFont()).elidedText(node.label, Qt::ElideRight, m_rect.width() - 2 * kPaddingX);
    setToolTip(node.label + (node.label == node.id ? QString() : QLatin1Char('\n') + node.id) + QLatin1Char('\n')
               + totals(node.traffic) + markText(mark));
    if (mark == BaselineMark::Gone)
        setOpacity(0.55);
}

void GraphNodeItem::setPinned(bool pinned)
{
    m_pinned = pinned;
    update();
}

QRectF GraphNodeItem::boundingRect() const { return m_rect.adjusted(-kOutline, -kOutline, kOutline, kOutline); }

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    using graph::NodeKind;
    const QColor fill = m_node.kind == NodeKind::Outside ? m_colours.outsideFill
        : m_node.kind == NodeKind::AwsService           ? m_colours.serviceFill
        : m_node.kind == NodeKind::Ioc                  ? m_colours.iocFill
                                                         : m_colours.nodeFill;
    QPen pen(m_mark == BaselineMark::New ? m_colours.fresh : m_colours.border,
             m_mark == BaselineMark::New ? 3 : (option->state & QStyle::State_Selected ? 2.5 : 1));
    if (option->state & QStyle::State_Selected)
        pen.setColor(m_colours.text);
    if (m_mark == BaselineMark::Gone || m_node.kind == NodeKind::More)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(fill);
    const double radius = m_node.kind == NodeKind::Eni ? 4 : m_rect.height() / 2;
    painter->drawRoundedRect(m_rect, radius, radius);
    if (m_node.traffic.reject > 0) { // a red corner: some of its traffic was rejected
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_colours.reject);
        painter->drawEllipse(QPointF(m_rect.right() - 4, m_rect.top() + 4), 3.5, 3.5);
    }
    if (m_pinned) {
        painter->setPen(QPen(m_colours.text, 1.5));
        painter->drawLine(QPointF(m_rect.left() + 3, m_rect.bottom() - 3), QPointF(m_rect.left() + 8, m_rect.bottom() - 3));
    }
    // Too small to read, a label would only be noise: the tooltip names the node.
    const double scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (!labelReadableAt(scale))
        return;
    // In the font the box was sized and the label elided for (not the view's, which may differ),
    // or larger where that would not read, elided again to the box.
    const QFont font = graphLabelFontAt(scale);
    const QString text = font == QFont() ? m_text
                                         : QFontMetricsF(font).elidedText(m_node.label, Qt::ElideRight, m_rect.width() - 2 * kPaddingX);
    painter->setFont(font);
    painter->setPen(m_colours.text);
    // Far out, a box a little lower than the line does not cut it: it reads over the outline.
    painter->drawText(m_rect, Qt::AlignCenter | Qt::TextDontClip, text);
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (GraphEdgeItem *edge : m_edges)
            edge->adjust();
    return QGraphicsItem::itemChange(change, value);
}

GraphEdgeItem::GraphEdgeItem(const graph::GraphEdge &edge, GraphNodeItem *source, GraphNodeItem *target, double width,
                             BaselineMark mark, const GraphColours &colours)
    : m_edge(edge)
    , m_source(source)
    , m_target(target)
    , m_mark(mark)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
    // Rejects first; a new edge otherwise in the baseline's colour.
    QColor colour = edge.traffic.reject > 0 ? colours.reject : mark == BaselineMark::New ? colours.fresh : colours.edge;
    QPen pen(colour, width, mark == BaselineMark::Gone ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    setPen(pen);
    if (mark == BaselineMark::Gone)
        setOpacity(0.55);
    QString ends = edge.directed ? QStringLiteral("%1 → %2") : QStringLiteral("%1 — %2");
    setToolTip(ends.arg(source->node().label, target->node().label) + QLatin1Char('\n') + totals(edge.traffic)
               + (edge.directed ? QString() : tr("\nInitiator unknown")) + markText(mark));
    source->addEdge(this);
    if (target != source)
        target->addEdge(this);
    adjust();
}

void GraphEdgeItem::adjust()
{
    prepareGeometryChange();
    const QPointF a = m_source->pos();
    const QPointF b = m_target->pos();
    QPainterPath path;
    m_arrow = QPainterPath();
    if (m_source == m_target) { // traffic inside one node: a loop above it
        const QRectF box = m_source->boundingRect().translated(a);
        const QPointF top(a.x(), box.top());
        path.moveTo(top + QPointF(-8, 0));
        path.cubicTo(top + QPointF(-26, -34), top + QPointF(26, -34), top + QPointF(8, 0));
        m_middle = path.pointAtPercent(0.5);
        setPath(path);
        return;
    }
    // Gently curved, so that edges between neighbours do not lie on each other.
    const QPointF d = b - a;
    const QPointF normal(-d.y() * kBend, d.x() * kBend);
    const QPointF control = (a + b) / 2 + normal;
    const QPointF start = borderPoint(m_source->boundingRect().adjusted(3, 3, -3, -3).translated(a), a, control);
    const QPointF end = borderPoint(m_target->boundingRect().adjusted(3, 3, -3, -3).translated(b), b, control);
    path.moveTo(start);
    path.quadTo(control, end);
    m_middle = path.pointAtPercent(0.5);
    if (m_edge.directed) {
        const QPointF dir = end - control;
        const double length = std::hypot(dir.x(), dir.y());
        if (length > 0) {
            const QPointF unit = dir / length;
            const QPointF side(-unit.y(), unit.x());
            const double size = kArrowSize + pen().widthF();
            m_arrow.moveTo(end);
            m_arrow.lineTo(end - unit * size + side * size / 2);
            m_arrow.lineTo(end - unit * size - side * size / 2);
            m_arrow.closeSubpath();
        }
    }
    setPath(path);
}

QPainterPath GraphEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(8.0, pen().widthF() + 4)); // thin lines stay easy to hit
    return stroker.createStroke(path()) + m_arrow;
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    QPen pen = this->pen();
    if (option->state & QStyle::State_Selected)
        pen.setWidthF(pen.widthF() + 2);
    if (m_mark == BaselineMark::New)
        pen.setStyle(Qt::SolidLine);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    if (!m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen.color());
        painter->drawPath(m_arrow);
    }
}

GraphClusterItem::GraphClusterItem(const QString &label, const QRectF &rect, const GraphColours &colours, int depth)
    : QGraphicsRectItem(rect)
    , m_colour(colours.cluster)
{
    setZValue(-depth);
    setToolTip(label);
    setAcceptedMouseButtons(Qt::NoButton);
}

void GraphClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QColor fill = m_colour;
    fill.setAlpha(zValue() < -1 ? 0 : 22); // a VPC outlined, a subnet lightly filled: overlaps stay readable
    painter->setPen(QPen(m_colour, 1, Qt::DashLine));
    painter->setBrush(fill);
    painter->drawRoundedRect(rect(), 8, 8);
}

GraphClusterLabelItem::GraphClusterLabelItem(const QString &label, const QRectF &cluster, const GraphColours &colours)
    : QGraphicsSimpleTextItem(QFontMetricsF(QFont()).elidedText(label, Qt::ElideRight, cluster.width() - 2 * graph::kClusterLabelInset))
    , m_label(label)
    , m_width(cluster.width() - 2 * graph::kClusterLabelInset)
    , m_backing(colours.nodeFill)
{
    setBrush(colours.cluster.darker(130));
    setPos(cluster.topLeft() + QPointF(graph::kClusterLabelInset, 2));
    setZValue(1.5); // edges 1, nodes 2
    setToolTip(label);
    setAcceptedMouseButtons(Qt::NoButton);
}

QRectF GraphClusterLabelItem::boundingRect() const
{
    // At most this much larger than its own size, at the smallest zoom that draws it.
    const double grow = std::max(1.0, readableLabelScale() / std::min(smallestLabelScale(), readableLabelScale()));
    return QRectF(-2, 0, std::max(0.0, m_width) + 4, QFontMetricsF(QFont()).height() * grow);
}

void GraphClusterLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (!labelReadableAt(scale))
        return; // the cluster's tooltip names it
    // As the nodes' labels: no smaller than readable, elided to the cluster's width.
    const QFont font = graphLabelFontAt(scale);
    const QFontMetricsF metrics(font);
    const QString text = metrics.elidedText(m_label, Qt::ElideRight, m_width);
    const QRectF box(0, 0, metrics.horizontalAdvance(text), metrics.height());
    QColor backing = m_backing;
    backing.setAlpha(200);
    painter->fillRect(box.adjusted(-2, 0, 2, 0), backing);
    painter->setFont(font);
    painter->setPen(brush().color());
    painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
}

} // namespace flowscope
