// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The display filters applied most recently, newest first and each once,
// kept in QSettings under "filter/history" so they are there the next time Flowscope starts.

#include <QStringList>

namespace flowscope {

class FilterHistory {
public:
    static constexpr int kMaxEntries = 50;
    static QString settingsKey();

    static QStringList entries();
    // Moves (or adds) `expression` to the front; blank expressions are not kept.
    static void add(const QString &expression);
    static void clear();

    // The list `entries` becomes once `expression` is added.
    static QStringList added(QStringList entries, const QString &expression, int maxEntries = kMaxEntries);
};

} // namespace flowscope
