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

QString goToTimePrompt(std::optional<qint64> firstStart, std::optional<qint64> lastEnd)
{
    QString prompt = QWidget::tr("Time (ISO 8601, UTC unless a zone is given, or epoch seconds):");
    if (firstStart && lastEnd) {
        const auto iso = [](qint64 epoch) {
            return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(Qt::ISODate);
        };
        prompt = QWidget::tr("The case spans %1 to %2.").arg(iso(*firstStart), iso(*lastEnd)) + QLatin1Char('\n') + prompt;
    }
    return prompt;
}

std::optional<qint64> askGoToTime(QWidget *parent, const QString &suggestion, const QString &prompt)
{
    QString text = suggestion;
    for (;;) {
        bool ok = false;
        text = QInputDialog::getText(parent, QWidget::tr("Go to Time"), prompt, QLineEdit::Normal, text, &ok);
        if (!ok)
            return std::nullopt;
        if (const auto epoch = parseGoToTime(text))
            return epoch;
        QMessageBox::warning(parent, QWidget::tr("Go to Time"), QWidget::tr("'%1' is not a time.").arg(text));
    }
}

} // namespace flowscope
