// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case's configuration snapshots, with a way to remove one (after a
// question): File > Configuration Snapshots…. The window removes it
// (removeRequested) and asks for reload().

#include <QDialog>
#include <QString>

class QPushButton;
class QTableView;

namespace flowscope {

class SnapshotListModel;

class SnapshotListDialog : public QDialog {
    Q_OBJECT
public:
    explicit SnapshotListDialog(const QString &casePath, QWidget *parent = nullptr);

    void reload();
    SnapshotListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Asks before removing (tests turn the question off).
    void setConfirmRemoval(bool confirm) { m_confirm = confirm; }

Q_SIGNALS:
    void removeRequested(qint64 snapshotId);

private:
    void removeSelected();
    void updateState();

    QString m_casePath;
    SnapshotListModel *m_model;
    QTableView *m_view;
    QPushButton *m_remove;
    bool m_confirm = true;
};

} // namespace flowscope
