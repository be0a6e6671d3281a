// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the window shows with no case open: how to start.

#include <QWidget>

namespace flowscope {

class EmptyCaseView : public QWidget {
    Q_OBJECT
public:
    explicit EmptyCaseView(QWidget *parent = nullptr);

Q_SIGNALS:
    void newCaseRequested();
    void openCaseRequested();
};

} // namespace flowscope
