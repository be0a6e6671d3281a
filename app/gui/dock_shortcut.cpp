// SPDX-License-Identifier: GPL-3.0-or-later
#include "dock_shortcut.h"

#include <QAction>
#include <QDockWidget>

namespace flowscope {

bool dockInFront(const QDockWidget *dock)
{
    return dock->isVisible() && dock->widget() && !dock->widget()->visibleRegion().isEmpty();
}

void toggleBringsForward(QDockWidget *dock)
{
    QAction *toggle = dock->toggleViewAction();
    QObject::disconnect(toggle, &QAction::triggered, dock, nullptr); // Qt's own show-or-hide
    QObject::connect(toggle, &QAction::triggered, dock, [dock, toggle] {
        if (dockInFront(dock)) {
            dock->hide();
        } else {
            dock->show();
            dock->raise();
        }
        toggle->setChecked(!dock->isHidden());
    });
}

} // namespace flowscope
