// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_canvas.h"

#include "graph_items.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>
#include <utility>

namespace flowscope {

namespace {
constexpr double kMinScale = 0.05;
constexpr double kMaxScale = 6.0;
constexpr double kStep = 1.25;
} // namespace

GraphCanvas::GraphCanvas(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag); // items take their own presses first
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    // Panned by dragging: scroll bars would only take room from a narrow dock.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void GraphCanvas::zoomBy(double factor)
{
    const double now = transform().m11();
    const double next = std::clamp(now * factor, kMinScale, kMaxScale);
    scale(next / now, next / now);
}

void GraphCanvas::fit(Fit how)
{
    m_movedByUser = false;
    m_fit = how;
    if (!scene())
        return;
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (bounds.isEmpty())
        return;
    fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.5) // a few nodes are not blown up
        setTransform(QTransform::fromScale(1.5, 1.5));
    // Within a zoom step of their own size the labels still read (drawn at
    // the smallest readable size, a little elided): the whole graph is shown.
    const double readable = readableLabelScale();
    const bool part = how == Fit::Readable && transform().m11() < readable / kStep - 1e-9;
    if (part) {
        setTransform(QTransform::fromScale(readable, readable));
        centerOn(bounds.contains(m_focus) ? m_focus : bounds.center());
    } else {
        centerOn(bounds.center());
    }
    setShowsPart(part);
}

void GraphCanvas::setShowsPart(bool part)
{
    if (std::exchange(m_showsPart, part) != part)
        Q_EMIT showsPartChanged(part);
}

void GraphCanvas::movedByAnalyst()
{
    m_movedByUser = true;
    setShowsPart(false); // where the analyst looks is their choice: nothing to point out
}

void GraphCanvas::fitUnlessMoved()
{
    if (!m_movedByUser)
        fit(m_fit);
}

QPoint GraphCanvas::scrollPosition() const { return {horizontalScrollBar()->value(), verticalScrollBar()->value()}; }

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        movedByAnalyst();
        return;
    }
    zoomBy(std::pow(kStep, steps));
    movedByAnalyst();
    event->accept();
}

void GraphCanvas::mousePressEvent(QMouseEvent *event)
{
    m_pressScroll = scrollPosition();
    QGraphicsView::mousePressEvent(event);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (scrollPosition() != m_pressScroll) // the background dragged: the analyst looks somewhere
        movedByAnalyst();
}

void GraphCanvas::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fitUnlessMoved();
}

void GraphCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
        zoomBy(kStep);
        movedByAnalyst();
    } else if (event->key() == Qt::Key_Minus) {
        zoomBy(1 / kStep);
        movedByAnalyst();
    } else if (event->key() == Qt::Key_0) {
        fit(Fit::Whole);
        Q_EMIT wholeFitRequested();
    }
    else if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        Q_EMIT applyRequested();
    else
        QGraphicsView::keyPressEvent(event);
}

} // namespace flowscope
