// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow-log format strings used before, newest first (kept in QSettings),
// offered again the next time a format is asked for.

#include <QStringList>

namespace flowscope {

class LogFormatHistory {
public:
    static constexpr int kMaxEntries = 10;

    QStringList formats() const;
    void remember(const QString &format);
};

} // namespace flowscope
