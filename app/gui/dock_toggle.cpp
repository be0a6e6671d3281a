// SPDX-License-Identifier: GPL-3.0-or-later
#include "dock_toggle.h"

#include <QAction>
#include <QDockWidget>

namespace flowscope {

bool isDockOnScreen(const QDockWidget *dock) { return dock->isVisible() && !dock->visibleRegion().isEmpty(); }

void raiseOnToggle(QDockWidget *dock)
{
    QAction *toggle = dock->toggleViewAction();
    QObject::disconnect(toggle, SIGNAL(triggered(bool)), dock, nullptr); // the dock's own show-or-close
    QObject::connect(toggle, &QAction::triggered, dock, [dock, toggle] {
        if (isDockOnScreen(dock)) {
            dock->close();
            return;
        }
        dock->show();
        dock->raise();
        toggle->setChecked(true); // a dock brought from behind a tab stays open
    });
}

} // namespace flowscope
