// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workbench window: wires the views to the core; it computes nothing itself.

#include <QMainWindow>

namespace flowscope {

class CaseSummaryView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    void openCase(const QString &path);
    void showError(const QString &message);

private:
    CaseSummaryView *m_summary;
};

} // namespace flowscope
