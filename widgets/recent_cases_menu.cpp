// SPDX-License-Identifier: GPL-3.0-or-later
#include "recent_cases_menu.h"

#include <QDir>
#include <QFileInfo>

namespace flowscope {

RecentCasesMenu::RecentCasesMenu(QWidget *parent)
    : QMenu(parent)
{
    setTitle(tr("Open &Recent"));
    setCases({});
}

void RecentCasesMenu::setCases(const QStringList &paths)
{
    clear();
    int number = 0;
    for (const QString &path : paths) {
        ++number;
        // "&1 demo.flowcase": the first nine get a mnemonic.
        const QString name = QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"));
        const QString text = number < 10 ? QStringLiteral("&%1 %2").arg(number).arg(name) : name;
        QAction *action = addAction(text);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (paths.isEmpty()) {
        addAction(tr("No recent cases"))->setEnabled(false);
        return;
    }
    addSeparator();
    connect(addAction(tr("&Clear List")), &QAction::triggered, this, &RecentCasesMenu::clearRequested);
}

} // namespace flowscope
