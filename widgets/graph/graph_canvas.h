// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph's viewport: dragging the background pans, the wheel zooms
// around the pointer (within bounds), + and - zoom, 0 fits. Until the
// analyst zooms or pans, the graph stays fitted: as the viewport is
// resized, and (when the owner asks, after each new layout) refitted.

#include <QGraphicsView>

namespace flowscope {

class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);
    void zoomBy(double factor);
    // Shows the whole graph and follows the viewport's size again.
    void fit();
    // Fits unless the analyst has zoomed or panned since the last fit.
    void fitUnlessMoved();
    bool movedByUser() const { return m_movedByUser; }

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QPoint scrollPosition() const;

    bool m_movedByUser = false;
    QPoint m_pressScroll; // where the view was scrolled at a press, to tell a pan
};

} // namespace flowscope
