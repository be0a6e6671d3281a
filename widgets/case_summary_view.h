// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shows what a case holds (records, time range, files, formats, ENIs,
// accounts, regions, errors): the first view of the workbench.

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace flowscope {

struct CaseSummary;

class CaseSummaryView : public QWidget {
    Q_OBJECT
public:
    explicit CaseSummaryView(QWidget *parent = nullptr);
    void showSummary(const QString &casePath, const CaseSummary &summary);
    void showError(const QString &message);

private:
    QLabel *m_title;
    QTreeWidget *m_facts;
};

} // namespace flowscope
