// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_bar_menu.h"

#include <QFontMetrics>

namespace flowscope {

namespace {

// Menu text: '&' would become a mnemonic, a long filter would widen the menu
// past the screen.
QString menuText(const QString &text, const QFontMetrics &metrics)
{
    QString shown = metrics.elidedText(text.simplified(), Qt::ElideMiddle, metrics.averageCharWidth() * 70);
    return shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

FilterBarMenu::FilterBarMenu(QWidget *parent)
    : QMenu(parent)
{
    setTitle(tr("Filters"));
    setToolTipsVisible(true);
}

void FilterBarMenu::populate(const QStringList &history, const std::vector<SavedFilter> &saved, bool hasCase,
                             bool canSave)
{
    clear();
    const QFontMetrics metrics(font());

    addSection(tr("Recent Filters"));
    for (const QString &expression : history) {
        QAction *action = addAction(menuText(expression, metrics));
        action->setToolTip(expression);
        connect(action, &QAction::triggered, this, [this, expression] { Q_EMIT applyRequested(expression); });
    }
    if (history.isEmpty())
        addAction(tr("No recent filters"))->setEnabled(false);

    addSection(tr("Saved Filters"));
    for (const SavedFilter &filter : saved) {
        const QString name = QString::fromStdString(filter.name);
        const QString expression = QString::fromStdString(filter.expression);
        QAction *action = addAction(menuText(name, metrics));
        action->setToolTip(expression);
        connect(action, &QAction::triggered, this, [this, expression] { Q_EMIT applyRequested(expression); });
    }
    if (!hasCase)
        addAction(tr("Open a case to save filters in it"))->setEnabled(false);
    else if (saved.empty())
        addAction(tr("No saved filters"))->setEnabled(false);

    addSeparator();
    QAction *save = addAction(tr("&Save Filter…"));
    save->setEnabled(hasCase && canSave);
    connect(save, &QAction::triggered, this, &FilterBarMenu::saveRequested);
    QMenu *remove = addMenu(tr("&Remove Saved Filter"));
    remove->setEnabled(!saved.empty());
    for (const SavedFilter &filter : saved) {
        const QString name = QString::fromStdString(filter.name);
        connect(remove->addAction(menuText(name, metrics)), &QAction::triggered, this,
                [this, name] { Q_EMIT removeRequested(name); });
    }
    QAction *clearHistory = addAction(tr("&Clear Recent Filters"));
    clearHistory->setEnabled(!history.isEmpty());
    connect(clearHistory, &QAction::triggered, this, &FilterBarMenu::clearHistoryRequested);
}

} // namespace flowscope
