// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivot_filter_menu.h"

#include "pivot/filter_compose.h"

#include <QAction>
#include <QMenu>

namespace flowscope {

void PivotFilterMenu::addTo(QMenu *menu, const QString &term, const CurrentFilter &currentFilter, const Request &request)
{
    struct Choice {
        FilterCombine how;
        const char *suffix;
        QString label;
    };
    const Choice choices[] = {
        {FilterCombine::Replace, "Selected", tr("Selected")},
        {FilterCombine::And, "AndSelected", tr("…and Selected")},
        {FilterCombine::Or, "OrSelected", tr("…or Selected")},
        {FilterCombine::AndNot, "AndNotSelected", tr("…and not Selected")},
        {FilterCombine::OrNot, "OrNotSelected", tr("…or not Selected")},
    };
    const QString current = currentFilter ? currentFilter() : QString();
    for (const bool apply : {true, false}) {
        QMenu *sub = menu->addMenu(apply ? tr("Apply as Filter") : tr("Prepare as Filter"));
        sub->setObjectName(apply ? QStringLiteral("applyAsFilter") : QStringLiteral("prepareAsFilter"));
        sub->setToolTipsVisible(true);
        sub->setEnabled(!term.isEmpty());
        for (const Choice &choice : choices) {
            QAction *action = sub->addAction(choice.label);
            action->setObjectName(QLatin1String(apply ? "apply" : "prepare") + QLatin1String(choice.suffix));
            action->setEnabled(!term.isEmpty());
            if (term.isEmpty())
                continue;
            // The filter is worked out now: the menu is modal, so the current one cannot change meanwhile.
            const QString expression = combineFilter(current, term, choice.how);
            action->setToolTip(expression);
            action->setStatusTip(expression);
            QObject::connect(action, &QAction::triggered, menu, [request, expression, apply] {
                if (request)
                    request(expression, apply);
            });
        }
    }
}

} // namespace flowscope
