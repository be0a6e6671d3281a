// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyboard_on_raise.h"

#include "dock_toggle.h"
#include "filter_bar.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextEdit>
#include <QTimer>

namespace flowscope {

bool isTypingIn(const QWidget *focus, const FilterBar *filterBar)
{
    if (!focus)
        return false;
    // The bar holding the filter in force is not being typed in: the analyst applied it and turned away.
    if (filterBar && focus == filterBar->editor())
        return filterBar->filterText().trimmed() != filterBar->appliedFilter();
    if (const auto *line = qobject_cast<const QLineEdit *>(focus))
        return !line->isReadOnly();
    if (const auto *text = qobject_cast<const QTextEdit *>(focus))
        return !text->isReadOnly();
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(focus))
        return !plain->isReadOnly();
    if (const auto *combo = qobject_cast<const QComboBox *>(focus))
        return combo->isEditable();
    return qobject_cast<const QAbstractSpinBox *>(focus) != nullptr;
}

void keyboardOnRaise(QDockWidget *dock, QWidget *target, const FilterBar *filterBar)
{
    const QPointer<const FilterBar> bar(filterBar);
    QObject::connect(dock, &QDockWidget::visibilityChanged, target, [dock, target, bar](bool visible) {
        if (!visible)
            return;
        // Once the tab has switched and the dock is laid out.
        QTimer::singleShot(0, target, [dock, target, bar] {
            if (!isDockOnScreen(dock) || !dock->window()->isActiveWindow())
                return; // behind another tab still, or the window opening: nothing was turned to
            QWidget *focus = QApplication::focusWidget();
            if (focus && (focus == dock || dock->isAncestorOf(focus)))
                return;
            if (isTypingIn(focus, bar))
                return;
            target->setFocus(Qt::OtherFocusReason);
        });
    });
}

} // namespace flowscope
