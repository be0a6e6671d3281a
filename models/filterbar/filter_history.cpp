// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_history.h"

#include <QSettings>

namespace flowscope {

QString FilterHistory::settingsKey() { return QStringLiteral("filter/history"); }

QStringList FilterHistory::entries() { return QSettings().value(settingsKey()).toStringList(); }

void FilterHistory::add(const QString &expression)
{
    const QStringList before = entries();
    const QStringList after = added(before, expression);
    if (after != before)
        QSettings().setValue(settingsKey(), after);
}

void FilterHistory::clear() { QSettings().remove(settingsKey()); }

QStringList FilterHistory::added(QStringList entries, const QString &expression, int maxEntries)
{
    const QString entry = expression.trimmed();
    if (entry.isEmpty())
        return entries;
    entries.removeAll(entry);
    entries.prepend(entry);
    while (entries.size() > maxEntries)
        entries.removeLast();
    return entries;
}

} // namespace flowscope
