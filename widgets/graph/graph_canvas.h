// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph's viewport: dragging the background pans, the wheel zooms
// around the pointer (within bounds), + and - zoom, 0 fits.

#include <QGraphicsView>

namespace flowscope {

class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);
    void zoomBy(double factor);
    void fit();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace flowscope
