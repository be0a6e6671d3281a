// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Open Recent: the recent cases, newest first, and a way to forget them.

#include <QMenu>

namespace flowscope {

class RecentCasesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentCasesMenu(QWidget *parent = nullptr);

    void setCases(const QStringList &paths);

Q_SIGNALS:
    void openRequested(const QString &path);
    void clearRequested();
};

} // namespace flowscope
