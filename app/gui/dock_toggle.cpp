// SPDX-License-Identifier: GPL-3.0-or-later
#include "dock_toggle.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>

namespace flowscope {

bool isDockOnScreen(const QDockWidget *dock) { return dock->isVisible() && !dock->visibleRegion().isEmpty(); }

namespace {

void showAndRaise(QDockWidget *dock)
{
    dock->show();
    dock->raise();
    dock->toggleViewAction()->setChecked(true); // a dock brought from behind a tab stays open
}

// Takes the toggle action's shortcut event before the action does: the key
// shows and raises, while a click on the menu entry still toggles.
class ShortcutShows : public QObject {
public:
    explicit ShortcutShows(QDockWidget *dock)
        : QObject(dock)
        , m_dock(dock)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Shortcut)
            return QObject::eventFilter(watched, event);
        showAndRaise(m_dock);
        return true;
    }

private:
    QDockWidget *m_dock;
};

} // namespace

void raiseOnToggle(QDockWidget *dock)
{
    QAction *toggle = dock->toggleViewAction();
    if (toggle->property("flowscopeRaiseOnToggle").toBool())
        return; // once is enough: a second connection would close what the first opened
    toggle->setProperty("flowscopeRaiseOnToggle", true);
    QObject::disconnect(toggle, SIGNAL(triggered(bool)), dock, nullptr); // the dock's own show-or-close
    QObject::connect(toggle, &QAction::triggered, dock, [dock] {
        if (isDockOnScreen(dock))
            dock->close();
        else
            showAndRaise(dock);
    });
    toggle->installEventFilter(new ShortcutShows(dock));
}

} // namespace flowscope
