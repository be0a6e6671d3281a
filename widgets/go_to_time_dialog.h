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

// Shows the dialog; nothing when cancelled.
std::optional<qint64> askGoToTime(QWidget *parent, const QString &suggestion);

} // namespace flowscope
