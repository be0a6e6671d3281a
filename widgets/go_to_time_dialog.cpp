// SPDX-License-Identifier: GPL-3.0-or-later
#include "go_to_time_dialog.h"

#include <QDateTime>
#include <QInputDialog>
#include <QMessageBox>

namespace flowscope {

std::optional<qint64> parseGoToTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool isNumber = false;
    const qint64 epoch = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return epoch;
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // no zone given: UTC, as the table shows times
    return time.toSecsSinceEpoch();
}

std::optional<qint64> askGoToTime(QWidget *parent, const QString &suggestion)
{
    QString text = suggestion;
    for (;;) {
        bool ok = false;
        text = QInputDialog::getText(parent, QWidget::tr("Go to Time"),
                                     QWidget::tr("Time (ISO 8601, UTC unless a zone is given, or epoch seconds):"),
                                     QLineEdit::Normal, text, &ok);
        if (!ok)
            return std::nullopt;
        if (const auto epoch = parseGoToTime(text))
            return epoch;
        QMessageBox::warning(parent, QWidget::tr("Go to Time"), QWidget::tr("'%1' is not a time.").arg(text));
    }
}

} // namespace flowscope
