// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_text.h"

#include <QDateTime>

namespace flowscope::report {

namespace {

bool hidden(QChar c)
{
    if (c == QLatin1Char('\n') || c == QLatin1Char('\t'))
        return false;
    const auto category = c.category();
    // Cc: control characters; Cf: format characters, the direction marks,
    // embeddings, overrides and isolates among them.
    return category == QChar::Other_Control || category == QChar::Other_Format;
}

} // namespace

QString visibleText(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        if (hidden(c))
            shown += QStringLiteral("[U+%1]").arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
        else
            shown += c;
    }
    return shown;
}

QString utcTime(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace flowscope::report
