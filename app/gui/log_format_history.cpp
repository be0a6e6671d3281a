// SPDX-License-Identifier: GPL-3.0-or-later
#include "log_format_history.h"

#include <QSettings>

namespace flowscope {

namespace {
const QString kKey = QStringLiteral("import/logFormats");
}

QStringList LogFormatHistory::formats() const { return QSettings().value(kKey).toStringList(); }

void LogFormatHistory::remember(const QString &format)
{
    const QString trimmed = format.simplified();
    if (trimmed.isEmpty())
        return;
    QStringList list = formats();
    list.removeAll(trimmed);
    list.prepend(trimmed);
    while (list.size() > kMaxEntries)
        list.removeLast();
    QSettings().setValue(kKey, list);
}

} // namespace flowscope
