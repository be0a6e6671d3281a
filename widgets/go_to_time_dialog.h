// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Asks for a moment to jump to in the flow table: ISO 8601 (a time without a
// zone is UTC, as everything in Flowscope) or epoch seconds.

#include <QString>
#include <QWidget>

#include <optional>

namespace flowscope {

// Epoch seconds of `text`, or nothing when it is not a time.
std::optional<qint64> parseGoToTime(const QString &text);

// What the dialog asks, with the case's time range when it is known, so
// that the analyst sees where a time can be found.
QString goToTimePrompt(std::optional<qint64> firstStart, std::optional<qint64> lastEnd);

// Shows the dialog with `suggestion` in the field; nothing when cancelled.
std::optional<qint64> askGoToTime(QWidget *parent, const QString &suggestion, const QString &prompt);

} // namespace flowscope
