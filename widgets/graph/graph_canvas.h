// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph's viewport: dragging the background pans, the wheel zooms
// around the pointer (within bounds), + and - zoom, 0 fits the whole graph.
// Until the analyst zooms or pans, the graph stays fitted: as the viewport
// is resized, and (when the owner asks, after each new layout) refitted.
// A fit that reads zooms out only as far as labels can be read (down to a
// zoom step below their own size, where they are drawn at the smallest
// readable size): a graph too large for the view at that scale (the top 150
// in a narrow dock) shows the part around its focus (the heaviest node), and
// the rest is a pan, a wheel or 0 away. The whole graph fitted, labels are
// drawn as long as their boxes hold a readable line (graph_items.h); smaller,
// they are left out and the items' tooltips name them.

#include <QGraphicsView>

namespace flowscope {

class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);
    void zoomBy(double factor);
    enum class Fit {
        Readable, // the whole graph if its labels read so, else as much of it around the focus as reads
        Whole,    // the whole graph, however small
    };
    // Fits as `how` says and follows the viewport's size again, so.
    void fit(Fit how = Fit::Readable);
    // Fits (as the last fit did) unless the analyst has zoomed or panned since.
    void fitUnlessMoved();
    bool movedByUser() const { return m_movedByUser; }
    // Where a readable fit of a graph too large for the view centres (scene coordinates).
    void setFocusPoint(QPointF point) { m_focus = point; }
    // True while a readable fit shows only part of the graph (until the analyst zooms or pans).
    bool showsPart() const { return m_showsPart; }

Q_SIGNALS:
    void showsPartChanged(bool part);
    // Enter or Return with the keyboard on the graph.
    void applyRequested();
    // 0 pressed: the analyst asked for the whole graph.
    void wholeFitRequested();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QPoint scrollPosition() const;
    void setShowsPart(bool part);
    void movedByAnalyst();

    bool m_movedByUser = false;
    Fit m_fit = Fit::Readable;
    QPointF m_focus;
    bool m_showsPart = false;
    QPoint m_pressScroll; // where the view was scrolled at a press, to tell a pan
};

} // namespace flowscope
