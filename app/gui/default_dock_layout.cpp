// SPDX-License-Identifier: GPL-3.0-or-later
#include "default_dock_layout.h"

#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>

namespace flowscope {

void applyDefaultDockSizes(QMainWindow &window, QDockWidget *top, QDockWidget *bottom, QDockWidget *side,
                           DefaultDockShares shares)
{
    // The column the table sits in: the docks above and below it and the table itself.
    const QWidget *central = window.centralWidget();
    const int column = (central ? central->height() : 0) + top->height() + bottom->height();
    window.resizeDocks({top, bottom}, {int(column * shares.top), int(column * shares.bottom)}, Qt::Vertical);
    // Room for the panel's rules (a group id, action, protocol, ports and peer) in about sixty
    // characters, within a third of the window: the table beside it keeps its first columns in sight.
    const int width = window.width();
    window.resizeDocks({side}, {std::clamp(window.fontMetrics().averageCharWidth() * 60, width / 5, width / 3)},
                       Qt::Horizontal);
}

} // namespace flowscope
