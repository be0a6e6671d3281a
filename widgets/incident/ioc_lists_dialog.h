// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Investigation > IOC Lists: the case's lists (add from files, remove), and a
// retro-hunt over them whose hits fill a table; a double-click on a hit asks
// for the filter that shows its records.

#include "incident/ioc_hunt.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace flowscope {

class IocHitsModel;
class IocListsController;

class IocListsDialog : public QDialog {
    Q_OBJECT
public:
    IocListsDialog(IocListsController *controller, QWidget *parent = nullptr);

    IocHitsModel *hitsModel() const { return m_hits; }
    // Where Add… starts: the folder of the last lists added, else the case's, else home.
    QString startFolder() const;
    QTableView *hitsView() const { return m_hitsView; }

Q_SIGNALS:
    void filterRequested(const QString &expression);

private:
    void showLists();
    void addFiles();
    void removeSelected();
    void hunt();
    // The hunt's hits and, with the controller's lastHunt(), when it ran over which lists.
    void showHunt(const incident::IocHunt &hunt);
    QStringList selectedNames() const;

    IocListsController *m_controller;
    QTableWidget *m_lists;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_hunt;
    QTableView *m_hitsView;
    IocHitsModel *m_hits;
    QLabel *m_status;
    bool m_statusIsHunt = false; // the status line tells of the hunt (not of an addition or error)
};

} // namespace flowscope
